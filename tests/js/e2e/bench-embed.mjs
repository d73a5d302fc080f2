// Bench of the embeddable widget (not a test):
//   - its JavaScript, as the browser fetches it on a first view (empty cache) of a host page
//     with one widget below the fold: every file requested from the asset origin until the
//     widget's first result but partnerscore.wasm (the loader, then what it imports when the
//     widget comes into view), with its size as dist/site serves it (gzip -9 and brotli -q 11),
//     against the 15 KB gzip budget; and the loader alone (what a page fetches before any
//     widget is visible);
//   - in headless Chromium, a widget below the fold of a host page of another origin (strict
//     CSP, assets from cmd/serve): the time from the widget becoming visible (an
//     IntersectionObserver of the page's) to its first partnerscore:result event, for a first
//     view (empty cache) and for later visits; with, as a baseline measured in the same run,
//     the engine alone loaded by js/engine.js's loadEngine in the same page (fetch, compile,
//     start: what any page pays before a first result).
//
//   node tests/js/e2e/bench-embed.mjs   (from the repository root; builds dist/site if stale)

import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import { SITE, chromiumPath, ensureSite, launch, startServer } from './helpers.mjs'
import { startHost } from './host.mjs'

const VISITS = Number(process.env.VISITS || 5)
const BUDGET_GZIP = 15_000
const PROGRAM = 'microsoft-ai-cloud-partner-program'

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor((s.length - 1) / 2)]
}

/**
 * The sizes of a file of dist/site as served: raw, gzip and brotli (the .gz and .br that
 * ./build.sh build writes beside it, else compressed here at the same levels).
 * @param {string} file path under dist/site
 */
function sizes(file) {
  const body = readFileSync(path.join(SITE, file))
  const packed = (ext, make) => (existsSync(path.join(SITE, file + ext)) ? readFileSync(path.join(SITE, file + ext)) : make(body)).length
  return {
    raw: body.length,
    gz: packed('.gz', (b) => gzipSync(b, { level: 9 })),
    br: packed('.br', (b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })),
  }
}

/** @param {string[]} files */
const total = (files) => files.map(sizes).reduce((a, b) => ({ raw: a.raw + b.raw, gz: a.gz + b.gz, br: a.br + b.br }), { raw: 0, gz: 0, br: 0 })
const kb = (n) => `${(n / 1000).toFixed(1)} KB`

if (!chromiumPath()) {
  console.error('bench: Chromium is not installed (apt-get install chromium)')
  process.exit(1)
}
ensureSite()
console.log('embeddable widget bench')

const assets = await startServer(SITE)
const host = await startHost(assets.url, {
  '/': {
    type: 'text/html; charset=utf-8',
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title><link rel="icon" href="data:,">
<link rel="stylesheet" href="/bench.css">
<script type="module" src="${assets.url}embed/partnerscore-embed.js"></script></head>
<body><h1>Host</h1><div id="spacer"></div>
<partner-score id="w" program="${PROGRAM}" areas="modern-work security" profile='{"asOf":"2026-06-01","facts":{"mw.ent.netCustomerAdds":4}}'></partner-score>
</body></html>`,
  },
  '/bench.css': { type: 'text/css; charset=utf-8', body: '#spacer { height: 3000px; }' },
})
const browser = await launch({ viewport: { width: 1280, height: 700 } })
try {
  await browser.context.addInitScript(() => {
    document.addEventListener('partnerscore:result', () => {
      const w = /** @type {any} */ (window)
      if (w.__first === undefined) w.__first = performance.now()
    })
  })
  const page = await browser.context.newPage()
  /**
   * The asset origin's files the page has requested (resource timing), with their start.
   * @returns {Promise<{file: string, start: number}[]>}
   */
  const fetched = () => page.evaluate((origin) => performance.getEntriesByType('resource')
    .filter((e) => new URL(e.name).origin === origin)
    .map((e) => ({ file: new URL(e.name).pathname.slice(1), start: e.startTime })), new URL(assets.url).origin)

  /**
   * One visit: the widget starts out of view (below a spacer), is scrolled into view.
   * @returns the time from visible to the first result, and the files of the asset origin
   *   requested before the scroll and before the first result
   */
  const visit = async (url) => {
    await page.goto(url)
    await page.waitForFunction(() => customElements.get('partner-score') !== undefined)
    await page.evaluate(() => new Promise((resolve) => {
      const w = /** @type {any} */ (window)
      new IntersectionObserver((entries, o) => {
        if (entries.some((e) => e.isIntersecting)) {
          w.__visible = performance.now()
          o.disconnect()
        }
      }).observe(/** @type {Element} */ (document.getElementById('w')))
      requestAnimationFrame(() => resolve(undefined))
    }))
    await page.waitForLoadState('networkidle')
    if (await page.evaluate(() => /** @type {any} */ (document.getElementById('w')).ready)) throw new Error('the widget loaded before it was visible')
    const hidden = (await fetched()).map((e) => e.file)
    await page.locator('#w').scrollIntoViewIfNeeded()
    await page.waitForFunction(() => /** @type {any} */ (window).__first !== undefined, null, { timeout: 60_000 })
    const first = await page.evaluate(() => /** @type {any} */ (window).__first)
    const before = (await fetched()).filter((e) => e.start <= first).map((e) => e.file)
    return { ms: await page.evaluate(() => /** @type {any} */ (window).__first - /** @type {any} */ (window).__visible), hidden, before }
  }
  const first = await visit(host.url)
  const cold = first.ms
  const warm = []
  for (let i = 0; i < VISITS; i++) warm.push((await visit(`${host.url}?visit=${i}`)).ms)

  // The widget's JavaScript: what the first view fetched from the asset origin before the
  // first result, the wasm aside (and nothing else is expected: see the line printed).
  const WASM = 'partnerscore.wasm'
  const loader = first.hidden
  const all = first.before.filter((f) => f !== WASM)
  const js = all.filter((f) => /\.m?js$/.test(f))
  const l = total(loader)
  const a = total(all)
  const wasm = sizes(WASM)
  console.log(`loader alone (before any widget is visible: ${loader.join(', ')}): raw ${kb(l.raw)}, gzip ${kb(l.gz)}, brotli ${kb(l.br)}`)
  console.log(`widget JavaScript before its first result, wasm excluded (${all.length} files, ${js.length} of them scripts: ${all.join(', ')}): ` +
    `raw ${kb(a.raw)}, gzip ${kb(a.gz)} (${a.gz} bytes), brotli ${kb(a.br)}  (budget ${kb(BUDGET_GZIP)} gzip: ${a.gz <= BUDGET_GZIP ? 'met' : 'NOT met'})`)
  console.log(`  then ${WASM} (fetched ${first.before.filter((f) => f === WASM).length} time(s)): gzip ${kb(wasm.gz)}, brotli ${kb(wasm.br)}`)

  // Baseline, same page and cache: the engine alone, as the simulator loads it.
  const base = []
  for (let i = 0; i < VISITS; i++) {
    await page.goto(`${host.url}?baseline=${i}`)
    base.push(await page.evaluate(async (assetsURL) => {
      const t0 = performance.now()
      const { loadEngine } = await import(`${assetsURL}js/engine.js`)
      const engine = await loadEngine({ base: assetsURL, origin: new URL(assetsURL).origin })
      const out = engine.evaluate({ asOf: '2026-06-01', facts: { 'mw.ent.netCustomerAdds': 4 } })
      if (!out.ok) throw new Error(JSON.stringify(out.errors))
      return performance.now() - t0
    }, assets.url))
  }
  const w = median(warm)
  const b = median(base)
  console.log(`visible → first result (Chromium ${browser.context.browser()?.version() ?? ''}, host and assets on two 127.0.0.1 ports): ` +
    `first view ${cold.toFixed(0)} ms (empty cache); later visits median ${w.toFixed(0)} ms (of ${VISITS}: ${warm.map((x) => x.toFixed(0)).join(', ')})`)
  console.log(`  baseline, same run and cache: the engine alone (loadEngine, then one evaluate) median ${b.toFixed(0)} ms; ` +
    `the widget takes ${(w / b).toFixed(2)}x (${(w - b).toFixed(0)} ms for its own modules, form and results)`)
} finally {
  await browser.stop()
  await host.stop()
  await assets.stop()
}
