import type { OpenedAttachment } from "./service";

// The suggested download name: the stored (already sanitised) original name,
// as a plain-ASCII fallback and, for names with other characters, RFC 5987's
// UTF-8 form that browsers prefer.
export function contentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\%;]/g, "_") || "attachment";
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

// Always a download, never rendered in the app's origin: the stored type (not
// the uploader's claim), nosniff, and nothing kept in shared caches.
export function downloadResponse(file: OpenedAttachment): Response {
  return new Response(file.body, {
    headers: {
      "Content-Type": file.contentType,
      "Content-Length": String(file.sizeBytes),
      "Content-Disposition": contentDisposition(file.fileName),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
}
