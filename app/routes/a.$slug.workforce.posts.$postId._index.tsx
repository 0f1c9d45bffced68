import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { z } from "zod";
import { notFound, requireMembership } from "~/auth/guards.server";
import { readAsOf } from "~/as-of";
import { AppForm, SubmitButton, useServerForm } from "~/components/forms";
import { BackLink, SummaryList, Tag } from "~/components/govuk/content";
import { Select, TextInput } from "~/components/govuk/fields";
import { HolderFields } from "~/components/workforce/holder-fields";
import { SERVICE_NAME } from "~/components/govuk/layout";
import { Table } from "~/components/govuk/table";
import { formatDate } from "~/domain/dates";
import { formatFte } from "~/domain/format";
import { CONTRACT_TYPES, RECRUITMENT_STAGES, roleLabel } from "~/domain/workforce";
import { isTypedError, toHttpError } from "~/errors";
import { redirectWithNotice } from "~/flash.server";
import { invalid, parseForm, replyToServiceError } from "~/forms.server";
import { uuid } from "~/schemas/fields.server";
import { appointmentSchema, recruitmentStepSchema, toAppointmentInput } from "~/schemas/workforce.server";
import { addAppointment } from "~/services/workforce/appointments.server";
import { getPostDetail } from "~/services/workforce/post-detail.server";
import { addRecruitmentStep, removeRecruitmentStep } from "~/services/workforce/recruitment.server";
import { intents, intentSchema } from "~/schemas/routes/a.$slug.workforce.posts.$postId._index.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.post.reference ?? data?.post.roleLabel ?? "Post"} – ${SERVICE_NAME}` }];

export async function loader(args: LoaderFunctionArgs) {
  const access = await requireMembership(args, "authority:read");
  const id = uuid.safeParse(args.params.postId);
  if (!id.success) throw notFound();
  const { asOf } = readAsOf(args.request, args.context.now());
  try {
    const d = await getPostDetail(access.tenant, id.data, asOf);
    return {
      slug: access.authority.slug,
      asOf,
      canEdit: access.can("programme:edit"),
      post: { ...d.post, roleLabel: roleLabel(d.post.role) },
      teamName: d.teamName,
      hostName: d.hostName,
      established: d.established,
      filledFte: d.filledFte,
      stage: d.stage,
      holders: d.holders,
      steps: d.steps,
    };
  } catch (error) {
    if (isTypedError(error)) throw toHttpError(error);
    throw error;
  }
}

export async function action(args: ActionFunctionArgs) {
  const access = await requireMembership(args, "programme:edit");
  const postId = uuid.safeParse(args.params.postId);
  if (!postId.success) throw notFound();
  const formData = await args.request.formData();
  const intent = intentSchema.parse(formData.get("intent"));
  const here = `/a/${access.authority.slug}/workforce/posts/${postId.data}`;
  const submission = parseForm(formData, intents[intent]);
  if (submission.status !== "success") return invalid(submission);
  try {
    if (intent === "add-holder") {
      await addAppointment(access.tenant, postId.data, toAppointmentInput(submission.value as z.output<typeof appointmentSchema>));
      return redirectWithNotice(here, "The holder has been recorded.");
    }
    if (intent === "add-step") {
      const v = submission.value as z.output<typeof recruitmentStepSchema>;
      await addRecruitmentStep(access.tenant, postId.data, { stage: v.stage, onDate: v.onDate, note: v.note ?? null });
      return redirectWithNotice(here, `Recruitment step recorded: ${RECRUITMENT_STAGES[v.stage].toLowerCase()}.`);
    }
    await removeRecruitmentStep(access.tenant, postId.data, (submission.value as { stepId: string }).stepId);
    return redirectWithNotice(here, "The recruitment step has been removed.");
  } catch (error) {
    return replyToServiceError(submission, error);
  }
}

export default function PostDetail() {
  const d = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const intent = (lastResult as { initialValue?: { intent?: string } } | undefined)?.initialValue?.intent;
  const holder = useServerForm<Record<string, string>>({
    id: "holder",
    lastResult: intent === "add-holder" ? lastResult : undefined,
    defaultValue: { fte: String(d.post.fte), contractType: "fixed-term", startConfirmed: "no" },
  });
  const step = useServerForm<Record<string, string>>({ id: "step", lastResult: intent === "add-step" ? lastResult : undefined, defaultValue: { onDate: d.asOf } });
  const p = d.post;
  return (
    <>
      <BackLink to={`/a/${d.slug}/workforce/posts`}>Posts</BackLink>
      <h1 className="govuk-heading-l">
        <span className="govuk-caption-l">{p.reference ?? "Post"}</span>
        {p.title ?? p.roleLabel}
      </h1>
      <p className="govuk-body">
        {!d.established ? (
          <Tag colour="grey">Not established on {formatDate(d.asOf)}</Tag>
        ) : d.filledFte >= p.fte ? (
          <Tag colour="green">Filled</Tag>
        ) : (
          <Tag colour="red">{d.filledFte > 0 ? `Part filled: ${formatFte(d.filledFte)} of ${formatFte(p.fte)} FTE` : "Vacant"}</Tag>
        )}{" "}
        {d.established && d.filledFte < p.fte ? <span className="govuk-body-s">Recruitment: {RECRUITMENT_STAGES[d.stage.stage]}{d.stage.since ? ` since ${formatDate(d.stage.since)}` : ""}</span> : null}
      </p>
      <SummaryList
        rows={[
          { key: "Role", value: p.roleLabel },
          { key: "FTE", value: formatFte(p.fte) },
          { key: "Adult specialist post", value: p.adultSpecialist ? "Yes: counts towards the go-live criterion" : "No" },
          { key: "Team", value: d.teamName ?? "No team" },
          { key: "Host organisation", value: d.hostName ?? "Not recorded" },
          { key: "Funded by", value: p.fundedBy ?? "Not recorded" },
          { key: "Established on", value: formatDate(p.establishedOn, "From the start") },
          { key: "Post ends on", value: formatDate(p.disestablishedOn, "No end date") },
          { key: "Notes", value: p.notes ?? "" },
        ]}
      />
      {d.canEdit ? (
        <Link className="govuk-button govuk-button--secondary app-no-print" to={`/a/${d.slug}/workforce/posts/${p.id}/edit`}>
          Change the post
        </Link>
      ) : null}

      <Table
        caption="Holders"
        rows={d.holders}
        rowKey={(a) => a.id}
        empty="Nobody has held this post yet."
        columns={[
          { key: "holder", header: "Holder", cell: (a) => a.holder },
          { key: "fte", header: "FTE", cell: (a) => formatFte(a.fte), numeric: true },
          { key: "contract", header: "Contract", cell: (a) => `${CONTRACT_TYPES[a.contractType as keyof typeof CONTRACT_TYPES] ?? a.contractType}${a.contractEnd ? ` to ${formatDate(a.contractEnd)}` : ""}` },
          { key: "start", header: "Start", cell: (a) => `${formatDate(a.startDate)}${a.startConfirmed ? "" : " (agreed)"}` },
          { key: "last", header: "Last day", cell: (a) => (a.lastDay ? `${formatDate(a.lastDay)}${a.leavingReason ? `: ${a.leavingReason}` : ""}` : "") },
          { key: "status", header: "Status", cell: (a) => (a.inPost ? <Tag colour="green">In post</Tag> : a.upcoming ? <Tag colour="blue">Starting</Tag> : <Tag colour="grey">Left</Tag>) },
          ...(d.canEdit
            ? [
                {
                  key: "edit",
                  header: <span className="govuk-visually-hidden">Change</span>,
                  cell: (a: (typeof d.holders)[number]) => (
                    <Link className="govuk-link" to={`/a/${d.slug}/workforce/posts/${p.id}/holders/${a.id}`}>
                      Change<span className="govuk-visually-hidden"> {a.holder}</span>
                    </Link>
                  ),
                },
              ]
            : []),
        ]}
      />

      <Table
        caption="Recruitment steps"
        rows={d.steps}
        rowKey={(s) => s.id}
        empty="No recruitment recorded."
        columns={[
          { key: "date", header: "Date", cell: (s) => formatDate(s.onDate) },
          { key: "stage", header: "Stage", cell: (s) => RECRUITMENT_STAGES[s.stage as keyof typeof RECRUITMENT_STAGES] ?? s.stage },
          { key: "note", header: "Note", cell: (s) => s.note ?? "" },
          ...(d.canEdit
            ? [
                {
                  key: "remove",
                  header: <span className="govuk-visually-hidden">Remove</span>,
                  cell: (s: (typeof d.steps)[number]) => (
                    <Form method="post">
                      <input type="hidden" name="intent" value="remove-step" />
                      <input type="hidden" name="stepId" value={s.id} />
                      <button type="submit" className="app-link-button">
                        Remove<span className="govuk-visually-hidden"> the step of {formatDate(s.onDate)}</span>
                      </button>
                    </Form>
                  ),
                },
              ]
            : []),
        ]}
      />

      {d.canEdit ? (
        <div className="govuk-grid-row app-no-print">
          <div className="govuk-grid-column-one-half">
            <AppForm form={step.form} summary={step.summary}>
              <h2 className="govuk-heading-m">Record a recruitment step</h2>
              <input type="hidden" name="intent" value="add-step" />
              <Select field={step.fields.stage} label="Stage" placeholder="Select the stage" options={Object.entries(RECRUITMENT_STAGES).map(([value, label]) => ({ value, label }))} />
              <TextInput field={step.fields.onDate} label="Date" type="date" width={10} />
              <TextInput field={step.fields.note} label="Note (optional)" />
              <SubmitButton secondary>Record step</SubmitButton>
            </AppForm>
          </div>
          <div className="govuk-grid-column-one-half">
            <AppForm form={holder.form} summary={holder.summary}>
              <h2 className="govuk-heading-m">Record an appointment</h2>
              <input type="hidden" name="intent" value="add-holder" />
              <HolderFields fields={holder.fields as never} />
              <SubmitButton>Record appointment</SubmitButton>
            </AppForm>
          </div>
        </div>
      ) : null}
    </>
  );
}
