import { z } from "zod";
import { HTTP_STATUS, isAppError } from "@/lib/errors";

// Shared exit handling for CLI entry points: AppErrors print their message
// (and field paths) without a stack trace; anything else is a real crash.
export function runCli(main: () => void | Promise<void>) {
  Promise.resolve()
    .then(main)
    .catch((error: unknown) => {
      if (isAppError(error)) {
        console.error(`Error (${error.code}): ${error.message}`);
        for (const [path, messages] of Object.entries(error.fieldErrors ?? {}).slice(0, 20)) console.error(`  ${path}: ${messages.join("; ")}`);
        process.exit(HTTP_STATUS[error.code] === 404 ? 3 : 2);
      }
      if (error instanceof z.ZodError) {
        console.error("Error (INVALID_INPUT):");
        for (const issue of error.issues) console.error(`  ${issue.path.join(".") || "(input)"}: ${issue.message}`);
        process.exit(2);
      }
      console.error(error);
      process.exit(1);
    });
}
