import type { CommentSubject, ThreadComment } from "@/lib/comments/queries";
import type { FormState } from "@/lib/forms/form-action";
import { CommentEditor, DeleteCommentForm, NewCommentForm } from "./comment-forms";

type Action = (state: FormState, form: FormData) => Promise<FormState>;

export interface CommentActions {
  add: Action;
  edit: Action;
  remove: Action;
}

const stamp = (iso: string) => `${iso.replace("T", " ").slice(0, 16)} UTC`;

// Sanitised Markdown (lib/markdown/render.ts) styled in place, so the thread
// needs no global stylesheet.
const MARKDOWN =
  "mt-1 text-sm text-slate-900 break-words [&_p]:my-1 [&_ul]:my-1 [&_ul]:list-disc [&_ul]:pl-5 [&_ol]:my-1 [&_ol]:list-decimal [&_ol]:pl-5 [&_blockquote]:border-l-4 [&_blockquote]:border-slate-300 [&_blockquote]:pl-3 [&_code]:rounded [&_code]:bg-slate-100 [&_code]:px-1 [&_pre]:overflow-x-auto [&_pre]:rounded [&_pre]:bg-slate-100 [&_pre]:p-2 [&_h3]:font-semibold [&_h4]:font-semibold";

export function CommentThread({
  comments,
  subject,
  emptyText = "No comments yet. Ask a question or share news about this action.",
  viewerId,
  canComment,
  canModerate,
  actions,
}: {
  comments: ThreadComment[];
  subject: CommentSubject;
  emptyText?: string;
  viewerId: number;
  canComment: boolean;
  canModerate: boolean;
  actions: CommentActions;
}) {
  return (
    <div className="mt-2 space-y-4">
      {comments.length === 0 ? (
        <p className="text-slate-700">{emptyText}</p>
      ) : (
        <ol className="space-y-3" aria-label="Comments, oldest first">
          {comments.map((c) => (
            <li key={c.id} className="rounded-lg border border-slate-200 bg-white p-3">
              <p className="text-sm text-slate-700">
                <span className="font-medium text-slate-900">{c.authorName}</span> · <time dateTime={c.createdAt}>{stamp(c.createdAt)}</time>
                {c.edited && (
                  <>
                    {" "}
                    · edited <time dateTime={c.updatedAt}>{stamp(c.updatedAt)}</time>
                  </>
                )}
              </p>
              {c.removed || c.html === null || c.body === null ? (
                <p className="mt-1 text-sm text-slate-700 italic">Comment removed by an administrator.</p>
              ) : (
                <>
                  <div className={MARKDOWN} dangerouslySetInnerHTML={{ __html: c.html }} />
                  {(c.authorId === viewerId || canModerate) && (
                    <div className="mt-2 flex flex-wrap items-start gap-4">
                      {c.authorId === viewerId && <CommentEditor key={c.version} action={actions.edit} commentId={c.id} version={c.version} body={c.body} />}
                      {canModerate && <DeleteCommentForm action={actions.remove} commentId={c.id} authorName={c.authorName} />}
                    </div>
                  )}
                </>
              )}
            </li>
          ))}
        </ol>
      )}
      {canComment && <NewCommentForm action={actions.add} subject={subject} />}
    </div>
  );
}
