import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { startReminderSchedule } from "./schedule";
import type { ReminderRun } from "./service";

const emptyRun: ReminderRun = { today: "2026-11-22", periods: [], queued: [], alreadyReminded: 0, sent: 0, failed: 0, kept: 0 };

describe("startReminderSchedule", () => {
  let handle: { stop: () => void } | null = null;
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    handle?.stop();
    handle = null;
    vi.useRealTimers();
    vi.unstubAllEnvs();
  });

  it("runs shortly after start, then every interval", async () => {
    const run = vi.fn(async () => emptyRun);
    handle = startReminderSchedule({ run, firstDelayMs: 1000, intervalMs: 60_000, log: { log: vi.fn(), error: vi.fn() } });
    await vi.advanceTimersByTimeAsync(999);
    expect(run).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(run).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(run).toHaveBeenCalledTimes(3);
  });

  it("logs a failed run instead of throwing, and keeps going", async () => {
    const log = { log: vi.fn(), error: vi.fn() };
    const run = vi.fn(async () => {
      throw new Error("database is locked");
    });
    handle = startReminderSchedule({ run, firstDelayMs: 10, intervalMs: 100, log });
    await vi.advanceTimersByTimeAsync(120);
    expect(run).toHaveBeenCalledTimes(2);
    expect(log.error).toHaveBeenCalledWith("Reminders: the scheduled run failed:", expect.any(Error));
  });

  it("logs what a run queued", async () => {
    const log = { log: vi.fn(), error: vi.fn() };
    const run = vi.fn(async () => ({ ...emptyRun, periods: [{ planSlug: "p", periodLabel: "2026 Q4", deadline: "2027-01-15", daysLeft: 3, reminderDaysBefore: 7, due: true }], queued: [{ outboxId: 1, userId: 1, email: "a@example.org", periodLabel: "2026 Q4", actionCodes: ["A-1"] }], kept: 1 }));
    handle = startReminderSchedule({ run, firstDelayMs: 10, log });
    await vi.advanceTimersByTimeAsync(10);
    expect(log.log).toHaveBeenCalledWith("Reminders: 1 reminder queued; 1 kept in the outbox (no SMTP server is configured).");
  });

  it("does not start a second timer, and is off with REMINDERS=off", async () => {
    const run = vi.fn(async () => emptyRun);
    const first = startReminderSchedule({ run, firstDelayMs: 10 });
    handle = first;
    expect(startReminderSchedule({ run, firstDelayMs: 10 })).toBe(first);
    first!.stop();
    handle = null;
    vi.stubEnv("REMINDERS", "off");
    expect(startReminderSchedule({ run, firstDelayMs: 10 })).toBeNull();
    await vi.advanceTimersByTimeAsync(1000);
    expect(run).not.toHaveBeenCalled();
  });
});
