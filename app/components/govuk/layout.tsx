import { Link, useLocation, useResolvedPath, useRouteLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";

export const SERVICE_NAME = "Family Safeguarding tracker";

export function SkipLink() {
  return (
    <a href="#main-content" className="govuk-skip-link" data-module="govuk-skip-link">
      Skip to main content
    </a>
  );
}

/** The generic (unbranded) header: no crown, no GOV.UK logotype. */
export function Header({ children }: { children?: ReactNode }) {
  return (
    <header className="govuk-generic-header app-header" data-module="govuk-header">
      <div className="govuk-generic-header__container govuk-width-container app-header__container">
        <div className="govuk-generic-header__logo">
          <Link to="/" className="govuk-generic-header__homepage-link">
            {SERVICE_NAME}
          </Link>
        </div>
        {children ? <div className="app-header__account">{children}</div> : null}
      </div>
    </header>
  );
}

export interface NavItem {
  to: string;
  label: string;
  /** Match only this exact path (for index pages). */
  end?: boolean;
}

export function ServiceNavigation({ items, label, serviceName, serviceTo }: { items: NavItem[]; label: string; serviceName?: string; serviceTo?: string }) {
  return (
    <section aria-label={`${label} information`} className="govuk-service-navigation" data-module="govuk-service-navigation">
      <div className="govuk-width-container">
        <div className="govuk-service-navigation__container">
          {serviceName ? (
            <span className="govuk-service-navigation__service-name">
              {serviceTo ? (
                <Link to={serviceTo} className="govuk-service-navigation__link">
                  {serviceName}
                </Link>
              ) : (
                <span className="govuk-service-navigation__text">{serviceName}</span>
              )}
            </span>
          ) : null}
          <nav aria-label={label} className="govuk-service-navigation__wrapper">
            <ul className="govuk-service-navigation__list">
              {items.map((item) => (
                <ServiceNavigationItem key={item.to} item={item} />
              ))}
            </ul>
          </nav>
        </div>
      </div>
    </section>
  );
}

function ServiceNavigationItem({ item }: { item: NavItem }) {
  const { pathname } = useLocation();
  const target = useResolvedPath(item.to).pathname;
  const active = item.end ? pathname === target || pathname === `${target}/` : pathname === target || pathname.startsWith(`${target}/`);
  return (
    <li className={`govuk-service-navigation__item${active ? " govuk-service-navigation__item--active" : ""}`}>
      <Link to={item.to} prefetch="intent" className="govuk-service-navigation__link" aria-current={active ? "page" : undefined}>
        {active ? <strong className="govuk-service-navigation__active-fallback">{item.label}</strong> : item.label}
      </Link>
    </li>
  );
}

export function Footer({ children }: { children?: ReactNode }) {
  return (
    <footer className="govuk-footer app-footer">
      <div className="govuk-width-container">
        <div className="govuk-footer__meta">
          <div className="govuk-footer__meta-item govuk-footer__meta-item--grow">
            <h2 className="govuk-visually-hidden">Support links</h2>
            {children}
            <span className="govuk-footer__licence-description">
              {SERVICE_NAME}: programme data only. It never holds records about individual children.
            </span>
          </div>
        </div>
      </div>
    </footer>
  );
}

/** The one-time notice set by the last successful form (see flash.server.ts). */
function Notice() {
  const root = useRouteLoaderData("root") as { notice?: string | null } | undefined;
  if (!root?.notice) return null;
  return (
    <div className="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="app-notice-title" data-module="govuk-notification-banner">
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id="app-notice-title">
          Success
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">{root.notice}</p>
      </div>
    </div>
  );
}

export function Main({ children, wide = false }: { children: ReactNode; wide?: boolean }) {
  return (
    <div className={wide ? "govuk-width-container app-width-container--wide" : "govuk-width-container"}>
      {/* tabIndex -1: the skip link moves focus here, so the next Tab goes on from the content. */}
      <main className="govuk-main-wrapper" id="main-content" role="main" tabIndex={-1}>
        <Notice />
        {children}
      </main>
    </div>
  );
}
