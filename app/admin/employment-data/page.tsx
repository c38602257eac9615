import type { Metadata } from "next";
import { EmploymentUpload } from "@/components/analytics/employment-upload";
import { requirePermission } from "@/lib/auth/guards";
import { requireUser } from "@/lib/auth/session";
import { describeImport } from "@/lib/analytics/import-describe";
import { recentImports } from "@/lib/analytics/queries";
import { MAX_UPLOAD_BYTES } from "@/lib/analytics/upload";
import { uploadEmploymentFilesAction } from "./actions";

export const metadata: Metadata = { title: "Employment data" };

const when = (iso: string) => `${iso.replace("T", " ").slice(0, 16)} UTC`;

// Staff import the BLS QCEW files the cluster analytics are computed from
// (issue #7), and see every import: what it held, changed and skipped.
export default async function EmploymentDataPage() {
  const user = await requireUser();
  requirePermission(user, "analytics.manage");
  const imports = recentImports(30);
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1>Employment data</h1>
        <p className="max-w-3xl text-slate-800">
          Import the Bureau of Labor Statistics&apos; Quarterly Census of Employment and Wages files for the plans&apos; regions and reference areas: download the “by area” CSV files from bls.gov/cew (county files for each area of a region, and the state or U.S. file for the reference), unzip them and upload them here. Importing the same file again changes nothing; a file with an error imports nothing and says where the error is. After each import, every cluster&apos;s annual employment metric gets its value for each complete year.
        </p>
      </header>
      <EmploymentUpload action={uploadEmploymentFilesAction} maxMb={MAX_UPLOAD_BYTES / 1024 / 1024} />
      <section aria-labelledby="imports-heading" className="space-y-2">
        <h2 id="imports-heading">Imports</h2>
        {imports.length === 0 ? (
          <p className="text-slate-700">No file has been imported yet.</p>
        ) : (
          <ol className="space-y-2">
            {imports.map((i) => (
              <li key={i.id} className="rounded border border-slate-200 bg-white p-3 text-sm">
                <p>
                  <span className="font-medium">{i.fileName}</span> <span className="text-slate-700">· {when(i.startedAt)}</span>
                  {i.status === "failed" ? <span className="ml-2 font-medium text-red-800">failed</span> : null}
                </p>
                <ul className="mt-1 list-disc pl-5 text-slate-800">
                  {describeImport(i).map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
