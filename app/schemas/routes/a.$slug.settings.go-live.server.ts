// The forms of app/routes/a.$slug.settings.go-live.tsx, parsed in its action. A .server module so that
// zod stays out of the browser bundle.
import { z } from "zod";
import { optionalDate, optionalPercent, version } from "~/schemas/fields.server";

export const schema = z
  .object({
    version,
    plannedGoLive: optionalDate("the planned go-live date"),
    dfeConfirmedOn: optionalDate("the date DfE confirmed"),
    actualGoLive: optionalDate("the actual go-live date"),
    thresholdAdultWorkers: optionalPercent("the adult workers threshold"),
    thresholdMi: optionalPercent("the MI threshold"),
    thresholdWorkshops: optionalPercent("the workshops threshold"),
  })
  .refine((v) => !v.actualGoLive || !v.dfeConfirmedOn || v.dfeConfirmedOn <= v.actualGoLive, { path: ["dfeConfirmedOn"], error: "DfE confirms before the authority goes live" });
