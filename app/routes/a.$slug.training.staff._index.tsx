import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireMembership } from "~/auth/guards.server";
import { Tag } from "~/components/govuk/content";
import { SERVICE_NAME } from "~/components/govuk/layout";
import { Table } from "~/components/govuk/table";
import { AsOfForm } from "~/components/as-of-form";
import { CsvLink, DISCIPLINE_OPTIONS, TrainingHeading, TrainingNav } from "~/components/training";
import { formatDate, formatDateShort, londonDate } from "~/domain/dates";
import { asOfDate, disciplineLabel } from "~/domain/training";
import { staffFilterFrom } from "~/domain/training-progress";
import { listStaff } from "~/services/training/staff.server";

export const meta: MetaFunction = () => [{ title: `Staff – Training – ${SERVICE_NAME}` }];

export async function loader(args: LoaderFunctionArgs) {
  const access = await requireMembership(args, "authority:read");
  const search = new URL(args.request.url).searchParams;
  const today = londonDate(args.context.now());
  const asOf = asOfDate(search.get("asOf"), today);
  const filter = staffFilterFrom(search);
  const { rows, total, teams } = await listStaff(access.tenant, access.authority, filter, asOf);
  return { slug: access.authority.slug, authorityName: access.authority.name, canEdit: access.can("programme:edit"), asOf, isToday: asOf === today, filter, rows, total, teams, query: search.toString() };
}

function FilterSelect({ name, label, value, options, any }: { name: string; label: string; value?: string; options: Array<{ value: string; label: string }>; any: string }) {
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

export default function StaffRoster() {
  const d = useLoaderData<typeof loader>();
  const base = `/a/${d.slug}/training`;
  const yesNo = [
    { value: "yes", label: "Yes" },
    { value: "no", label: "No" },
  ];
  return (
    <>
      <TrainingNav slug={d.slug} />
      <TrainingHeading authorityName={d.authorityName}>Staff roster</TrainingHeading>
      <p className="govuk-body">Everyone in the Family Safeguarding service, with where they stand on {formatDate(d.asOf)}. The criteria count those in scope and in post.</p>
      {d.canEdit ? (
        <div className="govuk-button-group">
          <Link className="govuk-button" to={`${base}/staff/new`}>
            Add a person
          </Link>
          <Link className="govuk-button govuk-button--secondary" to={`${base}/import`}>
            Import staff from a CSV file
          </Link>
        </div>
      ) : null}
      <AsOfForm asOf={d.asOf} isToday={d.isToday}>
        <FilterSelect name="team" label="Team" value={d.filter.team} any="All teams" options={[...d.teams.map((t) => ({ value: t.id, label: t.name })), { value: "none", label: "No team" }]} />
        <FilterSelect name="discipline" label="Discipline" value={d.filter.discipline} any="All disciplines" options={DISCIPLINE_OPTIONS} />
        <FilterSelect name="inScope" label="In scope" value={d.filter.inScope} any="In scope or not" options={yesNo} />
        <FilterSelect name="inPost" label="In post" value={d.filter.inPost} any="In post or not" options={yesNo} />
      </AsOfForm>
      <p className="govuk-body">
        <CsvLink href={`${base}/export/staff?${d.query}`}>Download this list (CSV)</CsvLink>
      </p>
      <Table
        id="staff"
        caption={`${d.rows.length} of ${d.total} ${d.total === 1 ? "person" : "people"}`}
        captionSize="s"
        rows={d.rows}
        rowKey={(r) => r.id}
        empty="Nobody matches these filters."
        columns={[
          { key: "name", header: "Name", cell: (r) => <Link className="govuk-link" to={`${base}/staff/${r.id}`}>{r.name}</Link> },
          { key: "ref", header: "Reference", cell: (r) => r.externalRef },
          { key: "discipline", header: "Discipline", cell: (r) => disciplineLabel(r.discipline) },
          { key: "team", header: "Team", cell: (r) => r.team ?? "No team" },
          { key: "dates", header: "In post", cell: (r) => `${formatDateShort(r.startDate, "…")} to ${r.leaveDate ? formatDateShort(r.leaveDate) : "now"}` },
          {
            key: "counted",
            header: "Counted",
            cell: (r) => (r.counted ? "Yes" : r.inScope ? "No: not in post" : "No: out of scope"),
          },
          { key: "mi", header: "MI", cell: (r) => (r.miCompletedOn ? `Done ${formatDateShort(r.miCompletedOn)}` : <Tag colour={r.counted ? "red" : "grey"}>Not done</Tag>) },
          {
            key: "workshops",
            header: "Workshops still needed",
            cell: (r) => r.missingWorkshops.length,
            numeric: true,
          },
        ]}
      />
    </>
  );
}
