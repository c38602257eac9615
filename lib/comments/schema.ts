import { z } from "zod";

// Shared by the comment forms (field errors) and the services (the real check).
export const commentBodySchema = z.string().trim().min(1, "Write a comment first.").max(10_000, "Keep a comment under 10,000 characters.");

const subjectId = z.coerce.number().int().positive().optional();
// A comment is about an action or about a published report: exactly one of them.
export const addCommentSchema = z
  .object({ actionId: subjectId, reportId: subjectId, body: commentBodySchema })
  .refine((d) => (d.actionId === undefined) !== (d.reportId === undefined), { message: "Say which action or report the comment is about.", path: ["body"] });
export const editCommentSchema = z.object({ commentId: z.coerce.number().int().positive(), version: z.coerce.number().int().min(1), body: commentBodySchema });
export const deleteCommentSchema = z.object({ commentId: z.coerce.number().int().positive() });
