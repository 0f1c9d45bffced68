import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireMembership } from "~/auth/guards.server";
import { AuditTable } from "~/components/audit-table";
import { BackLink } from "~/components/govuk/content";
import { SERVICE_NAME } from "~/components/govuk/layout";
import { toAuditRows } from "~/services/audit/audit-rows";
import { listAuditEvents } from "~/services/audit/list-audit-events.server";
import { inTenant } from "~/services/scope.server";

export const meta: MetaFunction = () => [{ title: `Audit log – ${SERVICE_NAME}` }];

export async function loader(args: LoaderFunctionArgs) {
  const access = await requireMembership(args, "audit:read");
  const page = Number(new URL(args.request.url).searchParams.get("page")) || 1;
  const result = await inTenant(access.tenant, (tx) => listAuditEvents(tx, { authorityId: access.authority.id, page }));
  return { slug: access.authority.slug, name: access.authority.name, rows: toAuditRows(result), page: result.page, pages: result.pages, total: result.total };
}

export default function AuthorityAudit() {
  const { slug, name, rows, page, pages, total } = useLoaderData<typeof loader>();
  return (
    <>
      <BackLink to={`/a/${slug}/settings`}>Settings</BackLink>
      <h1 className="govuk-heading-l">
        <span className="govuk-caption-l">{name}</span>
        Audit log
      </h1>
      <p className="govuk-body">Every change made in this authority: who made it, when, and what it was before and after. The log cannot be edited.</p>
      <AuditTable rows={rows} showAuthority={false} page={page} pages={pages} total={total} baseUrl={`/a/${slug}/settings/audit`} />
    </>
  );
}
