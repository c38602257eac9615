import { ATTACHMENT_TYPES, formatFileSize } from "@/lib/attachments/limits";
import type { FormState } from "@/lib/forms/form-action";
import { AttachmentRemoveButton } from "./attachment-remove-button";

export interface AttachmentItem {
  id: number;
  fileName: string;
  sizeBytes: number;
  contentType: string;
}

const typeLabel = (contentType: string) => Object.values(ATTACHMENT_TYPES).find((t) => t.contentType === contentType)?.label ?? "File";

// An update's files as download links. With `removeAction`, each gets a
// Remove button (for the update's editors).
export function AttachmentList({ files, removeAction }: { files: AttachmentItem[]; removeAction?: (state: FormState, form: FormData) => Promise<FormState> }) {
  if (files.length === 0) return <p className="text-sm text-slate-700">No files attached.</p>;
  return (
    <ul className="space-y-1 text-sm">
      {files.map((f) => (
        <li key={f.id} className="flex flex-wrap items-center gap-x-2">
          <a href={`/attachments/${f.id}`} download>
            {f.fileName}
          </a>
          <span className="text-slate-700">
            ({typeLabel(f.contentType)}, {formatFileSize(f.sizeBytes)})
          </span>
          {removeAction && <AttachmentRemoveButton action={removeAction} attachmentId={f.id} fileName={f.fileName} />}
        </li>
      ))}
    </ul>
  );
}
