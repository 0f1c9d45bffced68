import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireMembership } from "~/auth/guards.server";
import { SERVICE_NAME } from "~/components/govuk/layout";
import { Table } from "~/components/govuk/table";
import { formatDate, formatDateTime, londonDate } from "~/domain/dates";
import { describeQuarter, parseQuarterSlug, quarterChoices, quarterSlug } from "~/domain/reports";
import { listSavedReports } from "~/services/reports/reports.server";

export const meta: MetaFunction = () => [{ title: `Reports – ${SERVICE_NAME}` }];

/** The reports: choose a quarter for the DfE return (`?quarter=2024-Q3` goes straight to it), or open a committee update. */
export async function loader(args: LoaderFunctionArgs) {
  const access = await requireMembership(args, "authority:read");
  const base = `/a/${access.authority.slug}/reports`;
  const chosen = parseQuarterSlug(new URL(args.request.url).searchParams.get("quarter"));
  if (chosen) throw redirect(`${base}/quarterly/${quarterSlug(chosen)}`);
  const today = londonDate(args.context.now());
  const saved = await listSavedReports(access.tenant);
  const withText = new Map(saved.quarterly.map((r) => [r.period, r]));
  return {
    slug: access.authority.slug,
    name: access.authority.name,
    today,
    quarters: quarterChoices(access.authority.programmeStart, today).map((q) => {
      const slug = quarterSlug(q);
      return { slug, label: q.label, start: q.start, end: q.end, description: describeQuarter(q), current: q.start <= today && today <= q.end, text: withText.get(slug) ?? null };
    }),
    committee: saved.committee,
  };
}

export default function Reports() {
  const d = useLoaderData<typeof loader>();
  const base = `/a/${d.slug}/reports`;
  return (
    <>
      <h1 className="govuk-heading-l">
        <span className="govuk-caption-l">{d.name}</span>
        Reports
      </h1>
      <p className="govuk-body">
        The reports are put together from the plan, the readiness dashboard, the workforce and the funding pages as they stood on the report's date, so they always agree with them. Add your commentary to each
        section, then print the report or download it as a Word document.
      </p>

      <h2 className="govuk-heading-m">Quarterly return to the DfE</h2>
      <p className="govuk-body">Achievements, risks and issues, milestones planned for the next quarter, the go-live criteria, the workforce and funding, for a financial-year quarter (Q1 is April to June).</p>
      <Form method="get" className="app-filter-form">
        <div className="govuk-form-group">
          <label className="govuk-label govuk-label--s" htmlFor="quarter">
            Quarter
          </label>
          <select className="govuk-select" id="quarter" name="quarter" defaultValue={d.quarters[0]?.slug}>
            {d.quarters.map((q) => (
              <option key={q.slug} value={q.slug}>
                {q.description}
                {q.current ? " (current)" : ""}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="govuk-button">
          Open the return
        </button>
      </Form>
      <Table
        caption="Returns by quarter"
        captionSize="s"
        columns={[
          {
            key: "q",
            header: "Quarter",
            cell: (q) => (
              <Link className="govuk-link" to={`${base}/quarterly/${q.slug}`}>
                {q.label}
              </Link>
            ),
          },
          { key: "dates", header: "Dates", cell: (q) => `${formatDate(q.start)} to ${formatDate(q.end)}` },
          { key: "state", header: "Figures", cell: (q) => (q.current ? `As of today (${formatDate(d.today)})` : "At the quarter's end") },
          { key: "text", header: "Commentary", cell: (q) => (q.text ? `${q.text.sections} ${q.text.sections === 1 ? "section" : "sections"}, last changed ${formatDateTime(q.text.updatedAt)}` : "None yet") },
        ]}
        rows={d.quarters}
        rowKey={(q) => q.slug}
      />

      <h2 className="govuk-heading-m">Committee update</h2>
      <p className="govuk-body">The same figures for a scrutiny committee or the partnership board, under the headings councils' committee reports use: aim, progress, impacts, workforce, sustainability and risks.</p>
      <p className="govuk-body">
        <Link className="govuk-link" to={`${base}/committee`}>
          Committee update as of today
        </Link>
      </p>
      {d.committee.length ? (
        <Table
          caption="Committee updates with text written"
          captionSize="s"
          columns={[
            {
              key: "date",
              header: "As of",
              cell: (r) => (
                <Link className="govuk-link" to={`${base}/committee?asOf=${r.period}`}>
                  {formatDate(r.period)}
                </Link>
              ),
            },
            { key: "sections", header: "Headings with text", cell: (r) => r.sections, numeric: true },
            { key: "changed", header: "Last changed", cell: (r) => formatDateTime(r.updatedAt) },
          ]}
          rows={d.committee}
          rowKey={(r) => r.period}
        />
      ) : null}
    </>
  );
}
