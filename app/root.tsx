import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, isRouteErrorResponse, Link, Links, Meta, Outlet, Scripts, ScrollRestoration, useRouteError, useRouteLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { getSessionUser } from "./auth/guards.server";
import { Footer, Header, Main, SERVICE_NAME, SkipLink } from "./components/govuk/layout";
import { readNotice } from "./flash.server";
import { useNonce } from "./nonce";
import { isNationalRole } from "./domain/permissions";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: "/styles/app.css" },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: SERVICE_NAME }];

export async function loader(args: LoaderFunctionArgs) {
  const found = await getSessionUser(args);
  const { notice, clear } = readNotice(args.request);
  const user = found ? { name: found.user.name, email: found.user.email, national: isNationalRole(found.user.nationalRole) } : null;
  return data({ user, notice }, clear ? { headers: { "Set-Cookie": clear } } : undefined);
}

export type RootData = Awaited<ReturnType<typeof loader>>["data"];

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  return (
    <html lang="en-GB" className="govuk-template">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover" />
        <meta name="theme-color" content="#0b0c0c" />
        <Meta />
        <Links />
      </head>
      <body className="govuk-template__body">
        <SkipLink />
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

function AccountLinks() {
  const root = useRouteLoaderData<typeof loader>("root");
  const user = root?.user;
  if (!user) return null;
  return (
    <>
      {user.national ? (
        <Link to="/national" className="govuk-link govuk-link--inverse">
          National
        </Link>
      ) : null}
      <Link to="/account" className="govuk-link govuk-link--inverse">
        <span className="govuk-visually-hidden">Your account: </span>
        {user.name}
      </Link>
      <Form method="post" action="/sign-out" className="app-inline-form">
        <button type="submit" className="app-link-button">
          Sign out
        </button>
      </Form>
    </>
  );
}

export default function App() {
  return (
    <>
      <Header>
        <AccountLinks />
      </Header>
      <Outlet />
      <Footer />
    </>
  );
}

/** Error pages look like the service and say nothing about the internals. */
export function ErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  return (
    <>
      <Header />
      <Main>
        <ErrorContent status={status} />
      </Main>
      <Footer />
    </>
  );
}

export function ErrorContent({ status }: { status: number }) {
  if (status === 404) {
    return (
      <>
        <h1 className="govuk-heading-l">Page not found</h1>
        <p className="govuk-body">If you typed the web address, check it is correct.</p>
        <p className="govuk-body">If you pasted the web address, check you copied the entire address.</p>
        <p className="govuk-body">
          <a className="govuk-link" href="/">
            Go to the start page
          </a>
        </p>
      </>
    );
  }
  if (status === 403) {
    return (
      <>
        <h1 className="govuk-heading-l">You do not have permission to do this</h1>
        <p className="govuk-body">Your role does not allow it. Ask your programme manager if you need it.</p>
      </>
    );
  }
  if (status === 429) {
    return (
      <>
        <h1 className="govuk-heading-l">Too many attempts</h1>
        <p className="govuk-body">Wait a few minutes and try again.</p>
      </>
    );
  }
  if (status >= 400 && status < 500) {
    return (
      <>
        <h1 className="govuk-heading-l">There is a problem with your request</h1>
        <p className="govuk-body">Go back and try again.</p>
      </>
    );
  }
  return (
    <>
      <h1 className="govuk-heading-l">Sorry, there is a problem with the service</h1>
      <p className="govuk-body">Try again later. Nothing you were changing has been half-saved: each change is saved whole or not at all.</p>
    </>
  );
}
