export * from "./authority";
export * from "./audit";
export * from "./auth";
export * from "./email";
export * from "./system";
