"use client";

import { signIn } from "next-auth/react";

export function SsoSignInButtons({ providers, callbackUrl }: { providers: { id: string; name: string }[]; callbackUrl: string }) {
  return (
    <ul className="space-y-2">
      {providers.map((p) => (
        <li key={p.id}>
          <button type="button" onClick={() => signIn(p.id, { callbackUrl })} className="w-full rounded border border-slate-400 bg-white px-4 py-2 text-sm">
            Sign in with {p.name}
          </button>
        </li>
      ))}
    </ul>
  );
}

export function SsoLinkButtons({ providers, start }: { providers: { id: string; name: string }[]; start: () => Promise<{ ok: boolean }> }) {
  return (
    <ul className="flex flex-wrap gap-2">
      {providers.map((p) => (
        <li key={p.id}>
          <button
            type="button"
            onClick={async () => {
              if ((await start()).ok) await signIn(p.id, { callbackUrl: "/profile" });
            }}
            className="rounded border border-slate-400 bg-white px-4 py-2 text-sm"
          >
            Link my {p.name} account
          </button>
        </li>
      ))}
    </ul>
  );
}
