export * from "./authority";
export * from "./user";
export * from "./workforce";
export * from "./partnership";
export * from "./training";
export * from "./funding";
export * from "./plan";
export * from "./national";
