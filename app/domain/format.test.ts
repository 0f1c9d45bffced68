import { describe, expect, it } from "vitest";
import { formatCount, formatFte, formatMoney, formatMoneyShort, formatPercent, roundPercent } from "./format";

describe("money (integer pence)", () => {
  it("shows pounds with thousands separators", () => {
    expect(formatMoney(7_778_600)).toBe("£77,786");
    expect(formatMoney(94_775_800)).toBe("£947,758");
    expect(formatMoney(0)).toBe("£0");
    expect(formatMoney(12_345, { pence: true })).toBe("£123.45");
    expect(formatMoney(-10_500_000)).toBe("−£105,000");
  });
  it("abbreviates for headlines", () => {
    expect(formatMoneyShort(240_000_000)).toBe("£2.4m");
    expect(formatMoneyShort(180_000_000)).toBe("£1.8m");
    expect(formatMoneyShort(94_775_800)).toBe("£948k");
    expect(formatMoneyShort(50_000)).toBe("£500");
    expect(formatMoneyShort(-240_000_000)).toBe("−£2.4m");
  });
});

describe("percentages", () => {
  it("rounds half up to one decimal as the programme reports do", () => {
    expect(roundPercent((9.2 / 15) * 100)).toBe(61.3);
    expect(roundPercent((13 / 16) * 100)).toBe(81.3);
    expect(roundPercent((11 / 16) * 100)).toBe(68.8);
    expect(roundPercent(70)).toBe(70);
    expect(roundPercent(-38.65)).toBe(-38.7);
  });
  it("formats with a percent sign", () => {
    expect(formatPercent((9.2 / 15) * 100)).toBe("61.3%");
    expect(formatPercent(70)).toBe("70.0%");
    expect(formatPercent(null)).toBe("–");
    expect(formatPercent(Number.NaN)).toBe("–");
  });
});

describe("FTE and counts", () => {
  it("shows FTE without trailing zeros", () => {
    expect(formatFte(3.5)).toBe("3.5");
    expect(formatFte(16)).toBe("16");
    expect(formatFte(0.75)).toBe("0.75");
    expect(formatFte(9.2)).toBe("9.2");
  });
  it("groups thousands", () => {
    expect(formatCount(67_900)).toBe("67,900");
  });
});
