import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireNational } from "~/auth/guards.server";
import { readAsOf } from "~/as-of";
import { AsOfForm } from "~/components/as-of-form";
import { Breadcrumbs } from "~/components/govuk/content";
import { Main, SERVICE_NAME } from "~/components/govuk/layout";
import { Pagination } from "~/components/govuk/pagination";
import { ComparisonTable } from "~/components/national/comparison-table";
import { applyQuery, COMPARISON_PAGE_SIZE, comparisonSearch, pageOfRows, readComparisonQuery, STATUS_LABELS } from "~/domain/comparison";
import { formatDate } from "~/domain/dates";
import { loadNationalComparison } from "~/services/national/comparison.server";
import { listAuthorityIds } from "~/services/authorities/list-authorities.server";

export const meta: MetaFunction = () => [{ title: `Compare authorities – ${SERVICE_NAME}` }];

export async function loader(args: LoaderFunctionArgs) {
  const { actor } = await requireNational(args, "national:read");
  const { asOf, today, isToday } = readAsOf(args.request, args.context.now());
  const query = readComparisonQuery(new URL(args.request.url).searchParams);
  const ids = await listAuthorityIds(args.context.db);
  const comparison = await loadNationalComparison(args.context.db, ids, { asOf, today, reader: { actor, purpose: "national comparison" } });
  const matching = applyQuery(comparison.rows, query);
  const { rows, ...pagination } = pageOfRows(matching, query.page);
  return { ...comparison, rows, total: comparison.rows.length, matching: matching.length, pagination, query, isToday };
}

function FilterSelect({ name, label, value, options, any }: { name: string; label: string; value: string | null; options: Array<{ value: string; label: string }>; any: string }) {
  return (
    <div className="govuk-form-group">
      <label className="govuk-label govuk-label--s" htmlFor={`filter-${name}`}>
        {label}
      </label>
      <select className="govuk-select" id={`filter-${name}`} name={name} defaultValue={value ?? ""}>
        <option value="">{any}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export default function NationalComparison() {
  const d = useLoaderData<typeof loader>();
  const { query } = d;
  const search = comparisonSearch({ ...query, page: 1 });
  const withAsOf = (s: string) => `${s}${s ? "&" : "?"}asOf=${d.asOf}`;
  const filtered = Boolean(query.cohort || query.region || query.status);
  const p = d.pagination;
  const pageHref = (page: number | "all") => withAsOf(comparisonSearch({ ...query, page }));
  return (
    <Main wide>
      <Breadcrumbs items={[{ label: "National", to: "/national" }]} />
      <h1 className="govuk-heading-l">Compare authorities</h1>
      <p className="govuk-body">
        Every authority's go-live criteria today and on its go-live day, its adult specialist workers, charter signatures, hubs and funding gap, from the same figures as its own pages. A figure
        below its go-live threshold is in bold, underlined and marked "below". Select a column heading to sort by it.
      </p>
      <AsOfForm asOf={d.asOf} isToday={d.isToday} extra={{ ...(query.sort !== "name" ? { sort: query.sort } : {}), ...(query.direction === "desc" ? { dir: "desc" } : {}) }}>
        <FilterSelect name="cohort" label="Cohort" value={query.cohort} options={d.cohorts} any="All cohorts" />
        <FilterSelect name="region" label="Region" value={query.region} options={d.regions.map((r) => ({ value: r, label: r }))} any="All regions" />
        <FilterSelect name="status" label="Status" value={query.status} options={Object.entries(STATUS_LABELS).map(([value, label]) => ({ value, label }))} any="Any status" />
      </AsOfForm>
      {filtered ? (
        <p className="govuk-body">
          <Link className="govuk-link" to={withAsOf(comparisonSearch({ sort: query.sort, direction: query.direction }))}>
            Clear the filters
          </Link>
        </p>
      ) : null}
      <ComparisonTable
        rows={d.rows}
        query={query}
        years={d.years}
        indicators={d.indicators}
        asOf={d.asOf}
        caption={`${filtered ? `${d.matching} of ${d.total}` : `All ${d.total}`} ${d.total === 1 ? "authority" : "authorities"} on ${formatDate(d.asOf)}${p.pages > 1 && p.page !== "all" ? `: ${p.from} to ${p.to}` : ""}`}
      />
      {p.page !== "all" ? <Pagination page={p.page} pages={p.pages} href={pageHref} label="Pages of authorities" /> : null}
      {p.pages > 1 ? (
        <p className="govuk-body">
          <Link className="govuk-link" to={pageHref(p.page === "all" ? 1 : "all")}>
            {p.page === "all" ? `Show ${COMPARISON_PAGE_SIZE} at a time` : `Show all ${d.matching} on one page`}
          </Link>
        </p>
      ) : null}
      <p className="govuk-body">
        <a className="govuk-link" href={`/national/export${withAsOf(search)}`} download>
          Download {p.pages > 1 ? `all ${d.matching}` : `these ${d.matching}`} rows (CSV)
        </a>{" "}
        ·{" "}
        <Link className="govuk-link" to={`/national/compare?authorities=${d.rows.slice(0, 3).map((r) => r.slug).join(",")}&asOf=${d.asOf}`}>
          Compare authorities over time
        </Link>
      </p>
      <h2 className="govuk-heading-m">How the figures are worked out</h2>
      <ul className="govuk-list govuk-list--bullet">
        <li>"Now" is the date above. Go-live is the actual go-live date, else the planned one; a date still to come is forecast on current plans (agreed starts, contract ends, booked training).</li>
        <li>Status: live once the actual go-live date has come; otherwise ready when all three criteria are met on the date, or not ready.</li>
        <li>Adult workers in post: FTE of adult specialist posts filled, of the FTE established. Charter: partners signed of the partners on the board, for the current version. Hubs: open of all hubs.</li>
        <li>Outcomes: the change in each national indicator's rate per 10,000 children from the authority's baseline to its latest figure by the date (from its outcomes scorecard), and whether that is improving.</li>
        <li>Funding gap: each financial year's remaining gap on the authority's funding page (shortfall − agreed contributions); "Not modelled" when its funding model does not reach that year.</li>
      </ul>
    </Main>
  );
}
