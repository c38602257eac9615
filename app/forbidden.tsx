import Link from "next/link";

export default function Forbidden() {
  return (
    <div className="max-w-xl">
      <h1>You do not have access to this page</h1>
      <p className="mt-3 text-slate-700">Your role does not allow this. If you need it, ask a plan administrator (OCED staff) to change your role or work groups.</p>
      <p className="mt-4">
        <Link href="/">Go to the dashboard</Link>
      </p>
    </div>
  );
}
