/** Colours for chart series, from the GOV.UK palette, in the order series use them. */
export const SERIES_COLOURS = ["#1d70b8", "#f47738", "#00703c", "#4c2c92", "#d4351c", "#505a5f", "#28a197", "#912b88"];
export const THRESHOLD_COLOUR = "#d4351c";
