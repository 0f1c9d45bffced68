import { describe, expect, it } from "vitest";
import { bearerToken, isApiTokenFormat, tokenDisplay, tokenExpiry, tokenStatus } from "./api-tokens";

const TOKEN = `fsk_${"A".repeat(40)}b-_`;

describe("token format", () => {
  it("accepts fsk_ with 43 URL-safe characters and nothing else", () => {
    expect(isApiTokenFormat(TOKEN)).toBe(true);
    expect(isApiTokenFormat(TOKEN.slice(0, -1))).toBe(false);
    expect(isApiTokenFormat(`${TOKEN}x`)).toBe(false);
    expect(isApiTokenFormat(TOKEN.replace("fsk_", "fsx_"))).toBe(false);
    expect(isApiTokenFormat(TOKEN.replace("b", "+"))).toBe(false);
    expect(isApiTokenFormat("")).toBe(false);
  });

  it("shows only the prefix and four characters", () => {
    expect(tokenDisplay(TOKEN)).toBe("fsk_AAAA…");
  });
});

describe("bearerToken", () => {
  it("reads the token of a Bearer header, any case of the scheme, spaces around", () => {
    expect(bearerToken(`Bearer ${TOKEN}`)).toBe(TOKEN);
    expect(bearerToken(`bearer   ${TOKEN} `)).toBe(TOKEN);
  });
  it("is null without a header, for other schemes and for more than one word", () => {
    expect(bearerToken(null)).toBeNull();
    expect(bearerToken(undefined)).toBeNull();
    expect(bearerToken("")).toBeNull();
    expect(bearerToken("Basic dXNlcjpwYXNz")).toBeNull();
    expect(bearerToken("Bearer")).toBeNull();
    expect(bearerToken("Bearer a b")).toBeNull();
  });
});

describe("tokenExpiry", () => {
  const today = "2026-11-23";
  it("defaults to 90 days from today", () => {
    expect(tokenExpiry(null, today)).toEqual({ ok: true, expiresOn: "2027-02-21" });
  });
  it("takes a date from tomorrow to 365 days ahead", () => {
    expect(tokenExpiry("2026-11-24", today)).toEqual({ ok: true, expiresOn: "2026-11-24" });
    expect(tokenExpiry("2027-11-23", today)).toEqual({ ok: true, expiresOn: "2027-11-23" });
  });
  it("refuses today, the past and more than a year ahead", () => {
    expect(tokenExpiry(today, today)).toEqual({ ok: false, message: "The expiry date must be in the future" });
    expect(tokenExpiry("2025-01-01", today).ok).toBe(false);
    expect(tokenExpiry("2027-11-24", today)).toEqual({ ok: false, message: "The expiry date must be at most a year from today" });
  });
});

describe("tokenStatus", () => {
  const today = "2026-11-23";
  it("is active through the expiry date, expired after it", () => {
    expect(tokenStatus({ expiresOn: today, revokedAt: null }, today)).toBe("active");
    expect(tokenStatus({ expiresOn: "2026-11-22", revokedAt: null }, today)).toBe("expired");
  });
  it("is revoked once revoked, whatever the date", () => {
    expect(tokenStatus({ expiresOn: "2027-01-01", revokedAt: new Date() }, today)).toBe("revoked");
    expect(tokenStatus({ expiresOn: "2020-01-01", revokedAt: "2020-01-01T00:00:00Z" }, today)).toBe("revoked");
  });
});
