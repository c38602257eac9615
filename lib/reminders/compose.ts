// The text of one reminder e-mail. Pure: everything it shows is passed in, so
// the wording is tested without a database and the same function serves the
// scheduled job, the CLI and the admin's "send now".

export interface ReminderAction {
  id: number;
  code: string;
  title: string;
  // Why it counts as missing: nothing yet, a draft not submitted, or returned by staff.
  reviewState: "draft" | "returned" | null;
}

export interface ReminderInput {
  recipientName: string;
  planTitle: string;
  periodLabel: string;
  deadline: string; // YYYY-MM-DD
  daysLeft: number;
  actions: ReminderAction[];
  // Absolute URL for an app path (APP_URL or NEXTAUTH_URL + path).
  url: (path: string) => string;
}

const longDate = new Intl.DateTimeFormat("en-US", { weekday: "long", year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });

export function formatDeadline(deadline: string): string {
  return longDate.format(new Date(`${deadline}T00:00:00Z`));
}

function when(daysLeft: number): string {
  if (daysLeft <= 0) return "today";
  if (daysLeft === 1) return "tomorrow";
  return `in ${daysLeft} days`;
}

const NOTE: Record<Exclude<ReminderAction["reviewState"], null>, string> = {
  draft: "draft saved, not submitted yet",
  returned: "returned to you for changes",
};

export function composeReminder(input: ReminderInput): { subject: string; text: string } {
  const n = input.actions.length;
  const updates = n === 1 ? "1 progress update" : `${n} progress updates`;
  const subject = `${input.periodLabel}: ${updates} due ${formatDeadline(input.deadline)}`;
  const lines = input.actions.flatMap((a) => [`- ${a.code}: ${a.title}${a.reviewState ? ` (${NOTE[a.reviewState]})` : ""}`, `  ${input.url(`/actions/${a.id}`)}`]);
  const text = [
    `Hello ${input.recipientName},`,
    "",
    `The ${input.periodLabel} progress updates for ${input.planTitle} are due ${when(input.daysLeft)}, on ${formatDeadline(input.deadline)} (${input.deadline}).`,
    `${n === 1 ? "This action has" : `These ${n} actions have`} no submitted update for ${input.periodLabel} yet:`,
    "",
    ...lines,
    "",
    "You can update them all in one sitting on your My quarter page:",
    input.url("/my-quarter"),
    "",
    "Drafts and updates returned for changes count as missing until they are submitted.",
    "",
    "You receive this because you lead or belong to the work group of these actions, or are named as their lead.",
    "— Cluster Action Tracker",
    "",
  ].join("\n");
  return { subject, text };
}
