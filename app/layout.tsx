import type { Metadata, Viewport } from "next";
import { SiteHeader } from "@/components/layout/site-header";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Cluster Action Tracker", template: "%s · Cluster Action Tracker" },
  description: "Progress on regional industry cluster action plans: actions, work groups, champions and targets.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

// Every page reads the live database; nothing may be prerendered at build time.
export const dynamic = "force-dynamic";

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:p-2">
          Skip to main content
        </a>
        <SiteHeader />
        <main id="main" className="mx-auto max-w-6xl px-4 py-6">
          {children}
        </main>
        <footer className="mx-auto max-w-6xl px-4 py-8 text-xs text-slate-600">
          Cluster Action Tracker: shared progress on regional cluster action plans.
        </footer>
      </body>
    </html>
  );
}
