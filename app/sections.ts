/** The areas of an authority, in the order of its navigation. */
import type { Permission } from "./domain/permissions";

export interface Section {
  path: string;
  label: string;
  summary: string;
  /** Who sees it in the navigation. */
  permission: Permission;
}

export const SECTIONS: Section[] = [
  { path: "", label: "Readiness", summary: "The three DfE go-live criteria, live and forecast.", permission: "authority:read" },
  { path: "workforce", label: "Workforce", summary: "Recruitment against establishment: posts, pipeline, contracts and leavers.", permission: "authority:read" },
  { path: "training", label: "Training", summary: "Motivational Interviewing and the Practice and Change workshops.", permission: "authority:read" },
  { path: "hubs", label: "Hubs", summary: "Locality hub openings: planned, forecast and actual.", permission: "authority:read" },
  { path: "partnership", label: "Partnership", summary: "The partnership board and its charter, signed online by each partner.", permission: "charter:read" },
  { path: "funding", label: "Funding", summary: "Adult worker costs, the DfE grant taper and the shortfall partners must cover.", permission: "authority:read" },
  { path: "outcomes", label: "Outcomes", summary: "The outcomes scorecard against a baseline.", permission: "authority:read" },
  { path: "plan", label: "Plan", summary: "Workstreams, milestones, risks and issues.", permission: "authority:read" },
  { path: "reports", label: "Reports", summary: "The quarterly DfE return and committee updates.", permission: "authority:read" },
  { path: "settings", label: "Settings", summary: "The authority's details, people and audit log.", permission: "authority:read" },
];
