import { hash, verify } from "@node-rs/argon2";
import { dictionary } from "@zxcvbn-ts/language-common";
import { randomBytes } from "node:crypto";
import { z } from "zod";

// Argon2id with OWASP's recommended minimum (19 MiB, 2 passes, 1 lane): memory-hard,
// and about 30 ms here, so a login stays quick while guessing stays expensive.
// algorithm 2 is Argon2id (the package exports it as a const enum, which isolatedModules cannot read).
const ARGON2_OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

// ~49,000 of the most used passwords (zxcvbn-ts's list); checked case-insensitively.
const COMMON_PASSWORDS = new Set(dictionary["passwords-common"].map((p) => p.toLowerCase()));

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

// NIST SP 800-63B: length limits and a block list, no composition rules.
export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`)
  .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`)
  .refine((p) => !COMMON_PASSWORDS.has(p.toLowerCase()), "This password is too common. Choose one that is harder to guess.");

export function isCommonPassword(password: string): boolean {
  return COMMON_PASSWORDS.has(password.toLowerCase());
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    // A malformed stored hash is a failed login, never a crash.
    return false;
  }
}

// A random password for one-time use (first admin, CLI-created users): 20
// characters from an alphabet without look-alikes, about 115 bits.
export function generateOneTimePassword(): string {
  const alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789";
  const bytes = randomBytes(20);
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join("");
}
