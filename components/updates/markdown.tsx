import { renderMarkdown } from "@/lib/markdown/render";

// Markdown written by users, rendered through the sanitiser (lib/markdown/render.ts).
export function Markdown({ source, className = "" }: { source: string; className?: string }) {
  return <div className={`prose-narrative ${className}`} dangerouslySetInnerHTML={{ __html: renderMarkdown(source) }} />;
}
