"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import type { UploadState } from "@/app/admin/employment-data/actions";
import type { ImportJob } from "@/lib/analytics/import-jobs";

const POLL_MS = 500;
const settled = (j: ImportJob) => j.state === "done" || j.state === "failed";

function stateText(j: ImportJob): string {
  if (j.state === "queued") return "Waiting for the file before it";
  if (j.state === "importing") return `Importing: ${j.fraction === null ? "" : `${Math.floor(j.fraction * 100)}%, `}${j.rows.toLocaleString("en-US")} rows read`;
  return j.state === "done" ? "Imported" : "Not imported";
}

// Upload employment files, then follow each import to its end: a progress
// bar per file, and one sentence per change of state in a polite live region
// (not every tick, which would flood a screen reader).
export function EmploymentUpload({ action, maxMb }: { action: (form: FormData) => Promise<UploadState>; maxMb: number }) {
  const router = useRouter();
  const [jobs, setJobs] = useState<ImportJob[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  const lastStates = useRef(new Map<string, string>());

  useEffect(() => {
    if (jobs.length === 0 || jobs.every(settled)) return;
    const timer = setTimeout(async () => {
      const response = await fetch(`/admin/employment-data/jobs?ids=${jobs.map((j) => j.id).join(",")}`, { cache: "no-store" });
      if (!response.ok) return setError("Could not read the imports' progress. Reload the page to see the imports list.");
      const next = ((await response.json()) as { jobs: ImportJob[] }).jobs;
      const changes = next.filter((j) => lastStates.current.get(j.id) !== j.state && j.state !== "importing").map((j) => `${j.fileName}: ${stateText(j).toLowerCase()}.`);
      for (const j of next) lastStates.current.set(j.id, j.state);
      if (changes.length) setAnnouncement(changes.join(" "));
      setJobs(next);
      // The imports list on the page is server-rendered: refresh it once all are done.
      if (next.every(settled)) router.refresh();
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [jobs, router]);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setError(null);
    setUploading(true);
    setAnnouncement("Uploading…");
    try {
      const result = await action(form);
      if (!result.ok) {
        setError(result.fieldErrors?.files?.[0] ?? result.message);
        setAnnouncement("");
        return;
      }
      lastStates.current = new Map(result.jobs.map((j) => [j.id, j.state]));
      setAnnouncement(`Uploaded ${result.jobs.length} ${result.jobs.length === 1 ? "file" : "files"}; importing.`);
      setJobs(result.jobs);
    } catch {
      setError("The upload failed: check the files' size and your connection, then try again.");
      setAnnouncement("");
    } finally {
      setUploading(false);
    }
  }

  const busy = uploading || jobs.some((j) => !settled(j));
  return (
    <div className="space-y-4">
      <form onSubmit={submit} aria-label="Import employment files" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <div>
          <label htmlFor="employment-files" className="block font-medium">
            Employment files (CSV)
          </label>
          <input
            id="employment-files"
            name="files"
            type="file"
            multiple
            accept=".csv,text/csv"
            required
            aria-describedby={`employment-files-help${error ? " employment-files-error" : ""}`}
            aria-invalid={error ? true : undefined}
            className="mt-1 block text-sm"
          />
          <p id="employment-files-help" className="mt-1 text-sm text-slate-700">
            BLS QCEW “by area” files, quarterly or annual, as BLS publishes them (unzipped), or the generic layout. Up to 20 files of {maxMb} MB each; larger files are imported on the server with <code>npm run qcew:import</code>.
          </p>
          {error ? (
            <p id="employment-files-error" className="mt-1 text-sm font-medium text-red-800">
              {error}
            </p>
          ) : null}
        </div>
        <button type="submit" disabled={busy} className="rounded bg-blue-800 px-4 py-2 text-sm font-medium text-white hover:bg-blue-900 disabled:opacity-60">
          {uploading ? "Uploading…" : "Import the files"}
        </button>
      </form>

      <p role="status" aria-live="polite" className="sr-only">
        {announcement}
      </p>

      {jobs.length > 0 ? (
        <section aria-labelledby="progress-heading" className="space-y-3">
          <h2 id="progress-heading">This upload</h2>
          <ul className="space-y-3">
            {jobs.map((j) => (
              <li key={j.id} className="rounded border border-slate-200 bg-white p-3">
                <p className="font-medium">{j.fileName}</p>
                <progress className="mt-1 w-full" max={100} value={j.state === "done" ? 100 : Math.floor((j.fraction ?? 0) * 100)} aria-label={`${j.fileName}: import progress`} />
                <p className={`text-sm ${j.state === "failed" ? "font-medium text-red-800" : "text-slate-800"}`}>{stateText(j)}</p>
                {j.lines.length ? (
                  <ul className="mt-1 list-disc pl-5 text-sm text-slate-800">
                    {j.lines.map((line) => (
                      <li key={line}>{line}</li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
