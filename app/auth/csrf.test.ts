import { describe, expect, it } from "vitest";
import { isSafeMethod, originAllowed } from "./csrf.server";

describe("origin check", () => {
  const allowed = ["https://fs.example.org", "http://localhost:3000"];
  it("lets reads through", () => {
    expect(isSafeMethod("GET")).toBe(true);
    expect(isSafeMethod("head")).toBe(true);
    expect(isSafeMethod("POST")).toBe(false);
    expect(isSafeMethod("DELETE")).toBe(false);
  });
  it("accepts the service's own origin only", () => {
    expect(originAllowed("https://fs.example.org", allowed)).toBe(true);
    expect(originAllowed("http://localhost:3000", allowed)).toBe(true);
    expect(originAllowed("https://evil.example", allowed)).toBe(false);
    expect(originAllowed("https://fs.example.org.evil.example", allowed)).toBe(false);
    expect(originAllowed(null, allowed)).toBe(false);
    expect(originAllowed("null", allowed)).toBe(false);
    expect(originAllowed("", allowed)).toBe(false);
  });
});
