// An A/B of two builds of the browser engine in one Node process: both programs are
// started, answer the same profile through the exported functions (wasm/browser/export.go)
// and are timed in alternating batches, so that the machine's load weighs on both alike.
// It checks that both answer the same bytes, then prints each one's median time per call
// and their ratio (B / A).
//
//   node tests/js/bench/ab-wasm.mjs DIR_A DIR_B [PROFILE.json]
//
// MODE=2 times evaluate with its answer as a tape (what the page's evaluate uses), MODE=0
// (the default) with its answer as JSON (see wasm/browser/export.go).
//
// Each DIR holds partnerscore.wasm and wasm_exec.js, as ./build.sh build writes them in
// dist/site (build the other one from another commit, e.g. in a git worktree).

import { readFileSync } from 'node:fs'
import path from 'node:path'

const [a, b, profileFile] = process.argv.slice(2)
if (!a || !b) {
  console.error('usage: node ab-wasm.mjs DIR_A DIR_B [PROFILE.json]')
  process.exit(2)
}
const text = readFileSync(profileFile ?? new URL('../../../examples/modern-work-enterprise.json', import.meta.url), 'utf8')
await import(path.resolve(a, 'wasm_exec.js'))
const Go = /** @type {any} */ (globalThis).Go
const enc = new TextEncoder()
const MODE = Number(process.env.MODE ?? 0)
const dec = new TextDecoder()

/** @param {string} dir @returns {Promise<() => string>} evaluate through the exports */
async function start(dir) {
  const module = await WebAssembly.compile(readFileSync(path.resolve(dir, 'partnerscore.wasm')))
  const go = new Go()
  const instance = await WebAssembly.instantiate(module, go.importObject)
  go.run(instance)
  const x = /** @type {any} */ (instance.exports)
  if (typeof x.partnerscore_evaluate !== 'function') throw new Error(`${dir}: no exported evaluate (a build before it?)`)
  return () => {
    const max = 3 * text.length
    const at = x.partnerscore_buffer(max)
    const n = enc.encodeInto(text, new Uint8Array(x.mem.buffer, at, max)).written
    const answer = x.partnerscore_evaluate(n, MODE)
    const buf = x.mem.buffer // read after the call: the memory may have grown during it
    const v = new DataView(buf, answer, 16)
    const bytes = (i) => new Uint8Array(buf, v.getUint32(i, true), v.getUint32(i + 4, true))
    // The answer's text; with MODE=2, the tape's heap (its ops are not text).
    return MODE === 2 ? dec.decode(bytes(8)) : dec.decode(bytes(0))
  }
}

const runs = [await start(a), await start(b)]
if (runs[0]() !== runs[1]()) console.log('note: the two builds answer differently')
for (const r of runs) for (let i = 0; i < 3000; i++) r() // past the tier-up
const times = [[], []]
for (let round = 0; round < 40; round++) {
  for (let k = 0; k < 2; k++) {
    const t0 = performance.now()
    for (let i = 0; i < 200; i++) runs[k]()
    times[k].push(((performance.now() - t0) / 200) * 1000)
  }
}
const median = (xs) => [...xs].sort((p, q) => p - q)[xs.length >> 1]
console.log(`A ${a}: median ${median(times[0]).toFixed(1)} µs per evaluate`)
console.log(`B ${b}: median ${median(times[1]).toFixed(1)} µs per evaluate`)
console.log(`B / A: ${(median(times[1]) / median(times[0])).toFixed(3)} (40 alternating batches of 200)`)
process.exit(0)
