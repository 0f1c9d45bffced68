import { describe, expect, it } from "vitest";
import { basisPointsToText, divideRoundHalfUp, MAX_PENCE, parseMoney, parsePercent, parsePercentList, penceToInput, shareOf, splitEvenly, splitInProportion, sum, uplift } from "./money";

describe("reading money typed by a person", () => {
  it("turns pounds with or without £, thousands separators and pence into integer pence exactly", () => {
    expect(parseMoney("£1,234.56")).toBe(123_456);
    expect(parseMoney("1234.56")).toBe(123_456);
    expect(parseMoney("1,234")).toBe(123_400);
    expect(parseMoney("£600000")).toBe(60_000_000);
    expect(parseMoney("£2,400,000")).toBe(240_000_000);
    expect(parseMoney(" £ 50.5 ")).toBe(5_050);
    expect(parseMoney("0.01")).toBe(1);
    expect(parseMoney("0")).toBe(0);
    // 0.1 + 0.2 is not 0.30000000000000004 pence here: the digits are read, not a float.
    expect(parseMoney("77,786.29")).toBe(7_778_629);
  });

  it("refuses what is not an amount: misplaced separators, a fraction of a penny, negatives, words, too much", () => {
    for (const bad of ["", "£", "1,23", "12,34.5", "1.234", "1.", ".5", "-5", "−£5", "£1,234.567", "ten pounds", "1e6", "£ 1 000", "$5"]) expect(parseMoney(bad), bad).toBeNull();
    expect(parseMoney(String(MAX_PENCE / 100))).toBe(MAX_PENCE);
    expect(parseMoney(String(MAX_PENCE / 100 + 1))).toBeNull();
  });

  it("shows pence back in a form as plain pounds", () => {
    expect(penceToInput(123_456)).toBe("1234.56");
    expect(penceToInput(60_000_000)).toBe("600000");
    expect(penceToInput(5_005)).toBe("50.05");
    expect(penceToInput(-150)).toBe("-1.50");
    expect(parseMoney(penceToInput(7_778_629))).toBe(7_778_629);
  });
});

describe("reading percentages", () => {
  it("turns a percentage into basis points, with up to two decimals", () => {
    expect(parsePercent("70")).toBe(7_000);
    expect(parsePercent("70%")).toBe(7_000);
    expect(parsePercent(" 2.5 % ")).toBe(250);
    expect(parsePercent("62.25")).toBe(6_225);
    expect(parsePercent("100")).toBe(10_000);
    expect(parsePercent("0")).toBe(0);
    for (const bad of ["", "-1", "1.234", "seventy", "1000", "5.", "%"]) expect(parsePercent(bad), bad).toBeNull();
  });

  it("reads a taper schedule as a list", () => {
    expect(parsePercentList("100, 70, 50")).toEqual([10_000, 7_000, 5_000]);
    expect(parsePercentList("100%;70% 50%")).toEqual([10_000, 7_000, 5_000]);
    expect(parsePercentList("100, 70, x")).toBeNull();
    expect(parsePercentList(" , ")).toBeNull();
  });

  it("writes basis points back as the person would type them", () => {
    expect([7_000, 250, 6_225, 205, 210, 0].map(basisPointsToText)).toEqual(["70", "2.5", "62.25", "2.05", "2.1", "0"]);
  });
});

describe("integer arithmetic", () => {
  it("rounds halves up, and everything else to the nearest", () => {
    expect(divideRoundHalfUp(5, 2)).toBe(3);
    expect(divideRoundHalfUp(7, 3)).toBe(2);
    expect(divideRoundHalfUp(8, 3)).toBe(3);
    expect(divideRoundHalfUp(-5, 2)).toBe(-3);
    expect(divideRoundHalfUp(0, 7)).toBe(0);
    expect(() => divideRoundHalfUp(1, 0)).toThrow(RangeError);
    expect(() => divideRoundHalfUp(1.5, 2)).toThrow(RangeError);
  });

  it("takes a share of an amount to the nearest penny", () => {
    expect(shareOf(5_000_000, 7_000)).toBe(3_500_000);
    expect(shareOf(333, 5_000)).toBe(167);
  });

  it("splits an amount into parts that add up to it exactly, the odd pence first", () => {
    expect(splitEvenly(60_000_000, 12)).toEqual(Array(12).fill(5_000_000));
    const odd = splitEvenly(10_000_005, 12);
    expect(odd.slice(0, 9)).toEqual(Array(9).fill(833_334));
    expect(odd.slice(9)).toEqual(Array(3).fill(833_333));
    expect(sum(odd)).toBe(10_000_005);
    for (const amount of [1, 11, 12, 13, 99_999_999, 86_400_017]) {
      expect(sum(splitEvenly(amount, 12))).toBe(amount);
      expect(splitEvenly(amount, 12)).toEqual(splitInProportion(amount, Array(12).fill(1)));
    }
    expect(() => splitEvenly(100, 0)).toThrow(RangeError);
  });

  it("splits an amount in proportion to weights, exactly, the odd pence to the largest remainders", () => {
    // £50,000 over 14 and 16 days: 2,333,333.33 and 2,666,666.67 pence; the odd penny goes to the second.
    expect(splitInProportion(5_000_000, [14, 16])).toEqual([2_333_333, 2_666_667]);
    expect(splitInProportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(splitInProportion(7, [0, 5, 0])).toEqual([0, 7, 0]);
    expect(splitInProportion(0, [0, 0])).toEqual([0, 0]);
    // Weights far beyond exact doubles when multiplied by the amount.
    expect(sum(splitInProportion(9_999_999_999, [3_000_000_000_001, 7_000_000_000_003, 11]))).toBe(9_999_999_999);
    expect(() => splitInProportion(5, [0, 0])).toThrow(RangeError);
    expect(() => splitInProportion(5, [])).toThrow(RangeError);
    expect(() => splitInProportion(5, [1, -1])).toThrow(RangeError);
  });

  it("uplifts yearly, compounding, rounding each year to the penny", () => {
    expect(uplift(61_500_000, 250, 0)).toBe(61_500_000);
    expect(uplift(61_500_000, 250, 1)).toBe(63_037_500);
    // 63,037,500 × 1.025 = 64,613,437.5 pence: half a penny rounds up.
    expect(uplift(61_500_000, 250, 2)).toBe(64_613_438);
    expect(uplift(60_000_000, 300, 2)).toBe(63_654_000);
  });
});
