/** The areas of an authority, in the order of its navigation. `built` flips as each issue lands. */
import type { Permission } from "./domain/permissions";

export interface Section {
  path: string;
  label: string;
  summary: string;
  built: boolean;
  /** Who sees it in the navigation. */
  permission: Permission;
}

export const SECTIONS: Section[] = [
  { path: "", label: "Readiness", summary: "The three DfE go-live criteria, live and forecast.", built: true, permission: "authority:read" },
  { path: "workforce", label: "Workforce", summary: "Recruitment against establishment: posts, pipeline, contracts and leavers.", built: true, permission: "authority:read" },
  { path: "training", label: "Training", summary: "Motivational Interviewing and the Practice and Change workshops.", built: true, permission: "authority:read" },
  { path: "hubs", label: "Hubs", summary: "Locality hub openings: planned, forecast and actual.", built: true, permission: "authority:read" },
  { path: "partnership", label: "Partnership", summary: "The partnership board and its charter, signed online by each partner.", built: true, permission: "charter:read" },
  { path: "funding", label: "Funding", summary: "Adult worker costs, the DfE grant taper and the shortfall partners must cover.", built: true, permission: "authority:read" },
  { path: "outcomes", label: "Outcomes", summary: "The outcomes scorecard against a baseline.", built: true, permission: "authority:read" },
  { path: "plan", label: "Plan", summary: "Workstreams, milestones, risks and issues.", built: true, permission: "authority:read" },
  { path: "reports", label: "Reports", summary: "The quarterly DfE return and committee updates.", built: false, permission: "authority:read" },
  { path: "settings", label: "Settings", summary: "The authority's details, people and audit log.", built: true, permission: "authority:read" },
];

export function sectionByPath(path: string): Section | undefined {
  return SECTIONS.find((s) => s.path === path);
}
