import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireMembership } from "~/auth/guards.server";
import { readAsOf } from "~/as-of";
import { AppForm, SubmitButton, useServerForm } from "~/components/forms";
import { BackLink } from "~/components/govuk/content";
import { SERVICE_NAME } from "~/components/govuk/layout";
import { RaidFields } from "~/components/plan/raid-fields";
import { redirectWithNotice } from "~/flash.server";
import { invalid, parseForm, replyToServiceError } from "~/forms.server";
import { RAID_KIND, raidSchema, toRaidInput } from "~/schemas/plan.server";
import { createRaidItem } from "~/services/plan/raid.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Add ${data?.kind === "issue" ? "an issue" : "a risk"} – ${SERVICE_NAME}` }];

export async function loader(args: LoaderFunctionArgs) {
  const access = await requireMembership(args, "programme:edit");
  const { today } = readAsOf(args.request, args.context.now());
  const kind = RAID_KIND.catch("risk").parse(new URL(args.request.url).searchParams.get("kind"));
  return { slug: access.authority.slug, kind, today };
}

export async function action(args: ActionFunctionArgs) {
  const access = await requireMembership(args, "programme:edit");
  const submission = parseForm(await args.request.formData(), raidSchema);
  if (submission.status !== "success") return invalid(submission);
  try {
    const created = await createRaidItem(access.tenant, submission.value.kind, toRaidInput(submission.value));
    return redirectWithNotice(`/a/${access.authority.slug}/plan/raid/${created.id}`, `${submission.value.kind === "issue" ? "Issue" : "Risk"} added: ${submission.value.title}.`);
  } catch (error) {
    return replyToServiceError(submission, error);
  }
}

export default function NewRaidItem() {
  const d = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { form, fields, summary } = useServerForm<Record<string, string>>({ id: "raid", lastResult, defaultValue: { status: "open", raisedOn: d.today } });
  return (
    <>
      <BackLink to={`/a/${d.slug}/plan/raid`}>Risks and issues</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <AppForm form={form} summary={summary}>
            <h1 className="govuk-heading-l">{d.kind === "issue" ? "Add an issue" : "Add a risk"}</h1>
            <input type="hidden" name="kind" value={d.kind} />
            <RaidFields fields={fields as never} kind={d.kind} />
            <SubmitButton>{d.kind === "issue" ? "Add issue" : "Add risk"}</SubmitButton>
          </AppForm>
        </div>
      </div>
    </>
  );
}
