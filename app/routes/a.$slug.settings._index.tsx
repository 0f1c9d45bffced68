import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireMembership } from "~/auth/guards.server";
import { SERVICE_NAME } from "~/components/govuk/layout";
import { ROLE_LABELS } from "~/domain/permissions";

export const meta: MetaFunction = () => [{ title: `Settings – ${SERVICE_NAME}` }];

export async function loader(args: LoaderFunctionArgs) {
  const access = await requireMembership(args, "authority:read");
  return {
    slug: access.authority.slug,
    role: access.role ? ROLE_LABELS[access.role] : access.nationalRole ? ROLE_LABELS[access.nationalRole] : null,
    canPeople: access.can("people:invite-programme-manager"),
    canAudit: access.can("audit:read"),
    canSettings: access.can("settings:edit"),
  };
}

export default function Settings() {
  const { slug, role, canPeople, canAudit, canSettings } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">Settings</h1>
      {role ? <p className="govuk-body">Your role here: {role}.</p> : null}
      <ul className="govuk-list">
        {canSettings ? (
          <li>
            <Link className="govuk-link" to={`/a/${slug}/settings/go-live`}>
              Go-live record and thresholds
            </Link>
          </li>
        ) : null}
        {canPeople ? (
          <li>
            <Link className="govuk-link" to={`/a/${slug}/settings/people`}>
              People and invitations
            </Link>
          </li>
        ) : null}
        {canAudit ? (
          <li>
            <Link className="govuk-link" to={`/a/${slug}/settings/audit`}>
              Audit log
            </Link>
          </li>
        ) : null}
      </ul>
      {!canPeople && !canAudit && !canSettings ? <p className="govuk-body">Your role has no settings to change here.</p> : null}
    </>
  );
}
