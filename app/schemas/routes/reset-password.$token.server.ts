// The forms of app/routes/reset-password.$token.tsx, parsed in its action. A .server module so that
// zod stays out of the browser bundle.
import { withConfirmation } from "~/schemas/password.server";

export const schema = withConfirmation({});
