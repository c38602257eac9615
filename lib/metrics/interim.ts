import { z } from "zod";

const stored = z.array(z.object({ date: z.string(), value: z.number() }));

// The interim targets column is JSON written only by the service; a row that
// does not read (hand-edited database) counts as none rather than breaking pages.
export function readInterimTargets(json: string): { date: string; value: number }[] {
  if (json === "[]") return [];
  try {
    const parsed = stored.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}
