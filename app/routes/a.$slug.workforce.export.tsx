import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound, requireMembership } from "~/auth/guards.server";
import { readAsOf } from "~/as-of";
import { csvResponse, toCsv } from "~/csv.server";
import { CONTRACT_TYPES, RECRUITMENT_STAGES, roleLabel } from "~/domain/workforce";
import { authorityThresholds } from "~/services/readiness/thresholds.server";
import { inTenant } from "~/services/scope.server";
import { loadWorkforce } from "~/services/workforce/load-workforce.server";
import { getWorkforceSummary } from "~/services/workforce/workforce-summary.server";
import { tableSchema } from "~/schemas/routes/a.$slug.workforce.export.server";

/** CSV downloads of the workforce lists, at the as-of date where the list depends on it. */
export async function loader(args: LoaderFunctionArgs) {
  const access = await requireMembership(args, "authority:read");
  const table = tableSchema.safeParse(new URL(args.request.url).searchParams.get("table"));
  if (!table.success) throw notFound();
  const { asOf } = readAsOf(args.request, args.context.now());
  const file = (what: string, csv: string) => csvResponse(`${access.authority.slug}-${what}-${asOf}.csv`, csv);

  if (table.data === "posts" || table.data === "appointments") {
    const w = await inTenant(access.tenant, (tx) => loadWorkforce(tx, access.authority.id));
    const teamName = new Map(w.teams.map((t) => [t.id, t.name]));
    const orgName = new Map(w.organisations.map((o) => [o.id, o.name]));
    const postById = new Map(w.posts.map((p) => [p.id, p]));
    if (table.data === "posts") {
      return file(
        "posts",
        toCsv(w.posts, [
          { header: "Reference", value: (p) => p.reference },
          { header: "Role", value: (p) => roleLabel(p.role) },
          { header: "Title", value: (p) => p.title },
          { header: "FTE", value: (p) => p.fte },
          { header: "Team", value: (p) => (p.teamId ? teamName.get(p.teamId) : "") },
          { header: "Host organisation", value: (p) => (p.hostOrganisationId ? orgName.get(p.hostOrganisationId) : "") },
          { header: "Adult specialist", value: (p) => (p.adultSpecialist ? "yes" : "no") },
          { header: "Funded by", value: (p) => p.fundedBy },
          { header: "Established on", value: (p) => p.establishedOn },
          { header: "Ends on", value: (p) => p.disestablishedOn },
        ]),
      );
    }
    return file(
      "holders",
      toCsv(w.appointments, [
        { header: "Post reference", value: (a) => postById.get(a.postId)?.reference },
        { header: "Role", value: (a) => roleLabel(postById.get(a.postId)?.role ?? "") },
        { header: "Holder", value: (a) => a.holder },
        { header: "FTE", value: (a) => a.fte },
        { header: "Contract", value: (a) => CONTRACT_TYPES[a.contractType as keyof typeof CONTRACT_TYPES] ?? a.contractType },
        { header: "Contract ends", value: (a) => a.contractEnd },
        { header: "Start date", value: (a) => a.startDate },
        { header: "Start confirmed", value: (a) => (a.startConfirmed ? "yes" : "no") },
        { header: "Last day", value: (a) => a.lastDay },
        { header: "Reason for leaving", value: (a) => a.leavingReason },
      ]),
    );
  }

  const thresholds = await authorityThresholds(args.context.db, access.authority);
  const s = await getWorkforceSummary(access.tenant, { asOf, threshold: thresholds.adultWorkers, trendFrom: access.authority.programmeStart });
  switch (table.data) {
    case "vacancies":
      return file(
        "vacancies",
        toCsv(s.vacancies, [
          { header: "Post reference", value: (v) => v.reference },
          { header: "Role", value: (v) => v.roleLabel },
          { header: "Team", value: (v) => v.team },
          { header: "Vacant FTE", value: (v) => v.vacantFte },
          { header: "Recruitment stage", value: (v) => RECRUITMENT_STAGES[v.stage] },
          { header: "Stage since", value: (v) => v.stageSince },
          { header: "Agreed start", value: (v) => v.agreedStart?.startDate },
          { header: "Vacant since", value: (v) => v.vacantSince },
          { header: "Days vacant", value: (v) => v.ageDays },
        ]),
      );
    case "contracts":
      return file(
        "contracts-ending",
        toCsv(s.contractsEnding, [
          { header: "Post reference", value: (c) => c.reference },
          { header: "Holder", value: (c) => c.holder },
          { header: "Role", value: (c) => c.roleLabel },
          { header: "Team", value: (c) => c.team },
          { header: "Contract", value: (c) => CONTRACT_TYPES[c.contractType as keyof typeof CONTRACT_TYPES] ?? c.contractType },
          { header: "Ends", value: (c) => c.contractEnd },
          { header: "Days left", value: (c) => c.daysLeft },
        ]),
      );
    case "trend":
      return file(
        "adult-workers-trend",
        toCsv(s.trend, [
          { header: "Month end", value: (p) => p.date },
          { header: "Establishment FTE", value: (p) => p.establishment },
          { header: "In post FTE", value: (p) => p.inPost },
          { header: "In post %", value: (p) => p.percent },
        ]),
      );
    default: {
      const rows = table.data === "roles" ? s.byRole : s.byTeam;
      return file(
        `adult-workers-by-${table.data === "roles" ? "role" : "team"}`,
        toCsv(rows, [
          { header: table.data === "roles" ? "Role" : "Team", value: (r) => r.label },
          { header: "Establishment FTE", value: (r) => r.establishmentFte },
          { header: "In post FTE", value: (r) => r.inPostFte },
          { header: "Pipeline FTE", value: (r) => r.pipelineFte },
          { header: "Vacant FTE", value: (r) => r.vacantFte },
          { header: "Posts", value: (r) => r.establishmentPosts },
          { header: "People in post", value: (r) => r.inPostHeadcount },
          { header: "People starting", value: (r) => r.pipelineHeadcount },
        ]),
      );
    }
  }
}
