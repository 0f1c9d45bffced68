export * from "./authority";
export * from "./user";
export * from "./workforce";
export * from "./funding";
