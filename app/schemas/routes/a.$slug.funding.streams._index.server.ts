// The forms of app/routes/a.$slug.funding.streams._index.tsx, parsed in its action. A .server module so that
// zod stays out of the browser bundle.
import { streamFields } from "~/services/funding/stream-form.server";

export const schemas = { add: streamFields };
