import { CommentThread } from "@/components/comments/comment-thread";
import type { UserActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { listComments } from "@/lib/comments/queries";
import { addCommentAction, deleteCommentAction, editCommentAction } from "./comment-actions";

// The action page's "Discussion" section, self-contained so the page only
// places it: board members' questions and the answers.
export function Discussion({ actionId, user }: { actionId: number; user: UserActor }) {
  return (
    <section aria-labelledby="discussion-heading">
      <h2 id="discussion-heading">Discussion</h2>
      <CommentThread
        comments={listComments({ actionId })}
        subject={{ actionId }}
        viewerId={user.userId}
        canComment={can(user, "comment.create")}
        canModerate={can(user, "comment.moderate")}
        actions={{ add: addCommentAction, edit: editCommentAction, remove: deleteCommentAction }}
      />
    </section>
  );
}
