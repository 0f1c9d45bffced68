import type { IsoDate } from "./dates";
import { addDays, daysBetween } from "./dates";

/** The adult specialist roles the programme names, and the other FS roles a post can have. */
export const ADULT_SPECIALIST_ROLES = {
  "domestic-abuse-victim": "Domestic abuse victim worker",
  "domestic-abuse-perpetrator": "Domestic abuse perpetrator worker",
  "substance-misuse": "Substance misuse / recovery worker",
  "mental-health": "Mental health practitioner",
  "clinical-psychologist": "Clinical psychologist",
  "health-worker": "Health worker",
} as const;

export const OTHER_ROLES = {
  "social-worker": "Social worker",
  "advanced-social-worker": "Advanced social worker",
  "team-manager": "Team manager",
  "business-support": "Business support officer",
  "business-systems-support": "Business systems support officer",
  "insight-officer": "Insight officer",
} as const;

export const ROLE_CATALOGUE: Record<string, string> = { ...ADULT_SPECIALIST_ROLES, ...OTHER_ROLES };

export function roleLabel(role: string): string {
  return ROLE_CATALOGUE[role] ?? role;
}

/** A new post of a catalogue adult role counts towards the criterion unless the user says otherwise. */
export function isAdultSpecialistRole(role: string): boolean {
  return role in ADULT_SPECIALIST_ROLES;
}

export const CONTRACT_TYPES = { permanent: "Permanent", "fixed-term": "Fixed-term", secondment: "Secondment" } as const;
export type ContractType = keyof typeof CONTRACT_TYPES;

export const RECRUITMENT_STAGES = {
  "not-started": "Not started",
  advertised: "Advertised",
  shortlisting: "Shortlisting",
  interview: "Interview",
  "offer-made": "Offer made",
  "start-date-agreed": "Start date agreed",
} as const;
export type RecruitmentStage = keyof typeof RECRUITMENT_STAGES;
const STAGE_ORDER = Object.keys(RECRUITMENT_STAGES) as RecruitmentStage[];

export interface PostFacts {
  id: string;
  role: string;
  fte: number;
  teamId: string | null;
  adultSpecialist: boolean;
  establishedOn: IsoDate | null;
  disestablishedOn: IsoDate | null;
}

export interface AppointmentFacts {
  id: string;
  postId: string;
  holder: string;
  fte: number;
  contractType: string;
  contractEnd: IsoDate | null;
  startDate: IsoDate;
  startConfirmed: boolean;
  lastDay: IsoDate | null;
}

export interface RecruitmentFacts {
  postId: string;
  stage: string;
  onDate: IsoDate;
}

/** A post counts from its establishment date until (not including) the day it is disestablished. */
export function isEstablished(post: Pick<PostFacts, "establishedOn" | "disestablishedOn">, date: IsoDate): boolean {
  return (!post.establishedOn || post.establishedOn <= date) && (!post.disestablishedOn || date < post.disestablishedOn);
}

/**
 * In post from the start date to the last day, both inclusive: someone whose last day is the
 * as-of date is still in post that day. An agreed start date counts once it has come.
 */
export function isInPost(a: Pick<AppointmentFacts, "startDate" | "lastDay">, date: IsoDate): boolean {
  return a.startDate <= date && (!a.lastDay || date <= a.lastDay);
}

/**
 * The last day we expect someone to be in post, for forecasts made on `from`: the recorded last
 * day, or for a fixed-term contract or secondment, its end (unless extended, it is when they go).
 * An end date already past with no last day recorded is not assumed: the record is out of date
 * (see overdueContracts), and the person is taken as still in post.
 */
export function expectedLastDay(a: Pick<AppointmentFacts, "lastDay" | "contractType" | "contractEnd">, from: IsoDate): IsoDate | null {
  if (a.lastDay) return a.lastDay;
  return a.contractType !== "permanent" && a.contractEnd && a.contractEnd >= from ? a.contractEnd : null;
}

/** Holders still recorded in post whose fixed-term contract or secondment ended before `date`: extend it or record the last day. */
export function overdueContracts(appointments: AppointmentFacts[], date: IsoDate): AppointmentFacts[] {
  return appointments.filter((a) => a.contractType !== "permanent" && a.contractEnd && a.contractEnd < date && isInPost(a, date));
}

// FTE is held to two decimals; sums are done in hundredths so 0.1 + 0.2 is 0.3.
export const toHundredths = (fte: number) => Math.round(fte * 100);
export const fromHundredths = (h: number) => h / 100;

/**
 * FTE filled in a post on a date: its holders' FTE, never more than the post's own FTE (job shares
 * add up). With `plansFrom`, contracts are expected to end as planned after that date.
 */
export function filledHundredths(post: PostFacts, holders: AppointmentFacts[], date: IsoDate, plansFrom: IsoDate | null = null): number {
  const inPost = holders.filter((a) => (plansFrom ? isInPost({ startDate: a.startDate, lastDay: expectedLastDay(a, plansFrom) }, date) : isInPost(a, date)));
  return Math.min(toHundredths(post.fte), inPost.reduce((s, a) => s + toHundredths(a.fte), 0));
}

export function groupBy<T, K>(items: T[], key: (item: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

export interface VacancyView {
  postId: string;
  role: string;
  teamId: string | null;
  /** FTE not filled. */
  vacantFte: number;
  /** The day the post fell vacant: the day after the last holder's last day, or when it was established. */
  vacantSince: IsoDate | null;
  ageDays: number | null;
  stage: RecruitmentStage;
  stageSince: IsoDate | null;
  /** An agreed future start, if any. */
  agreedStart: { holder: string; startDate: IsoDate; fte: number } | null;
}

/**
 * Where recruitment to a post stands on a date: the latest step of the current round. A round
 * begins after the latest holder started (their recruitment is over); steps may precede the
 * vacancy itself (advertising during a notice period).
 */
export function currentStage(steps: RecruitmentFacts[], roundStart: IsoDate | null, date: IsoDate): { stage: RecruitmentStage; since: IsoDate | null } {
  const relevant = steps
    .filter((s) => s.onDate <= date && (!roundStart || s.onDate > roundStart) && STAGE_ORDER.includes(s.stage as RecruitmentStage))
    .sort((a, b) => a.onDate.localeCompare(b.onDate) || STAGE_ORDER.indexOf(a.stage as RecruitmentStage) - STAGE_ORDER.indexOf(b.stage as RecruitmentStage));
  const last = relevant.at(-1);
  return last ? { stage: last.stage as RecruitmentStage, since: last.onDate } : { stage: "not-started", since: null };
}

/** Established posts not fully filled on a date, with their recruitment stage and how long they have been vacant. */
export function vacancies(posts: PostFacts[], appointments: AppointmentFacts[], steps: RecruitmentFacts[], date: IsoDate): VacancyView[] {
  const byPost = groupBy(appointments, (a) => a.postId);
  const stepsByPost = groupBy(steps, (s) => s.postId);
  const result: VacancyView[] = [];
  for (const p of posts) {
    if (!isEstablished(p, date)) continue;
    const holders = byPost.get(p.id) ?? [];
    const vacant = toHundredths(p.fte) - filledHundredths(p, holders, date);
    if (vacant <= 0) continue;
    const lastLeft = holders
      .filter((a) => a.lastDay && a.lastDay < date)
      .map((a) => a.lastDay!)
      .sort()
      .at(-1);
    const vacantSince = lastLeft ? addDays(lastLeft, 1) : p.establishedOn;
    const roundStart = holders.filter((a) => a.startDate <= date).map((a) => a.startDate).sort().at(-1) ?? null;
    const { stage, since } = currentStage(stepsByPost.get(p.id) ?? [], roundStart, date);
    const agreed = holders.filter((a) => a.startDate > date).sort((a, b) => a.startDate.localeCompare(b.startDate))[0];
    result.push({
      postId: p.id,
      role: p.role,
      teamId: p.teamId,
      vacantFte: fromHundredths(vacant),
      vacantSince: vacantSince ?? null,
      ageDays: vacantSince ? daysBetween(vacantSince, date) : null,
      stage: agreed ? "start-date-agreed" : stage,
      stageSince: agreed ? (since ?? null) : since,
      agreedStart: agreed ? { holder: agreed.holder, startDate: agreed.startDate, fte: agreed.fte } : null,
    });
  }
  return result.sort((a, b) => STAGE_ORDER.indexOf(b.stage) - STAGE_ORDER.indexOf(a.stage) || (b.ageDays ?? 0) - (a.ageDays ?? 0));
}

export interface EndingContract {
  appointmentId: string;
  postId: string;
  holder: string;
  contractType: string;
  contractEnd: IsoDate;
  daysLeft: number;
}

/** Fixed-term contracts and secondments ending within `months` of a date: the retention risk. */
export function contractsEnding(appointments: AppointmentFacts[], date: IsoDate, until: IsoDate): EndingContract[] {
  return appointments
    .filter((a) => a.contractType !== "permanent" && a.contractEnd && isInPost(a, date) && !a.lastDay && a.contractEnd >= date && a.contractEnd <= until)
    .map((a) => ({ appointmentId: a.id, postId: a.postId, holder: a.holder, contractType: a.contractType, contractEnd: a.contractEnd!, daysLeft: daysBetween(date, a.contractEnd!) }))
    .sort((a, b) => a.contractEnd.localeCompare(b.contractEnd));
}

export interface CountRow {
  key: string;
  establishmentFte: number;
  inPostFte: number;
  pipelineFte: number;
  vacantFte: number;
  establishmentPosts: number;
  /** People in post (headcount). */
  inPostHeadcount: number;
  pipelineHeadcount: number;
}

/**
 * Establishment against in post against pipeline (agreed future starts), grouped by a key of the
 * post (role or team): FTE and headcount.
 */
export function establishmentSummary(posts: PostFacts[], appointments: AppointmentFacts[], date: IsoDate, keyOf: (p: PostFacts) => string): CountRow[] {
  const byPost = groupBy(appointments, (a) => a.postId);
  const rows = new Map<string, { est: number; inPost: number; pipe: number; posts: number; head: number; pipeHead: number }>();
  for (const p of posts) {
    if (!isEstablished(p, date)) continue;
    const k = keyOf(p);
    const row = rows.get(k) ?? { est: 0, inPost: 0, pipe: 0, posts: 0, head: 0, pipeHead: 0 };
    const holders = byPost.get(p.id) ?? [];
    const filled = filledHundredths(p, holders, date);
    const future = holders.filter((a) => a.startDate > date);
    row.est += toHundredths(p.fte);
    row.inPost += filled;
    row.pipe += Math.min(toHundredths(p.fte) - filled, future.reduce((s, a) => s + toHundredths(a.fte), 0));
    row.posts += 1;
    row.head += holders.filter((a) => isInPost(a, date)).length;
    row.pipeHead += future.length;
    rows.set(k, row);
  }
  return [...rows.entries()].map(([key, r]) => ({
    key,
    establishmentFte: fromHundredths(r.est),
    inPostFte: fromHundredths(r.inPost),
    pipelineFte: fromHundredths(r.pipe),
    vacantFte: fromHundredths(r.est - r.inPost),
    establishmentPosts: r.posts,
    inPostHeadcount: r.head,
    pipelineHeadcount: r.pipeHead,
  }));
}

/** How far ahead the workforce page looks for contracts ending (the retention risk). */
export const CONTRACT_WINDOW_MONTHS = 6;
