import { and, eq, inArray } from "drizzle-orm";
import { recordAudit } from "../../app/services/audit.server";
import type { IsoDate } from "../../app/domain/dates";
import { DEFAULT_REQUIREMENTS, type BookingStatus, type Discipline, type SessionMode } from "../../app/domain/training";
import { createBookings, createStaffMembers, createTrainingSessions } from "../../tests/factories/training";
import type { Tx } from "../client";
import { authority, course, team } from "../schema";
import type { SeedPart } from "./demo";
import { DEMO_TEAMS } from "./demo-workforce";

/**
 * The demo authorities' training (facts.md): pseudonymous rosters ("Social worker 012", HR-style
 * references), the sessions they ran and who attended. Attendance is laid out so that the
 * criteria computed from it match the reports: Telford and Wrekin over 70% on both by the end of
 * May 2021 (not yet at the end of February), Walsall and Dudley both met on their go-live days.
 */

interface Person {
  ref: string;
  name: string;
  discipline: Discipline;
  team: string | null;
  start: IsoDate;
  leave?: IsoDate;
  inScope?: boolean;
}

interface SessionPlan {
  course: string;
  start: IsoDate;
  end?: IsoDate;
  mode: SessionMode;
  facilitator: string;
  location?: string;
  /**
   * regular: people who need the course are spread over these in order of their start date;
   * catch-up: for those who started after the last regular session, the first after their start;
   * booked: only the places listed in `places`.
   */
  use?: "regular" | "catch-up" | "booked";
}

interface TrainingPlan {
  slug: string;
  people: Person[];
  sessions: SessionPlan[];
  /** Counted people who are left without training: the gaps the pages list. */
  gaps: string[];
  /** Places booked and not attended: an earlier session of the course than the one attended. */
  didNotAttend: Array<{ ref: string; course: string }>;
  /** Places on "booked" sessions. */
  places: Array<{ ref: string; course: string; start: IsoDate; status: BookingStatus }>;
  /** Who attends a course no discipline requires by default (workshop 7, for assessment teams). */
  optional?: Record<string, (p: Person) => boolean>;
}

const pad = (n: number, width = 3) => String(n).padStart(width, "0");

function needs(p: Person, code: string, optional: TrainingPlan["optional"]): boolean {
  if (p.inScope === false) return false;
  if (code === "mi") return true;
  return DEFAULT_REQUIREMENTS[p.discipline].includes(code) || Boolean(optional?.[code]?.(p));
}

const lastDay = (s: SessionPlan) => s.end ?? s.start;
const canAttend = (p: Person, s: SessionPlan) => p.start <= s.start && (!p.leave || lastDay(s) <= p.leave);

/**
 * Who attends which session, deterministically: for each course, the people who need it (but for
 * the gaps), earliest starters first, spread evenly over its regular sessions (never before they
 * start); later starters on the first catch-up session after their start.
 */
function allocate(plan: TrainingPlan): Array<{ ref: string; session: SessionPlan; status: BookingStatus }> {
  const gaps = new Set(plan.gaps);
  const places: Array<{ ref: string; session: SessionPlan; status: BookingStatus }> = [];
  const byCourse = new Map<string, SessionPlan[]>();
  for (const s of plan.sessions) byCourse.set(s.course, [...(byCourse.get(s.course) ?? []), s]);
  for (const [code, sessions] of byCourse) {
    const regular = sessions.filter((s) => (s.use ?? "regular") === "regular").sort((a, b) => a.start.localeCompare(b.start));
    const catchUp = sessions.filter((s) => s.use === "catch-up").sort((a, b) => a.start.localeCompare(b.start));
    const trainees = plan.people.filter((p) => !gaps.has(p.ref) && needs(p, code, plan.optional)).sort((a, b) => a.start.localeCompare(b.start));
    trainees.forEach((p, k) => {
      let i = Math.floor((k * regular.length) / trainees.length);
      while (i < regular.length && !canAttend(p, regular[i])) i += 1;
      const session = regular[i] ?? catchUp.find((s) => canAttend(p, s));
      if (!session) return;
      places.push({ ref: p.ref, session, status: "attended" });
      if (plan.didNotAttend.some((d) => d.ref === p.ref && d.course === code)) {
        const missed = regular.slice(0, i).reverse().find((s) => canAttend(p, s));
        if (missed) places.push({ ref: p.ref, session: missed, status: "did-not-attend" });
      }
    });
  }
  for (const b of plan.places) {
    const session = plan.sessions.find((s) => s.course === b.course && s.start === b.start);
    if (!session) throw new Error(`demo training: no ${b.course} session on ${b.start}`);
    places.push({ ref: b.ref, session, status: b.status });
  }
  return places;
}

async function seedPlan(tx: Tx, plan: TrainingPlan) {
  const [a] = await tx.select({ id: authority.id }).from(authority).where(eq(authority.slug, plan.slug));
  if (!a) return;
  const teams = await tx
    .select({ id: team.id, name: team.name })
    .from(team)
    .where(and(eq(team.authorityId, a.id), inArray(team.name, DEMO_TEAMS[plan.slug])));
  const teamId = new Map(teams.map((t) => [t.name, t.id]));
  const courses = await tx.select({ id: course.id, code: course.code }).from(course).where(eq(course.authorityId, a.id));
  const courseId = new Map(courses.map((c) => [c.code, c.id]));

  const staff = await createStaffMembers(
    tx,
    a.id,
    plan.people.map((p) => ({ externalRef: p.ref, name: p.name, discipline: p.discipline, teamId: p.team ? (teamId.get(p.team) ?? null) : null, startDate: p.start, leaveDate: p.leave ?? null, inScope: p.inScope ?? true })),
  );
  const staffId = new Map(staff.map((s) => [s.externalRef, s.id]));
  const places = allocate(plan);
  const taken = new Map<SessionPlan, number>();
  for (const p of places) taken.set(p.session, (taken.get(p.session) ?? 0) + 1);
  const sessions = await createTrainingSessions(
    tx,
    plan.sessions.map((s) => ({
      authorityId: a.id,
      courseId: courseId.get(s.course)!,
      startDate: s.start,
      endDate: s.end ?? null,
      mode: s.mode,
      facilitator: s.facilitator,
      location: s.location ?? null,
      // Places for everyone booked, and a few to spare.
      capacity: Math.max(s.course === "mi" ? 6 : 20, (taken.get(s) ?? 0) + 2),
    })),
  );
  const sessionId = new Map(plan.sessions.map((s, i) => [s, sessions[i].id]));
  await createBookings(
    tx,
    places.map((p) => ({ authorityId: a.id, sessionId: sessionId.get(p.session)!, staffMemberId: staffId.get(p.ref)!, status: p.status })),
  );
}

/** Weekly dates from `from` to `to` (inclusive), skipping the listed weeks. */
function weekly(from: IsoDate, to: IsoDate, skip: IsoDate[] = []): IsoDate[] {
  const dates: IsoDate[] = [];
  for (let d = new Date(`${from}T00:00:00Z`); d.toISOString().slice(0, 10) <= to; d.setUTCDate(d.getUTCDate() + 7)) {
    const iso = d.toISOString().slice(0, 10);
    if (!skip.includes(iso)) dates.push(iso);
  }
  return dates;
}

function plusDays(date: IsoDate, days: number): IsoDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Two-day MI courses starting on the given days (the course counts as done on day two). */
function miSessions(starts: IsoDate[], mode: SessionMode, facilitator: string, location?: string, use?: SessionPlan["use"]): SessionPlan[] {
  return starts.map((start) => ({ course: "mi", start, end: plusDays(start, 1), mode, facilitator, location, use }));
}

function workshops(dates: Record<string, IsoDate[]>, mode: SessionMode, facilitator: string, use?: SessionPlan["use"]): SessionPlan[] {
  return Object.entries(dates).flatMap(([code, starts]) => starts.map((start) => ({ course: code, start, mode, facilitator, use })));
}

/**
 * Telford and Wrekin: five FS teams (the fifth recruited in full, from March 2021), about 100
 * people. By the end of May 2021: 34 two-day MI sessions and 28 workshops, all virtual (facts.md),
 * both criteria met; at the end of February neither is. A June MI session and workshop are booked.
 */
function telford(): TrainingPlan {
  const teams = DEMO_TEAMS["telford-and-wrekin"];
  const people: Person[] = [];
  let sw = 0;
  teams.forEach((t, i) => {
    const start = i < 4 ? "2020-11-02" : "2021-03-01";
    people.push({ ref: `TW-TM-${pad(i + 1)}`, name: `Team manager ${i + 1}`, discipline: "team-manager", team: t, start });
    for (let k = 0; k < 14; k++) {
      sw += 1;
      people.push({ ref: `TW-SW-${pad(sw)}`, name: `Social worker ${pad(sw)}`, discipline: "social-worker", team: t, start });
    }
    // The business support officers of the workforce pages, in post from February 2021.
    people.push({ ref: `TW-BS-${pad(i + 1)}`, name: `Business support officer ${i + 1}`, discipline: "business-support", team: t, start: "2021-02-01" });
  });
  people.push({ ref: "TW-BS-006", name: "Business systems support officer", discipline: "business-support", team: null, start: "2021-01-04" });
  // Adult practitioners as on the workforce pages: three recovery workers, two domestic abuse
  // officers from the Probation Service, two mental health practitioners starting in June and July.
  const adults: Array<[string, IsoDate]> = [
    ["Recovery worker 1", "2021-03-01"],
    ["Recovery worker 2", "2021-04-06"],
    ["Recovery worker 3", "2021-05-04"],
    ["Domestic abuse officer 1 (Probation)", "2021-04-19"],
    ["Domestic abuse officer 2 (Probation)", "2021-04-19"],
    ["Mental health practitioner 1 (Band 7)", "2021-06-14"],
    ["Mental health practitioner 2 (Band 7)", "2021-07-05"],
  ];
  adults.forEach(([name, start], i) => people.push({ ref: `TW-AS-${pad(i + 1)}`, name, discipline: "adult-specialist", team: teams[i % 5], start }));
  for (let i = 1; i <= 6; i++) people.push({ ref: `TW-OT-${pad(i)}`, name: `Family practitioner ${i}`, discipline: "other", team: teams[(i - 1) % 5], start: "2020-11-02" });
  for (let i = 1; i <= 3; i++) people.push({ ref: `TW-AG-${pad(i)}`, name: `Agency social worker ${i}`, discipline: "social-worker", team: teams[i], start: "2020-11-02", inScope: false });
  for (const [ref, leave] of [
    ["TW-SW-005", "2021-03-31"],
    ["TW-SW-020", "2021-04-30"],
  ])
    people.find((p) => p.ref === ref)!.leave = leave;

  // 34 MI sessions to the end of May: Mondays to Tuesdays, with a second (Thursday to Friday) in
  // the busier weeks of spring; none over Christmas, Easter Monday or the May bank holiday.
  const mondays = weekly("2020-11-09", "2021-05-24", ["2020-12-21", "2020-12-28", "2021-04-05", "2021-05-03"]);
  const doubled = ["2021-03-01", "2021-03-08", "2021-03-15", "2021-03-22", "2021-04-12", "2021-04-19", "2021-04-26", "2021-05-10", "2021-05-17"];
  const miStarts = [...mondays, ...doubled.map((d) => plusDays(d, 3))].sort();
  const national = "National FS practice team";
  const sessions: SessionPlan[] = [
    ...miSessions(miStarts, "virtual", "MI trainers (commissioned)"),
    ...workshops(
      {
        ws1: ["2020-12-01", "2021-01-12", "2021-02-09", "2021-03-09", "2021-04-13", "2021-05-11"],
        ws2: ["2021-01-19", "2021-02-16", "2021-03-16", "2021-04-20", "2021-05-18"],
        ws3: ["2021-02-03", "2021-04-07"],
        ws4: ["2021-03-03", "2021-05-05"],
        ws5: ["2021-01-26", "2021-03-23", "2021-04-27", "2021-05-19", "2021-05-25"],
        ws6: ["2021-02-23", "2021-03-30", "2021-04-29", "2021-05-20"],
        ws7: ["2021-04-22"],
        ws8: ["2021-02-04", "2021-03-11", "2021-05-13"],
      },
      "virtual",
      national,
    ),
    ...miSessions(["2021-06-21"], "virtual", "MI trainers (commissioned)", undefined, "booked"),
    { course: "ws1", start: "2021-06-28", mode: "virtual", facilitator: national, use: "booked" },
  ];
  const gaps = people.filter((p, i) => p.inScope !== false && i % 7 === 3).map((p) => p.ref);
  return {
    slug: "telford-and-wrekin",
    people,
    sessions,
    gaps,
    didNotAttend: [
      { ref: "TW-SW-012", course: "mi" },
      { ref: "TW-SW-033", course: "mi" },
      { ref: "TW-SW-041", course: "ws2" },
    ],
    places: [
      ...["TW-AS-006", ...gaps.filter((r) => r.startsWith("TW-SW")).slice(0, 3)].map((ref) => ({ ref, course: "mi", start: "2021-06-21", status: "booked" as const })),
      ...["TW-AS-006", ...gaps.filter((r) => r.startsWith("TW-SW")).slice(3, 5)].map((ref) => ({ ref, course: "ws1", start: "2021-06-28", status: "booked" as const })),
    ],
    // Workshop 7 (assessment teams): FS team 1's social workers.
    optional: { ws7: (p) => p.team === teams[0] && p.discipline === "social-worker" },
  };
}

/**
 * Walsall: four localities, about 80 people, trained virtually over the summer of 2020 before
 * going live on 1 September; the sixteen adult specialist posts' holders as on the workforce
 * pages (three of them leaving in 2021-22); later starters trained on catch-up sessions.
 */
function walsall(): TrainingPlan {
  const localities = DEMO_TEAMS.walsall;
  const people: Person[] = [];
  let sw = 0;
  localities.forEach((l, i) => {
    people.push({ ref: `WAL-TM-${pad(i + 1, 2)}`, name: `Team manager, ${l}`, discipline: "team-manager", team: l, start: "2020-06-01" });
    for (let k = 0; k < 12; k++) {
      sw += 1;
      people.push({ ref: `WAL-SW-${pad(sw)}`, name: `Social worker ${pad(sw)}`, discipline: "social-worker", team: l, start: "2020-06-01" });
    }
    people.push({ ref: `WAL-BS-${pad(i + 1, 2)}`, name: `Business support, ${l}`, discipline: "business-support", team: l, start: "2020-06-01" });
  });
  // The adult specialist workers of posts WAL-FS-01 to 16 (workforce pages): same start dates and leavers.
  const roles = ["Mental health worker", "Substance misuse worker", "Domestic abuse worker (victims)", "Domestic abuse worker (perpetrators)"];
  const starts = ["2020-07-01", "2020-07-01", "2020-07-13", "2020-07-20", "2020-08-03", "2020-08-03", "2020-08-10", "2020-08-17", "2020-08-24", "2020-08-24", "2020-08-31", "2020-09-01", "2020-09-01", "2020-11-02"];
  const leavers: Record<number, IsoDate> = { 2: "2021-10-31", 6: "2021-12-31", 11: "2022-02-28" };
  starts.forEach((start, i) => {
    const locality = localities[Math.floor(i / 4)];
    people.push({ ref: `WAL-AS-${pad(i + 1, 2)}`, name: `${roles[i % 4]}, ${locality}`, discipline: "adult-specialist", team: locality, start, leave: leavers[i] });
  });
  people.push({ ref: "WAL-AS-15", name: `${roles[2]}, ${localities[0]} (from May 2022)`, discipline: "adult-specialist", team: localities[0], start: "2022-05-03" });
  for (let i = 1; i <= 6; i++) people.push({ ref: `WAL-OT-${pad(i, 2)}`, name: `Family practitioner ${i}`, discipline: "other", team: localities[(i - 1) % 4], start: "2020-06-01" });
  for (let i = 1; i <= 2; i++) people.push({ ref: `WAL-AG-${pad(i, 2)}`, name: `Agency social worker ${i}`, discipline: "social-worker", team: localities[i], start: "2020-06-01", inScope: false });
  for (let i = 49; i <= 52; i++) people.push({ ref: `WAL-SW-${pad(i)}`, name: `Social worker ${pad(i)}`, discipline: "social-worker", team: localities[i % 4], start: "2021-09-06" });
  people.find((p) => p.ref === "WAL-SW-010")!.leave = "2021-07-30";
  people.find((p) => p.ref === "WAL-SW-030")!.leave = "2022-03-31";

  const mi = [...weekly("2020-06-15", "2020-08-24"), "2020-08-27"];
  const national = "National FS practice team";
  const sessions: SessionPlan[] = [
    ...miSessions(mi, "virtual", "MI trainers (commissioned)"),
    ...miSessions(["2020-09-14", "2020-11-16", "2021-10-11", "2022-06-13"], "virtual", "MI trainers (commissioned)", undefined, "catch-up"),
    ...workshops(
      {
        ws1: ["2020-06-16", "2020-07-07", "2020-07-28", "2020-08-18"],
        ws2: ["2020-06-23", "2020-07-21", "2020-08-11"],
        ws3: ["2020-07-09"],
        ws4: ["2020-08-06"],
        ws5: ["2020-06-30", "2020-07-30", "2020-08-25"],
        ws6: ["2020-07-14", "2020-08-04", "2020-08-26"],
        ws8: ["2020-07-16"],
      },
      "virtual",
      national,
    ),
    ...workshops({ ws1: ["2020-09-22", "2020-11-24", "2021-10-19", "2022-06-21"], ws2: ["2020-09-23", "2020-11-25", "2021-10-20", "2022-06-22"], ws5: ["2020-09-29", "2020-12-01", "2021-10-26", "2022-06-28"], ws6: ["2020-09-30", "2020-12-02", "2021-10-27", "2022-06-29"] }, "virtual", national, "catch-up"),
  ];
  const gaps = people.filter((p, i) => p.inScope !== false && p.start <= "2020-06-01" && i % 8 === 5).map((p) => p.ref);
  return { slug: "walsall", people, sessions, gaps, didNotAttend: [{ ref: "WAL-SW-040", course: "mi" }, { ref: "WAL-SW-044", course: "ws6" }], places: [] };
}

/**
 * Dudley: four FS teams, about 120 people, trained from April to July 2023 (facts.md) ahead of
 * going live on 10 July; the seconded adult workers (workforce pages) start in June and July and
 * join the last sessions. A September MI session is booked for some of those still to train.
 */
function dudley(): TrainingPlan {
  const teams = DEMO_TEAMS.dudley;
  const people: Person[] = [];
  let sw = 0;
  let bs = 0;
  teams.forEach((t, i) => {
    people.push({ ref: `DUD-TM-${pad(i + 1, 2)}`, name: `Team manager, ${t}`, discipline: "team-manager", team: t, start: "2023-04-03" });
    for (let k = 0; k < 21; k++) {
      sw += 1;
      people.push({ ref: `DUD-SW-${pad(sw)}`, name: `Social worker ${pad(sw)}`, discipline: "social-worker", team: t, start: "2023-04-03" });
    }
    for (let k = 0; k < 2; k++) {
      bs += 1;
      people.push({ ref: `DUD-BS-${pad(bs, 2)}`, name: `Business support ${bs}`, discipline: "business-support", team: t, start: "2023-04-03" });
    }
  });
  // Seconded adult workers as on the workforce pages: alternate starts on 5 June and 3 July 2023.
  const groups: Array<[string, number]> = [
    ["Substance misuse worker", 4],
    ["Domestic abuse victim worker", 4],
    ["Domestic abuse perpetrator worker", 3],
  ];
  let as = 0;
  for (const [role, count] of groups)
    for (let i = 0; i < count; i++) {
      as += 1;
      people.push({ ref: `DUD-AS-${pad(as, 2)}`, name: `${role} ${i + 1} (seconded)`, discipline: "adult-specialist", team: null, start: i % 2 === 0 ? "2023-06-05" : "2023-07-03" });
    }
  for (let i = 1; i <= 10; i++) people.push({ ref: `DUD-OT-${pad(i, 2)}`, name: `Family support worker ${i}`, discipline: "other", team: teams[(i - 1) % 4], start: "2023-04-03" });
  for (let i = 1; i <= 3; i++) people.push({ ref: `DUD-AG-${pad(i, 2)}`, name: `Agency social worker ${i}`, discipline: "social-worker", team: teams[i], start: "2023-04-03", inScope: false });
  for (let i = 85; i <= 86; i++) people.push({ ref: `DUD-SW-${pad(i)}`, name: `Social worker ${pad(i)}`, discipline: "social-worker", team: teams[i % 4], start: "2023-05-02" });

  const location = "Council offices, Dudley";
  const tuesdays = weekly("2023-04-18", "2023-07-04", ["2023-05-30"]);
  const mi = [...tuesdays, "2023-04-27", "2023-05-11", "2023-06-15"].sort();
  const sessions: SessionPlan[] = [
    ...miSessions(mi, "in-person", "MI trainers (commissioned)", location),
    ...workshops(
      {
        ws1: ["2023-04-20", "2023-05-04", "2023-05-18", "2023-06-08", "2023-06-29", "2023-07-06"],
        ws2: ["2023-04-26", "2023-05-17", "2023-06-07", "2023-07-07"],
        ws3: ["2023-05-10"],
        ws4: ["2023-06-14"],
        ws5: ["2023-05-03", "2023-05-24", "2023-06-21", "2023-07-10"],
        ws6: ["2023-05-25", "2023-06-22", "2023-06-28", "2023-07-03"],
        ws8: ["2023-05-05", "2023-06-09"],
      },
      "in-person",
      "Hertfordshire FS practice team",
    ),
    ...miSessions(["2023-09-12"], "in-person", "MI trainers (commissioned)", location, "booked"),
  ];
  const gaps = people.filter((p, i) => p.inScope !== false && i % 9 === 4).map((p) => p.ref);
  return {
    slug: "dudley",
    people,
    sessions,
    gaps,
    didNotAttend: [{ ref: "DUD-SW-051", course: "mi" }, { ref: "DUD-SW-062", course: "ws2" }],
    places: gaps.filter((r) => r.startsWith("DUD-SW")).slice(0, 4).map((ref) => ({ ref, course: "mi", start: "2023-09-12", status: "booked" as const })),
  };
}

export const DEMO_TRAINING_PLANS = [telford, walsall, dudley];

export const demoTraining: SeedPart = {
  name: "004-training",
  async run(tx) {
    for (const plan of DEMO_TRAINING_PLANS) await seedPlan(tx, plan());
    await recordAudit(tx, { userId: null, label: "demo seed" }, { authorityId: null, action: "demo.training-loaded", entityType: "seed", entityId: "004-training" });
  },
};
