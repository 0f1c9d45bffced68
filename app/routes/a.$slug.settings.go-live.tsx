import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireMembership } from "~/auth/guards.server";
import { AppForm, SubmitButton, useServerForm } from "~/components/forms";
import { BackLink } from "~/components/govuk/content";
import { TextInput } from "~/components/govuk/fields";
import { SERVICE_NAME } from "~/components/govuk/layout";
import { redirectWithNotice } from "~/flash.server";
import { invalid, parseForm, replyToServiceError } from "~/forms.server";
import { updateGoLive } from "~/services/authorities/update-go-live.server";
import { loadProgrammeThresholds } from "~/services/readiness/load-facts.server";
import { schema } from "~/schemas/routes/a.$slug.settings.go-live.server";

export const meta: MetaFunction = () => [{ title: `Go-live record and thresholds – ${SERVICE_NAME}` }];

export async function loader(args: LoaderFunctionArgs) {
  const access = await requireMembership(args, "settings:edit");
  const a = access.authority;
  const national = await loadProgrammeThresholds(args.context.db);
  return {
    slug: a.slug,
    name: a.name,
    version: a.version,
    national,
    values: {
      plannedGoLive: a.plannedGoLive ?? "",
      dfeConfirmedOn: a.dfeConfirmedOn ?? "",
      actualGoLive: a.actualGoLive ?? "",
      thresholdAdultWorkers: a.thresholdAdultWorkers?.toString() ?? "",
      thresholdMi: a.thresholdMi?.toString() ?? "",
      thresholdWorkshops: a.thresholdWorkshops?.toString() ?? "",
    },
  };
}

export async function action(args: ActionFunctionArgs) {
  const access = await requireMembership(args, "settings:edit");
  const submission = parseForm(await args.request.formData(), schema);
  if (submission.status !== "success") return invalid(submission);
  const v = submission.value;
  try {
    await updateGoLive(access.tenant, v.version, {
      plannedGoLive: v.plannedGoLive ?? null,
      dfeConfirmedOn: v.dfeConfirmedOn ?? null,
      actualGoLive: v.actualGoLive ?? null,
      thresholdAdultWorkers: v.thresholdAdultWorkers ?? null,
      thresholdMi: v.thresholdMi ?? null,
      thresholdWorkshops: v.thresholdWorkshops ?? null,
    });
    return redirectWithNotice(`/a/${access.authority.slug}`, "The go-live record has been saved.");
  } catch (error) {
    return replyToServiceError(submission, error);
  }
}

export default function GoLiveSettings() {
  const d = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { form, fields, summary } = useServerForm<Record<string, string>>({ id: "go-live", lastResult, defaultValue: d.values });
  return (
    <>
      <BackLink to={`/a/${d.slug}/settings`}>Settings</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <AppForm form={form} summary={summary}>
            <h1 className="govuk-heading-l">
              <span className="govuk-caption-l">{d.name}</span>
              Go-live record and thresholds
            </h1>
            <input type="hidden" name="version" value={d.version} />
            <h2 className="govuk-heading-m">Go-live</h2>
            <TextInput field={fields.plannedGoLive} label="Planned go-live" type="date" width={10} />
            <TextInput field={fields.dfeConfirmedOn} label="Date DfE confirmed the authority may go live" type="date" width={10} />
            <TextInput field={fields.actualGoLive} label="Actual go-live" hint="The dashboard shows readiness on this day" type="date" width={10} />
            <h2 className="govuk-heading-m">Thresholds</h2>
            <p className="govuk-body">Leave a threshold empty to use the programme's: adult workers {d.national.adultWorkers}%, MI {d.national.mi}%, workshops {d.national.workshops}%.</p>
            <TextInput field={fields.thresholdAdultWorkers} label="Adult specialist workers in post (%)" width={4} inputMode="decimal" />
            <TextInput field={fields.thresholdMi} label="Staff trained in MI (%)" width={4} inputMode="decimal" />
            <TextInput field={fields.thresholdWorkshops} label="Staff who attended the workshops (%)" width={4} inputMode="decimal" />
            <SubmitButton>Save</SubmitButton>
          </AppForm>
        </div>
      </div>
    </>
  );
}
