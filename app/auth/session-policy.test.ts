import { describe, expect, it } from "vitest";
import { ABSOLUTE_LIFETIME_MS, ACTIVITY_WRITE_INTERVAL_MS, cookieMaxAgeSeconds, INACTIVITY_TIMEOUT_MS, sessionState } from "./session-policy";

const t0 = new Date("2026-11-23T09:00:00Z");
const at = (ms: number) => new Date(t0.getTime() + ms);

describe("session lifetime", () => {
  it("is valid when fresh, without a write", () => {
    expect(sessionState({ createdAt: t0, lastVerifiedAt: t0 }, at(1000))).toEqual({ valid: true, touch: false });
  });
  it("asks for an activity write once a minute has passed", () => {
    expect(sessionState({ createdAt: t0, lastVerifiedAt: t0 }, at(ACTIVITY_WRITE_INTERVAL_MS))).toEqual({ valid: true, touch: true });
  });
  it("ends after the inactivity timeout", () => {
    expect(sessionState({ createdAt: t0, lastVerifiedAt: t0 }, at(INACTIVITY_TIMEOUT_MS - 1)).valid).toBe(true);
    expect(sessionState({ createdAt: t0, lastVerifiedAt: t0 }, at(INACTIVITY_TIMEOUT_MS))).toEqual({ valid: false, reason: "inactive" });
  });
  it("ends at the absolute lifetime even when active", () => {
    expect(sessionState({ createdAt: t0, lastVerifiedAt: at(ABSOLUTE_LIFETIME_MS - 1000) }, at(ABSOLUTE_LIFETIME_MS))).toEqual({ valid: false, reason: "expired" });
  });
  it("sets the cookie to live until the absolute lifetime", () => {
    expect(cookieMaxAgeSeconds(t0, t0)).toBe(ABSOLUTE_LIFETIME_MS / 1000);
    expect(cookieMaxAgeSeconds(t0, at(ABSOLUTE_LIFETIME_MS + 5000))).toBe(0);
  });
});
