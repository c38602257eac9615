// Limits and the type allowlist for files attached to progress updates. Shared
// by the upload input (hint, accept list, early checks in the browser) and the
// service, which checks everything again on the server. No imports (zod above
// all): the browser bundle carries whatever this file pulls in, and zod alone
// added ~32 kB gzipped to the action page's first-load JS.
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_ATTACHMENT_SIZE_TEXT = "10 MB";
export const MAX_ATTACHMENTS_PER_UPDATE = 5;
export const MAX_FILE_NAME_LENGTH = 200;

export interface AttachmentType {
  label: string;
  // The content type the file is stored and served with; never the browser's claim.
  contentType: string;
  // What file-type must detect from the bytes for a file with this extension.
  detected: readonly string[];
}

const PDF: AttachmentType = { label: "PDF", contentType: "application/pdf", detected: ["pdf"] };
const DOCX: AttachmentType = { label: "Word document", contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", detected: ["docx"] };
const XLSX: AttachmentType = { label: "Excel workbook", contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", detected: ["xlsx"] };
// An animated PNG is still a PNG every browser shows.
const PNG: AttachmentType = { label: "PNG image", contentType: "image/png", detected: ["png", "apng"] };
const JPEG: AttachmentType = { label: "JPEG image", contentType: "image/jpeg", detected: ["jpg"] };

export const ATTACHMENT_TYPES: Readonly<Record<string, AttachmentType>> = { pdf: PDF, docx: DOCX, xlsx: XLSX, png: PNG, jpg: JPEG, jpeg: JPEG };

export const ATTACHMENT_ACCEPT = [...Object.keys(ATTACHMENT_TYPES).map((ext) => `.${ext}`), ...new Set(Object.values(ATTACHMENT_TYPES).map((t) => t.contentType))].join(",");

export const ALLOWED_TYPES_TEXT = "PDF, Word (.docx), Excel (.xlsx), PNG or JPEG";
export const ATTACHMENT_LIMITS_HINT = `${ALLOWED_TYPES_TEXT}; up to ${MAX_ATTACHMENTS_PER_UPDATE} files per update, ${MAX_ATTACHMENT_SIZE_TEXT} each.`;

export function tooLargeMessage(shownName: string, sizeBytes: number): string {
  return `${shownName} is too large (${formatFileSize(sizeBytes)}): files may be at most ${MAX_ATTACHMENT_SIZE_TEXT}.`;
}

// "2.4 MB", "830 KB", "12 bytes": sizes as people read them.
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} ${bytes === 1 ? "byte" : "bytes"}`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
