import { describe, expect, it } from "vitest";
import { composeReminder, formatDeadline, type ReminderInput } from "./compose";

const base: ReminderInput = {
  recipientName: "Lena Lead",
  planTitle: "San Joaquin Valley Regional Industry Cluster Action Plan",
  periodLabel: "2026 Q4",
  deadline: "2027-01-15",
  daysLeft: 5,
  actions: [
    { id: 11, code: "EN-1", title: "Expand energy training", reviewState: null },
    { id: 12, code: "EN-2", title: "Map solar suppliers", reviewState: "draft" },
    { id: 13, code: "EN-3", title: "Hold a summit", reviewState: "returned" },
  ],
  url: (path) => `https://tracker.example.org${path}`,
};

describe("composeReminder", () => {
  it("names the period, the deadline and every missing action with its link", () => {
    const { subject, text } = composeReminder(base);
    expect(subject).toBe("2026 Q4: 3 progress updates due Friday, January 15, 2027");
    expect(text).toMatch(/^Hello Lena Lead,\n/);
    expect(text).toContain("The 2026 Q4 progress updates for San Joaquin Valley Regional Industry Cluster Action Plan are due in 5 days, on Friday, January 15, 2027 (2027-01-15).");
    expect(text).toContain("These 3 actions have no submitted update for 2026 Q4 yet:");
    expect(text).toContain("- EN-1: Expand energy training\n  https://tracker.example.org/actions/11\n");
    expect(text).toContain("- EN-2: Map solar suppliers (draft saved, not submitted yet)\n  https://tracker.example.org/actions/12\n");
    expect(text).toContain("- EN-3: Hold a summit (returned to you for changes)\n  https://tracker.example.org/actions/13\n");
    expect(text).toContain("My quarter page:\nhttps://tracker.example.org/my-quarter\n");
  });

  it("speaks of one action in the singular, and of tomorrow and today", () => {
    const one = composeReminder({ ...base, actions: [base.actions[0]!], daysLeft: 1 });
    expect(one.subject).toBe("2026 Q4: 1 progress update due Friday, January 15, 2027");
    expect(one.text).toContain("are due tomorrow, on");
    expect(one.text).toContain("This action has no submitted update");
    expect(composeReminder({ ...base, daysLeft: 0 }).text).toContain("are due today, on");
  });

  it("lists nothing it was not given", () => {
    const { text } = composeReminder({ ...base, actions: [base.actions[1]!] });
    expect(text).not.toContain("EN-1");
    expect(text).not.toContain("EN-3");
    expect(text.match(/^- /gm)).toHaveLength(1);
  });

  it("formats the deadline in UTC whatever the server's time zone", () => {
    expect(formatDeadline("2027-01-01")).toBe("Friday, January 1, 2027");
  });
});
