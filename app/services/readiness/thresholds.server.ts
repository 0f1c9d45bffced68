import type { Executor } from "../../../db/client";
import type { Authority } from "../../../db/schema";
import { effectiveThresholds, type Thresholds } from "../../domain/readiness";
import { loadProgrammeThresholds } from "./load-facts.server";

/** The thresholds that apply to an authority: its own overrides, else the programme's. One query. */
export async function authorityThresholds(db: Executor, authority: Pick<Authority, "thresholdAdultWorkers" | "thresholdMi" | "thresholdWorkshops">): Promise<Thresholds> {
  return effectiveThresholds(await loadProgrammeThresholds(db), authority);
}
