// The forms of app/routes/national.settings.tsx, parsed in its action. A .server module so that
// zod stays out of the browser bundle.
import { z } from "zod";

const percent = (label: string) =>
  z.coerce
    .number({ error: `Enter ${label} as a number, like 70` })
    .min(1, { error: "Enter a number between 1 and 100" })
    .max(100, { error: "Enter a number between 1 and 100" });

export const schema = z.object({ adultWorkers: percent("the adult workers threshold"), mi: percent("the MI threshold"), workshops: percent("the workshops threshold") });
