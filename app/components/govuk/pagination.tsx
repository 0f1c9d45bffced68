import { Link } from "@remix-run/react";
import { pageNumbers } from "~/domain/pagination";

/**
 * GOV.UK pagination: previous, the page numbers (current marked; `numbered` false leaves them
 * out), next. Plain links: works without JavaScript. `labels` renames previous and next (the
 * audit log's pages are "Newer" and "Older").
 */
export function Pagination({
  page,
  pages,
  href,
  label,
  labels,
  numbered = true,
}: {
  page: number;
  pages: number;
  href: (page: number) => string;
  label: string;
  labels?: { previous: string; next: string };
  numbered?: boolean;
}) {
  if (pages <= 1) return null;
  const [previous, next] = labels
    ? [labels.previous, labels.next]
    : ["Previous", "Next"].map((word) => (
        <>
          {word}
          <span className="govuk-visually-hidden"> page</span>
        </>
      ));
  return (
    <nav className="govuk-pagination" aria-label={label}>
      {page > 1 ? (
        <div className="govuk-pagination__prev">
          <Link className="govuk-link govuk-pagination__link" to={href(page - 1)} rel="prev">
            <svg className="govuk-pagination__icon govuk-pagination__icon--prev" xmlns="http://www.w3.org/2000/svg" height="13" width="15" aria-hidden="true" focusable="false" viewBox="0 0 15 13">
              <path d="m6.5938-0.0078125-6.7266 6.7266 6.7441 6.4062 1.377-1.449-4.1856-3.9768h12.896v-2h-12.984l4.2931-4.293-1.414-1.414z" />
            </svg>
            <span className="govuk-pagination__link-title">
              {previous}
            </span>
          </Link>
        </div>
      ) : null}
      {numbered ? (
        <ul className="govuk-pagination__list">
          {pageNumbers(page, pages).map((n, i) =>
            n === "…" ? (
              <li key={`gap-${i}`} className="govuk-pagination__item govuk-pagination__item--ellipses">
                &ctdot;
              </li>
            ) : (
              <li key={n} className={`govuk-pagination__item${n === page ? " govuk-pagination__item--current" : ""}`}>
                <Link className="govuk-link govuk-pagination__link" to={href(n)} aria-label={`Page ${n}`} aria-current={n === page ? "page" : undefined}>
                  {n}
                </Link>
              </li>
            ),
          )}
        </ul>
      ) : null}
      {page < pages ? (
        <div className="govuk-pagination__next">
          <Link className="govuk-link govuk-pagination__link" to={href(page + 1)} rel="next">
            <span className="govuk-pagination__link-title">
              {next}
            </span>
            <svg className="govuk-pagination__icon govuk-pagination__icon--next" xmlns="http://www.w3.org/2000/svg" height="13" width="15" aria-hidden="true" focusable="false" viewBox="0 0 15 13">
              <path d="m8.107-0.0078125-1.4136 1.414 4.2926 4.293h-12.986v2h12.896l-4.1855 3.9766 1.377 1.4492 6.7441-6.4062-6.7246-6.7266z" />
            </svg>
          </Link>
        </div>
      ) : null}
    </nav>
  );
}
