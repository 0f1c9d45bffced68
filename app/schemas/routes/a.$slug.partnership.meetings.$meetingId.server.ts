// The forms of app/routes/a.$slug.partnership.meetings.$meetingId.tsx, parsed in its action. A .server module so that
// zod stays out of the browser bundle.
import { z } from "zod";
import { version } from "~/services/partnership/forms.server";

export const deleteSchema = z.object({ intent: z.literal("delete"), version });
