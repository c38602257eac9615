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

// Rendering and sanitising cost about 0.3 ms a narrative, and pages show the
// same narratives to every reader (ten on an action's timeline, ten on the
// review queue): a small cache of recent results, keyed by the exact source,
// takes that off every request. Map keeps insertion order, so the oldest
// entry is the first key.
const CACHE_LIMIT = 2_000;
const cache = new Map<string, string>();

export function renderMarkdown(source: string): string {
  const hit = cache.get(source);
  if (hit !== undefined) return hit;
  const html = sanitizeHtml(marked.parse(source) as string, OPTIONS);
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(source, html);
  return html;
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
