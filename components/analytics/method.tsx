// How the analytics figures are made, in words a board member can check
// (the README says the same at more length).
export function AnalyticsMethod() {
  return (
    <section aria-labelledby="method" className="max-w-3xl space-y-2 text-sm text-slate-800">
      <h2 id="method">How the figures are made</h2>
      <ul className="list-disc space-y-1 pl-5">
        <li>
          <strong>Source.</strong> The Bureau of Labor Statistics&apos; Quarterly Census of Employment and Wages (QCEW), county files as BLS publishes them, imported by staff. A cluster is a list of NAICS industry codes (2 to 6 digits) chosen by the plan&apos;s staff; the SJV lists are starting points.
        </li>
        <li>
          <strong>Employment</strong> is the annual average: the mean of the year&apos;s 12 monthly levels, or BLS&apos;s annual figure. Each listed code is counted at its own level, once (a code listed with one of its parents is dropped), over the federal, state, local and private ownership rows.
        </li>
        <li>
          <strong>Suppressed cells.</strong> BLS withholds the jobs of an industry where they would reveal one employer. Such a cell is never counted as zero: without estimates its jobs are left out and the figure says what share of its establishments was disclosed (coverage). With estimates, a suppressed industry gets its parent industry&apos;s jobs minus its disclosed siblings&apos;, shared among the suppressed ones by establishments.
        </li>
        <li>
          <strong>Location quotient</strong> (BLS&apos;s convention): the cluster&apos;s share of the region&apos;s jobs divided by its share of the reference area&apos;s jobs, both over all industries and ownerships. Above 1 the region is more concentrated in the cluster than the reference area.
        </li>
        <li>
          <strong>Shift-share</strong> splits the change in a cluster&apos;s jobs between the first and the last complete year into the reference area&apos;s overall growth (reference share), the industries&apos; own growth there (industry mix) and the rest, the region&apos;s competitive (regional) shift. The three add up to the change. An industry with suppressed cells is split only with estimates on.
        </li>
        <li>
          <strong>Metrics.</strong> After each import, each cluster&apos;s annual employment metric gets the region&apos;s figure for every complete year, with source “BLS QCEW” and the coverage in its note.
        </li>
      </ul>
    </section>
  );
}
