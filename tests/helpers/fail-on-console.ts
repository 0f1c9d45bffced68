import { afterEach, beforeEach, vi } from "vitest";

/**
 * A test that logs console.error fails: an error nobody expected is a bug. A test that provokes
 * one on purpose calls expectConsoleError() to take it.
 */
let logged: unknown[][] = [];
let expected = 0;

export function expectConsoleError(count = 1) {
  expected += count;
}

beforeEach(() => {
  logged = [];
  expected = 0;
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    logged.push(args);
  });
});

afterEach(() => {
  vi.mocked(console.error).mockRestore();
  if (logged.length > expected) {
    const text = logged.map((args) => args.map((a) => (a instanceof Error ? a.stack : String(a))).join(" ")).join("\n");
    throw new Error(`console.error was called ${logged.length} time(s) (expected ${expected}):\n${text}`);
  }
});
