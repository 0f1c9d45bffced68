/**
 * Colours for chart series, from the GOV.UK palette, in the order series use them. Each has at
 * least 3:1 contrast with the white chart background (WCAG 1.4.11, see contrast.test.ts): the
 * palette's primary orange and turquoise do not, so their darker shades stand in.
 */
export const SERIES_COLOURS = ["#1d70b8", "#b7592a", "#00703c", "#4c2c92", "#d4351c", "#505a5f", "#158187", "#912b88"];
export const THRESHOLD_COLOUR = "#d4351c";
