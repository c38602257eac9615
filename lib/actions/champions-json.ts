// Champions travel as JSON in one form field, always in this shape, so the
// form's starting value and a refused save's current value compare as text.
// (No imports: the champions editor in the browser uses it too.)
export function championsJson(list: { organizationId: number | null; role: string }[]): string {
  return JSON.stringify(list.map((c) => ({ organizationId: c.organizationId, role: c.role })));
}
