// The widget's engine: one per page (per asset folder), shared by every <partner-score>. A
// lean loader of its own rather than the simulator's (../js/engine.js): it fetches and compiles
// partnerscore.wasm, runs the Go program with a Go runtime that touches no global, and answers
// the three calls the widget makes (evaluate, programs, certifications); should the Go program
// ever exit (it should not: every Go function recovers its panics), the next call starts it
// again from the compiled module and retries once.
//
// Go's wasm_exec.js assigns globalThis.Go (and globalThis.fs, process and path when they are
// missing), and the Go program sets globalThis.partnerscore. Here wasm_exec.js runs instead as
// go-runtime.js, which the build makes from the toolchain's copy wrapped in a function whose
// parameter named globalThis stands for the global object: goRuntime(scope) returns the Go
// class (widget.js passes it to sharedEngine). The stand-in, `scope`, keeps every property
// written to it (the runtime's fs, process and path, the program's partnerscore) and reads
// everything else (Object, Date, Uint8Array, crypto…) from the real global object, which is
// never written.

/** Names that only ever live on the stand-in, even when the page defines them. */
const OWN = new Set(['Go', 'fs', 'process', 'path', 'partnerscore'])

/**
 * A stand-in for the global object: writes stay on it, reads fall through to `real`.
 * @param {object} [real]
 * @returns {Record<PropertyKey, any>}
 */
export function scope(real = globalThis) {
  const own = Object.create(null)
  const mine = (k) => OWN.has(k) || Object.hasOwn(own, k)
  return new Proxy(own, {
    get: (t, k) => (mine(k) ? t[k] : Reflect.get(real, k)),
    has: (t, k) => (mine(k) ? k in t : k in real),
    set: (t, k, v) => {
      t[k] = v
      return true
    },
  })
}

/**
 * The engine as the widget uses it.
 * @typedef {object} Engine
 * @property {(profile: object) => {ok: true, result: any} | {ok: false, errors: any[]}} evaluate
 *   the result of a profile, or the engine's errors; never throws
 * @property {() => any[]} programs every program version (score.Program)
 * @property {() => any[]} certifications the certification catalog
 */

/** @type {Map<string, Promise<Engine>>} wasm URL → engine */
const engines = new Map()

/**
 * The page's engine for the asset folder `base`, loading it on first call. A failure is not
 * kept: the next widget (or a retry) tries again.
 * @param {string} base the folder holding partnerscore.wasm
 * @param {(scope: object) => any} goRuntime go-runtime.js's: runs wasm_exec.js against scope
 *   and returns its Go class
 * @returns {Promise<Engine>}
 */
export function sharedEngine(base, goRuntime) {
  const url = new URL('partnerscore.wasm', base).href
  let engine = engines.get(url)
  if (!engine) {
    engine = load(url, goRuntime)
    engines.set(url, engine)
    engine.catch(() => engines.delete(url))
  }
  return engine
}

/**
 * @param {string} url partnerscore.wasm's
 * @param {(scope: object) => any} goRuntime
 * @returns {Promise<Engine>}
 */
async function load(url, goRuntime) {
  // With CORS and without credentials, whatever the origin; as application/wasm, whatever
  // type the host sends.
  const response = await fetch(url, { credentials: 'omit' })
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`)
  const module = await WebAssembly.compileStreaming(new Response(response.body, { headers: { 'Content-Type': 'application/wasm' } }))
  const global = scope()
  const Go = goRuntime(global)
  let go = new Go()
  let api

  /** Runs the program in instance (of go's imports) until it is ready. */
  const run = (instance) => {
    // The program calls onready with its global once set up (see wasm/browser/js.go); run
    // executes main synchronously up to its select {}.
    api = null
    global.partnerscore = { onready: (g) => (api = g) }
    go.run(instance).catch((err) => console.error('partnerscore: the Go program failed:', err))
    if (!api?.ready) throw new Error(`partnerscore: the engine did not start${go.exited ? ' (it exited)' : ''}`)
  }
  run(await WebAssembly.instantiate(module, go.importObject))

  /**
   * Calls a function of the program's global, starting the program again once if it has
   * exited (before or during the call).
   * @param {string} name
   * @param {string} [arg]
   * @returns {string}
   */
  const call = (name, arg) => {
    for (let attempt = 0; attempt < 2; attempt++) {
      if (go.exited) {
        go = new Go()
        run(new WebAssembly.Instance(module, go.importObject))
      }
      try {
        const out = api[name](arg)
        if (typeof out === 'string') return out
      } catch (err) {
        if (!go.exited) throw err
      }
    }
    throw new Error(`partnerscore ${name}: the engine stopped`)
  }
  const json = (name) => JSON.parse(call(name))
  return {
    evaluate(profile) {
      try {
        return JSON.parse(call('evaluate', JSON.stringify(profile)))
      } catch (err) {
        return { ok: false, errors: [{ path: '', code: 'internal', message: err instanceof Error ? err.message : String(err) }] }
      }
    },
    programs: () => json('programs'),
    certifications: () => json('certifications'),
  }
}
