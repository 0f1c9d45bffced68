import { describe, expect, it } from "vitest";
import { pageNumbers } from "./pagination";

describe("pageNumbers", () => {
  it("lists every page when there are seven or fewer", () => {
    expect(pageNumbers(1, 1)).toEqual([1]);
    expect(pageNumbers(2, 4)).toEqual([1, 2, 3, 4]);
    expect(pageNumbers(7, 7)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it("keeps the first, the last and the current page with its neighbours, with a gap for what is left out", () => {
    expect(pageNumbers(1, 20)).toEqual([1, 2, "…", 20]);
    expect(pageNumbers(10, 20)).toEqual([1, "…", 9, 10, 11, "…", 20]);
    expect(pageNumbers(20, 20)).toEqual([1, "…", 19, 20]);
  });

  it("shows a single missing page as its number, not as a gap", () => {
    expect(pageNumbers(4, 10)).toEqual([1, 2, 3, 4, 5, "…", 10]);
    expect(pageNumbers(7, 10)).toEqual([1, "…", 6, 7, 8, 9, 10]);
  });
});
