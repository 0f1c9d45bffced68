// The forms of app/routes/a.$slug.training.sessions.$sessionId.tsx, parsed in its action. A .server module so that
// zod stays out of the browser bundle.
import { z } from "zod";
import { ATTENDANCE_CHOICES } from "~/components/training";
import { END_BEFORE_START, endAfterStart, sessionFields } from "~/schemas/training.server";

const version = z.number({ error: "Reload the page and try again" }).int();

export const schemas = {
  attendance: z.object({
    intent: z.literal("attendance"),
    bookings: z.array(z.object({ id: z.uuid(), version, status: z.enum(ATTENDANCE_CHOICES, { error: "Select attended, did not attend or booked" }) })).min(1, { error: "Nobody is booked on this session" }),
  }),
  book: z.object({ intent: z.literal("book"), staffIds: z.array(z.uuid(), { error: "Select at least one person to book" }).min(1, { error: "Select at least one person to book" }) }),
  cancel: z.object({ intent: z.literal("cancel"), bookingId: z.uuid(), version }),
  "update-session": z.object({ intent: z.literal("update-session"), version, ...sessionFields }).refine(endAfterStart, END_BEFORE_START),
};

export type Intent = keyof typeof schemas;
export const INTENTS = Object.keys(schemas) as Intent[];
