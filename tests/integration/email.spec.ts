import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { action as peopleAction } from "~/routes/a.$slug.settings.people";
import { emailMessage } from "../../db/schema";
import { createAuthority, createSignedInUser } from "../factories";
import { testContext } from "../helpers/context";
import { useTestDatabase } from "../helpers/db";
import { linkToken } from "../helpers/email";
import { startFakeResend, type FakeResend } from "../helpers/fake-resend";
import { call, postRequest } from "../helpers/requests";

const t = useTestDatabase();
let resend: FakeResend;
beforeAll(async () => {
  resend = await startFakeResend();
});
afterAll(async () => {
  await resend.close();
});

function resendContext() {
  const ctx = testContext(t.db);
  return { ...ctx, env: { ...ctx.env, RESEND_API_KEY: "re_test_key", RESEND_BASE_URL: resend.url, EMAIL_FROM: "FS tracker <fs@example.test>" } };
}

describe("e-mail through the Resend SDK", () => {
  it("sends the invitation to Resend with the recipient, subject and link, and records the id it returns", async () => {
    const a = await createAuthority(t.db, { name: "Resendshire" });
    const pm = await createSignedInUser(t.db, { authorityId: a.id, role: "programme-manager" });
    const before = resend.sent.length;
    const res = await call(peopleAction, postRequest(`/a/${a.slug}/settings/people`, { intent: "invite", email: "via-resend@example.test", role: "viewer" }, { token: pm.token }), { slug: a.slug }, resendContext());
    expect(res.status).toBe(302);
    expect(resend.sent).toHaveLength(before + 1);
    const sent = resend.sent.at(-1)!;
    expect(sent.authorization).toBe("Bearer re_test_key");
    expect(sent.body.from).toBe("FS tracker <fs@example.test>");
    expect(sent.body.to).toBe("via-resend@example.test");
    expect(sent.body.subject).toBe("You have been invited to Resendshire on the Family Safeguarding tracker");
    const token = linkToken(sent.body.html, "invitations");
    expect(sent.body.text).toContain(`http://localhost:3000/invitations/${token}`);
    const [row] = await t.db.select().from(emailMessage).where(eq(emailMessage.toAddress, "via-resend@example.test"));
    expect(row).toMatchObject({ transport: "resend", status: "sent", providerId: `fake-${resend.sent.length}` });
  });

  it("records a failed send and tells the programme manager to send again", async () => {
    const a = await createAuthority(t.db);
    const pm = await createSignedInUser(t.db, { authorityId: a.id, role: "programme-manager" });
    resend.failWith(500);
    try {
      const res = await call(peopleAction, postRequest(`/a/${a.slug}/settings/people`, { intent: "invite", email: "unlucky@example.test", role: "viewer" }, { token: pm.token }), { slug: a.slug }, resendContext());
      expect(res.status).toBe(302);
      expect(decodeURIComponent(res.headers.get("Set-Cookie") ?? "")).toContain("could not be sent");
      const [row] = await t.db.select().from(emailMessage).where(eq(emailMessage.toAddress, "unlucky@example.test"));
      expect(row).toMatchObject({ transport: "resend", status: "failed" });
      expect(row.error).toContain("Fake failure");
    } finally {
      resend.failWith(null);
    }
  });
});
