#!/usr/bin/env node
// The npm registry reachable here serves only the linux-x64 builds of packages
// that ship one optional package per platform (@next/swc-*, @tailwindcss/oxide-*,
// @unrs/resolver-binding-*, ...). `npm install` then leaves the other platforms
// out of package-lock.json, and `npm ci` refuses the lock as incomplete.
// This adds each missing optional platform package to the lock, marked optional
// with the os/cpu/libc its name states, so npm ci skips it on this platform and
// installs it elsewhere. Run it after any `npm install`: npm run lock:platforms
import fs from "node:fs";

const file = new URL("../package-lock.json", import.meta.url);
const lock = JSON.parse(fs.readFileSync(file, "utf8"));
const packages = lock.packages;

function platformOf(name) {
  const tail = name.split("/").pop();
  const os = ["darwin", "linux", "win32", "freebsd", "android", "openharmony", "netbsd", "openbsd", "sunos", "aix"].find((o) => tail.includes(o));
  const cpu = ["arm64", "x64", "ia32", "arm", "loong64", "ppc64", "riscv64", "s390x", "wasm32", "mips64el"].find((c) => new RegExp(`(^|-)${c}($|-)`).test(tail.replace(/gnueabihf|musleabihf|eabi/, "")) || tail.includes(`-${c}-`) || tail.endsWith(`-${c}`));
  const libc = /musl/.test(tail) ? ["musl"] : /gnu/.test(tail) ? ["glibc"] : undefined;
  return { os: os ? [os] : undefined, cpu: cpu ? [cpu] : undefined, libc };
}

let added = 0;
for (const [location, meta] of Object.entries(packages)) {
  for (const [dep, range] of Object.entries(meta.optionalDependencies ?? {})) {
    const base = location === "" ? "node_modules" : `${location}/node_modules`;
    const candidates = [`${base}/${dep}`, `node_modules/${dep}`];
    if (candidates.some((c) => packages[c])) continue;
    const { os, cpu, libc } = platformOf(dep);
    if (!os && !cpu) continue; // not a per-platform build: leave it to npm
    packages[`node_modules/${dep}`] = { version: range.replace(/^[\^~=]/, ""), optional: true, ...(os && { os }), ...(cpu && { cpu }), ...(libc && { libc }) };
    added++;
  }
}
fs.writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`lockfile-platforms: added ${added} optional platform package(s)`);
