import { gzipSync } from "node:zlib";

// First-load JavaScript per route, measured from what the running production
// server actually sends (Next 16's Turbopack build no longer prints sizes).
//
// Method: fetch the route's HTML, collect every external script the browser
// will download on first load — `<script src>` (Next's runtime, framework and
// the route's client-component chunks, which React's SSR emits as async
// script tags) and `<link rel="preload|modulepreload" as="script">` — fetch
// each once and sum their gzip sizes (level 9, as the old `next build` size
// column did via gzip-size). `nomodule` scripts (the legacy polyfill bundle)
// are skipped: modern browsers never download them. Inline scripts (the RSC
// payload `self.__next_f.push(...)`) are part of the HTML document, not JS
// chunks, and are reported separately. This is independent of Next's
// internal manifest formats, which change between versions.

export const FIRST_LOAD_LIMIT_KB = 150; // kB = 1000 bytes, as Next reports them

export interface JsSize {
  label: string;
  path: string;
  status: number;
  scripts: number;
  gzipBytes: number;
  rawBytes: number;
  inlineScriptBytes: number;
  error?: string;
}

const chunkCache = new Map<string, Promise<{ raw: number; gzip: number }>>();

function chunkSize(url: string) {
  let p = chunkCache.get(url);
  if (!p) {
    p = fetch(url, { signal: AbortSignal.timeout(30_000) }).then(async (res) => {
      if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
      const buf = Buffer.from(await res.arrayBuffer());
      return { raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length };
    });
    chunkCache.set(url, p);
  }
  return p;
}

const attr = (tag: string, name: string) => tag.match(new RegExp(`\\s${name}=(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, "i"))?.slice(1).find((v) => v !== undefined);
const hasAttr = (tag: string, name: string) => new RegExp(`\\s${name}(?:[\\s=>/]|$)`, "i").test(tag);

export function scriptUrls(html: string, pageUrl: string): string[] {
  const urls = new Set<string>();
  for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
    const src = attr(tag, "src");
    if (src && !hasAttr(tag, "nomodule")) urls.add(new URL(src.replace(/&amp;/g, "&"), pageUrl).href);
  }
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = (attr(tag, "rel") ?? "").toLowerCase();
    const href = attr(tag, "href");
    if (href && (rel === "modulepreload" || (rel === "preload" && attr(tag, "as") === "script"))) urls.add(new URL(href.replace(/&amp;/g, "&"), pageUrl).href);
  }
  return [...urls];
}

function inlineScriptBytes(html: string): number {
  let n = 0;
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) if (!/\ssrc=/i.test(m[1]!)) n += Buffer.byteLength(m[2]!);
  return n;
}

// redirect "manual": a redirect (e.g. to /login) must fail the route, not
// silently measure the page it points to.
export async function measureFirstLoadJs(baseUrl: string, cookie: string, label: string, path: string): Promise<JsSize> {
  const url = baseUrl + path;
  try {
    const res = await fetch(url, { redirect: "manual", headers: { Cookie: cookie }, signal: AbortSignal.timeout(30_000) });
    const html = await res.text();
    const urls = scriptUrls(html, url);
    const sizes = await Promise.all(urls.map(chunkSize));
    return {
      label,
      path,
      status: res.status,
      scripts: urls.length,
      gzipBytes: sizes.reduce((s, x) => s + x.gzip, 0),
      rawBytes: sizes.reduce((s, x) => s + x.raw, 0),
      inlineScriptBytes: inlineScriptBytes(html),
      error: res.ok ? (urls.length === 0 ? "no <script src> found in the HTML" : undefined) : `HTTP ${res.status} ${res.headers.get("location") ?? ""}`.trim(),
    };
  } catch (error) {
    return { label, path, status: 0, scripts: 0, gzipBytes: 0, rawBytes: 0, inlineScriptBytes: 0, error: (error as Error).message };
  }
}
