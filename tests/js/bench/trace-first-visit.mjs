// Where a first visit's time goes (not a test): the simulator from dist/site, served by
// cmd/serve on 127.0.0.1, visited N times, each in a new browser profile (as bench.mjs's first
// visits), with Chromium's tracing on (which slows the page a little: read the parts against
// each other, and the first result against bench.mjs's). From each trace, the renderer's:
//   - first result and engine ready (the app's marks), ms from navigation start;
//   - wasm: when the streaming compiler took the last byte (FinishStreaming), and the
//     instantiation's start;
//   - Go start: instantiation to the engine ready (the runtime's start, score.New, the
//     global's functions); first evaluation: engine ready to first result (the evaluation, the
//     tape, the app's drawing);
//   - the main thread until the first result: the wall time of its tasks, and the CPU time
//     they got (on a shared 2-core machine the thread waits for a core a good part of it);
//   - V8's lazy compiles of wasm functions (Liftoff, on the main thread, on first call): how
//     many, and their wall time;
//   - V8's top-tier (TurboFan) compiles of hot wasm functions, on background threads, until
//     the first result: their CPU time, taken from the same cores.
// Medians over the visits. With DIR (a dist/site folder, as ./build.sh build writes it),
// that build rather than dist/site's: two builds' figures, run one after the other.
//
//   node tests/js/bench/trace-first-visit.mjs [VISITS [DIR]]   (default 5, dist/site)

import { ensureSite, launch, SITE, startServer } from '../e2e/helpers.mjs'

const VISITS = Number(process.argv[2] || 5)
const DIR = process.argv[3]
const CATEGORIES = [
  'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.wasm', 'blink',
  'loading', 'blink.user_timing',
].join(',')

/**
 * One first visit, traced.
 * @param {string} url
 * @returns {Promise<any[]>} the trace events
 */
async function tracedVisit(url) {
  const b = await launch()
  try {
    const page = await b.context.newPage()
    const cdp = await b.context.newCDPSession(page)
    /** @type {any[]} */
    const events = []
    cdp.on('Tracing.dataCollected', (e) => events.push(...e.value))
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve))
    await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' })
    await page.goto(url)
    await page.waitForFunction(() => performance.getEntriesByName('ps:first-result').length > 0, null, { timeout: 30_000 })
    await cdp.send('Tracing.end')
    await complete
    return events
  } finally {
    await b.stop()
  }
}

/**
 * The figures of one trace (ms).
 * @param {any[]} events
 * @param {string} url
 */
function analyse(events, url) {
  const nav = events.find((e) => e.name === 'navigationStart' && e.args?.data?.documentLoaderURL?.startsWith(url))
  if (!nav) throw new Error('no navigationStart of the page in the trace')
  const { pid, ts: t0 } = nav
  const at = (ts) => (ts - t0) / 1000
  const mark = (name) => events.find((e) => e.pid === pid && e.name === name)
  const first = mark('ps:first-result')
  const ready = mark('ps:engine-ready')
  if (!first || !ready) throw new Error('no ps:first-result or ps:engine-ready mark in the trace')
  const end = first.ts
  const main = events.find((e) => e.pid === pid && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')?.tid
  const inWindow = (e) => e.pid === pid && e.ph === 'X' && e.ts >= t0 && e.ts < end
  const onMain = events.filter((e) => inWindow(e) && e.tid === main)
  const tasks = onMain.filter((e) => e.name === 'RunTask')
  const lazy = onMain.filter((e) => e.name === 'wasm.CompileLazy')
  const topTier = events.filter((e) => inWindow(e) && e.tid !== main && e.name === 'wasm.TopTierCompilation')
  const streamed = mark('wasm.FinishStreaming')
  const instantiate = mark('wasm.AsyncInstantiate') ?? mark('wasm.SyncInstantiate')
  const sum = (xs, k) => xs.reduce((s, e) => s + (e[k] ?? 0), 0) / 1000
  return {
    'first result': at(first.ts),
    'engine ready': at(ready.ts),
    'wasm streamed': streamed ? at(streamed.ts + (streamed.dur ?? 0)) : Number.NaN,
    'instantiation': instantiate ? at(instantiate.ts) : Number.NaN,
    'Go start (instantiation to engine ready)': instantiate ? (ready.ts - instantiate.ts) / 1000 : Number.NaN,
    'first evaluation and drawing (engine ready to first result)': (first.ts - ready.ts) / 1000,
    'main thread tasks, wall': sum(tasks, 'dur'),
    'main thread tasks, CPU': sum(tasks, 'tdur'),
    'lazy wasm compiles (Liftoff, main thread), count': lazy.length,
    'lazy wasm compiles, wall': sum(lazy, 'dur'),
    'top-tier wasm compiles (TurboFan, background), CPU': sum(topTier, 'tdur'),
  }
}

if (!DIR) ensureSite()
const server = await startServer(DIR ?? SITE)
try {
  /** @type {Record<string, number>[]} */
  const runs = []
  for (let i = 0; i < VISITS; i++) runs.push(analyse(await tracedVisit(server.url), server.url))
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]
  console.log(`first visits of the simulator${DIR ? ` in ${DIR}` : ''}, traced (${VISITS}, medians; ms unless a count):`)
  const width = Math.max(...Object.keys(runs[0]).map((k) => k.length))
  for (const k of Object.keys(runs[0])) {
    const xs = runs.map((r) => r[k])
    console.log(`  ${k.padEnd(width)}  ${median(xs).toFixed(0).padStart(5)}   (${xs.map((x) => x.toFixed(0)).join(', ')})`)
  }
} finally {
  await server.stop()
}
