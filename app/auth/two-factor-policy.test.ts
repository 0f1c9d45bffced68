import { describe, expect, it } from "vitest";
import { STEP_UP_MAX_AGE_MS, stepUpFresh, twoFactorGate, twoFactorRequired } from "./two-factor-policy";

describe("two-factor policy", () => {
  it("is required for national roles and programme managers when the service requires it", () => {
    expect(twoFactorRequired("required", { national: true, programmeManager: false })).toBe(true);
    expect(twoFactorRequired("required", { national: false, programmeManager: true })).toBe(true);
    expect(twoFactorRequired("required", { national: false, programmeManager: false })).toBe(false);
    expect(twoFactorRequired("optional", { national: true, programmeManager: true })).toBe(false);
  });
  it("sends an enrolled person to verify, and one who must enrol to set up", () => {
    const base = { national: false, programmeManager: true, enrolled: false, verifiedAt: null };
    expect(twoFactorGate("required", base)).toBe("set-up");
    expect(twoFactorGate("optional", base)).toBe("ok");
    expect(twoFactorGate("optional", { ...base, enrolled: true })).toBe("verify");
    expect(twoFactorGate("required", { ...base, enrolled: true, verifiedAt: new Date() })).toBe("ok");
    expect(twoFactorGate("required", { ...base, programmeManager: false })).toBe("ok");
  });
  it("asks for a fresh proof after fifteen minutes", () => {
    const t = new Date("2026-11-23T10:00:00Z");
    expect(stepUpFresh(null, t)).toBe(false);
    expect(stepUpFresh(t, new Date(t.getTime() + STEP_UP_MAX_AGE_MS - 1))).toBe(true);
    expect(stepUpFresh(t, new Date(t.getTime() + STEP_UP_MAX_AGE_MS))).toBe(false);
  });
});
