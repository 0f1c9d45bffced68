export * from "./authority";
