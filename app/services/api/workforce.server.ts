import type { Authority } from "../../../db/schema";
import type { IsoDate } from "../../domain/dates";
import { authorityThresholds } from "../readiness/thresholds.server";
import type { TenantScope } from "../scope.server";
import { getWorkforceSummary } from "../workforce/workforce-summary.server";
import type { ApiResult } from "./http.server";

export interface ApiWorkforceFigures {
  /** FTE, two decimal places. */
  establishmentFte: number;
  inPostFte: number;
  /** Agreed future starts, up to the posts' vacant FTE. */
  pipelineFte: number;
  vacantFte: number;
  posts: number;
  peopleInPost: number;
  peopleStarting: number;
}

export interface ApiWorkforceRole extends ApiWorkforceFigures {
  role: string;
  label: string;
  /** Adult specialist posts count towards the go-live criterion. */
  adultSpecialist: boolean;
}

export interface ApiWorkforceTeam extends ApiWorkforceFigures {
  teamId: string | null;
  team: string;
}

export interface ApiWorkforce {
  authority: string;
  asOf: IsoDate;
  adultWorkers: { inPostFte: number; establishmentFte: number; percentage: number | null; threshold: number; met: boolean };
  byRole: ApiWorkforceRole[];
  /** Adult specialist posts by team, as on the workforce page. */
  byTeam: ApiWorkforceTeam[];
}

type CsvRow = ApiWorkforceFigures & { grouping: "role" | "team"; key: string; label: string; adultSpecialist: boolean };

function figures(r: { establishmentFte: number; inPostFte: number; pipelineFte: number; vacantFte: number; establishmentPosts: number; inPostHeadcount: number; pipelineHeadcount: number }): ApiWorkforceFigures {
  return { establishmentFte: r.establishmentFte, inPostFte: r.inPostFte, pipelineFte: r.pipelineFte, vacantFte: r.vacantFte, posts: r.establishmentPosts, peopleInPost: r.inPostHeadcount, peopleStarting: r.pipelineHeadcount };
}

/**
 * `GET /api/v1/authorities/:slug/workforce?asOf=`: establishment, in post and pipeline FTE by
 * role (adult specialist and other posts) and by team, from the workforce page's own service.
 */
export async function getApiWorkforce(scope: TenantScope, authority: Authority, asOf: IsoDate): Promise<ApiResult<ApiWorkforce, CsvRow>> {
  const thresholds = await authorityThresholds(scope.db, authority);
  const s = await getWorkforceSummary(scope, { asOf, threshold: thresholds.adultWorkers, trendFrom: authority.programmeStart });
  const byRole: ApiWorkforceRole[] = [
    ...s.byRole.map((r) => ({ role: r.key, label: r.label, adultSpecialist: true, ...figures(r) })),
    ...s.otherPosts.map((r) => ({ role: r.key, label: r.label, adultSpecialist: false, ...figures(r) })),
  ];
  const byTeam: ApiWorkforceTeam[] = s.byTeam.map((r) => ({ teamId: r.key || null, team: r.label, ...figures(r) }));
  const c = s.criterion;
  const data: ApiWorkforce = {
    authority: authority.slug,
    asOf,
    adultWorkers: { inPostFte: c.numerator, establishmentFte: c.denominator, percentage: c.percent, threshold: c.threshold, met: c.met },
    byRole,
    byTeam,
  };
  const rows: CsvRow[] = [
    ...byRole.map(({ role, label, adultSpecialist, ...f }) => ({ grouping: "role" as const, key: role, label, adultSpecialist, ...f })),
    ...byTeam.map(({ teamId, team, ...f }) => ({ grouping: "team" as const, key: teamId ?? "", label: team, adultSpecialist: true, ...f })),
  ];
  return {
    data,
    csv: {
      filename: `${authority.slug}-workforce-${asOf}.csv`,
      rows,
      columns: [
        { header: "authority", value: () => authority.slug },
        { header: "as_of", value: () => asOf },
        { header: "grouping", value: (r) => r.grouping },
        { header: "key", value: (r) => r.key },
        { header: "label", value: (r) => r.label },
        { header: "adult_specialist", value: (r) => String(r.adultSpecialist) },
        { header: "establishment_fte", value: (r) => r.establishmentFte },
        { header: "in_post_fte", value: (r) => r.inPostFte },
        { header: "pipeline_fte", value: (r) => r.pipelineFte },
        { header: "vacant_fte", value: (r) => r.vacantFte },
        { header: "posts", value: (r) => r.posts },
        { header: "people_in_post", value: (r) => r.peopleInPost },
        { header: "people_starting", value: (r) => r.peopleStarting },
      ],
    },
  };
}
