"use client";

import { useId, useState } from "react";
import { fieldError, inputClass } from "@/components/forms/fields";
import { ALLOWED_TYPES_TEXT, ATTACHMENT_ACCEPT, ATTACHMENT_LIMITS_HINT, ATTACHMENT_TYPES, MAX_ATTACHMENT_BYTES, tooLargeMessage } from "@/lib/attachments/limits";
import type { FormState } from "@/lib/forms/form-action";

// Problems the browser can see before uploading anything: too many files, too
// big, or a type we never take. Saves a 50 MB round trip; the server checks
// all of it again, and the magic bytes besides.
function earlyProblem(files: FileList, remaining: number): string | null {
  if (files.length > remaining) return `You can add ${remaining} more ${remaining === 1 ? "file" : "files"} to this update; you chose ${files.length}.`;
  for (const file of Array.from(files)) {
    const ext = file.name.includes(".") ? file.name.slice(file.name.lastIndexOf(".") + 1).toLowerCase() : "";
    if (!Object.hasOwn(ATTACHMENT_TYPES, ext)) return `“${file.name}” is not an allowed type: attach ${ALLOWED_TYPES_TEXT} files.`;
    if (file.size === 0) return `“${file.name}” is empty.`;
    if (file.size > MAX_ATTACHMENT_BYTES) return tooLargeMessage(`“${file.name}”`, file.size);
  }
  return null;
}

// The file field of a progress update's form: name "attachments", several
// files at once. Its value goes to addAttachments() as form.getAll("attachments").
export function AttachmentInput({ state, remaining, label = "Files to attach" }: { state: FormState; remaining: number; label?: string }) {
  const id = useId();
  const [problem, setProblem] = useState<string | null>(null);
  const error = problem ?? fieldError(state, "attachments");
  const describedBy = [`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <p id={`${id}-hint`} className="text-xs text-slate-700">
        {ATTACHMENT_LIMITS_HINT}
      </p>
      <input
        id={id}
        name="attachments"
        type="file"
        multiple
        accept={ATTACHMENT_ACCEPT}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={`${inputClass} file:mr-3 file:rounded file:border-0 file:bg-slate-200 file:px-3 file:py-1 file:text-sm file:text-slate-900`}
        onChange={(e) => {
          const found = e.currentTarget.files ? earlyProblem(e.currentTarget.files, remaining) : null;
          // Blocks submitting until the choice is fixed; the message says why.
          e.currentTarget.setCustomValidity(found ?? "");
          setProblem(found);
        }}
      />
      {error && (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-800">
          {error}
        </p>
      )}
    </div>
  );
}
