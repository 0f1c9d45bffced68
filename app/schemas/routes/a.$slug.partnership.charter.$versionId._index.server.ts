// The forms of app/routes/a.$slug.partnership.charter.$versionId._index.tsx, parsed in its action. A .server module so that
// zod stays out of the browser bundle.
import { z } from "zod";
import { uuid, version } from "~/services/partnership/forms.server";

export const schemas = {
  publish: z.object({ intent: z.literal("publish"), version, sendRequests: z.literal("yes").optional() }),
  discard: z.object({ intent: z.literal("discard"), version }),
  "send-requests": z.object({ intent: z.literal("send-requests") }),
  "send-request": z.object({ intent: z.literal("send-request"), memberId: uuid }),
  remind: z.object({ intent: z.literal("remind"), memberId: uuid }),
  "remind-due": z.object({ intent: z.literal("remind-due") }),
  withdraw: z.object({
    intent: z.literal("withdraw"),
    organisationId: uuid,
    reason: z.string({ error: "Say why the partner withdraws" }).trim().min(1, { error: "Say why the partner withdraws" }).max(1000),
  }),
};

export const intentSchema = z.enum(Object.keys(schemas) as [keyof typeof schemas, ...(keyof typeof schemas)[]]);
