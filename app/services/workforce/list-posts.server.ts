import type { IsoDate } from "../../domain/dates";
import { filledHundredths, fromHundredths, groupBy, isEstablished, isInPost, roleLabel } from "../../domain/workforce";
import { inTenant, type TenantScope } from "../scope.server";
import { loadWorkforce } from "./load-workforce.server";

/** The posts register at a date: each post with its filled FTE and who is in it or about to start. */
export async function listPosts(scope: TenantScope, input: { asOf: IsoDate; adultOnly: boolean }) {
  const w = await inTenant(scope, (tx) => loadWorkforce(tx, scope.authorityId));
  const teamName = new Map(w.teams.map((t) => [t.id, t.name]));
  const orgName = new Map(w.organisations.map((o) => [o.id, o.name]));
  const holders = groupBy(w.appointments, (a) => a.postId);
  return w.posts
    .filter((p) => !input.adultOnly || p.adultSpecialist)
    .map((p) => {
      const mine = holders.get(p.id) ?? [];
      const established = isEstablished(p, input.asOf);
      return {
        id: p.id,
        reference: p.reference,
        role: roleLabel(p.role),
        title: p.title,
        fte: p.fte,
        team: p.teamId ? (teamName.get(p.teamId) ?? "") : "",
        host: p.hostOrganisationId ? (orgName.get(p.hostOrganisationId) ?? "") : "",
        established,
        filled: established ? fromHundredths(filledHundredths(p, mine, input.asOf)) : 0,
        holders: mine.filter((a) => isInPost(a, input.asOf)).map((a) => a.holder),
        starting: mine.filter((a) => a.startDate > input.asOf).map((a) => a.holder),
      };
    });
}
