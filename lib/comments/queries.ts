import { aliasedTable, asc, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { comments, users } from "@/db/schema";
import { renderMarkdown } from "@/lib/markdown/render";

const author = aliasedTable(users, "author");

export type ThreadComment = ReturnType<typeof listComments>[number];

export type CommentSubject = { actionId: number } | { reportId: number };

// An action's or a report's discussion, oldest first. A removed comment keeps
// its place but not its words: neither the text nor its HTML leaves the server.
export function listComments(subject: CommentSubject) {
  const rows = getDb()
    .select({ id: comments.id, authorId: comments.authorId, authorName: author.name, body: comments.body, version: comments.version, deletedAt: comments.deletedAt, createdAt: comments.createdAt, updatedAt: comments.updatedAt })
    .from(comments)
    .leftJoin(author, eq(author.id, comments.authorId))
    .where("actionId" in subject ? eq(comments.actionId, subject.actionId) : eq(comments.reportId, subject.reportId))
    .orderBy(asc(comments.createdAt), asc(comments.id))
    .all();
  return rows.map((r) => ({
    id: r.id,
    authorId: r.authorId,
    authorName: r.authorName ?? "A former user",
    createdAt: r.createdAt,
    edited: r.version > 1 && !r.deletedAt,
    updatedAt: r.updatedAt,
    version: r.version,
    removed: r.deletedAt !== null,
    body: r.deletedAt ? null : r.body,
    html: r.deletedAt ? null : renderMarkdown(r.body),
  }));
}
