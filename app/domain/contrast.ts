/**
 * WCAG 2.2 contrast ratio of two sRGB colours ("#rrggbb"), from 1 to 21. Text needs 4.5:1 (large
 * text 3:1, success criterion 1.4.3); chart lines, bars and other graphics 3:1 (1.4.11).
 */
export function contrastRatio(a: string, b: string): number {
  const [x, y] = [relativeLuminance(a), relativeLuminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

export function relativeLuminance(hex: string): number {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`Not a #rrggbb colour: ${hex}`);
  const [r, g, b] = m.slice(1).map((h) => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The contrast WCAG asks of graphical objects such as chart series (1.4.11 Non-text contrast). */
export const NON_TEXT_CONTRAST = 3;
