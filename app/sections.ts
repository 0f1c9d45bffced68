/** The areas of an authority, in the order of its navigation. `built` flips as each issue lands. */
export interface Section {
  path: string;
  label: string;
  summary: string;
  built: boolean;
}

export const SECTIONS: Section[] = [
  { path: "", label: "Readiness", summary: "The three DfE go-live criteria, live and forecast.", built: false },
  { path: "workforce", label: "Workforce", summary: "Recruitment against establishment: posts, pipeline, contracts and leavers.", built: false },
  { path: "training", label: "Training", summary: "Motivational Interviewing and the Practice and Change workshops.", built: false },
  { path: "hubs", label: "Hubs", summary: "Locality hub openings: planned, forecast and actual.", built: false },
  { path: "partnership", label: "Partnership", summary: "The partnership board and its charter, signed online by each partner.", built: false },
  { path: "funding", label: "Funding", summary: "Adult worker costs, the DfE grant taper and the shortfall partners must cover.", built: false },
  { path: "outcomes", label: "Outcomes", summary: "The outcomes scorecard against a baseline.", built: false },
  { path: "plan", label: "Plan", summary: "Workstreams, milestones, risks and issues.", built: false },
  { path: "reports", label: "Reports", summary: "The quarterly DfE return and committee updates.", built: false },
  { path: "settings", label: "Settings", summary: "The authority's details, people and thresholds.", built: false },
];

export function sectionByPath(path: string): Section | undefined {
  return SECTIONS.find((s) => s.path === path);
}
