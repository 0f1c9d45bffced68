import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { isApiTokenFormat } from "~/domain/api-tokens";
import { generateApiToken, sha256Hex } from "./tokens.server";

describe("generateApiToken", () => {
  it("makes fsk_ tokens of 256 random bits, each different", () => {
    const tokens = Array.from({ length: 50 }, () => generateApiToken());
    for (const t of tokens) {
      expect(isApiTokenFormat(t.token)).toBe(true);
      expect(Buffer.from(t.token.slice(4), "base64url")).toHaveLength(32);
    }
    expect(new Set(tokens.map((t) => t.token)).size).toBe(50);
  });

  it("gives the SHA-256 of the whole token to store, never the token", () => {
    const t = generateApiToken();
    expect(t.hash).toBe(createHash("sha256").update(t.token).digest("hex"));
    expect(t.hash).toBe(sha256Hex(t.token));
    expect(t.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(t.hash).not.toContain(t.token.slice(4));
    expect(t.display).toBe(`${t.token.slice(0, 8)}…`);
  });
});
