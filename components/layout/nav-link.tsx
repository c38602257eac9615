"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

// Marks the current page for assistive technology as well as visually.
export function NavLink({ href, exact = false, children }: { href: string; exact?: boolean; children: React.ReactNode }) {
  const pathname = usePathname();
  const isCurrent = exact ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
  return (
    <Link
      href={href}
      aria-current={isCurrent ? "page" : undefined}
      className={`block rounded px-3 py-2 text-sm no-underline ${isCurrent ? "bg-blue-800 text-white" : "text-slate-800 hover:bg-slate-100"}`}
    >
      {children}
    </Link>
  );
}
