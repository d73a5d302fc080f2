// The Worker's request path into Go (wasm/worker/export.go, entry.mjs's serveGo) under the
// real workerd (Miniflare): requests of every size one after the other on one warm Go
// program, each answered as the native handler answers (the CLI's result, byte for byte).
// The request buffer in the wasm memory grows and is reused; a large batch answer makes the
// wasm memory grow during the call, after which entry.mjs must read the answer from the new
// memory; multi-byte UTF-8 in the body and the query string crosses intact.
//
// Needs dist/worker (./build.sh worker). Run from tests/js: node --test worker-bridge.test.mjs
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Miniflare } from "miniflare";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const workerDir = join(root, "dist", "worker");
const origin = "http://127.0.0.1";
const example = readFileSync(join(root, "examples", "modern-work-enterprise.json"), "utf8");

let mf;
before(async () => {
  if (!existsSync(join(workerDir, "app.wasm"))) throw new Error("dist/worker/app.wasm is missing: run ./build.sh worker");
  mf = new Miniflare({
    modules: true,
    scriptPath: join(workerDir, "entry.mjs"),
    modulesRoot: workerDir,
    modulesRules: [
      { type: "ESModule", include: ["**/*.js", "**/*.mjs"] },
      { type: "CompiledWasm", include: ["**/*.wasm"] },
    ],
    compatibilityDate: "2026-04-01",
    bindings: { ALLOWED_ORIGINS: "" },
    host: "127.0.0.1",
  });
  await mf.ready;
});
after(async () => {
  await mf?.dispose();
});

let cliResult;
function expected() {
  if (cliResult === undefined) {
    let cli = process.env.PARTNERSCORE_CLI;
    if (!cli) {
      cli = join(mkdtempSync(join(tmpdir(), "partnerscore-cli-")), "partnerscore");
      execFileSync("go", ["build", "-o", cli, "./cmd/partnerscore"], { cwd: root, stdio: "inherit" });
    }
    cliResult = execFileSync(cli, ["evaluate", join(root, "examples", "modern-work-enterprise.json")]).toString().replace(/\n$/, "");
  }
  return cliResult;
}

const post = (path, body, type = "application/json") =>
  mf.dispatchFetch(origin + path, { method: "POST", headers: { "content-type": type }, body });

test("worker bridge: requests of every size in turn on one program, each answered whole", async () => {
  const profile = JSON.parse(example);
  // As many profiles as fit under the 256 KiB body limit (~600): an answer of ~12 MB.
  const n = Math.floor((250 * 1024) / (JSON.stringify(profile).length + 1));
  const ndjson = Array.from({ length: n }, () => JSON.stringify(profile)).join("\n");
  for (let round = 0; round < 3; round++) {
    const health = await mf.dispatchFetch(origin + "/healthz");
    assert.equal(health.status, 200);
    assert.equal((await health.json()).status, "ok");

    const one = await post("/v1/evaluate", example);
    assert.equal(one.status, 200);
    assert.equal(await one.text(), expected());

    // A body larger than the buffer so far, and an answer of several MB: the buffer and
    // the wasm memory grow during these calls.
    const many = await post("/v1/evaluate/batch", ndjson, "application/x-ndjson");
    assert.equal(many.status, 200, await many.clone().text());
    const lines = (await many.text()).replace(/\n$/, "").split("\n");
    assert.equal(lines.length, n);
    for (const l of [lines[0], lines[n - 1]]) {
      const item = JSON.parse(l);
      assert.equal(item.ok, true);
      assert.equal(JSON.stringify(item.result), JSON.stringify(JSON.parse(expected())));
    }

    // Small again: the same answer as before the large one.
    const again = await post("/v1/evaluate", example);
    assert.equal(await again.text(), expected());
  }
});

test("worker bridge: multi-byte UTF-8 in the body and the URL crosses intact", async () => {
  // A bad field whose value has multi-byte characters: the problem quotes it back.
  const profile = JSON.parse(example);
  const odd = "ÉcoleNuméro✓🚀";
  profile.asOf = odd;
  const res = await post("/v1/evaluate?lang=fr&note=" + encodeURIComponent(odd), JSON.stringify(profile));
  const text = await res.text();
  assert.ok(res.status >= 400 && res.status < 500, `status ${res.status}: ${text}`);
  assert.match(res.headers.get("content-type"), /^application\/problem\+json/);
  const p = JSON.parse(text);
  assert.equal(p.errors[0].path, "/asOf");
  assert.ok(text.includes(odd) || text.includes(JSON.stringify(odd).slice(1, -1)), `the bad value is quoted back: ${text}`);
});
