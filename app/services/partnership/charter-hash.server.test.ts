import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { fingerprint } from "./charter-hash.server";

const content = { title: "Charter", body: "Line one\nLine two", commitments: ["One"], minimumTermMonths: 24, reviewIntervalMonths: 12 };

describe("charter fingerprint", () => {
  it("is the SHA-256 hex of the canonical text's UTF-8 bytes, as sha256sum would print it", () => {
    const { canonicalText, textHash } = fingerprint(content);
    expect(textHash).toBe(createHash("sha256").update(Buffer.from(canonicalText, "utf8")).digest("hex"));
    expect(textHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("is stable across line endings, trailing spaces and Unicode forms", () => {
    const base = fingerprint(content).textHash;
    expect(fingerprint({ ...content, body: "Line one  \r\nLine two\r\n\r\n" }).textHash).toBe(base);
    expect(fingerprint({ ...content, title: "Caf\u00e9" }).textHash).toBe(fingerprint({ ...content, title: "Cafe\u0301" }).textHash);
    expect(fingerprint({ ...content, body: "Line one\nLine two!" }).textHash).not.toBe(base);
  });

  it("gives a known hash for a known text (a regression guard on the format)", () => {
    const text = fingerprint(content).canonicalText;
    expect(text).toBe(
      "Family Safeguarding partnership charter (canonical text, format 1)\nTitle: Charter\nMinimum term: 24 months\nReview interval: 12 months\n\nCommitments:\n1. One\n\nText:\nLine one\nLine two",
    );
    expect(fingerprint(content).textHash).toBe(createHash("sha256").update(text).digest("hex"));
  });
});
