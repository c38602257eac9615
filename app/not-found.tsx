import Link from "next/link";

export default function NotFound() {
  return (
    <div className="max-w-xl">
      <h1>Page not found</h1>
      <p className="mt-3 text-slate-700">We could not find that page. The link may be wrong, or the record may have been removed.</p>
      <p className="mt-4">
        <Link href="/">Go to the dashboard</Link> or <Link href="/plans">browse all plans</Link>.
      </p>
    </div>
  );
}
