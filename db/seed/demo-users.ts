import { eq, inArray } from "drizzle-orm";
import { hashPassword } from "../../app/auth/password.server";
import { recordAudit } from "../../app/services/audit.server";
import { appUser, authority, membership } from "../schema";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./demo-accounts";
import type { SeedPart } from "./demo";

/** One demo account per role (see demo-accounts.ts), all with the demo password. */
export const demoUsers: SeedPart = {
  name: "002-accounts",
  async run(tx) {
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const slugs = [...new Set(DEMO_ACCOUNTS.flatMap((a) => a.memberships?.map((m) => m.authority) ?? []))];
    const authorities = await tx.select({ id: authority.id, slug: authority.slug }).from(authority).where(inArray(authority.slug, slugs));
    const idBySlug = new Map(authorities.map((a) => [a.slug, a.id]));
    for (const account of DEMO_ACCOUNTS) {
      const [existing] = await tx.select({ id: appUser.id }).from(appUser).where(eq(appUser.email, account.email));
      if (existing) continue;
      const [user] = await tx
        .insert(appUser)
        .values({ email: account.email, name: account.name, passwordHash, nationalRole: account.nationalRole ?? null })
        .returning({ id: appUser.id });
      await recordAudit(tx, { userId: null, label: "demo seed" }, { authorityId: null, action: "user.created", entityType: "user", entityId: user.id, after: { email: account.email } });
      for (const m of account.memberships ?? []) {
        const authorityId = idBySlug.get(m.authority);
        if (!authorityId) continue;
        await tx.insert(membership).values({ userId: user.id, authorityId, role: m.role });
        await recordAudit(tx, { userId: null, label: "demo seed" }, { authorityId, action: "membership.created", entityType: "membership", entityId: user.id, after: { email: account.email, role: m.role } });
      }
    }
  },
};
