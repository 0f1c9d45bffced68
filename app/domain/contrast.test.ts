import { describe, expect, it } from "vitest";
import { SERIES_COLOURS, THRESHOLD_COLOUR } from "~/components/chart-colours";
import { contrastRatio, NON_TEXT_CONTRAST, relativeLuminance } from "./contrast";

describe("contrastRatio", () => {
  it("is 21 for black on white and 1 for a colour on itself, in either order", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#ffffff", "#000000")).toBeCloseTo(21, 5);
    expect(contrastRatio("#1d70b8", "#1d70b8")).toBe(1);
  });

  it("matches published figures: GOV.UK text and link colours on white", () => {
    expect(contrastRatio("#0b0c0c", "#ffffff")).toBeCloseTo(19.59, 1);
    expect(contrastRatio("#1d70b8", "#ffffff")).toBeCloseTo(5.17, 1);
    expect(contrastRatio("#767676", "#ffffff")).toBeCloseTo(4.54, 1);
  });

  it("uses the linear part of the sRGB curve for very dark channels", () => {
    expect(relativeLuminance("#010101")).toBeCloseTo(1 / 255 / 12.92, 8);
  });

  it("rejects what is not a #rrggbb colour", () => {
    expect(() => relativeLuminance("orange")).toThrow("Not a #rrggbb colour: orange");
    expect(() => relativeLuminance("#fff")).toThrow();
  });
});

describe("chart colours", () => {
  it("every series and the threshold line stand out from the white chart background (WCAG 1.4.11: 3:1)", () => {
    for (const colour of [...SERIES_COLOURS, THRESHOLD_COLOUR]) expect({ colour, ok: contrastRatio(colour, "#ffffff") >= NON_TEXT_CONTRAST }).toEqual({ colour, ok: true });
  });
});
