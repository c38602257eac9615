import { prepareDatabase } from "@/db/startup";
import { listUsers } from "@/lib/users/queries";
import { createUser } from "@/lib/users/service";
import { systemActor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { runCli } from "./cli";

const USAGE = `Usage:
  npm run user -- create --email <email> --name <name> --role <admin|lead|contributor|viewer>
  npm run user -- list`;

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

runCli(async () => {
  const [command, ...args] = process.argv.slice(2);
  await prepareDatabase(() => {});
  const actor = systemActor("cli");
  if (command === "create") {
    const { user, oneTimePassword } = await createUser(actor, { email: option(args, "email"), name: option(args, "name"), role: option(args, "role") });
    console.log(`Created ${user.role} ${user.name} <${user.email}> (id ${user.id}).`);
    console.log(`One-time password: ${oneTimePassword}`);
    console.log("They choose their own password at first sign-in. This password is not shown again.");
  } else if (command === "list") {
    const rows = listUsers(actor);
    if (rows.length === 0) console.log("No users.");
    for (const u of rows) {
      console.log(`${String(u.id).padStart(4)}  ${u.role.padEnd(11)} ${u.isActive ? "active  " : "inactive"}  ${u.email}  ${u.name}${u.groups.length ? `  [${u.groups.map((g) => g.name).join(", ")}]` : ""}`);
    }
  } else {
    throw new AppError("INVALID_INPUT", USAGE);
  }
});
