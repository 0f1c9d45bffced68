import { z } from "zod";
import { STREAM_KINDS } from "../../domain/funding";
import { date, money, oneOf, optionalDate, optionalText, shares, text } from "./fields.server";
import type { StreamInput } from "./streams.server";

/** A funding stream's form, for adding one and for changing it. */
export const streamFields = z
  .object({
    name: text("the name of the stream", 120),
    funder: text("who funds it", 120),
    kind: oneOf(STREAM_KINDS, "Select the type of stream"),
    total: money("the total"),
    startDate: date("the start date"),
    endDate: optionalDate("the end date"),
    shares: shares.optional(),
    note: optionalText(),
  })
  .superRefine((v, ctx) => {
    if (v.kind === "tapered" && !v.shares) ctx.addIssue({ code: "custom", path: ["shares"], message: "Enter the share of each year, like 100, 70, 50" });
    if (v.endDate && v.endDate < v.startDate) ctx.addIssue({ code: "custom", path: ["endDate"], message: "The end date must be on or after the start date" });
  });

export function toStreamInput(v: z.output<typeof streamFields>): StreamInput {
  return { name: v.name, funder: v.funder, kind: v.kind, totalPence: v.total, startDate: v.startDate, endDate: v.endDate, sharesBp: v.shares ?? [], note: v.note };
}
