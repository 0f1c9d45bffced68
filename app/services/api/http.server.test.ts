import { describe, expect, it } from "vitest";
import { apiError, apiReply, methodNotAllowed, responseFormat } from "./http.server";

const req = (query = "", accept?: string) => new Request(`http://x/api/v1/authorities${query}`, { headers: accept ? { Accept: accept } : {} });

describe("responseFormat", () => {
  it("takes ?format first, then Accept: text/csv, else JSON", () => {
    expect(responseFormat(req())).toBe("json");
    expect(responseFormat(req("?format=csv"))).toBe("csv");
    expect(responseFormat(req("?format=json", "text/csv"))).toBe("json");
    expect(responseFormat(req("", "text/csv"))).toBe("csv");
    expect(responseFormat(req("", "application/json, text/csv;q=0.5"))).toBe("csv");
    expect(responseFormat(req("", "application/json"))).toBe("json");
    expect(responseFormat(req("", "text/csvx"))).toBe("json");
    expect(responseFormat(req("?format=xml"))).toBeNull();
  });
});

describe("answers", () => {
  const result = { data: [{ a: 1, b: true }], csv: { filename: "x.csv", rows: [{ a: 1 }], columns: [{ header: "a", value: (r: { a: number }) => r.a }] } };
  it("wraps JSON in data, never cached", async () => {
    const r = apiReply(req(), result);
    expect(await r.json()).toEqual({ data: [{ a: 1, b: true }] });
    expect(r.headers.get("Cache-Control")).toBe("no-store");
  });
  it("sends CSV as a download, and 400 for an unknown format", async () => {
    const csv = apiReply(req("?format=csv"), result);
    expect(csv.headers.get("Content-Disposition")).toBe('attachment; filename="x.csv"');
    // With a byte-order mark for Excel (text() would drop it).
    expect(Buffer.from(await csv.arrayBuffer()).toString("utf8")).toBe("\uFEFFa\r\n1\r\n");
    expect(apiReply(req("?format=pdf"), result).status).toBe(400);
  });
  it("gives errors as JSON and 405 with Allow", async () => {
    const e = apiError(429, "Slow down", { "Retry-After": "5" });
    expect(await e.json()).toEqual({ error: { status: 429, message: "Slow down" } });
    expect(e.headers.get("Retry-After")).toBe("5");
    const m = await methodNotAllowed();
    expect(m.status).toBe(405);
    expect(m.headers.get("Allow")).toBe("GET, HEAD");
  });
});
