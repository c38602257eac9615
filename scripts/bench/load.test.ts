import { describe, expect, it } from "vitest";
import { failureSummary } from "./load";

// A page the benchmark expects but the build lacks (say, one still being
// written) must show up as a readable failure in the results table.

const notFoundPage = `<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/><title>Cluster Action Tracker</title><script src="/_next/static/chunks/app.js" async=""></script></head>
<body><a href="#main">Skip to content</a><nav><a href="/plans">Plans</a></nav><main id="main"><div class="max-w-xl"><h1>Page not found</h1><p>We could not find that page.</p></div></main>
<script>self.__next_f.push([1,"payload"])</script></body></html>`;

describe("failureSummary", () => {
  it("names a missing page by its heading, with a hint, not by its markup", () => {
    expect(failureSummary(404, "text/html; charset=utf-8", notFoundPage)).toBe("HTTP 404 (no such page in this build, or no such record): Page not found");
  });

  it("falls back to the title, then to the page's visible text", () => {
    expect(failureSummary(500, "text/html", "<html><head><title>Internal Server Error</title></head><body><p>boom</p></body></html>")).toBe("HTTP 500: Internal Server Error");
    expect(failureSummary(500, "text/html", "<html><head><style>p{}</style></head><body><p>Something   went wrong</p><script>x()</script></body></html>")).toBe("HTTP 500: Something went wrong");
  });

  it("quotes other bodies as they are, on one line", () => {
    expect(failureSummary(403, "application/json", '{"error":\n"forbidden"}')).toBe('HTTP 403: {"error": "forbidden"}');
  });
});
