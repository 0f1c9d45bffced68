// The query of app/routes/dev.outbox.$id.tsx, parsed in its loader. A .server module so that zod stays
// out of the browser bundle.
import { z } from "zod";

export const idSchema = z.uuid();
