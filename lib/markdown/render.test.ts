import { describe, expect, it } from "vitest";
import { renderMarkdown } from "./render";

describe("renderMarkdown", () => {
  it("renders emphasis, lists and links", () => {
    const html = renderMarkdown("**Done**: met with *Kern CCD*.\n\n- one\n- two\n\n[site](https://example.org)");
    expect(html).toContain("<strong>Done</strong>");
    expect(html).toContain("<li>one</li>");
    expect(html).toContain('<a href="https://example.org" rel="nofollow noopener noreferrer">site</a>');
  });

  it("never lets script, event handlers or javascript: URLs through", () => {
    const html = renderMarkdown('<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[x](javascript:alert(1)) <a href="javascript:alert(2)">y</a>');
    // Raw HTML survives only as escaped text: no live tag, attribute or URL.
    expect(html).not.toMatch(/<script|<img|<[^>]*onerror|<a[^>]*href="javascript:/i);
    expect(html).toContain("&lt;script&gt;");
  });

  it("moves headings below the page's own", () => {
    expect(renderMarkdown("# Title")).toBe("<h3>Title</h3>\n");
  });

  it("gives the same answer from its cache as when rendering afresh", () => {
    const source = "Second *time* <script>x</script>";
    const first = renderMarkdown(source);
    expect(renderMarkdown(source)).toBe(first);
    expect(first).toContain("<em>time</em>");
    expect(first).not.toContain("<script");
  });
});
