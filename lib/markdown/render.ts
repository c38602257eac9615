import { Marked } from "marked";
import sanitizeHtml from "sanitize-html";

// Narratives and comments are written in Markdown by people we trust only
// so far: marked turns them into HTML, then sanitize-html keeps an allowlist.
// Raw HTML in the source is escaped by marked's renderer below and anything
// that slips through is dropped by the sanitiser, so the output is safe to
// inject with dangerouslySetInnerHTML.

const marked = new Marked({ gfm: true, breaks: true, async: false });
marked.use({
  renderer: {
    // Raw HTML is shown as text, not interpreted.
    html({ text }) {
      return escapeHtml(text);
    },
  },
});

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ["p", "br", "strong", "em", "del", "code", "pre", "blockquote", "ul", "ol", "li", "a", "h3", "h4", "h5", "h6", "hr", "table", "thead", "tbody", "tr", "th", "td"],
  allowedAttributes: { a: ["href", "title", "rel"], th: ["align"], td: ["align"], ol: ["start"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowProtocolRelative: false,
  transformTags: {
    // The page already has its h1 and h2s; a narrative's headings sit below them.
    h1: "h3",
    h2: "h3",
    a: sanitizeHtml.simpleTransform("a", { rel: "nofollow noopener noreferrer" }),
  },
  // Images could be used to track readers, so they are not allowed.
  exclusiveFilter: (frame) => frame.tag === "img",
};

export function renderMarkdown(source: string): string {
  const html = marked.parse(source) as string;
  return sanitizeHtml(html, OPTIONS);
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
