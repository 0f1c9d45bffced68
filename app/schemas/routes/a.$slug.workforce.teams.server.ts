// The forms of app/routes/a.$slug.workforce.teams.tsx, parsed in its action. A .server module so that
// zod stays out of the browser bundle.
import { z } from "zod";
import { text, uuid, version } from "~/schemas/fields.server";

export const schemas = {
  add: z.object({ intent: z.literal("add"), name: text("the team's name", 120) }),
  rename: z.object({ intent: z.literal("rename"), teamId: uuid, version, name: text("the team's name", 120) }),
};
