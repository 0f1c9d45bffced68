import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireNational } from "~/auth/guards.server";
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
      <p className="govuk-body">Compare every authority: who is ready, who is slipping, whose funding gap is largest.</p>
      <ul className="govuk-list">
        <li>
          <Link className="govuk-link" to="/national/comparison">
            Compare authorities
          </Link>{" "}
          (a table of every authority: go-live criteria, adult workers, charter, hubs, funding gap; sort, filter, download)
        </li>
        <li>
          <Link className="govuk-link" to="/national/compare">
            Compare authorities over time
          </Link>{" "}
          (chosen authorities on one chart, by month or by months since go-live, with ranks and quarters)
        </li>
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
