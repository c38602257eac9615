import { z } from "zod";

// The zod schemas of the attachment service. Server-side only: the limits and
// type allowlist the browser needs too live in ./limits.ts, so the client
// bundle does not carry zod.

// Files arrive as FormData entries (form.getAll("attachments")); validateUploads()
// checks the entries themselves, their number included.
export const addAttachmentsSchema = z.object({
  updateId: z.coerce.number().int().positive(),
  files: z.array(z.unknown()),
});

export type AddAttachmentsInput = z.input<typeof addAttachmentsSchema>;

export const removeAttachmentSchema = z.object({ attachmentId: z.coerce.number().int().positive() });
