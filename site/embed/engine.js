// The widget's engine: one per page (per asset folder), shared by every <partner-score>, run
// by the site's loader (../js/engine.js) with a Go runtime that touches no global.
//
// Go's wasm_exec.js assigns globalThis.Go (and globalThis.fs, process and path when they are
// missing), and the Go program sets globalThis.partnerscore. Here wasm_exec.js runs instead as
// go-runtime.js, which the build makes from the toolchain's copy wrapped in a function whose
// parameter named globalThis stands for the global object: goRuntime(scope) returns the Go
// class (widget.js passes it to sharedEngine). The stand-in, `scope`, keeps every property written to it (the runtime's fs, process
// and path, the program's partnerscore) and reads everything else (Object, Date, Uint8Array,
// crypto…) from the real global object, which is never written.

import { loadEngine } from '../js/engine.js'

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

/** @type {Map<string, {engine: Promise<any>, progress: Set<Function>}>} wasm URL → engine */
const engines = new Map()

/**
 * The page's engine for the asset folder `base`, loading it on first call.
 * @param {string} base the folder holding partnerscore.wasm
 * @param {(scope: object) => any} goRuntime go-runtime.js's: runs wasm_exec.js against scope
 *   and returns its Go class
 * @param {(loaded: number, total: number|null) => void} [onProgress]
 * @returns {Promise<import('../js/engine.js').Engine>}
 */
export function sharedEngine(base, goRuntime, onProgress) {
  const key = new URL('partnerscore.wasm', base).href
  let entry = engines.get(key)
  if (!entry) {
    const progress = new Set()
    const engine = (async () => {
      const global = scope()
      return loadEngine({
        base,
        origin: new URL(base).origin,
        runtime: { Go: goRuntime(global), global },
        onProgress: (loaded, total) => {
          for (const f of progress) f(loaded, total)
        },
      })
    })()
    entry = { engine, progress }
    engines.set(key, entry)
    // A failure is not kept: the next widget (or a retry) tries again.
    engine.catch(() => engines.delete(key))
    engine.finally(() => progress.clear()).catch(() => {})
  }
  if (onProgress) entry.progress.add(onProgress)
  return entry.engine
}
