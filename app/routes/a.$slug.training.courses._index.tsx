import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireMembership } from "~/auth/guards.server";
import { AppForm, SubmitButton, useServerForm } from "~/components/forms";
import { Tag } from "~/components/govuk/content";
import { TextInput } from "~/components/govuk/fields";
import { SERVICE_NAME } from "~/components/govuk/layout";
import { Table } from "~/components/govuk/table";
import { CsvLink, TrainingHeading, TrainingNav } from "~/components/training";
import { formatDateShort, londonDate } from "~/domain/dates";
import { courseKindLabel } from "~/domain/training";
import { redirectWithNotice } from "~/flash.server";
import { invalid, parseForm, replyToServiceError } from "~/forms.server";
import { addCourse, listCourses } from "~/services/training/courses.server";
import { schema } from "~/schemas/routes/a.$slug.training.courses._index.server";

export const meta: MetaFunction = () => [{ title: `Courses and sessions – Training – ${SERVICE_NAME}` }];

export async function loader(args: LoaderFunctionArgs) {
  const access = await requireMembership(args, "authority:read");
  const today = londonDate(args.context.now());
  return { slug: access.authority.slug, authorityName: access.authority.name, canEdit: access.can("programme:edit"), courses: await listCourses(access.tenant, today) };
}

export async function action(args: ActionFunctionArgs) {
  const access = await requireMembership(args, "programme:edit");
  const submission = parseForm(await args.request.formData(), schema);
  if (submission.status !== "success") return invalid(submission);
  try {
    const { id } = await addCourse(access.tenant, submission.value);
    return redirectWithNotice(`/a/${access.authority.slug}/training/courses/${id}`, `${submission.value.name} has been added: add its sessions below.`);
  } catch (error) {
    return replyToServiceError(submission, error);
  }
}

export default function Courses() {
  const d = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { form, fields, summary } = useServerForm<{ name: string; durationDays: string; audience: string }>({ id: "course", lastResult, defaultValue: { durationDays: "1" } });
  const base = `/a/${d.slug}/training`;
  return (
    <>
      <TrainingNav slug={d.slug} />
      <TrainingHeading authorityName={d.authorityName}>Courses and sessions</TrainingHeading>
      <p className="govuk-body">Motivational Interviewing and the eight Practice and Change workshops are set up for every authority; add your own courses as well. Open a course to see and add its sessions.</p>
      <ul className="govuk-list">
        <li>
          <CsvLink href={`${base}/export/courses`}>Download the courses (CSV)</CsvLink>
        </li>
        <li>
          <CsvLink href={`${base}/export/sessions`}>Download every session (CSV)</CsvLink>
        </li>
        <li>
          <CsvLink href={`${base}/export/attendance`}>Download all attendance (CSV)</CsvLink>
        </li>
      </ul>
      <Table
        id="courses"
        caption="Courses"
        captionSize="s"
        rows={d.courses}
        rowKey={(c) => c.id}
        columns={[
          { key: "name", header: "Course", cell: (c) => <Link className="govuk-link" to={`${base}/courses/${c.id}`}>{c.name}</Link> },
          { key: "kind", header: "Kind", cell: (c) => courseKindLabel(c.kind) },
          { key: "days", header: "Days", cell: (c) => c.durationDays, numeric: true },
          { key: "held", header: "Sessions held", cell: (c) => c.held, numeric: true },
          { key: "upcoming", header: "Coming up", cell: (c) => (c.next ? `${c.upcoming} (next ${formatDateShort(c.next)})` : c.upcoming), numeric: true },
          { key: "attended", header: "Places attended", cell: (c) => c.attended, numeric: true },
          { key: "active", header: "Status", cell: (c) => (c.active ? <Tag colour="green">Active</Tag> : <Tag colour="grey">Inactive</Tag>) },
        ]}
      />
      {d.canEdit ? (
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <AppForm form={form} summary={summary}>
              <h2 className="govuk-heading-m">Add a course of your own</h2>
              <TextInput field={fields.name} label="Course name" width={30} />
              <TextInput field={fields.durationDays} label="Length in days" hint="Whole or half days, like 1 or 0.5." width={3} inputMode="decimal" />
              <TextInput field={fields.audience} label="Who it is for (optional)" width={30} />
              <SubmitButton>Add the course</SubmitButton>
            </AppForm>
          </div>
        </div>
      ) : null}
    </>
  );
}
