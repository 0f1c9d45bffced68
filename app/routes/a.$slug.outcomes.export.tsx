import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireMembership } from "~/auth/guards.server";
import { csvResponse, toCsv } from "~/csv.server";
import { londonDate } from "~/domain/dates";
import { exportFigures, FIGURE_CSV_COLUMNS } from "~/services/outcomes/export.server";

/**
 * CSV of every outcome figure recorded (`?template=1`: the header row only, to fill in). The
 * import reads the same columns, so a file exported and imported back changes nothing.
 */
export async function loader(args: LoaderFunctionArgs) {
  const access = await requireMembership(args, "authority:read");
  const template = new URL(args.request.url).searchParams.get("template") === "1";
  const rows = template ? [] : await exportFigures(access.tenant);
  return csvResponse(`${access.authority.slug}-outcomes-${template ? "template" : londonDate(args.context.now())}.csv`, toCsv(rows, FIGURE_CSV_COLUMNS));
}
