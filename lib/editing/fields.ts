import { z } from "zod";

// Field rules shared by the plan-editing schemas (and so by their forms and
// services). Form posts arrive as strings; unit tests and CLI callers may pass
// real numbers, booleans and arrays, so each rule accepts both.

export const recordId = z.coerce.number().int().positive();
export const version = z.coerce.number({ message: "The form is missing its version; reload the page." }).int().positive();

export function requiredText(message: string, max: number) {
  return z
    .string({ message })
    .trim()
    .min(1, message)
    .max(max, `Use at most ${max} characters.`);
}

// Empty means "not set" and is stored as null.
export function optionalText(max: number) {
  return z
    .string()
    .trim()
    .max(max, `Use at most ${max} characters.`)
    .optional()
    .transform((v) => v || null);
}

// A <select> whose empty option means "none".
export function optionalId(message = "Choose one of the options.") {
  return z.preprocess((v) => (v === "" || v === undefined || v === null ? null : v), z.coerce.number({ message }).int(message).positive(message).nullable());
}

// A checkbox posts "on" when ticked and nothing otherwise.
export const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());

export const optionalDate = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : null))
  .pipe(z.iso.date("Use a date like 2026-03-31.").nullable());

// Several ids in one field: the form's checkbox group keeps them in one hidden
// input ("3,7,12") so they survive a refused save like any other typed value.
export const idList = z.preprocess(
  (v) => (typeof v === "string" ? v.split(",").map((s) => s.trim()).filter(Boolean) : v ?? []),
  z.array(z.coerce.number({ message: "Choose from the list." }).int().positive()).max(200, "Choose at most 200."),
).transform((ids) => [...new Set(ids)]);

// A JSON array posted in one hidden input (the champions editor), or a real array.
export function jsonList<T extends z.ZodType>(item: T, message: string) {
  return z.preprocess((v) => {
    if (v === undefined || v === "") return [];
    if (typeof v !== "string") return v;
    try {
      return JSON.parse(v);
    } catch {
      return null;
    }
  }, z.array(item, { message }).max(50, "Use at most 50."));
}

export const moveDirection = z.enum(["up", "down"], { message: "Move up or down." });

// "true" retires, "false" brings back.
export const retiredFlag = z.preprocess((v) => v === true || v === "true", z.boolean());
