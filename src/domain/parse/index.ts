/** Parsing what people type into plan fields. Pure functions; each returns a `Parsed` value. */
export * from "./parsed";
export * from "./placeholder";
export * from "./date";
export * from "./date-range";
export * from "./person";
export * from "./number";
