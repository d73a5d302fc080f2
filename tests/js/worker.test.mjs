// The API's Worker under the real workerd (Miniflare runs it in-process): the vectors of
// api/testdata/vectors.json (the same the native handler passes, api/vectors_test.go),
// results equal to `partnerscore evaluate` byte for byte, results and rule data valid
// against the JSON Schemas (ajv), many requests at once on one warm Go program, and a new
// Go program after one exits or panics.
//
// Needs dist/worker (./build.sh worker). PARTNERSCORE_CLI names a built CLI; without it the
// test builds one with go. Run from tests/js: node --test worker.test.mjs
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Miniflare } from "miniflare";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const workerDir = join(root, "dist", "worker");
const vectors = JSON.parse(readFileSync(join(root, "api", "testdata", "vectors.json"), "utf8"));
const problemBase = "https://partnerscore.dev/problems/";
const origin = "http://127.0.0.1";

let mf;

// newWorker runs dist/worker as wrangler.jsonc describes it (modules, wasm, variables).
export function newWorker(bindings) {
  if (!existsSync(join(workerDir, "app.wasm"))) {
    throw new Error("dist/worker/app.wasm is missing: run ./build.sh worker");
  }
  return new Miniflare({
    modules: true,
    scriptPath: join(workerDir, "entry.mjs"),
    modulesRoot: workerDir,
    modulesRules: [
      { type: "ESModule", include: ["**/*.js", "**/*.mjs"] },
      { type: "CompiledWasm", include: ["**/*.wasm"] },
    ],
    compatibilityDate: "2026-04-01",
    bindings,
    host: "127.0.0.1",
  });
}

before(async () => {
  mf = newWorker({ ALLOWED_ORIGINS: vectors.allowedOrigins, PARTNERSCORE_TEST_HOOKS: "1" });
  await mf.ready;
});
after(async () => {
  await mf?.dispose();
});

let cli = process.env.PARTNERSCORE_CLI;
function cliBin() {
  if (!cli) {
    cli = join(mkdtempSync(join(tmpdir(), "partnerscore-cli-")), "partnerscore");
    execFileSync("go", ["build", "-o", cli, "./cmd/partnerscore"], { cwd: root, stdio: "inherit" });
  }
  return cli;
}
function cliResult(file) {
  return execFileSync(cliBin(), ["evaluate", join(root, file)]).toString().replace(/\n$/, "");
}

// cliRun is what `partnerscore ...args` prints, run from the repository root with the
// request body on its standard input, without the final newline.
function cliRun(args, input) {
  return execFileSync(cliBin(), args, { cwd: root, input }).toString().replace(/\n$/, "");
}

// The JSON Schemas of the repository, for the vectors' "schema" (ajv, draft 2020-12).
const schemaAjv = new Ajv2020({ strict: true, allErrors: true });
addFormats(schemaAjv);
for (const f of readdirSync(join(root, "schemas")).filter((n) => n.endsWith(".schema.json"))) {
  schemaAjv.addSchema(JSON.parse(readFileSync(join(root, "schemas", f), "utf8")));
}
function assertSchema(name, text) {
  const validate = schemaAjv.getSchema(`https://partnerscore.dev/schemas/${name}.schema.json`);
  assert.ok(validate, `schemas/${name}.schema.json is missing`);
  assert.ok(validate(JSON.parse(text)), `not valid against ${name}.schema.json: ${schemaAjv.errorsText(validate.errors)}`);
}

function bodyOf(v) {
  if (v.bodyFile) return readFileSync(join(root, v.bodyFile));
  if (v.bodyRepeat) return v.bodyRepeat.text.repeat(v.bodyRepeat.times);
  return v.body;
}

const mediaType = (ct) => (ct ?? "").split(";")[0].trim().toLowerCase();

function items(res, text) {
  if (mediaType(res.headers.get("content-type")) === "application/x-ndjson") {
    return text.replace(/\n$/, "").split("\n").map((l) => JSON.parse(l));
  }
  const all = JSON.parse(text);
  assert.equal(all.count, all.items.length);
  assert.equal(all.failed, all.items.filter((i) => !i.ok).length);
  return all.items;
}

// check is api/vectors_test.go's checkVector.
function check(v, res, text) {
  assert.equal(res.status, v.status, `status; body ${text.slice(0, 300)}`);
  if (v.type) assert.equal(mediaType(res.headers.get("content-type")), v.type);
  if (v.emptyBody) assert.equal(text, "");
  if (v.cli) assert.equal(text, cliResult(v.cli), `result differs from partnerscore evaluate ${v.cli}`);
  if (v.cliArgs) assert.equal(text, cliRun(v.cliArgs, bodyOf(v)), `result differs from partnerscore ${v.cliArgs.join(" ")}`);
  if (v.schema) assertSchema(v.schema, text);
  if (v.contains) assert.ok(text.includes(v.contains), `body lacks ${v.contains}`);
  for (const [k, want] of Object.entries(v.header ?? {})) assert.equal(res.headers.get(k), want, k);
  for (const k of v.noHeader ?? []) assert.equal(res.headers.get(k), null, k);
  if (v.problem) {
    const p = JSON.parse(text);
    assert.equal(p.type, problemBase + v.problem);
    assert.equal(p.status, res.status);
    assert.ok(p.title && p.instance);
    if (v.errorPath !== undefined) assert.equal(p.errors?.[0]?.path, v.errorPath);
  }
  if (v.items || v.count) {
    const got = items(res, text);
    if (v.count) assert.equal(got.length, v.count);
    if (v.items) {
      assert.equal(got.length, v.items.length);
      v.items.forEach((want, i) => {
        const it = got[i];
        assert.equal(it.index, i);
        assert.equal(it.ok, want.ok, `item ${i}`);
        assert.equal(it.status, want.status, `item ${i} status`);
        assert.equal(it.line, want.line, `item ${i} line`);
        assert.equal(it.ok, it.result !== undefined || it.summary !== undefined);
        if (want.errorPath !== undefined) assert.equal(it.errors?.[0]?.path, want.errorPath, `item ${i}`);
      });
    }
  }
}

async function send(v) {
  const init = { method: v.method, headers: v.headers ?? {} };
  if (v.method !== "GET" && v.method !== "HEAD" && (v.body !== undefined || v.bodyFile || v.bodyRepeat)) {
    init.body = bodyOf(v);
  }
  const res = await mf.dispatchFetch(origin + v.path, init);
  return [res, await res.text()];
}

for (const v of vectors.cases) {
  test(`worker: ${v.name}`, async () => {
    const [res, text] = await send(v);
    check(v, res, text);
    if (v.revalidate) {
      const etag = res.headers.get("etag");
      assert.ok(etag, "an ETag");
      const again = await mf.dispatchFetch(origin + v.path, { headers: { "If-None-Match": etag } });
      assert.equal(again.status, 304);
      assert.equal(await again.text(), "");
      assert.equal(again.headers.get("etag"), etag);
    }
  });
}

test("worker: results and rule data are valid against the JSON Schemas", async () => {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  const list = await (await mf.dispatchFetch(origin + "/v1/schemas")).json();
  for (const s of list.schemas) {
    ajv.addSchema(await (await mf.dispatchFetch(origin + s.href)).json());
  }
  const schema = (name) => ajv.getSchema(`https://partnerscore.dev/schemas/${name}.schema.json`);
  for (const file of ["examples/modern-work-enterprise.json", "examples/security-people-plan.json"]) {
    const res = await mf.dispatchFetch(origin + "/v1/evaluate", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: readFileSync(join(root, file)),
    });
    const result = await res.json();
    assert.ok(schema("result")(result), JSON.stringify(schema("result").errors));
  }
  const programs = await (await mf.dispatchFetch(origin + "/v1/programs")).json();
  assert.ok(programs.programs.length > 0);
  for (const p of programs.programs) {
    const detail = await (await mf.dispatchFetch(origin + "/v1/programs/" + p.id)).json();
    assert.equal(detail.versions.length, p.versions.length);
    for (const version of detail.versions) {
      assert.ok(schema("program")(version), JSON.stringify(schema("program").errors));
    }
  }
  const openapi = await (await mf.dispatchFetch(origin + "/openapi.json")).json();
  const refs = JSON.stringify(openapi).match(/"\$ref":"\/v1\/schemas\/[^"]+"/g);
  assert.ok(refs.length > 0);
  for (const ref of new Set(refs)) {
    const path = ref.slice(8, -1);
    assert.equal((await mf.dispatchFetch(origin + path)).status, 200, path);
  }
});

test("worker: GET /v1/programs lists every program and version of the rule data, as the CLI does", async () => {
  const rulesDir = join(root, "score", "rules");
  const onDisk = readdirSync(rulesDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => readdirSync(join(rulesDir, d.name)).filter((f) => f.endsWith(".json"))
      .map((f) => JSON.parse(readFileSync(join(rulesDir, d.name, f), "utf8"))))
    .map((p) => `${p.id} ${p.version}`)
    .sort();
  const list = await (await mf.dispatchFetch(origin + "/v1/programs")).json();
  const listed = list.programs.flatMap((p) => p.versions.map((v) => `${p.id} ${v.version}`)).sort();
  assert.deepEqual(listed, onDisk);
  const fromCLI = JSON.parse(execFileSync(cliBin(), ["programs", "-all", "-json", "-date", list.date]).toString());
  assert.deepEqual(fromCLI.programs.map((p) => `${p.id} ${p.version}`).sort(), onDisk);
  for (const p of list.programs) {
    for (const v of p.versions) {
      const cliVersion = fromCLI.programs.find((c) => c.id === p.id && c.version === v.version);
      assert.equal(v.inForce, cliVersion.inForce, `${p.id} ${v.version}: inForce`);
      const res = await mf.dispatchFetch(origin + v.href);
      assert.equal(res.status, 200, v.href);
      const data = await res.json();
      assert.equal(`${data.id} ${data.version}`, `${p.id} ${v.version}`);
      assertSchema("program", JSON.stringify(data));
    }
  }
});

test("worker: concurrent requests share one warm Go program", async () => {
  const body = readFileSync(join(root, "examples/modern-work-enterprise.json"));
  const want = cliResult("examples/modern-work-enterprise.json");
  const answers = await Promise.all(
    Array.from({ length: 64 }, (_, i) =>
      i % 2
        ? mf.dispatchFetch(origin + "/v1/evaluate", { method: "POST", headers: { "content-type": "application/json" }, body })
        : mf.dispatchFetch(origin + "/v1/evaluate", { method: "POST", headers: { "content-type": "text/plain" }, body }),
    ),
  );
  for (const [i, res] of answers.entries()) {
    const text = await res.text();
    if (i % 2) {
      assert.equal(res.status, 200);
      assert.equal(text, want);
    } else {
      assert.equal(res.status, 415);
    }
  }
});

for (const how of ["exit", "panic"]) {
  test(`worker: after the Go program ends (${how}), the next request gets a new one`, async () => {
    const before = await mf.dispatchFetch(origin + "/healthz");
    assert.equal(before.status, 200);
    await before.text();
    const res = await mf.dispatchFetch(origin + "/healthz", {
      headers: { "X-PartnerScore-Test": how, Origin: "https://app.example" },
    });
    assert.equal(res.status, 500);
    const p = await res.json();
    assert.equal(p.type, problemBase + "internal");
    assert.equal(res.headers.get("content-type"), "application/problem+json");
    // The CORS headers the handler would give it, so that the calling page can read it.
    assert.equal(res.headers.get("access-control-allow-origin"), "https://app.example");
    assert.equal(res.headers.get("vary"), "Origin");
    const next = await mf.dispatchFetch(origin + "/v1/evaluate", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: readFileSync(join(root, "examples/modern-work-enterprise.json")),
    });
    assert.equal(next.status, 200);
    assert.equal(await next.text(), cliResult("examples/modern-work-enterprise.json"));
  });
}
