import { describe, expect, it } from "vitest";
import { memoKey, memoPerDatabase, ReadModelMemo } from "./read-models.server";

describe("ReadModelMemo", () => {
  it("answers only for the version a value was computed from", () => {
    const memo = new ReadModelMemo<number>(10);
    memo.set("a", "1.0", 42);
    expect(memo.get("a", "1.0")).toBe(42);
    expect(memo.get("a", "2.0")).toBeUndefined();
    expect(memo.get("a", "1.1")).toBeUndefined();
    expect(memo.get("a", undefined)).toBeUndefined();
    expect(memo.get("b", "1.0")).toBeUndefined();
  });

  it("keeps at most its capacity, dropping the least recently used", () => {
    const memo = new ReadModelMemo<string>(2);
    memo.set("a", "1", "A");
    memo.set("b", "1", "B");
    expect(memo.get("a", "1")).toBe("A");
    memo.set("c", "1", "C");
    expect(memo.size).toBe(2);
    expect(memo.get("b", "1")).toBeUndefined();
    expect(memo.get("a", "1")).toBe("A");
    expect(memo.get("c", "1")).toBe("C");
  });

  it("keys start with the authority; each database has its own memo", () => {
    expect(memoKey("auth-1", "2022-01-01", "2022-01-02")).toBe("auth-1|2022-01-01|2022-01-02");
    const memos = memoPerDatabase<number>(5);
    const [db1, db2] = [{}, {}];
    memos(db1).set("k", "1", 1);
    expect(memos(db1).get("k", "1")).toBe(1);
    expect(memos(db2).get("k", "1")).toBeUndefined();
  });
});
