// The forms of app/routes/a.$slug.settings.people.tsx, parsed in its action. A .server module so that
// zod stays out of the browser bundle.
import { z } from "zod";
import { TENANT_ROLES } from "~/domain/permissions";

const role = z.enum(TENANT_ROLES, { error: "Select a role" });

const id = z.uuid({ error: "That record no longer exists" });

export const schemas = {
  invite: z.object({ intent: z.literal("invite"), email: z.email({ error: "Enter an email address in the correct format, like name@example.com" }).max(320), role }),
  resend: z.object({ intent: z.literal("resend"), invitationId: id }),
  revoke: z.object({ intent: z.literal("revoke"), invitationId: id }),
  "change-role": z.object({ intent: z.literal("change-role"), membershipId: id, role, version: z.coerce.number().int() }),
  remove: z.object({ intent: z.literal("remove"), membershipId: id }),
};

export const intentSchema = z.enum(Object.keys(schemas) as [keyof typeof schemas, ...(keyof typeof schemas)[]]);
