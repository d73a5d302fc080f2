// Bench of the embeddable widget (not a test):
//   - the loader's size: partnerscore-embed.js and every module it imports statically (what a
//     page downloads before any widget is visible), gzip -9 and brotli -q 11 as dist/site
//     holds them, against the 15 KB gzip budget; then the modules a widget imports when it
//     comes into view (everything but the wasm);
//   - in headless Chromium, a widget below the fold of a host page of another origin (strict
//     CSP, assets from cmd/serve): the time from the widget becoming visible (an
//     IntersectionObserver of the page's) to its first partnerscore:result event, for a first
//     view (empty cache) and for later visits; with, as a baseline measured in the same run,
//     the engine alone loaded by js/engine.js's loadEngine in the same page (fetch, compile,
//     start: what any page pays before a first result).
//
//   node tests/js/e2e/bench-embed.mjs   (from the repository root; builds dist/site if stale)

import { readFileSync, statSync } from 'node:fs'
import path from 'node:path'
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
 * The modules a module imports, statically or dynamically (relative specifiers only).
 * @param {string} file path under dist/site
 */
function imports(file) {
  const src = readFileSync(path.join(SITE, file), 'utf8')
  const dir = path.posix.dirname(file)
  const out = { static: /** @type {string[]} */ ([]), dynamic: /** @type {string[]} */ ([]) }
  for (const m of src.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s*['"](\.{1,2}\/[^'"]+)['"]/gm)) out.static.push(path.posix.join(dir, m[1]))
  for (const m of src.matchAll(/^\s*import\s*['"](\.{1,2}\/[^'"]+)['"]/gm)) out.static.push(path.posix.join(dir, m[1]))
  for (const m of src.matchAll(/\bimport\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g)) out.dynamic.push(path.posix.join(dir, m[1]))
  return out
}

/**
 * Every module reachable from roots by static imports (and dynamic ones too when asked).
 * @param {string[]} roots
 * @param {boolean} [dynamic]
 */
function closure(roots, dynamic = false) {
  const seen = new Set()
  const todo = [...roots]
  while (todo.length) {
    const f = /** @type {string} */ (todo.pop())
    if (seen.has(f)) continue
    seen.add(f)
    const i = imports(f)
    todo.push(...i.static, ...(dynamic ? i.dynamic : []))
  }
  return [...seen]
}

const size = (f) => statSync(path.join(SITE, f)).size
const sum = (files, ext) => files.reduce((n, f) => n + size(f + ext), 0)
const kb = (n) => `${(n / 1000).toFixed(1)} KB`

if (!chromiumPath()) {
  console.error('bench: Chromium is not installed (apt-get install chromium)')
  process.exit(1)
}
ensureSite()

const ENTRY = 'embed/partnerscore-embed.js'
const loader = closure([ENTRY])
const lazyRoots = loader.flatMap((f) => imports(f).dynamic)
const lazy = closure(lazyRoots, true).filter((f) => !loader.includes(f))
const loaderGz = sum(loader, '.gz')
const loaderBr = sum(loader, '.br')
console.log('embeddable widget bench')
console.log(`loader (${loader.map((f) => path.posix.basename(f)).join(' + ')}): raw ${kb(sum(loader, ''))}, gzip ${kb(loaderGz)}, brotli ${kb(loaderBr)}  ` +
  `(budget ${kb(BUDGET_GZIP)} gzip before the wasm: ${loaderGz <= BUDGET_GZIP ? 'met' : 'NOT met'})`)
console.log(`loaded when a widget comes into view, besides the wasm (${lazy.length} modules: ${lazy.join(', ')}): ` +
  `raw ${kb(sum(lazy, ''))}, gzip ${kb(sum(lazy, '.gz'))}, brotli ${kb(sum(lazy, '.br'))}`)
console.log(`all the widget's JavaScript before its first result: gzip ${kb(loaderGz + sum(lazy, '.gz'))}, brotli ${kb(loaderBr + sum(lazy, '.br'))}; ` +
  `then partnerscore.wasm: gzip ${kb(size('partnerscore.wasm.gz'))}, brotli ${kb(size('partnerscore.wasm.br'))}`)

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
  /** One visit: the widget starts out of view (below a spacer), is scrolled into view. */
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
    if (await page.evaluate(() => /** @type {any} */ (document.getElementById('w')).ready)) throw new Error('the widget loaded before it was visible')
    await page.locator('#w').scrollIntoViewIfNeeded()
    await page.waitForFunction(() => /** @type {any} */ (window).__first !== undefined, null, { timeout: 60_000 })
    return page.evaluate(() => /** @type {any} */ (window).__first - /** @type {any} */ (window).__visible)
  }
  const cold = await visit(host.url)
  const warm = []
  for (let i = 0; i < VISITS; i++) warm.push(await visit(`${host.url}?visit=${i}`))

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
