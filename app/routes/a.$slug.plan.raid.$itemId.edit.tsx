import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { notFound, requireMembership } from "~/auth/guards.server";
import { AppForm, SubmitButton, useServerForm } from "~/components/forms";
import { BackLink } from "~/components/govuk/content";
import { SERVICE_NAME } from "~/components/govuk/layout";
import { RaidFields } from "~/components/plan/raid-fields";
import { revalidateOnConflict } from "~/components/plan/revalidate";
import { raidReference, type RaidKind } from "~/domain/plan";
import { isTypedError, toHttpError } from "~/errors";
import { redirectWithNotice } from "~/flash.server";
import { invalid, parseForm, replyToServiceError } from "~/forms.server";
import { uuid } from "~/schemas/fields.server";
import { toRaidInput } from "~/schemas/plan.server";
import { getRaidItemDetail, updateRaidItem } from "~/services/plan/raid.server";
import { schema } from "~/schemas/routes/a.$slug.plan.raid.$itemId.edit.server";

export const meta: MetaFunction = () => [{ title: `Change a risk or issue – ${SERVICE_NAME}` }];

export const shouldRevalidate = revalidateOnConflict;

export async function loader(args: LoaderFunctionArgs) {
  const access = await requireMembership(args, "programme:edit");
  const id = uuid.safeParse(args.params.itemId);
  if (!id.success) throw notFound();
  try {
    const { item: i } = await getRaidItemDetail(access.tenant, id.data);
    const kind = i.kind as RaidKind;
    return {
      slug: access.authority.slug,
      id: i.id,
      kind,
      reference: raidReference(kind, i.number),
      version: i.version,
      values: {
        title: i.title,
        description: i.description ?? "",
        owner: i.owner ?? "",
        likelihood: i.likelihood === null ? "" : String(i.likelihood),
        impact: String(i.impact),
        mitigation: i.mitigation ?? "",
        status: i.status,
        raisedOn: i.raisedOn,
        reviewDate: i.reviewDate ?? "",
        closedOn: i.closedOn ?? "",
      },
    };
  } catch (error) {
    if (isTypedError(error)) throw toHttpError(error);
    throw error;
  }
}

export async function action(args: ActionFunctionArgs) {
  const access = await requireMembership(args, "programme:edit");
  const id = uuid.safeParse(args.params.itemId);
  if (!id.success) throw notFound();
  const submission = parseForm(await args.request.formData(), schema);
  if (submission.status !== "success") return invalid(submission);
  try {
    await updateRaidItem(access.tenant, id.data, submission.value.version, toRaidInput(submission.value));
    return redirectWithNotice(`/a/${access.authority.slug}/plan/raid/${id.data}`, `${submission.value.kind === "issue" ? "The issue" : "The risk"} has been saved.`);
  } catch (error) {
    return replyToServiceError(submission, error);
  }
}

export default function EditRaidItem() {
  const d = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { form, fields, summary } = useServerForm<Record<string, string>>({ id: "raid", lastResult, defaultValue: d.values });
  return (
    <>
      <BackLink to={`/a/${d.slug}/plan/raid/${d.id}`}>
        The {d.kind} {d.reference}
      </BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <AppForm form={form} summary={summary}>
            <h1 className="govuk-heading-l">
              <span className="govuk-caption-l">{d.reference}</span>
              Change the {d.kind}
            </h1>
            <input type="hidden" name="kind" value={d.kind} />
            <input type="hidden" name="version" value={d.version} />
            <RaidFields fields={fields as never} kind={d.kind} />
            <SubmitButton>Save</SubmitButton>
          </AppForm>
        </div>
      </div>
    </>
  );
}
