import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireNational } from "~/auth/guards.server";
import { AuditTable } from "~/components/audit-table";
import { Main, SERVICE_NAME } from "~/components/govuk/layout";
import { toAuditRows } from "~/services/audit/audit-rows";
import { listAuditEvents } from "~/services/audit/list-audit-events.server";
import { nationalRead } from "~/services/scope.server";

export const meta: MetaFunction = () => [{ title: `Audit log of every authority – ${SERVICE_NAME}` }];

export async function loader(args: LoaderFunctionArgs) {
  const { actor } = await requireNational(args, "national:admin");
  const page = Number(new URL(args.request.url).searchParams.get("page")) || 1;
  const result = await nationalRead(args.context.db, actor, "audit trail of every authority", (tx) => listAuditEvents(tx, { page }));
  return { rows: toAuditRows(result), page: result.page, pages: result.pages, total: result.total };
}

export default function NationalAudit() {
  const { rows, page, pages, total } = useLoaderData<typeof loader>();
  return (
    <Main wide>
      <h1 className="govuk-heading-l">Audit log of every authority</h1>
      <p className="govuk-body">Sign-ins, invitations, role changes and every change to programme data, across the service.</p>
      <AuditTable rows={rows} showAuthority page={page} pages={pages} total={total} baseUrl="/national/audit" />
    </Main>
  );
}
