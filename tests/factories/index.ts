export * from "./authority";
export * from "./user";
