import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireMembership } from "~/auth/guards.server";
import { InsetText, SummaryList } from "~/components/govuk/content";
import { cohortLabel } from "~/domain/authority";
import { formatDate } from "~/domain/dates";
import { formatCount } from "~/domain/format";

export async function loader(args: LoaderFunctionArgs) {
  const access = await requireMembership(args, "authority:visit");
  // Board members see the partnership only: that is their home in the authority.
  if (!access.can("authority:read")) throw redirect(`/a/${access.authority.slug}/partnership`);
  const a = access.authority;
  return {
    authority: {
      name: a.name,
      onsCode: a.onsCode,
      region: a.region,
      cohort: cohortLabel(a.cohort),
      childPopulation: a.childPopulation,
      fundingSummary: a.fundingSummary,
      programmeStart: a.programmeStart,
      plannedGoLive: a.plannedGoLive,
      actualGoLive: a.actualGoLive,
    },
  };
}

export default function AuthorityOverview() {
  const { authority: a } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">
        <span className="govuk-caption-l">{a.region}</span>
        {a.name}
      </h1>
      <InsetText>
        The readiness dashboard (the three DfE go-live criteria, live and forecast) is not built yet. Until it is, this page shows the authority's programme details.
      </InsetText>
      <SummaryList
        rows={[
          { key: "Cohort", value: a.cohort },
          { key: "ONS code", value: a.onsCode ?? "Not recorded" },
          { key: "Children aged 0 to 17", value: a.childPopulation ? formatCount(a.childPopulation) : "Not recorded" },
          { key: "Funding", value: a.fundingSummary ?? "Not recorded" },
          { key: "Programme start", value: formatDate(a.programmeStart, "Not recorded") },
          { key: "Planned go-live", value: formatDate(a.plannedGoLive, "Not planned") },
          { key: "Actual go-live", value: formatDate(a.actualGoLive, "Not live yet") },
        ]}
      />
    </>
  );
}
