// The forms of app/routes/account_.api-tokens.tsx, parsed in its action. A .server module so that
// zod stays out of the browser bundle.
import { z } from "zod";
import { TOKEN_NAME_MAX } from "~/domain/api-tokens";
import { optionalDate } from "~/services/funding/fields.server";

export const schemas = {
  create: z.object({
    intent: z.literal("create"),
    name: z.string({ error: "Enter a name for the token" }).trim().min(1, { error: "Enter a name for the token" }).max(TOKEN_NAME_MAX, { error: `The name must be ${TOKEN_NAME_MAX} characters or fewer` }),
    expiresOn: optionalDate("the expiry date"),
  }),
  revoke: z.object({ intent: z.literal("revoke"), tokenId: z.uuid({ error: "That token no longer exists" }) }),
};
