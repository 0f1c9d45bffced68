// The query of app/routes/a.$slug.partnership.charter.$versionId.export.tsx, parsed in its loader. A .server module so
// that zod stays out of the browser bundle.
import { z } from "zod";

/** csv: the signatures; trail-csv: the audit trail; txt: the canonical text, byte for byte as hashed. */
export const formatSchema = z.enum(["csv", "trail-csv", "txt"]);
