import type { Authority } from "../../../db/schema";
import type { Database } from "../../../db/client";
import type { IsoDate } from "../../domain/dates";
import { isTenantRole, permissionsFor, type NationalRole } from "../../domain/permissions";
import type { Actor } from "../audit.server";
import { listAuthorities, listAuthoritiesFor } from "../authorities/list-authorities.server";
import { nationalRead } from "../scope.server";
import type { ApiResult } from "./http.server";
import { AUTHORITY_RESOURCES, authorityPath, type AuthorityResource } from "./resources";

export interface ApiAuthoritySummary {
  slug: string;
  name: string;
  region: string;
  cohort: string;
  plannedGoLive: IsoDate | null;
  actualGoLive: IsoDate | null;
}

export interface ApiAuthority extends ApiAuthoritySummary {
  onsCode: string | null;
  programmeStart: IsoDate | null;
  dfeConfirmedOn: IsoDate | null;
  links: { self: string } & Record<AuthorityResource, string>;
}

function summary(a: Authority): ApiAuthoritySummary {
  return { slug: a.slug, name: a.name, region: a.region, cohort: a.cohort, plannedGoLive: a.plannedGoLive, actualGoLive: a.actualGoLive };
}

const SUMMARY_COLUMNS = [
  { header: "slug", value: (r: ApiAuthoritySummary) => r.slug },
  { header: "name", value: (r: ApiAuthoritySummary) => r.name },
  { header: "region", value: (r: ApiAuthoritySummary) => r.region },
  { header: "cohort", value: (r: ApiAuthoritySummary) => r.cohort },
  { header: "planned_go_live", value: (r: ApiAuthoritySummary) => r.plannedGoLive },
  { header: "actual_go_live", value: (r: ApiAuthoritySummary) => r.actualGoLive },
];

/**
 * `GET /api/v1/authorities`: the authorities whose programme the caller may read (every one for
 * national roles; a tenant user's own, board members' excepted as on the pages), by name. One
 * query whatever their number.
 */
export async function listApiAuthorities(db: Database, caller: { user: { id: string }; nationalRole: NationalRole | null; actor: Actor }): Promise<ApiResult<ApiAuthoritySummary[], ApiAuthoritySummary>> {
  // A national caller's list is a cross-authority read: audited, on the national path.
  const rows = caller.nationalRole
    ? await nationalRead(db, caller.actor, "API list of authorities", async (tx) => (await listAuthorities(tx)).map((a) => ({ ...a, role: null })))
    : await listAuthoritiesFor(db, { id: caller.user.id, national: false });
  const data = rows.filter((a) => permissionsFor(isTenantRole(a.role) ? a.role : null, caller.nationalRole).has("authority:read")).map(summary);
  return { data, csv: { filename: "authorities.csv", rows: data, columns: SUMMARY_COLUMNS } };
}

/** `GET /api/v1/authorities/:slug`: the authority's record and links to its resources. No query (the guard loaded it). */
export function getApiAuthority(a: Authority): ApiResult<ApiAuthority, ApiAuthority> {
  const data: ApiAuthority = {
    ...summary(a),
    onsCode: a.onsCode,
    programmeStart: a.programmeStart,
    dfeConfirmedOn: a.dfeConfirmedOn,
    links: { self: authorityPath(a.slug), ...(Object.fromEntries(AUTHORITY_RESOURCES.map((r) => [r, authorityPath(a.slug, r)])) as Record<AuthorityResource, string>) },
  };
  return {
    data,
    csv: {
      filename: `${a.slug}.csv`,
      rows: [data],
      columns: [
        ...SUMMARY_COLUMNS,
        { header: "ons_code", value: (r) => r.onsCode },
        { header: "programme_start", value: (r) => r.programmeStart },
        { header: "dfe_confirmed_on", value: (r) => r.dfeConfirmedOn },
      ],
    },
  };
}
