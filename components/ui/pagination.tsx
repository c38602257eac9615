import Link from "next/link";

// Previous/next links for a paged list; hidden when everything fits on one page.
export function Pagination({ page, pageCount, hrefFor }: { page: number; pageCount: number; hrefFor: (page: number) => string }) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label="Pages" className="flex items-center justify-between text-sm">
      {page > 1 ? <Link href={hrefFor(page - 1)}>Previous page</Link> : <span />}
      <span>
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? <Link href={hrefFor(page + 1)}>Next page</Link> : <span />}
    </nav>
  );
}
