import { ensureBenchUser, signIn } from "./bench/auth";
async function main() {
  const url = "http://127.0.0.1:3399";
  const lead = await ensureBenchUser(`/tmp/scale/tracker.db`, "viewer", "probe-viewer@bench.invalid");
  const cookie = await signIn(url, lead.email, lead.password);
  for (const path of process.argv.slice(3)) {
    for (let i = 0; i < 5; i++) await (await fetch(url + path, { headers: { cookie } })).arrayBuffer();
    const s = performance.now();
    const n = Number(process.argv[2]);
    for (let i = 0; i < n; i++) await (await fetch(url + path, { headers: { cookie } })).arrayBuffer();
    console.log(path, ((performance.now() - s) / n).toFixed(1), "ms per request");
  }
}
void main();
