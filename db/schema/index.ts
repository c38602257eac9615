export * from "./enums";
export * from "./plans";
export * from "./organizations";
export * from "./actions";
export * from "./people";
export * from "./progress";
export * from "./audit";
export * from "./auth";
