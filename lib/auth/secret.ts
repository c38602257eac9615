import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { dataDirectory } from "@/db";

let cached: string | undefined;

// NEXTAUTH_SECRET when set; otherwise a random secret generated on first run
// and kept in the data directory (never in the repository), so sessions
// survive restarts without anyone having to invent a secret.
export function getAuthSecret(): string {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  if (cached) return cached;
  const file = path.join(dataDirectory(), "auth-secret");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    // 'wx' fails if another process created it first; then we read theirs.
    fs.writeFileSync(file, randomBytes(48).toString("base64url"), { flag: "wx", mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  cached = fs.readFileSync(file, "utf8").trim();
  return cached;
}
