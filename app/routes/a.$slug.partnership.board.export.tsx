import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireMembership } from "~/auth/guards.server";
import { csvResponse, toCsv } from "~/csv.server";
import { londonDate } from "~/domain/dates";
import { getBoard } from "~/services/partnership/board.server";
import { boardMemberRows } from "~/services/partnership/route-data.server";

/**
 * The board members as CSV, as the board page lists them. A resource route: a page's loader cannot
 * answer with a file.
 */
export async function loader(args: LoaderFunctionArgs) {
  const access = await requireMembership(args, "charter:read");
  const board = await getBoard(access.tenant);
  const today = londonDate(args.context.now());
  const canManage = access.can("charter:manage");
  const members = boardMemberRows(board, canManage, today);
  type Member = (typeof members)[number];
  return csvResponse(
    `${access.authority.slug}-board-members-${today}.csv`,
    toCsv(members, [
      { header: "Name", value: (m) => m.name },
      { header: "Job title", value: (m) => m.jobTitle },
      { header: "Organisation", value: (m) => m.organisationName },
      { header: "Sector", value: (m) => m.sector },
      ...(canManage ? [{ header: "Email", value: (m: Member) => m.email }] : []),
      { header: "Active from", value: (m) => m.activeFrom },
      { header: "Active to", value: (m) => m.activeTo },
      { header: "On the board today", value: (m) => (m.active ? "yes" : "no") },
    ]),
  );
}
