// The engine, started as early as the page allows. index.html loads this module with
// `async`: it runs as soon as it and engine.js have arrived, ahead of the app's larger
// module graph, so that the wasm download and compile overlap the loading of the rest of
// the app. app.js takes the load with startEngine.

import { loadEngine } from './engine.js'

/** @type {((loaded: number, total: number|null) => void) | null} */
let listener = null
/** @type {[number, number|null] | null} the last progress, replayed to a late listener */
let last = null

/**
 * @param {number} loaded
 * @param {number|null} total
 */
function report(loaded, total) {
  last = [loaded, total]
  listener?.(loaded, total)
}

/** @type {Promise<import('./engine.js').Engine> | null} the early load, until taken */
let early = loadEngine({ onProgress: report })
early.catch(() => {}) // reported to whoever takes it

// A page's first use of localStorage blocks while the browser loads its storage (measured
// here: up to ~180 ms in a new browser profile). Do it now, while the engine downloads and
// compiles off the main thread, rather than when the app reads its saved state.
try {
  void globalThis.localStorage?.length
} catch {
  // storage refused (private modes, policies): the app copes when it reads
}

/**
 * The engine: the first call takes the load begun when the page started (and the progress
 * so far), a later one (a retry after a failure) begins a new load.
 * @param {(loaded: number, total: number|null) => void} onProgress
 * @returns {Promise<import('./engine.js').Engine>}
 */
export function startEngine(onProgress) {
  listener = onProgress
  if (last) onProgress(...last)
  const p = early ?? loadEngine({ onProgress: report })
  early = null
  return p
}
