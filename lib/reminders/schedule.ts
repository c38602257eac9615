import { systemActor } from "@/lib/auth/actor";
import { describeRun, runReminders, type ReminderRun } from "./service";

export const REMINDER_INTERVAL_MS = 60 * 60 * 1000;
export const FIRST_RUN_DELAY_MS = 60 * 1000;

interface ScheduleOptions {
  intervalMs?: number;
  firstDelayMs?: number;
  run?: () => Promise<ReminderRun>;
  log?: Pick<Console, "log" | "error">;
}

// One timer per process (kept across hot reloads in development).
const state = globalThis as unknown as { reminderSchedule?: { stop: () => void } };

// The in-process reminder job: a first pass shortly after start, then hourly.
// Sending twice is impossible whatever the timing (see runReminders), so the
// schedule only has to be frequent enough to catch the first day of a window.
// Timers are unref'd so they never keep a process alive, and a failed pass is
// logged, never thrown: a broken SMTP server must not take the site down.
// REMINDERS=off disables it (for example when a cron job runs the CLI instead).
export function startReminderSchedule(options: ScheduleOptions = {}): { stop: () => void } | null {
  if (process.env.REMINDERS === "off") return null;
  if (state.reminderSchedule) return state.reminderSchedule;
  const { intervalMs = REMINDER_INTERVAL_MS, firstDelayMs = FIRST_RUN_DELAY_MS, log = console } = options;
  const run = options.run ?? (() => runReminders(systemActor("reminder schedule"), { quiet: true }));
  let busy = false;
  const tick = async () => {
    // A slow SMTP server must not make passes pile up.
    if (busy) return;
    busy = true;
    try {
      const result = await run();
      if (result.queued.length > 0) log.log(`Reminders: ${describeRun(result)}`);
    } catch (error) {
      log.error("Reminders: the scheduled run failed:", error);
    } finally {
      busy = false;
    }
  };
  const first = setTimeout(() => void tick(), firstDelayMs);
  const every = setInterval(() => void tick(), intervalMs);
  first.unref();
  every.unref();
  const handle = {
    stop: () => {
      clearTimeout(first);
      clearInterval(every);
      delete state.reminderSchedule;
    },
  };
  state.reminderSchedule = handle;
  return handle;
}
