// The forms of app/routes/a.$slug.plan.workstreams.tsx, parsed in its action. A .server module so that
// zod stays out of the browser bundle.
import { z } from "zod";
import { uuid, version } from "~/schemas/fields.server";
import { workstreamSchema } from "~/schemas/plan.server";

export const schemas = {
  add: workstreamSchema.extend({ intent: z.literal("add") }),
  update: workstreamSchema.extend({ intent: z.literal("update"), workstreamId: uuid, version }),
  move: z.object({ intent: z.literal("move"), workstreamId: uuid, version, direction: z.enum(["up", "down"]) }),
};

export const intentSchema = z.enum(["add", "update", "move"]).catch("add");
