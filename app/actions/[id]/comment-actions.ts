"use server";

import { revalidatePath } from "next/cache";
import { addComment, deleteComment, editComment } from "@/lib/comments/service";
import { formAction } from "@/lib/forms/form-action";

// Thin callers: the comment services validate, authorize and audit. Shared by
// action discussions and published reports' discussions.
const revalidateSubject = (comment: { actionId: number | null; reportId: number | null }) =>
  comment.actionId !== null ? revalidatePath(`/actions/${comment.actionId}`) : revalidatePath("/plans/[plan]/reports/[report]", "page");

export const addCommentAction = formAction(async (input, actor) => {
  const comment = addComment(actor, input);
  revalidateSubject(comment);
  return { ok: true, message: "Comment posted.", result: { id: String(comment.id) } };
});

export const editCommentAction = formAction(async (input, actor) => {
  const comment = editComment(actor, input);
  revalidateSubject(comment);
  return { ok: true, message: "Comment saved." };
});

export const deleteCommentAction = formAction(async (input, actor) => {
  const comment = deleteComment(actor, input);
  revalidateSubject(comment);
  return { ok: true, message: "Comment removed." };
});
