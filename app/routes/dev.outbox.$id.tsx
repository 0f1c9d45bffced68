import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { notFound, requireUser } from "~/auth/guards.server";
import { BackLink, SummaryList } from "~/components/govuk/content";
import { Main, SERVICE_NAME } from "~/components/govuk/layout";
import { formatDateTime } from "~/domain/dates";
import { getOutboxMessage, outboxEnabled } from "~/services/email/outbox.server";
import { idSchema } from "~/schemas/routes/dev.outbox.$id.server";

export const meta: MetaFunction = () => [{ title: `Email – ${SERVICE_NAME}` }, { name: "referrer", content: "same-origin" }];

export async function loader(args: LoaderFunctionArgs) {
  if (!outboxEnabled(args.context.env)) throw notFound();
  await requireUser(args);
  const id = idSchema.safeParse(args.params.id);
  const message = id.success ? await getOutboxMessage(args.context.db, id.data) : null;
  if (!message) throw notFound();
  const links = [...message.html.matchAll(/href="([^"]+)"/g)].map((m) => m[1].replace(/&amp;/g, "&"));
  return { to: message.toAddress, subject: message.subject, sentAt: formatDateTime(message.createdAt), text: message.text, html: message.html, links: [...new Set(links)] };
}

export default function OutboxMessage() {
  const m = useLoaderData<typeof loader>();
  return (
    <Main>
      <BackLink to="/dev/outbox">Outbox</BackLink>
      <h1 className="govuk-heading-l">{m.subject}</h1>
      <SummaryList
        rows={[
          { key: "To", value: m.to },
          { key: "When", value: m.sentAt },
          {
            key: "Links",
            value: (
              <ul className="govuk-list">
                {m.links.map((l) => (
                  <li key={l}>
                    <a className="govuk-link app-email-link" href={l}>
                      {l}
                    </a>
                  </li>
                ))}
              </ul>
            ),
          },
        ]}
      />
      <h2 className="govuk-heading-m">As the recipient sees it</h2>
      <iframe title={`Email: ${m.subject}`} sandbox="" srcDoc={m.html} className="app-email-frame" />
      <h2 className="govuk-heading-m">Plain text</h2>
      <pre className="app-email-text">{m.text}</pre>
    </Main>
  );
}
