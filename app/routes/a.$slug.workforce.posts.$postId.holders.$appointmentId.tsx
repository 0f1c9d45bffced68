import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { notFound, requireMembership } from "~/auth/guards.server";
import { AppForm, SubmitButton, useServerForm } from "~/components/forms";
import { BackLink } from "~/components/govuk/content";
import { SERVICE_NAME } from "~/components/govuk/layout";
import { HolderFields } from "~/components/workforce/holder-fields";
import { isTypedError, toHttpError } from "~/errors";
import { redirectWithNotice } from "~/flash.server";
import { invalid, parseForm, replyToServiceError } from "~/forms.server";
import { uuid } from "~/schemas/fields.server";
import { toAppointmentInput } from "~/schemas/workforce.server";
import { getAppointment, updateAppointment } from "~/services/workforce/appointments.server";
import { schema } from "~/schemas/routes/a.$slug.workforce.posts.$postId.holders.$appointmentId.server";

export const meta: MetaFunction = () => [{ title: `Change a holder – ${SERVICE_NAME}` }];

async function load(args: LoaderFunctionArgs | ActionFunctionArgs, permission: "programme:edit") {
  const access = await requireMembership(args, permission);
  const postId = uuid.safeParse(args.params.postId);
  const appointmentId = uuid.safeParse(args.params.appointmentId);
  if (!postId.success || !appointmentId.success) throw notFound();
  try {
    const a = await getAppointment(access.tenant, appointmentId.data);
    if (a.postId !== postId.data) throw notFound();
    return { access, a };
  } catch (error) {
    if (isTypedError(error)) throw toHttpError(error);
    throw error;
  }
}

export async function loader(args: LoaderFunctionArgs) {
  const { access, a } = await load(args, "programme:edit");
  return {
    slug: access.authority.slug,
    postId: a.postId,
    version: a.version,
    values: {
      holder: a.holder,
      fte: String(a.fte),
      contractType: a.contractType,
      contractEnd: a.contractEnd ?? "",
      startDate: a.startDate,
      startConfirmed: a.startConfirmed ? "yes" : "no",
      lastDay: a.lastDay ?? "",
      leavingReason: a.leavingReason ?? "",
    },
  };
}

export async function action(args: ActionFunctionArgs) {
  const { access, a } = await load(args, "programme:edit");
  const submission = parseForm(await args.request.formData(), schema);
  if (submission.status !== "success") return invalid(submission);
  try {
    await updateAppointment(access.tenant, a.id, submission.value.version, toAppointmentInput(submission.value));
    return redirectWithNotice(`/a/${access.authority.slug}/workforce/posts/${a.postId}`, "The holder's record has been saved.");
  } catch (error) {
    return replyToServiceError(submission, error);
  }
}

export default function EditHolder() {
  const d = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { form, fields, summary } = useServerForm<Record<string, string>>({ id: "holder", lastResult, defaultValue: d.values });
  return (
    <>
      <BackLink to={`/a/${d.slug}/workforce/posts/${d.postId}`}>The post</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <AppForm form={form} summary={summary}>
            <h1 className="govuk-heading-l">Change the holder's record</h1>
            <p className="govuk-body">Confirm a start, extend a contract, or record the last day in post and why they left.</p>
            <input type="hidden" name="version" value={d.version} />
            <HolderFields fields={fields as never} />
            <SubmitButton>Save</SubmitButton>
          </AppForm>
        </div>
      </div>
    </>
  );
}
