import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

// Starts `next start` on a free port against a given DATA_DIR and stops it
// again. The server runs in its own process group (detached) so stopping it
// also ends the node process that npx spawns, and nothing else.

export interface Server {
  url: string;
  // Process group of npx + next-server, for CPU accounting.
  pid: number | undefined;
  dataDir: string;
  stop: () => Promise<void>;
  log: () => string;
}

const live = new Set<Server>();
// Last resort if the benchmark exits without stopping a server (a crash, or
// process.exit elsewhere): the detached server would otherwise outlive it.
process.on("exit", () => {
  for (const s of live) if (s.pid !== undefined) killGroup(s.pid, "SIGKILL");
});

const BUILD_QUIET_MS = 5_000;
const BUILD_WAIT_MS = 10 * 60_000;

// Contents of .next/BUILD_ID, or null while there is no finished build.
export function buildId(cwd: string): string | null {
  try {
    return fs.readFileSync(path.join(cwd, ".next", "BUILD_ID"), "utf8").trim() || null;
  } catch {
    return null;
  }
}

// Newest modification under .next's top level (cache and trace excluded:
// they are not part of the build output a server reads).
function lastBuildWrite(cwd: string): number {
  const dir = path.join(cwd, ".next");
  let newest = 0;
  for (const name of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
    if (name === "cache" || name === "trace") continue;
    try {
      newest = Math.max(newest, fs.statSync(path.join(dir, name)).mtimeMs);
    } catch {
      // removed meanwhile: a build is rewriting the directory
      newest = Date.now();
    }
  }
  return newest;
}

// Other engineers rebuild the same .next concurrently. Wait until a finished
// build has been left alone for a few seconds; if there is no build and
// nobody is writing one, build it ourselves. Returns the BUILD_ID.
export async function waitForStableBuild(cwd: string): Promise<string> {
  const deadline = Date.now() + BUILD_WAIT_MS;
  let said = false;
  for (;;) {
    const id = buildId(cwd);
    const quietFor = Date.now() - lastBuildWrite(cwd);
    if (id && quietFor > BUILD_QUIET_MS) return id;
    if (!id && quietFor > 120_000) {
      console.log("No production build in .next: running `next build` first…");
      const r = spawnSync("npx", ["next", "build"], { cwd, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
      if (r.status !== 0) throw new Error(`next build failed (exit ${r.status})`);
      continue;
    }
    if (Date.now() > deadline) throw new Error(".next did not settle into a finished build within 10 minutes");
    if (!said) console.log("A `next build` seems to be running in .next: waiting for it to finish…");
    said = true;
    await new Promise((r) => setTimeout(r, 2_000));
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export async function startServer(cwd: string, dataDir: string, timeoutMs = 90_000): Promise<Server> {
  const port = await freePort();
  // DATABASE_PATH is dropped so an inherited value cannot point the server at another file.
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, NEXT_TELEMETRY_DISABLED: "1" };
  delete env.DATABASE_PATH;
  const child: ChildProcess = spawn("npx", ["next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env,
  });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  let exited = false;
  child.on("exit", () => (exited = true));

  const url = `http://127.0.0.1:${port}`;
  const server: Server = {
    url,
    pid: child.pid,
    dataDir,
    // One-time passwords printed at first start are not for logs or result files.
    log: () => output.replace(/(password:\s*)\S+/gi, "$1[redacted]"),
    stop: () =>
      new Promise<void>((resolve) => {
        live.delete(server);
        if (exited || child.pid === undefined) return resolve();
        const timer = setTimeout(() => killGroup(child.pid!, "SIGKILL"), 5_000);
        child.once("exit", () => (clearTimeout(timer), resolve()));
        killGroup(child.pid, "SIGTERM");
      }),
  };
  live.add(server);

  // /status answers only after instrumentation's register() has migrated
  // (and, for an empty DATA_DIR, seeded) the database.
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exited) throw new Error(`next start exited before answering:\n${output}`);
    try {
      const res = await fetch(`${url}/status`, { signal: AbortSignal.timeout(5_000) });
      if (res.ok) return server;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await server.stop();
      throw new Error(`next start did not answer within ${timeoutMs / 1000}s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

function killGroup(pid: number, signal: NodeJS.Signals) {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

// For the SIGINT / crash path: stop whatever is still running.
export async function stopAllServers() {
  await Promise.all([...live].map((s) => s.stop()));
}
