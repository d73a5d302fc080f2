// PartnerScore engine loader: runs the Go engine (partnerscore.wasm, built from wasm/browser)
// in the page and wraps its global, globalThis.partnerscore, in an object of plain
// JavaScript values. Everything stays in the browser: the only requests are same-origin
// fetches of partnerscore.wasm and wasm_exec.js.
//
//   import { loadEngine } from "./engine.js";
//   const engine = await loadEngine({ onProgress: (loaded, total) => … });
//   const { ok, result, errors } = engine.evaluate({ asOf: "2026-06-01", facts: { … } });
//
// If the Go program ever exits (it should not: every Go function recovers its panics), the
// next call re-instantiates it from the compiled module and retries once.

import { tapeDecoder } from "./tape.js";

/**
 * One problem with an input, located by JSON Pointer (score.Error).
 * @typedef {object} EngineError
 * @property {string} path JSON Pointer of the bad value ("" for the whole input)
 * @property {string} code syntax, type, unknown, range, integer, duplicate, too-large, date,
 *   no-rules, required, rules-data, or internal (a failure inside the engine)
 * @property {string} message what is wrong, in English
 * @property {number} [offset] byte offset in the JSON input
 * @property {string} [expected] what would have been accepted
 * @property {string} [got] what was given, shortened
 * @property {string} [suggestion] the closest known id
 */

/**
 * The answer of evaluate and summary: a result (schemas/result.schema.json, or
 * schemas/summary.schema.json for summary) or the errors.
 * @typedef {{ok: true, result: object} | {ok: false, errors: EngineError[]}} Outcome
 */

/**
 * @typedef {object} Timings milliseconds spent loading
 * @property {number} script importing wasm_exec.js
 * @property {number} compile fetching and compiling partnerscore.wasm (overlapped)
 * @property {number} start instantiating and running the Go program until it is ready
 * @property {number} total the whole of loadEngine
 */

/**
 * @typedef {object} Engine
 * @property {string} version module version and the rule versions, e.g.
 *   "partnerscore v1.2.3 (rules: microsoft-ai-cloud-partner-program/fy26)"
 * @property {(profile: object|string) => Outcome} evaluate the full result of a profile
 *   (an object, or its JSON text); never throws. It is what JSON.parse makes of
 *   evaluateJSON's answer, decoded from the engine's tape (site/js/tape.js), faster
 * @property {(profile: object|string) => Outcome} summary the short result; never throws
 * @property {(profile: object|string, from: string, to: string) => object} compare the profile on two dates (Engine.Compare)
 * @property {(profile: object|string) => string} evaluateJSON evaluate's Outcome as JSON text,
 *   unparsed (for callers that pass it on, and for timing the engine alone); never throws
 * @property {(profile: object|string) => string} summaryJSON the same for summary
 * @property {() => object[]} programs every program version (score.Program: facts with
 *   labels, help, units, bounds; areas, tracks, metrics; sources; effective dates), oldest first
 * @property {() => object[]} certifications the certification catalog (score.Certification)
 * @property {(name: string) => object|null} schema a JSON Schema by name ("profile",
 *   "result", "summary", "program", "profile.<program>.<version>"), null if there is none
 * @property {() => string[]} schemas the names schema accepts
 * @property {number} restarts how many times the Go program was re-instantiated
 * @property {number} fallbacks how many times evaluate's tape was refused by the decoder and
 *   the JSON used instead (never, unless something is wrong)
 * @property {Timings} timings
 */

/**
 * @callback ProgressCallback
 * @param {number} loaded bytes of partnerscore.wasm received so far
 * @param {number|null} total bytes expected, or null when unknown (e.g. a compressed
 *   response, whose Content-Length counts compressed bytes); the last call has
 *   loaded === total
 */

/** The version of the engine loaded last (null before loadEngine resolves). */
export let engineVersion = /** @type {string|null} */ (null);

const WASM = "partnerscore.wasm";
const WASM_EXEC = "wasm_exec.js";
const encoder = new TextEncoder();
const decoder = new TextDecoder();
const GLOBAL = "partnerscore";

/** @type {Map<string, Promise<void>>} wasm_exec.js, imported once per URL */
const scripts = new Map();

/**
 * Loads, compiles and starts the engine.
 * @param {object} [options]
 * @param {string|URL} [options.base] the folder holding partnerscore.wasm and wasm_exec.js
 *   (default: the folder above this module's, i.e. the site's root)
 * @param {ProgressCallback} [options.onProgress] called as partnerscore.wasm arrives
 * @param {Runtime} [options.runtime] a Go runtime of the caller's (the embeddable widget's,
 *   which sets no global); without it wasm_exec.js is imported and globalThis used
 * @param {string} [options.origin] the origin the engine's files may come from (default: the
 *   page's); another origin is fetched with CORS and without credentials
 * @returns {Promise<Engine>}
 */
export async function loadEngine({ base = new URL("../", import.meta.url), onProgress, runtime, origin } = {}) {
  const t0 = performance.now();
  const baseURL = new URL(String(base), globalThis.location?.href ?? import.meta.url);
  const wasmURL = sameOrigin(new URL(WASM, baseURL), origin);
  const execURL = sameOrigin(new URL(WASM_EXEC, baseURL), origin);

  const script = timed(() => (runtime ? Promise.resolve() : loadGoRuntime(execURL)));
  const compiled = timed(() => compile(wasmURL, onProgress));
  const [{ ms: scriptMs }, { value: module, ms: compileMs }] = await Promise.all([script, compiled]);
  const rt = runtime ?? { Go: /** @type {any} */ (globalThis).Go, global: globalThis };

  const t1 = performance.now();
  const state = { module, api: await startAsync(module, rt), restarts: 0, fallbacks: 0 };
  const startMs = performance.now() - t1;

  /** @returns {Program} the running program, started again from the module if it has exited */
  function live() {
    if (state.api.exited()) {
      state.api = startSync(state.module, rt);
      state.restarts++;
    }
    return state.api;
  }

  /**
   * Calls a function of the Go global, re-instantiating the program once if it has exited.
   * @param {string} name
   * @param {unknown[]} args
   * @returns {unknown} what the Go function returned (a string unless it has exited)
   */
  function call(name, ...args) {
    for (let attempt = 0; ; attempt++) {
      if (attempt > 1 && state.api.exited()) return undefined;
      const api = live();
      let out;
      try {
        out = api.global[name](...args);
      } catch (err) {
        if (!exitedError(err) || attempt > 0) throw err;
        api.markExited();
        continue;
      }
      if (typeof out === "string") return out;
      // The program exited during the call: its functions answer undefined.
      if (!api.exited() || attempt > 0) return undefined;
    }
  }

  /**
   * Evaluates through the module's exported functions (wasm/browser/export.go): the
   * profile is written into the wasm memory and the answer read from it, one plain wasm
   * call, no JavaScript value made on the Go side. Re-instantiates the program once if it
   * has exited.
   * @param {string} text the profile as JSON
   * @param {0|1|2} mode 0: evaluate's Outcome as JSON text; 1: summary's; 2: evaluate's
   *   Outcome decoded from the engine's tape (site/js/tape.js)
   * @returns {any} the Outcome as JSON text (modes 0 and 1) or as the object JSON.parse would
   *   make of it (mode 2); undefined when the engine stopped
   */
  function exported(text, mode) {
    for (let attempt = 0; attempt < 2; attempt++) {
      const api = live();
      const x = api.exports;
      // UTF-8 takes at most 3 bytes per UTF-16 code unit.
      const max = 3 * text.length;
      let out;
      try {
        const at = x.partnerscore_buffer(max);
        if (at !== 0 && !api.exited()) {
          const n = encoder.encodeInto(text, new Uint8Array(x.mem.buffer, at, max)).written;
          const a = x.partnerscore_evaluate(n, mode);
          // The decoder, with the tape's table as large as this tape needs (its fifth
          // number): taken again, a call into Go, when a version compiled since.
          const decode = mode === 2 && a !== 0 && !api.exited() ? tape(api, new DataView(x.mem.buffer, a + 16, 4).getUint32(0, true)) : null;
          if (a !== 0 && !api.exited()) {
            const buf = x.mem.buffer; // a new one if the memory grew during the calls
            const v = new DataView(buf, a, 20);
            const bytes = (i) => new Uint8Array(buf, v.getUint32(i, true), v.getUint32(i + 4, true));
            out = decode ? decode(bytes(0), bytes(8)) : decoder.decode(bytes(0));
          }
        }
      } catch (err) {
        // A trap (the runtime aborting) ends the program; anything else is a bug here.
        if (!(err instanceof WebAssembly.RuntimeError) && !exitedError(err)) throw err;
      }
      if (out !== undefined) return out;
      api.markExited();
    }
    return undefined;
  }

  /**
   * @param {Program} api
   * @param {number} size how many strings the tape's table must have
   * @returns {(ops: Uint8Array, heap: Uint8Array) => any} the decoder of the program's tapes
   */
  function tape(api, size) {
    if (!api.decode || api.tableSize < size) {
      const text = api.global.tapeTable();
      if (typeof text !== "string") throw new Error("partnerscore: no tape table");
      const table = JSON.parse(text);
      api.decode = tapeDecoder(table);
      api.tableSize = table.strings.length;
    }
    return api.decode;
  }

  /**
   * @param {"evaluate"|"summary"} name
   * @param {object|string} profile
   * @returns {string} the Outcome as JSON text
   */
  function outcomeText(name, profile) {
    let text;
    try {
      text = typeof profile === "string" ? profile : JSON.stringify(profile);
    } catch (err) {
      return failure("type", "the profile cannot be written as JSON: " + message(err));
    }
    if (typeof text !== "string") return failure("type", "the profile must be a JSON object");
    let out;
    try {
      out = exported(text, name === "summary" ? 1 : 0);
    } catch (err) {
      return failure("internal", name + ": " + message(err));
    }
    return typeof out === "string" ? out : failure("internal", name + ": the engine stopped");
  }

  /**
   * evaluate's Outcome, through the tape: what JSON.parse(outcomeText("evaluate", profile))
   * gives, without the JSON.
   * @param {object|string} profile
   * @returns {Outcome}
   */
  function evaluateOutcome(profile) {
    let text;
    try {
      text = typeof profile === "string" ? profile : JSON.stringify(profile);
    } catch (err) {
      return JSON.parse(failure("type", "the profile cannot be written as JSON: " + message(err)));
    }
    if (typeof text !== "string") return JSON.parse(failure("type", "the profile must be a JSON object"));
    let out;
    try {
      out = exported(text, 2);
    } catch {
      // A tape the decoder refused (a bug, or a heap not in UTF-8): the JSON says the same.
      state.fallbacks++;
      return JSON.parse(outcomeText("evaluate", text));
    }
    return out !== undefined ? out : JSON.parse(failure("internal", "evaluate: the engine stopped"));
  }

  /**
   * Scores a profile on two dates: {ok: true, comparison} (schemas/comparison.schema.json)
   * or {ok: false, errors}.
   * @param {object|string} profile
   * @param {string} from
   * @param {string} to
   */
  function compareOutcome(profile, from, to) {
    let text;
    try {
      text = typeof profile === "string" ? profile : JSON.stringify(profile);
      const out = call("compare", text, String(from), String(to));
      return JSON.parse(typeof out === "string" ? out : failure("internal", "compare: the engine stopped"));
    } catch (err) {
      return JSON.parse(failure("internal", "compare: " + message(err)));
    }
  }

  /**
   * @param {string} name
   * @param {unknown[]} args
   * @returns {any} the parsed JSON answer; throws when the engine reports a failure
   */
  function json(name, ...args) {
    const out = call(name, ...args);
    if (typeof out !== "string") throw new Error(`partnerscore ${name}: the engine stopped`);
    const v = JSON.parse(out);
    if (v && typeof v === "object" && v.ok === false && Array.isArray(v.errors)) {
      const e = v.errors[0] ?? {};
      throw Object.assign(new Error(`partnerscore ${name}: ${e.message ?? "failed"}`), { errors: v.errors });
    }
    return v;
  }

  const version = String(state.api.global.version);
  engineVersion = version;
  return {
    version,
    evaluate: evaluateOutcome,
    summary: (profile) => JSON.parse(outcomeText("summary", profile)),
    evaluateJSON: (profile) => outcomeText("evaluate", profile),
    summaryJSON: (profile) => outcomeText("summary", profile),
    compare: (profile, from, to) => compareOutcome(profile, from, to),
    programs: () => json("programs"),
    certifications: () => json("certifications"),
    schema: (name) => json("schema", String(name)),
    schemas: () => json("schemas"),
    get restarts() {
      return state.restarts;
    },
    get fallbacks() {
      return state.fallbacks;
    },
    timings: { script: scriptMs, compile: compileMs, start: startMs, total: performance.now() - t0 },
  };
}

/**
 * A Go runtime to run the engine with instead of the globals of wasm_exec.js.
 * @typedef {object} Runtime
 * @property {any} Go the class wasm_exec.js defines
 * @property {any} global the object the Go program sees as its global (js.Global()), where
 *   it sets partnerscore
 */

/**
 * @param {URL} url
 * @param {string} [origin] the origin allowed (default: the page's)
 * @returns {URL} url, when it has the allowed origin
 */
function sameOrigin(url, origin) {
  const here = origin ?? globalThis.location?.origin;
  if (here && here !== "null" && url.origin !== here) {
    throw new Error(`partnerscore: ${url} is not on this site (${here}); the engine loads only same-origin files`);
  }
  return url;
}

/**
 * Defines globalThis.Go by importing Go's wasm_exec.js: a strict-mode script that only
 * assigns globals, so it loads as a module (allowed by script-src 'self', no eval).
 * @param {URL} url
 * @returns {Promise<void>}
 */
function loadGoRuntime(url) {
  if (typeof globalThis.Go === "function") return Promise.resolve();
  let p = scripts.get(url.href);
  if (!p) {
    p = import(url.href).then(() => {
      if (typeof globalThis.Go !== "function") throw new Error(`partnerscore: ${url} did not define Go`);
    });
    p.catch(() => scripts.delete(url.href));
    scripts.set(url.href, p);
  }
  return p;
}

/**
 * Fetches and compiles partnerscore.wasm, streaming when the browser can, reporting progress.
 * @param {URL} url
 * @param {ProgressCallback} [onProgress]
 * @returns {Promise<WebAssembly.Module>}
 */
async function compile(url, onProgress) {
  const response = await fetchWasm(url);
  const counted = countProgress(response, onProgress);
  if (typeof WebAssembly.compileStreaming === "function") {
    try {
      return await WebAssembly.compileStreaming(counted);
    } catch (err) {
      // A compile error stays one; anything else (an old browser, a proxy's content type)
      // gets another try below, from the HTTP cache.
      if (err instanceof WebAssembly.CompileError) throw err;
    }
  }
  const again = countProgress(await fetchWasm(url), onProgress);
  return WebAssembly.compile(await again.arrayBuffer());
}

/**
 * @param {URL} url
 * @returns {Promise<Response>}
 */
async function fetchWasm(url) {
  const same = url.origin === globalThis.location?.origin;
  // Same origin: fetch's defaults (mode "cors", credentials "same-origin"), the request a page's
  // <link rel="preload" as="fetch" crossorigin> makes, so that the browser hands over the
  // preloaded response rather than downloading the wasm a second time (site/index.html).
  const response = await fetch(url, same ? {} : { mode: "cors", credentials: "omit" });
  if (!response.ok) throw new Error(`partnerscore: ${url.pathname}: HTTP ${response.status}`);
  return response;
}

/**
 * A copy of response that calls onProgress as its body is read, with the
 * application/wasm type compileStreaming needs.
 * @param {Response} response
 * @param {ProgressCallback} [onProgress]
 * @returns {Response}
 */
function countProgress(response, onProgress) {
  const headers = { "Content-Type": "application/wasm" };
  if (!onProgress || !response.body) return new Response(response.body, { headers });
  const encoding = (response.headers.get("Content-Encoding") ?? "identity").toLowerCase();
  const length = Number(response.headers.get("Content-Length"));
  // Bodies arrive decoded: a compressed response's Content-Length is no total for them.
  let total = encoding === "identity" && length > 0 ? length : null;
  let loaded = 0;
  const report = (n, t) => {
    try {
      onProgress(n, t);
    } catch (err) {
      console.error("partnerscore: onProgress:", err);
    }
  };
  report(0, total);
  const counter = new TransformStream({
    transform(chunk, controller) {
      loaded += chunk.byteLength;
      if (total !== null && loaded > total) total = null;
      report(loaded, total);
      controller.enqueue(chunk);
    },
    flush() {
      report(loaded, loaded);
    },
  });
  return new Response(response.body.pipeThrough(counter), { headers });
}

/**
 * A Go program instance: its global once started, and whether it has exited.
 * @typedef {object} Program
 * @property {any} global the program's globalThis.partnerscore
 * @property {any} exports the module's exports: partnerscore_buffer and partnerscore_evaluate
 *   (wasm/browser/export.go) and the memory, mem
 * @property {() => boolean} exited
 * @property {() => void} markExited
 * @property {((ops: Uint8Array, heap: Uint8Array) => any) | undefined} [decode] the decoder of
 *   its tapes, made on first use and again when the table has grown
 * @property {number} [tableSize] how many strings the decoder's table has
 */

/**
 * Instantiates the module (asynchronously: the first start) and runs its Go program.
 * @param {WebAssembly.Module} module
 * @param {Runtime} rt
 * @returns {Promise<Program>}
 */
async function startAsync(module, rt) {
  const go = newGo(rt);
  return run(go, await WebAssembly.instantiate(module, go.importObject), rt);
}

/**
 * Instantiates the module synchronously (a restart, inside a call) and runs its Go program.
 * @param {WebAssembly.Module} module
 * @param {Runtime} rt
 * @returns {Program}
 */
function startSync(module, rt) {
  const go = newGo(rt);
  return run(go, new WebAssembly.Instance(module, go.importObject), rt);
}

/**
 * @param {Runtime} rt
 * @returns {any} a Go runtime whose exit is observed (go.exitCode set)
 */
function newGo(rt) {
  const go = new rt.Go();
  const exit = go.exit;
  go.exit = (code) => {
    go.exitCode = code;
    exit.call(go, code);
  };
  return go;
}

/**
 * Runs the Go program until it has set its global.
 * @param {any} go
 * @param {WebAssembly.Instance} instance
 * @param {Runtime} rt
 * @returns {Program}
 */
function run(go, instance, rt) {
  let ready = null;
  let exited = false;
  const scope = rt.global;
  // The program calls onready with its global once set up (see wasm/browser/js.go).
  scope[GLOBAL] = { ready: false, onready: (g) => (ready = g) };
  // run executes main synchronously up to its select {}: the global is set on return.
  go.run(instance).then(
    () => (exited = true),
    (err) => {
      exited = true;
      console.error("partnerscore: the Go program failed:", err);
    },
  );
  const global = ready ?? scope[GLOBAL];
  if (go.exited || !global || global.ready !== true) {
    throw new Error("partnerscore: the engine did not start" + (go.exited ? ` (exit code ${go.exitCode})` : ""));
  }
  return {
    global,
    exports: instance.exports,
    exited: () => exited || go.exited === true,
    markExited: () => (exited = true),
  };
}

/**
 * @param {unknown} err
 * @returns {boolean} whether err says the Go program has exited
 */
function exitedError(err) {
  return /Go program has already exited/.test(message(err));
}

/**
 * @param {unknown} err
 * @returns {string}
 */
function message(err) {
  return err instanceof Error ? err.message : String(err);
}

/**
 * @param {string} code
 * @param {string} msg
 * @returns {string} an Outcome with one error, as JSON text
 */
function failure(code, msg) {
  return JSON.stringify({ ok: false, errors: [{ path: "", code, message: msg }] });
}

/**
 * @template T
 * @param {() => Promise<T>} f
 * @returns {Promise<{value: T, ms: number}>}
 */
async function timed(f) {
  const t = performance.now();
  const value = await f();
  return { value, ms: performance.now() - t };
}
