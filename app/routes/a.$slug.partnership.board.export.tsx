import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireMembership } from "~/auth/guards.server";
import { csvResponse, toCsv } from "~/csv.server";
import { isActiveOn } from "~/domain/charter";
import { londonDate } from "~/domain/dates";
import { sectorLabel } from "~/domain/partnership";
import { getBoard } from "~/services/partnership/board.server";

/**
 * The board members as CSV. A resource route: a page's loader cannot answer with a file. E-mail
 * addresses are for the programme team, who send the signing requests.
 */
export async function loader(args: LoaderFunctionArgs) {
  const access = await requireMembership(args, "charter:read");
  const board = await getBoard(access.tenant);
  const today = londonDate(args.context.now());
  const canManage = access.can("charter:manage");
  const sectors = new Map(board.organisations.map((o) => [o.name, sectorLabel(o.sector)]));
  type Member = (typeof board.members)[number];
  return csvResponse(
    `${access.authority.slug}-board-members-${today}.csv`,
    toCsv(board.members, [
      { header: "Name", value: (m) => m.name },
      { header: "Job title", value: (m) => m.jobTitle },
      { header: "Organisation", value: (m) => m.organisationName },
      { header: "Sector", value: (m) => sectors.get(m.organisationName) },
      ...(canManage ? [{ header: "Email", value: (m: Member) => m.email }] : []),
      { header: "Active from", value: (m) => m.activeFrom },
      { header: "Active to", value: (m) => m.activeTo },
      { header: "On the board today", value: (m) => (isActiveOn(m, today) ? "yes" : "no") },
    ]),
  );
}
