import { describe, expect, it } from "vitest";
import {
  canonicalText,
  charterSummary,
  consentStatement,
  currentVersionOn,
  formatMonths,
  isActiveOn,
  normaliseBlock,
  normaliseLine,
  partnerStatuses,
  requestRows,
  reviewDueOn,
  signedSentence,
  splitCommitments,
  versionStateOn,
  type CharterContent,
  type CharterFacts,
  type MemberFact,
  type VersionFact,
} from "./charter";

const content: CharterContent = {
  title: "Partnership charter",
  body: "We agree.\n\nTogether.",
  commitments: ["Keep families together", "Share information"],
  minimumTermMonths: 24,
  reviewIntervalMonths: 12,
};

describe("canonical text", () => {
  it("has the documented format", () => {
    expect(canonicalText(content)).toBe(
      [
        "Family Safeguarding partnership charter (canonical text, format 1)",
        "Title: Partnership charter",
        "Minimum term: 24 months",
        "Review interval: 12 months",
        "",
        "Commitments:",
        "1. Keep families together",
        "2. Share information",
        "",
        "Text:",
        "We agree.",
        "",
        "Together.",
      ].join("\n"),
    );
  });

  it("is the same whatever the line endings, trailing spaces and trailing blank lines", () => {
    const base = canonicalText(content);
    expect(canonicalText({ ...content, body: "We agree.\r\n\r\nTogether." })).toBe(base);
    expect(canonicalText({ ...content, body: "We agree.\r\rTogether.\r" })).toBe(base);
    expect(canonicalText({ ...content, body: "We agree.   \n \t\nTogether.\t \n\n\n" })).toBe(base);
    expect(canonicalText({ ...content, body: "\n\nWe agree.\n\nTogether." })).toBe(base);
    expect(canonicalText({ ...content, title: "  Partnership \r\n charter ", commitments: [" Keep  families\ttogether ", "Share information\r\n", "  "] })).toBe(base);
    expect(base.endsWith("\n")).toBe(false);
  });

  it("normalises Unicode to NFC, so a decomposed é hashes like a composed one", () => {
    const composed = canonicalText({ ...content, body: "Caf\u00e9" });
    expect(canonicalText({ ...content, body: "Cafe\u0301" })).toBe(composed);
  });

  it("changes when anything that is signed changes", () => {
    const base = canonicalText(content);
    for (const changed of [
      { ...content, title: "Another title" },
      { ...content, body: "We agree.\n\nTogether!" },
      { ...content, body: "We agree.\nTogether." },
      { ...content, commitments: ["Share information", "Keep families together"] },
      { ...content, minimumTermMonths: 36 },
      { ...content, reviewIntervalMonths: 6 },
      { ...content, body: "  We agree.\n\nTogether." },
    ]) {
      expect(canonicalText(changed)).not.toBe(base);
    }
  });

  it("says (none) when there are no commitments", () => {
    expect(canonicalText({ ...content, commitments: [] })).toContain("Commitments:\n(none)\n");
  });

  it("normalises blocks and lines", () => {
    expect(normaliseBlock("")).toBe("");
    expect(normaliseBlock("\r\n  \r\n")).toBe("");
    expect(normaliseBlock("a  \r\n  b")).toBe("a\n  b");
    expect(normaliseLine("  a \n b  ")).toBe("a b");
  });

  it("splits commitments one a line", () => {
    expect(splitCommitments("First\r\n\r\n  Second  \nThird\r")).toEqual(["First", "Second", "Third"]);
    expect(splitCommitments("  \n")).toEqual([]);
  });
});

describe("wording", () => {
  it("formats terms in years or months", () => {
    expect(formatMonths(24)).toBe("2 years");
    expect(formatMonths(36)).toBe("3 years");
    expect(formatMonths(12)).toBe("12 months");
    expect(formatMonths(18)).toBe("18 months");
    expect(formatMonths(1)).toBe("1 month");
  });

  it("states the consent with the organisation's name", () => {
    expect(consentStatement("  West Midlands Police ")).toBe("I sign this charter on behalf of West Midlands Police and I am authorised by the organisation to do so.");
  });

  it("says x of y partners signed", () => {
    expect(signedSentence({ signed: 9, partners: 14 })).toBe("9 of 14 partners signed");
    expect(signedSentence({ signed: 0, partners: 1 })).toBe("0 of 1 partner signed");
  });
});

// Instants at noon UTC: the same calendar day in London all year round.
const at = (date: string, time = "12:00:00") => new Date(`${date}T${time}Z`);
const v1: VersionFact = { id: "v1", number: 1, title: "Charter", publishedAt: at("2023-01-10"), reviewIntervalMonths: 12 };
const v2: VersionFact = { id: "v2", number: 2, title: "Charter (revised)", publishedAt: at("2023-06-01"), reviewIntervalMonths: 6 };
const draft: VersionFact = { id: "v3", number: 3, title: "Draft", publishedAt: null, reviewIntervalMonths: 12 };
const member = (id: string, organisationId: string, o: Partial<MemberFact> = {}): MemberFact => ({ id, organisationId, name: `Member ${id}`, jobTitle: "Director", activeFrom: "2022-11-01", activeTo: null, ...o });

function facts(o: Partial<CharterFacts> = {}): CharterFacts {
  return {
    versions: [v1, v2, draft],
    organisations: [
      { id: "police", name: "Police", sector: "police" },
      { id: "nhs", name: "NHS trust", sector: "health" },
      { id: "council", name: "Council", sector: "council" },
      { id: "gone", name: "Former partner", sector: "other" },
    ],
    members: [
      member("p1", "police"),
      member("p2", "police"),
      member("n1", "nhs"),
      member("c1", "council", { activeFrom: "2023-03-01" }),
      member("g1", "gone", { activeTo: "2023-02-28" }),
    ],
    signatures: [],
    withdrawals: [],
    requests: [],
    reminderAfterDays: 14,
    ...o,
  };
}

const sig = (id: string, versionId: string, memberId: string, organisationId: string, date: string) => ({ id, versionId, memberId, organisationId, signerName: `Signer ${memberId}`, signerRole: "Director", signedAt: at(date) });

describe("versions at a date", () => {
  it("finds the version in force and the state of each", () => {
    const versions = [v1, v2, draft];
    expect(currentVersionOn(versions, "2023-01-09")).toBeNull();
    expect(currentVersionOn(versions, "2023-01-10")?.id).toBe("v1");
    expect(currentVersionOn(versions, "2023-05-31")?.id).toBe("v1");
    expect(currentVersionOn(versions, "2023-06-01")?.id).toBe("v2");
    expect(versionStateOn(v1, versions, "2023-01-09")).toBe("draft");
    expect(versionStateOn(v1, versions, "2023-03-01")).toBe("current");
    expect(versionStateOn(v1, versions, "2023-06-01")).toBe("superseded");
    expect(versionStateOn(v2, versions, "2023-06-01")).toBe("current");
    expect(versionStateOn(draft, versions, "2030-01-01")).toBe("draft");
  });

  it("uses the UK calendar date of publication (late evening in summer is the next day in UTC)", () => {
    const lateJune = { ...v1, publishedAt: new Date("2023-06-30T23:30:00Z") };
    expect(currentVersionOn([lateJune], "2023-06-30")).toBeNull();
    expect(currentVersionOn([lateJune], "2023-07-01")?.id).toBe("v1");
  });

  it("dates the review: publication plus the interval", () => {
    expect(reviewDueOn(v1)).toBe("2024-01-10");
    expect(reviewDueOn(v2)).toBe("2023-12-01");
    expect(reviewDueOn(draft)).toBeNull();
  });
});

describe("board membership at a date", () => {
  it("counts both the first and the last day", () => {
    const m = member("x", "o", { activeFrom: "2023-01-01", activeTo: "2023-01-31" });
    expect(isActiveOn(m, "2022-12-31")).toBe(false);
    expect(isActiveOn(m, "2023-01-01")).toBe(true);
    expect(isActiveOn(m, "2023-01-31")).toBe(true);
    expect(isActiveOn(m, "2023-02-01")).toBe(false);
    expect(isActiveOn(member("y", "o"), "2099-01-01")).toBe(true);
  });
});

describe("partner status", () => {
  it("counts partners with an active member; everyone awaits before anyone signs", () => {
    const early = partnerStatuses(facts(), "v1", "2023-02-01");
    expect(early.map((p) => [p.organisation.id, p.status])).toEqual([
      ["gone", "awaiting"],
      ["nhs", "awaiting"],
      ["police", "awaiting"],
    ]);
    // The council joins in March; the former partner left at the end of February.
    expect(partnerStatuses(facts(), "v1", "2023-03-01").map((p) => p.organisation.id)).toEqual(["council", "nhs", "police"]);
  });

  it("a partner signs once, by any of its members; signatures count from their date", () => {
    const f = facts({ signatures: [sig("s1", "v1", "p2", "police", "2023-02-01"), sig("s2", "v1", "n1", "nhs", "2023-02-15")] });
    const rows = partnerStatuses(f, "v1", "2023-02-10");
    expect(rows.find((r) => r.organisation.id === "police")).toMatchObject({ status: "signed", signature: { id: "s1", memberId: "p2" } });
    expect(rows.find((r) => r.organisation.id === "nhs")?.status).toBe("awaiting");
    expect(partnerStatuses(f, "v1", "2023-02-15").find((r) => r.organisation.id === "nhs")?.status).toBe("signed");
  });

  it("withdrawn from the date of withdrawal; signing again puts the partner back to signed", () => {
    const f = facts({
      signatures: [sig("s1", "v1", "p1", "police", "2023-02-01")],
      withdrawals: [{ signatureId: "s1", versionId: "v1", organisationId: "police", withdrawnAt: at("2023-04-01"), reason: "Funding" }],
    });
    const police = (date: string, ff = f) => partnerStatuses(ff, "v1", date).find((r) => r.organisation.id === "police")!;
    expect(police("2023-03-31").status).toBe("signed");
    expect(police("2023-04-01")).toMatchObject({ status: "withdrawn", signature: { id: "s1" }, withdrawal: { reason: "Funding" } });
    const again = { ...f, signatures: [...f.signatures, sig("s9", "v1", "p2", "police", "2023-05-01")] };
    expect(police("2023-05-01", again)).toMatchObject({ status: "signed", signature: { id: "s9" } });
  });

  it("a signature of one version says nothing about another: publishing v2 resets everyone to awaiting", () => {
    const f = facts({ signatures: [sig("s1", "v1", "p1", "police", "2023-02-01"), sig("s2", "v1", "n1", "nhs", "2023-02-01")] });
    expect(charterSummary(f, "2023-05-31")).toMatchObject({ current: { id: "v1" }, signed: 2, partners: 3 });
    expect(charterSummary(f, "2023-06-01")).toMatchObject({ current: { id: "v2" }, signed: 0, partners: 3, awaiting: 3 });
    // The old version keeps its history.
    expect(partnerStatuses(f, "v1", "2023-06-01").filter((p) => p.status === "signed")).toHaveLength(2);
  });
});

describe("requests, overdue and reminders", () => {
  const requested = (memberId: string, date: string, lastSent = date, reminderCount = 0) => ({ versionId: "v2", memberId, requestedAt: at(date), lastSentAt: at(lastSent), reminderCount, firstViewedAt: null });

  it("is overdue once unsigned for N days or more, and a reminder is due N days after the last e-mail", () => {
    const f = facts({ requests: [requested("p1", "2023-06-01"), requested("n1", "2023-06-01", "2023-06-10", 1), requested("c1", "2023-06-05")] });
    const on = (date: string) => Object.fromEntries(requestRows(f, "v2", date).map((r) => [r.member.id, { overdue: r.overdue, reminderDue: r.reminderDue, days: r.daysWaiting }]));
    expect(on("2023-06-14")).toMatchObject({ p1: { overdue: false, reminderDue: false, days: 13 }, n1: { overdue: false, reminderDue: false } });
    expect(on("2023-06-15")).toMatchObject({ p1: { overdue: true, reminderDue: true, days: 14 }, n1: { overdue: true, reminderDue: false }, c1: { overdue: false } });
    expect(on("2023-06-24")).toMatchObject({ n1: { overdue: true, reminderDue: true } });
    // Not asked yet: never overdue.
    expect(on("2023-06-30").p2).toEqual({ overdue: false, reminderDue: false, days: null });
    // The former partner is not on the board: no row.
    expect(on("2023-06-30").g1).toBeUndefined();
  });

  it("is neither overdue nor due a reminder once the partner has signed, by this member or a colleague", () => {
    const f = facts({ requests: [requested("p1", "2023-06-01"), requested("p2", "2023-06-01")], signatures: [sig("s1", "v2", "p2", "police", "2023-06-03")] });
    const rows = requestRows(f, "v2", "2023-07-01").filter((r) => r.organisation.id === "police");
    expect(rows.map((r) => [r.member.id, r.partnerStatus, r.overdue, r.reminderDue, r.signedByThisMember])).toEqual([
      ["p1", "signed", false, false, false],
      ["p2", "signed", false, false, true],
    ]);
  });

  it("ignores a request made after the date", () => {
    const f = facts({ requests: [requested("p1", "2023-06-10")] });
    expect(requestRows(f, "v2", "2023-06-05").find((r) => r.member.id === "p1")?.request).toBeNull();
  });

  it("a withdrawn partner is not chased", () => {
    const f = facts({
      requests: [requested("p1", "2023-06-01")],
      signatures: [sig("s1", "v2", "p1", "police", "2023-06-02")],
      withdrawals: [{ signatureId: "s1", versionId: "v2", organisationId: "police", withdrawnAt: at("2023-06-03"), reason: "r" }],
    });
    expect(requestRows(f, "v2", "2023-08-01").find((r) => r.member.id === "p1")).toMatchObject({ partnerStatus: "withdrawn", overdue: false, reminderDue: false });
  });
});

describe("summary at a glance", () => {
  it("has nothing before the first publication", () => {
    expect(charterSummary(facts(), "2023-01-01")).toEqual({ current: null, signed: 0, partners: 0, awaiting: 0, withdrawn: 0, overdueRequests: 0, fullySigned: false });
  });

  it("counts signed, awaiting, withdrawn and overdue, and says when review is due", () => {
    const f = facts({
      signatures: [sig("s1", "v2", "p1", "police", "2023-06-02"), sig("s2", "v2", "n1", "nhs", "2023-06-02")],
      withdrawals: [{ signatureId: "s2", versionId: "v2", organisationId: "nhs", withdrawnAt: at("2023-07-01"), reason: "r" }],
      requests: [{ versionId: "v2", memberId: "c1", requestedAt: at("2023-06-01"), lastSentAt: at("2023-06-01"), reminderCount: 0, firstViewedAt: null }],
    });
    expect(charterSummary(f, "2023-11-30")).toEqual({
      current: { id: "v2", number: 2, title: "Charter (revised)", publishedOn: "2023-06-01", reviewDueOn: "2023-12-01", reviewDue: false },
      signed: 1,
      partners: 3,
      awaiting: 1,
      withdrawn: 1,
      overdueRequests: 1,
      fullySigned: false,
    });
    expect(charterSummary(f, "2023-12-01").current?.reviewDue).toBe(true);
  });

  it("is fully signed when every partner has signed", () => {
    const f = facts({ signatures: [sig("s1", "v2", "p1", "police", "2023-06-02"), sig("s2", "v2", "n1", "nhs", "2023-06-02"), sig("s3", "v2", "c1", "council", "2023-06-03")] });
    expect(charterSummary(f, "2023-06-02").fullySigned).toBe(false);
    expect(charterSummary(f, "2023-06-03")).toMatchObject({ signed: 3, partners: 3, fullySigned: true });
  });

  it("is not fully signed with no partners at all", () => {
    expect(charterSummary(facts({ members: [] }), "2023-06-03")).toMatchObject({ partners: 0, fullySigned: false });
  });
});
