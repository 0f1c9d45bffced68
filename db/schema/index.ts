export * from "./authority";
export * from "./audit";
export * from "./system";
