import Link from "next/link";

// Previous/next links for a paged list; hidden when everything fits on one page.
// `label` names the navigation landmark when a page holds more than one paged list.
export function Pagination({ page, pageCount, hrefFor, label = "Pages" }: { page: number; pageCount: number; hrefFor: (page: number) => string; label?: string }) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label={label} className="flex items-center justify-between text-sm">
      {page > 1 ? <Link href={hrefFor(page - 1)}>Previous page</Link> : <span />}
      <span>
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? <Link href={hrefFor(page + 1)}>Next page</Link> : <span />}
    </nav>
  );
}
