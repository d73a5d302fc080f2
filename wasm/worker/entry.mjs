// The Worker's module: one Go program per isolate, kept warm.
//
// syumai/workers' generated worker.mjs starts a new Go program for every request (about
// 14 ms of CPU each). This module starts the program once, at the first request, and
// routes every request to it; when the program has exited (a crash, an os.Exit), the
// request that saw it gets a 500 problem and the next one starts a new program. Requests
// cross into Go through two functions the wasm module exports (see export.go): the body is
// read here, the request is written into the wasm memory, one plain wasm call serves it,
// the status, header lines and body are read back from the wasm memory, and the Response
// is built here. No JavaScript value crosses, so the Go side makes none (each would need a
// finalizer run by the Go GC) and wakes no goroutine. The Worker variable BRIDGE=funcof
// routes through binding.serve, a js.FuncOf taking and returning JavaScript values, and
// BRIDGE=syumai through syumai's streaming handleRequest: both exist only in the wasm built
// with -tags bench, for ./build.sh bench-api to compare.
import "./wasm_exec.js";
import { createRuntimeContext, loadModule } from "./runtime.mjs";

// syumai/workers' bindings call it (see its internal/jsutil/trycatch.go).
globalThis.tryCatch = (fn) => {
  try {
    return { result: fn() };
  } catch (e) {
    return { error: e };
  }
};

let live; // {go, binding} of the running program
let starting; // the promise of the program being started

// start instantiates the module and runs the Go program until it says it is ready. The
// runtime context (env, ctx) is the first request's: the program reads its variables once.
async function start(env, ctx) {
  const mod = await loadModule();
  const go = new Go();
  const binding = {};
  let ready;
  const readyPromise = new Promise((resolve) => (ready = resolve));
  const instance = new WebAssembly.Instance(mod, {
    ...go.importObject,
    workers: { ready: () => ready() },
  });
  const exited = go.run(instance, createRuntimeContext({ env, ctx, binding }));
  await Promise.race([
    readyPromise,
    exited.then(() => {
      throw new Error(`the Go program exited while starting (code ${go.exitCode ?? "?"})`);
    }),
  ]);
  return { go, binding, exports: instance.exports };
}

function program(env, ctx) {
  if (live && !live.go.exited) return live;
  live = undefined;
  starting ??= start(env, ctx).then(
    (p) => {
      live = p;
      starting = undefined;
      return p;
    },
    (e) => {
      starting = undefined;
      throw e;
    },
  );
  return starting;
}

// readBody returns the body as bytes, reading at most max+1 bytes (enough for Go to refuse
// it), or null when the Content-Length already says it is too large (Go then answers 413
// from the header).
async function readBody(req, max) {
  if (req.body === null) return null;
  const length = Number(req.headers.get("content-length") ?? NaN);
  if (length > max) return null;
  if (length >= 0) return new Uint8Array(await req.arrayBuffer());
  const reader = req.body.getReader();
  const chunks = [];
  let n = 0;
  while (n <= max) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    n += value.byteLength;
  }
  if (n > max) await reader.cancel();
  const out = new Uint8Array(n);
  let off = 0;
  for (const c of chunks) {
    out.set(c, off);
    off += c.byteLength;
  }
  return out;
}

function headerLines(headers) {
  let s = "";
  for (const [k, v] of headers) s += k + ":" + v + "\n";
  return s;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

// serveGo serves one request through the exported functions (see export.go) and returns
// [status, header lines, body bytes], or undefined when the program failed or exited.
function serveGo(p, method, url, lines, body) {
  const x = p.exports;
  const n = body === null ? 0 : body.byteLength;
  // UTF-8 takes at most 3 bytes per UTF-16 code unit.
  const max = 3 * (method.length + url.length + lines.length) + n;
  const at = x.partnerscore_buffer(max);
  if (at === 0 || p.go.exited) return undefined;
  const mem = new Uint8Array(x.mem.buffer, at, max);
  const m = encoder.encodeInto(method, mem).written;
  const u = encoder.encodeInto(url, mem.subarray(m)).written;
  const h = encoder.encodeInto(lines, mem.subarray(m + u)).written;
  if (n > 0) mem.set(body, m + u + h);
  const a = x.partnerscore_serve(m, u, h, n);
  if (a === 0 || p.go.exited) return undefined;
  const buf = x.mem.buffer; // a new one if the memory grew
  const v = new DataView(buf, a, 20);
  const [hp, hl, bp, bl] = [v.getUint32(4, true), v.getUint32(8, true), v.getUint32(12, true), v.getUint32(16, true)];
  return [v.getUint32(0, true), decoder.decode(new Uint8Array(buf, hp, hl)), new Uint8Array(buf, bp, bl).slice()];
}

const noBody = new Set([101, 204, 205, 304]);

// corsHeaders are the CORS headers the handler (api/cors.go) gives an answer to req, for
// the Worker variable ALLOWED_ORIGINS (read as api.ParseOrigins reads it), so that a
// browser can read a problem written here too: with "*", any origin; with a list, the
// request's origin if listed, and Vary: Origin on every answer.
function corsHeaders(env, req) {
  const origins = String(env?.ALLOWED_ORIGINS ?? "")
    .split(/[,\s]+/)
    .map((o) => o.replace(/\/+$/, "").toLowerCase())
    .filter((o) => o !== "");
  const expose = "ETag, Content-Length";
  if (origins.includes("*")) return { "access-control-allow-origin": "*", "access-control-expose-headers": expose };
  if (origins.length === 0) return {};
  const origin = req.headers.get("origin");
  if (origin && origins.includes(origin.toLowerCase())) {
    return { vary: "Origin", "access-control-allow-origin": origin, "access-control-expose-headers": expose };
  }
  return { vary: "Origin" };
}

// failure is a problem of the Worker itself (the handler's title for the type internal,
// see api/problem.go), with the CORS headers the handler would give it (cors).
function failure(status, detail, instance, cors) {
  const body = JSON.stringify({
    type: "https://partnerscore.dev/problems/internal",
    title: "Internal error",
    status,
    detail,
    instance,
    errors: [{ path: "", code: "internal", message: detail }],
  });
  return new Response(body, {
    status,
    headers: { ...cors, "content-type": "application/problem+json", "cache-control": "no-store" },
  });
}

// pathOf is the path of a URL, for the instance member of a failure's problem.
function pathOf(url) {
  return new URL(url).pathname;
}

async function fetch(req, env, ctx) {
  let p;
  try {
    p = await program(env, ctx);
  } catch (e) {
    return failure(500, "the engine could not start: " + e.message, pathOf(req.url), corsHeaders(env, req));
  }
  if (env.BRIDGE === "syumai") return p.binding.handleRequest(req);
  const body = await readBody(req, p.binding.maxBodyBytes);
  let out;
  try {
    out =
      env.BRIDGE === "funcof"
        ? p.binding.serve(req.method, req.url, headerLines(req.headers), body)
        : serveGo(p, req.method, req.url, headerLines(req.headers), body);
  } catch (e) {
    out = undefined;
  }
  if (out === undefined || p.go.exited) {
    if (live === p) live = undefined; // the next request starts a new program
    return failure(500, "the engine stopped while answering; the next request starts it again", pathOf(req.url),
      corsHeaders(env, req));
  }
  const [status, lines, bytes] = out;
  const headers = new Headers();
  for (const line of lines.split("\n")) {
    const i = line.indexOf(":");
    if (i > 0) headers.append(line.slice(0, i), line.slice(i + 1));
  }
  const empty = noBody.has(status) || req.method === "HEAD";
  return new Response(empty ? null : bytes, { status, headers });
}

export default { fetch };
