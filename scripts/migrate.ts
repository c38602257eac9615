import { databasePath } from "@/db";
import { prepareDatabase } from "@/db/startup";
import { runCli } from "./cli";

// npm run db:migrate: apply migrations and load the default plan into an empty database.
runCli(async () => {
  await prepareDatabase();
  console.log(`Database ready at ${databasePath()}`);
});
