import { USER_ROLES } from "@/db/schema/enums";
import { ROLE_LABELS } from "@/lib/format";

// The role choices, shared by the invitation form and each account's role select.
export function RoleOptions() {
  return USER_ROLES.map((r) => (
    <option key={r} value={r}>
      {ROLE_LABELS[r]}
    </option>
  ));
}
