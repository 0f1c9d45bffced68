import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { notFound, requireUser } from "~/auth/guards.server";
import { WarningText } from "~/components/govuk/content";
import { Main, SERVICE_NAME } from "~/components/govuk/layout";
import { Table } from "~/components/govuk/table";
import { formatDateTime } from "~/domain/dates";
import { listOutbox, outboxEnabled } from "~/services/email/outbox.server";

export const meta: MetaFunction = () => [{ title: `Outbox – ${SERVICE_NAME}` }];

export async function loader(args: LoaderFunctionArgs) {
  if (!outboxEnabled(args.context.env)) throw notFound();
  await requireUser(args);
  const messages = await listOutbox(args.context.db);
  return { messages: messages.map((m) => ({ ...m, createdAt: formatDateTime(m.createdAt) })) };
}

export default function Outbox() {
  const { messages } = useLoaderData<typeof loader>();
  return (
    <Main wide>
      <h1 className="govuk-heading-l">Outbox</h1>
      <WarningText>Development and demo installs only: no email leaves this machine. Set RESEND_API_KEY to send email for real.</WarningText>
      <Table
        caption="The 100 most recent emails"
        captionSize="s"
        rows={messages}
        rowKey={(m) => m.id}
        empty="No emails yet."
        columns={[
          { key: "when", header: "When", cell: (m) => m.createdAt },
          { key: "to", header: "To", cell: (m) => m.toAddress },
          {
            key: "subject",
            header: "Subject",
            cell: (m) => (
              <Link className="govuk-link" to={`/dev/outbox/${m.id}`}>
                {m.subject}
              </Link>
            ),
          },
          { key: "tag", header: "Kind", cell: (m) => m.tag },
        ]}
      />
    </Main>
  );
}
