// Next.js calls register() once when the server starts: migrate and seed
// before the first request rather than inside one.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { prepareDatabase } = await import("./db/startup");
    await prepareDatabase();
  }
}
