import { render } from "@react-email/render";
import { eq } from "drizzle-orm";
import type { ReactElement } from "react";
import { Resend } from "resend";
import type { Database, Tx } from "../../db/client";
import { emailMessage } from "../../db/schema";
import type { Env } from "../env.server";
import { asSystem, inTenant } from "../services/scope.server";

export interface OutgoingEmail {
  to: string;
  subject: string;
  react: ReactElement;
  /** What it is for: "invitation", "password-reset", … */
  tag: string;
  authorityId?: string | null;
  /** The link it carries, for the console line in outbox mode. */
  link?: string;
}

export interface SentEmail {
  id: string;
  transport: "outbox" | "resend";
  status: "stored" | "sent" | "failed";
}

/**
 * The one way the service sends e-mail. The message is rendered from a React Email template into
 * HTML and text and recorded in email_message. With RESEND_API_KEY it goes through the Resend SDK;
 * without, it stays in the outbox (readable at /dev/outbox) and a console line says so.
 */
export async function sendEmail(db: Database, env: Env, email: OutgoingEmail): Promise<SentEmail> {
  // An authority's message is written in its tenant; a service-wide one through the outbox path.
  const write = <T>(fn: (tx: Tx) => Promise<T>) =>
    email.authorityId ? inTenant({ db, authorityId: email.authorityId }, fn) : asSystem(db, "e-mail outbox", fn);
  const html = await render(email.react);
  const text = await render(email.react, { plainText: true });
  const transport = env.RESEND_API_KEY ? "resend" : "outbox";
  const [row] = await write((tx) =>
    tx
      .insert(emailMessage)
      .values({ toAddress: email.to, subject: email.subject, html, text, tag: email.tag, authorityId: email.authorityId ?? null, transport, status: "stored" })
      .returning({ id: emailMessage.id }),
  );

  if (!env.RESEND_API_KEY) {
    if (env.NODE_ENV !== "test") console.log(`[outbox] to ${email.to}: "${email.subject}"${email.link ? ` ${email.link}` : ""}`);
    return { id: row.id, transport, status: "stored" };
  }

  const resend = new Resend(env.RESEND_API_KEY, env.RESEND_BASE_URL ? { baseUrl: env.RESEND_BASE_URL } : undefined);
  const { data, error } = await resend.emails.send({ from: env.EMAIL_FROM, to: email.to, subject: email.subject, html, text, tags: [{ name: "purpose", value: email.tag }] });
  const status = error ? "failed" : "sent";
  await write((tx) =>
    tx
      .update(emailMessage)
      .set({ status, providerId: data?.id ?? null, error: error ? `${error.name}: ${error.message}` : null })
      .where(eq(emailMessage.id, row.id)),
  );
  return { id: row.id, transport, status };
}
