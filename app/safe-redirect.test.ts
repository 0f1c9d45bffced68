import { describe, expect, it } from "vitest";
import { safeRedirect } from "./safe-redirect";

describe("safe redirect", () => {
  it("keeps same-site paths", () => {
    expect(safeRedirect("/a/walsall?asOf=2021-01-01")).toBe("/a/walsall?asOf=2021-01-01");
  });
  it("refuses other sites and odd values", () => {
    expect(safeRedirect("//evil.example")).toBe("/");
    expect(safeRedirect("/\\evil.example")).toBe("/");
    expect(safeRedirect("https://evil.example")).toBe("/");
    expect(safeRedirect("javascript:alert(1)")).toBe("/");
    expect(safeRedirect(null)).toBe("/");
    expect(safeRedirect("", "/home")).toBe("/home");
  });
});
