import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireNational } from "~/auth/guards.server";
import { InsetText } from "~/components/govuk/content";
import { Main, SERVICE_NAME } from "~/components/govuk/layout";

export const meta: MetaFunction = () => [{ title: `National – ${SERVICE_NAME}` }];

export async function loader(args: LoaderFunctionArgs) {
  const { nationalRole } = await requireNational(args, "national:read");
  return { admin: nationalRole === "national-admin" };
}

export default function National() {
  const { admin } = useLoaderData<typeof loader>();
  return (
    <Main>
      <h1 className="govuk-heading-l">National</h1>
      <InsetText>The national comparison of every authority (readiness, funding gaps, outcomes) is not built yet.</InsetText>
      <ul className="govuk-list">
        <li>
          <Link className="govuk-link" to="/">
            Every authority
          </Link>
        </li>
        <li>
          <Link className="govuk-link" to="/national/indicators">
            Outcome indicators{admin ? ": the national catalogue, and add one" : ""}
          </Link>
        </li>
        {admin ? (
          <>
            <li>
              <Link className="govuk-link" to="/national/authorities/new">
                Add an authority
              </Link>
            </li>
            <li>
              <Link className="govuk-link" to="/national/settings">
                Go-live thresholds for the programme
              </Link>
            </li>
            <li>
              <Link className="govuk-link" to="/national/audit">
                Audit log of every authority
              </Link>
            </li>
          </>
        ) : null}
      </ul>
    </Main>
  );
}
