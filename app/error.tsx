"use client";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="max-w-xl" role="alert">
      <h1>Something went wrong</h1>
      <p className="mt-3 text-slate-700">The page could not be shown. Try again; if it keeps happening, tell the site administrator.</p>
      <button type="button" onClick={reset} className="mt-4 rounded bg-blue-800 px-4 py-2 text-white hover:bg-blue-900">
        Try again
      </button>
    </div>
  );
}
