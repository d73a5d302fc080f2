// End-to-end tests of the embeddable widget (site/embed, built into dist/site), in Debian's
// headless Chromium driven by playwright-core.
//
// The widget's assets are served by cmd/serve on one free port of 127.0.0.1; a host page comes
// from another free port (a small Node server here), so every asset is cross-origin, with a
// strict Content-Security-Policy header (no inline script or style; style-src does not even
// list the asset origin) and hostile CSS. The page embeds two widgets below the fold; the
// tests check the lazy load, that both render untouched by the host's CSS, that results and
// events match the CLI, that the wasm is fetched once, that nothing but the host page and the
// asset origin is requested, that no global, storage or cookie is left, that there is no
// console error or CSP violation, and that axe-core finds nothing. Screenshots go to
// dist/screenshots/.

import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { after, before, describe, test } from 'node:test'
import {
  ROOT, SAMPLE_PROFILE, SITE, chromiumPath, cli, ensureSite, launch, screenshotPath, startServer,
} from './helpers.mjs'
import { startHost } from './host.mjs'

const PROGRAM = 'microsoft-ai-cloud-partner-program'
const AXE = readFileSync(path.join(ROOT, 'tests/js/node_modules/axe-core/axe.min.js'), 'utf8')

/** The first widget's prefilled values: the shared sample, people and exam codes included. */
const { programs: _p, lang: _l, ...PROFILE_ONE } = SAMPLE_PROFILE
/** The second widget's: Azure and Security figures. */
const PROFILE_TWO = {
  asOf: '2026-06-01',
  facts: { 'azure.smbCustomerShare': 20, 'azure.usageGrowth': 30, 'azure.acrTtm': 250000, 'azure.deployments': 4 },
  certifications: { 'AZ-104': 3, 'AZ-305': 2, 'SC-200': 2 },
}

/** Hostile host CSS: resets, !important on everything, the widget's own class names. */
const HOSTILE_CSS = `
html { font-size: 4px !important; }
body { font: italic 40px/0.6 "Comic Sans MS", cursive !important; color: #f0f !important; letter-spacing: 0.5em !important;
  text-transform: uppercase !important; direction: rtl !important; background: #ff0 !important; }
body * { all: unset !important; }
partner-score { display: inline !important; font-size: 3px !important; color: red !important; visibility: visible !important; }
.root, .card, .badge, .field, .cols, .areas, .area, .loading, .title, .status, .errors, .metrics, .foot,
input, label, h2, h3, p, progress, details, fieldset, form, svg, ps-scorecard, ps-metric-bar { display: none !important; }
rect, .bar-fill { fill: red !important; }
input { visibility: hidden !important; }
body #spacer { display: block !important; height: 2400px !important; }
body #pair { display: flex !important; gap: 16px !important; align-items: flex-start !important; }
body #pair > partner-score { flex: 1 1 0 !important; min-width: 0 !important; }
body #control, body #reference { display: block !important; }
`

/** @param {string} s */
const attr = (s) => s.replace(/&/g, '&amp;').replace(/'/g, '&#39;')

function hostPage(assets) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>A hostile host page</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/hostile.css">
<script type="module" src="${assets}embed/partnerscore-embed.js"></script>
</head>
<body>
<h1>Host page</h1>
<p id="reference">reference</p>
<p id="control" class="badge badge-yes score-num card-title foot hint error root">control</p>
<div id="spacer"></div>
<div id="pair">
<partner-score id="one" program="${PROGRAM}" areas="modern-work" layout="full" lang="en" profile='${attr(JSON.stringify(PROFILE_ONE))}'></partner-score>
<partner-score id="two" program="${PROGRAM}" areas="infrastructure security" layout="compact" lang="fr" profile='${attr(JSON.stringify(PROFILE_TWO))}'></partner-score>
</div>
</body>
</html>`
}

const browserPath = chromiumPath()

describe('embeddable widget', { skip: !browserPath && !process.env.PS_REQUIRE_CHROMIUM && 'Chromium is not installed (apt-get install chromium)', timeout: 300_000 }, () => {
  let assets
  let host
  let engineCLI
  /** @type {Awaited<ReturnType<typeof launch>>} */
  let browser
  /** @type {import('playwright-core').Page} */
  let page
  /** @type {string[]} */
  const requests = []
  /** @type {string[]} */
  const problems = []

  before(async () => {
    ensureSite()
    assets = await startServer(SITE)
    host = await startHost(assets.url, {
      '/': { type: 'text/html; charset=utf-8', body: () => hostPage(assets.url) },
      '/hostile.css': { type: 'text/css; charset=utf-8', body: HOSTILE_CSS },
    })
    engineCLI = await cli()
    browser = await launch()
    browser.context.on('request', (r) => requests.push(r.url()))
    browser.context.on('page', (p) => {
      p.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`))
      p.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`)
      })
    })
    // The page's own globals before any script runs, and what the widgets tell the page.
    await browser.context.addInitScript(() => {
      const w = /** @type {any} */ (window)
      w.__baseline = Object.getOwnPropertyNames(window)
      w.__events = []
      w.__csp = []
      for (const type of ['partnerscore:result', 'partnerscore:error']) {
        document.addEventListener(type, (e) => {
          w.__events.push({ id: /** @type {any} */ (e.target).id, type, detail: JSON.parse(JSON.stringify(/** @type {CustomEvent} */ (e).detail)) })
        })
      }
      document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`), true)
    })
    page = await browser.context.newPage()
  })

  after(async () => {
    await browser?.stop()
    await host?.stop()
    await assets?.stop()
    engineCLI?.stop()
  })

  const events = (id, type = 'partnerscore:result') =>
    page.evaluate(([i, t]) => /** @type {any} */ (window).__events.filter((e) => e.id === i && e.type === t), [id, type])
  const lastResult = async (id) => (await events(id)).at(-1)?.detail
  const widgetProfile = (id) => page.evaluate((i) => /** @type {any} */ (document.getElementById(i)).profile, id)
  const widgetResult = (id) => page.evaluate((i) => /** @type {any} */ (document.getElementById(i)).result, id)
  const wasmFetches = () => requests.filter((u) => new URL(u).pathname.endsWith('/partnerscore.wasm')).length
  /** The paths of the asset origin's scripts requested so far, in order, repeats included. */
  const assetScripts = () => requests.filter((u) => u.startsWith(assets.url) && /\.m?js$/.test(new URL(u).pathname)).map((u) => new URL(u).pathname)

  /**
   * Appends <partner-score> widgets to the host page's #pair.
   * @param {[string, Record<string, string>][]} widgets each one's id and attributes
   */
  function addWidgets(widgets) {
    return page.evaluate((list) => {
      for (const [id, attrs] of list) {
        const x = document.createElement('partner-score')
        x.id = id
        for (const [k, v] of Object.entries(attrs)) x.setAttribute(k, v)
        document.getElementById('pair')?.append(x)
      }
    }, widgets)
  }

  /** Waits until widget id has sent more than n result events. */
  async function nextResult(id, n) {
    await page.waitForFunction(([i, k]) => /** @type {any} */ (window).__events.filter((e) => e.id === i && e.type === 'partnerscore:result').length > k, [id, n])
    return lastResult(id)
  }

  async function axe(include, label) {
    if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE)
    const violations = await page.evaluate(async (inc) => {
      const r = await /** @type {any} */ (window).axe.run(inc ? { include: inc.map((s) => [s]) } : document, { resultTypes: ['violations'] })
      return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => JSON.stringify(n.target)) }))
    }, include)
    assert.deepEqual(violations, [], `axe violations (${label}):\n${JSON.stringify(violations, null, 2)}`)
  }

  test('waits out of view: no engine request, a loading state', async () => {
    await page.goto(host.url)
    await page.waitForFunction(() => customElements.get('partner-score') !== undefined)
    await page.waitForLoadState('networkidle')
    assert.equal(wasmFetches(), 0, 'the wasm is fetched before any widget is visible')
    assert.deepEqual(assetScripts(), ['/embed/partnerscore-embed.js'], 'only the loader is fetched before any widget is visible')
    for (const id of ['one', 'two']) {
      assert.equal(await page.evaluate((i) => /** @type {any} */ (document.getElementById(i)).ready, id), false)
      const status = page.locator(`#${id} .loading [role="status"]`)
      assert.match(await status.textContent(), id === 'one' ? /loads when it comes into view/ : /se charge lorsqu'il devient visible/)
    }
  })

  test('loads on visibility, one engine for both widgets', async () => {
    await page.locator('#pair').scrollIntoViewIfNeeded()
    await page.waitForFunction(() => ['one', 'two'].every((id) => /** @type {any} */ (document.getElementById(id)).result))
    assert.equal(wasmFetches(), 1, 'partnerscore.wasm fetched once for two widgets')
    // The bundle: the loader, then one module with the view, the engine loader and the Go
    // runtime, and the texts of each language shown (one English widget, one French), each
    // fetched once for both widgets.
    assert.deepEqual(assetScripts().sort(), ['/embed/partnerscore-embed.js', '/embed/texts-en.js', '/embed/texts-fr.js', '/embed/widget.js'])
    await page.locator('#pair').screenshot({ path: screenshotPath('embed-01-hostile-host.png') })
  })

  test('both render, untouched by the host page’s CSS', async () => {
    const one = page.locator('#one')
    const two = page.locator('#two')
    assert.equal(await one.locator('ps-scorecard').count(), 1)
    assert.equal(await one.locator('ps-scorecard .card').count(), 1)
    assert.equal(await two.locator('.area').count(), 2)
    for (const loc of [one.locator('ps-scorecard .card'), one.locator('input').first(), two.locator('.area').first(), two.locator('.area ps-metric-bar svg').first()]) {
      assert.ok(await loc.isVisible(), `${loc} is visible`)
      const box = await loc.boundingBox()
      assert.ok(box && box.width > 20 && box.height > 5, `${loc} has a size: ${JSON.stringify(box)}`)
    }
    const styles = await page.evaluate(() => {
      const w = /** @type {any} */ (document.getElementById('one'))
      const root = getComputedStyle(w.shadowRoot.querySelector('.root'))
      const input = getComputedStyle(w.shadowRoot.querySelector('input'))
      const fill = getComputedStyle(w.shadowRoot.querySelector('ps-scorecard .bar-fill'))
      return {
        host: getComputedStyle(w).display,
        font: root.fontSize, color: root.color, transform: root.textTransform, spacing: root.letterSpacing,
        direction: root.direction, style: root.fontStyle, input: [input.display, input.visibility], fill: fill.fill,
      }
    })
    assert.deepEqual(styles, {
      host: 'block', font: '16px', color: 'rgb(27, 31, 36)', transform: 'none', spacing: 'normal',
      direction: 'ltr', style: 'normal', input: ['block', 'visible'], fill: 'rgb(30, 122, 58)',
    })
  })

  test('its CSS does not leak into the host page', async () => {
    const leak = await page.evaluate(() => {
      const pick = (id) => {
        const s = getComputedStyle(/** @type {Element} */ (document.getElementById(id)))
        return [s.fontSize, s.fontWeight, s.backgroundColor, s.borderTopStyle, s.color, s.display, s.padding]
      }
      return { control: pick('control'), reference: pick('reference'), sheets: document.styleSheets.length, adopted: document.adoptedStyleSheets.length }
    })
    assert.deepEqual(leak.control, leak.reference)
    assert.deepEqual([leak.sheets, leak.adopted], [1, 0])
  })

  test('results and events match the CLI', async () => {
    const one = await widgetProfile('one')
    assert.equal(one.lang, 'en')
    assert.deepEqual(one.programs, [PROGRAM])
    assert.deepEqual(one.people, SAMPLE_PROFILE.people)
    assert.equal(one.certifications['azure-administrator-associate'], 1, 'exam codes are read as certification ids')
    const wantOne = engineCLI.evaluate(one)
    assert.deepEqual(await widgetResult('one'), wantOne)
    assert.deepEqual(await lastResult('one'), wantOne)
    // The prefilled values as given (exam codes) score the same.
    assert.deepEqual(wantOne, engineCLI.evaluate({ ...SAMPLE_PROFILE, lang: 'en' }))

    const two = await widgetProfile('two')
    assert.equal(two.lang, 'fr')
    const wantTwo = engineCLI.evaluate(two)
    assert.deepEqual(await widgetResult('two'), wantTwo)
    assert.deepEqual(await lastResult('two'), wantTwo)
    assert.deepEqual(wantTwo, engineCLI.evaluate({ ...PROFILE_TWO, lang: 'fr', programs: [PROGRAM] }))

    // What each widget shows is the engine's.
    const mw = wantOne.programs[0].areas.find((a) => a.id === 'modern-work')
    const card = page.locator('#one ps-scorecard')
    assert.equal(await card.getAttribute('data-score'), String(mw.score))
    assert.equal(await card.getAttribute('data-qualified'), String(mw.qualified))
    assert.deepEqual(await card.locator('.metric-explanation').allTextContents(), mw.metrics.map((m) => m.explanation))
    const areasTwo = wantTwo.programs[0].areas
    for (const id of ['infrastructure', 'security']) {
      const a = areasTwo.find((x) => x.id === id)
      const row = page.locator(`#two .area[data-area="${id}"]`)
      assert.equal(await row.getAttribute('data-score'), String(a.score))
      assert.equal(await row.locator('h3').textContent(), a.name)
    }
    assert.deepEqual(await page.locator('#two .area h3').allTextContents(), ['Infrastructure (Azure)', 'Sécurité'].map((n, i) => areasTwo.find((a) => a.id === ['infrastructure', 'security'][i]).name))
    assert.equal(n(await events('one', 'partnerscore:error')), 0)
  })

  test('every edit sends a result; bad values send errors', async () => {
    const field = page.locator('#one input[data-pointer="/facts/mw.ent.netCustomerAdds"]')
    let count = (await events('one')).length
    await field.fill('5')
    let got = await nextResult('one', count)
    let profile = await widgetProfile('one')
    assert.equal(profile.facts['mw.ent.netCustomerAdds'], 5)
    assert.deepEqual(got, engineCLI.evaluate(profile))

    // Not a number: the field says so, the rest is still scored without it.
    count = (await events('one')).length
    const errorsBefore = (await events('one', 'partnerscore:error')).length
    await field.fill('douze')
    got = await nextResult('one', count)
    assert.equal(await field.getAttribute('aria-invalid'), 'true')
    profile = await widgetProfile('one')
    assert.equal('mw.ent.netCustomerAdds' in profile.facts, false)
    assert.deepEqual(got, engineCLI.evaluate(profile))
    const err = (await events('one', 'partnerscore:error')).at(-1)
    assert.ok((await events('one', 'partnerscore:error')).length > errorsBefore)
    assert.equal(err.detail.stage, 'input')
    assert.deepEqual(err.detail.errors.map((e) => e.path), ['/facts/mw.ent.netCustomerAdds'])
    const describedBy = (await field.getAttribute('aria-describedby')).split(' ')
    assert.match(await page.locator(`#one [id="${describedBy[1]}"]`).textContent(), /Not a number/)

    // Markup typed stays text: nothing is parsed, nothing is fetched.
    await field.fill('<img src=x onerror=alert(1)><b>bold</b>')
    await page.waitForFunction(() => /** @type {any} */ (document.getElementById('one')).profile.facts['mw.ent.netCustomerAdds'] === undefined)
    assert.equal(await page.evaluate(() => /** @type {any} */ (document.getElementById('one')).shadowRoot.querySelectorAll('img, b').length), 0)
    assert.equal(await field.inputValue(), '<img src=x onerror=alert(1)><b>bold</b>')

    // Out of bounds: the engine's error, on the field, in the event.
    count = (await events('one', 'partnerscore:error')).length
    await field.fill('1000000000')
    await page.waitForFunction((k) => /** @type {any} */ (window).__events.filter((e) => e.id === 'one' && e.type === 'partnerscore:error').length > k, count)
    const range = (await events('one', 'partnerscore:error')).at(-1).detail.errors
    assert.deepEqual(range.map((e) => [e.path, e.code]), [['/facts/mw.ent.netCustomerAdds', 'range']])
    // The engine's number is written as the widget writes its bounds.
    assert.match(await page.locator(`#one [id="${describedBy[1]}"]`).textContent(), /Must be between -100,000 and 100,000 \(got 1,000,000,000\)/)
    await page.screenshot({ path: screenshotPath('embed-02-errors.png') })

    count = (await events('one')).length
    await field.fill('4')
    got = await nextResult('one', count)
    assert.equal(await field.getAttribute('aria-invalid'), null)
    assert.deepEqual(got, engineCLI.evaluate({ ...SAMPLE_PROFILE, lang: 'en' }))
  })

  test('the profile property sets and gets the values', async () => {
    const count = (await events('two')).length
    const set = { asOf: '2026-06-01', facts: { 'azure.smbCustomerShare': 95, 'azure.smb.netCustomerAdds': 6, 'azure.usageGrowth': 40, 'azure.acrTtm': 9000, 'azure.deployments': 5 }, certifications: { 'AZ-104': 2, 'AZ-700': 2 } }
    await page.evaluate((p) => { /** @type {any} */ (document.getElementById('two')).profile = p }, set)
    const got = await nextResult('two', count)
    const profile = await widgetProfile('two')
    assert.deepEqual(profile.facts, set.facts)
    assert.deepEqual(profile.certifications, { 'azure-administrator-associate': 2, 'azure-network-engineer-associate': 2 })
    assert.deepEqual(got, engineCLI.evaluate({ ...set, lang: 'fr', programs: [PROGRAM] }))
    assert.equal(await page.locator('#two input[data-pointer="/facts/azure.usageGrowth"]').inputValue(), '40')
    // A bad profile is refused, the values stay.
    const refused = await page.evaluate(() => {
      try {
        /** @type {any} */ (document.getElementById('two')).profile = 'nope'
        return ''
      } catch (e) {
        return String(e)
      }
    })
    assert.match(refused, /TypeError/)
    assert.deepEqual((await widgetProfile('two')).facts, set.facts)
    await page.locator('#two details.figures').first().locator('summary').click()
    await page.screenshot({ path: screenshotPath('embed-03-compact-open.png') })
  })

  test('a score just under the qualifying score never reads as reaching it', async () => {
    // Modern Work at 69.96: 58.5 points, and 382 users of usage growth at 30 points per 1,000.
    const before = await widgetProfile('one')
    let count = (await events('one')).length
    await page.evaluate((p) => { /** @type {any} */ (document.getElementById('one')).profile = p }, {
      asOf: '2026-02-01',
      certifications: { 'MS-700': 2, 'Identity and Access Administrator': 1, 'enterprise-administrator-expert': 2 },
      facts: { 'mw.ent.netCustomerAdds': 4, 'mw.ent.usageGrowth.cpor': 382, 'mw.ent.deployments.cpor': 4, 'mw.ent.deployments.dpor': 2 },
    })
    const area = (await nextResult('one', count)).programs[0].areas.find((a) => a.id === 'modern-work')
    assert.deepEqual([area.score, area.qualified], [69.96, false])
    assert.equal(await page.locator('#one .score-num').first().textContent(), '69.96')
    assert.match(await page.locator('#one .card-status').first().textContent() ?? '', /0\.04/)
    count = (await events('one')).length
    await page.evaluate((p) => { /** @type {any} */ (document.getElementById('one')).profile = p }, before)
    await nextResult('one', count)
  })

  test('a count of one reads in the singular: one area, one unit to add', async () => {
    const status = page.locator('#one .status')
    assert.equal(await status.textContent(), 'Qualified: Modern Work.')
    // Modern Work at 68 with one customer added: 2 points short, and the plan (asked for by the
    // profile) adds one deployment.
    const before = await widgetProfile('one')
    let count = (await events('one')).length
    await page.evaluate((p) => { /** @type {any} */ (document.getElementById('one')).profile = p }, {
      ...before, plan: {}, facts: { ...before.facts, 'mw.ent.netCustomerAdds': 1 },
    })
    const area = (await nextResult('one', count)).programs[0].areas.find((a) => a.id === 'modern-work')
    assert.deepEqual([area.score, area.qualified, area.plan.steps.map((s) => s.add)], [68, false, [1]])
    assert.equal(await status.textContent(), 'Not qualified in this area yet.')
    assert.equal(await page.locator('#one .card-status').first().textContent(), '2 points short.')
    assert.deepEqual(await page.locator('#one .plan-steps li').allTextContents(), ['Add 1 deployment: Modern Work Enterprise: net new deployments via CPOR (cost 1).'])
    count = (await events('one')).length
    await page.evaluate((p) => { /** @type {any} */ (document.getElementById('one')).profile = p }, before)
    await nextResult('one', count)
    assert.equal(await status.textContent(), 'Qualified: Modern Work.')
  })

  test('a widget added later shares the engine; a bad program is an error event', async () => {
    await addWidgets([['three', { program: 'no-such-program' }],
      ['four', { program: PROGRAM, areas: 'security', layout: 'compact', profile: JSON.stringify({ asOf: '2026-06-01' }) }]])
    await page.waitForFunction(() => /** @type {any} */ (window).__events.some((e) => e.id === 'three' && e.type === 'partnerscore:error'))
    const err = (await events('three', 'partnerscore:error'))[0].detail
    assert.equal(err.stage, 'config')
    assert.match(err.errors[0].message, /unknown program “no-such-program” \(known: microsoft-ai-cloud-partner-program/)
    assert.match(await page.locator('#three .errors').textContent(), /unknown program/)
    const bases = await page.evaluate((assetsURL) => {
      const w = /** @type {any} */ (document.createElement('partner-score'))
      const out = [w.base]
      for (const b of [assetsURL.slice(0, -1), `${assetsURL}?v=1#x`, '/sub/dir']) {
        w.setAttribute('base', b)
        out.push(w.base)
      }
      return out
    }, assets.url)
    assert.deepEqual(bases, [assets.url, assets.url, assets.url, `${host.url}sub/dir/`])
    const four = await nextResult('four', 0)
    assert.deepEqual(four, engineCLI.evaluate({ asOf: '2026-06-01', lang: 'en', programs: [PROGRAM] }))
    assert.equal(wasmFetches(), 1, 'still one wasm fetch for four widgets')
  })

  test('a change of language redraws in that language; no text is missing', async () => {
    const count = (await events('four')).length
    await page.evaluate(() => document.getElementById('four')?.setAttribute('lang', 'fr'))
    const four = await nextResult('four', count)
    assert.deepEqual(four, engineCLI.evaluate({ asOf: '2026-06-01', lang: 'fr', programs: [PROGRAM] }))
    await page.waitForFunction(() => /** @type {any} */ (document.getElementById('four')).shadowRoot.querySelector('.root')?.lang === 'fr')
    assert.match(await page.locator('#four .foot').textContent(), /^PartnerScore : tout se calcule/)
    assert.match(await page.locator('#four .area .badge').first().textContent(), /^(Qualifié|Non qualifié)$/)
    // A key missing from a language's table would show as itself (card.qualified…).
    const texts = await page.evaluate(() => [...document.querySelectorAll('partner-score')].map((w) => w.shadowRoot?.textContent || ''))
    for (const t of texts) assert.doesNotMatch(t, /\b(card|cat|unit|err|res|widget)\.[a-zA-Z]/)
  })

  test('another date draws the form of the rules then in force; a profile attribute that is not JSON is one error, shown', async () => {
    const form = (id) => page.evaluate((i) => {
      const r = /** @type {any} */ (document.getElementById(i)).shadowRoot
      return { sub: r.querySelector('.sub')?.textContent, fields: [...r.querySelectorAll('input[data-pointer]')].map((x) => x.dataset.pointer) }
    }, id)
    const at = (asOf) => JSON.stringify({ asOf, facts: { 'mw.ent.netCustomerAdds': 4 } })
    await addWidgets([['five', { program: PROGRAM, areas: 'modern-work', profile: at('2026-06-01') }],
      ['six', { program: PROGRAM, areas: 'modern-work', profile: at('2024-06-01') }],
      ['seven', { program: PROGRAM, areas: 'modern-work', profile: '[1,2]' }]])
    await nextResult('five', 0)
    const six = await nextResult('six', 0)
    assert.equal(six.programs[0].version, 'fy24-dec')
    const fy26 = await form('five')
    const fy24 = await form('six')
    assert.notDeepEqual(fy26, fy24, 'the two dates have forms of their own')
    // The attribute changed to the other date: the header, the fields and the result are fy24-dec's.
    let n = (await events('five')).length
    await page.evaluate((p) => document.getElementById('five')?.setAttribute('profile', p), at('2024-06-01'))
    assert.deepEqual(await nextResult('five', n), six)
    assert.deepEqual(await form('five'), fy24)
    // And back through the property.
    n = (await events('five')).length
    await page.evaluate((p) => { /** @type {any} */ (document.getElementById('five')).profile = p }, JSON.parse(at('2026-06-01')))
    await nextResult('five', n)
    assert.deepEqual(await form('five'), fy26)

    // Not JSON: one config error event, the message in the widget's list, the values kept.
    const configErrors = (id) => events(id, 'partnerscore:error').then((es) => es.filter((e) => e.detail.stage === 'config'))
    await page.evaluate(() => document.getElementById('five')?.setAttribute('profile', '{"facts":'))
    await page.waitForFunction(() => /** @type {any} */ (window).__events.some((e) => e.id === 'five' && e.type === 'partnerscore:error'))
    const list = page.locator('#five .errors')
    await list.waitFor({ state: 'visible' })
    assert.match(await list.textContent() ?? '', /profile attribute: /)
    assert.equal((await configErrors('five')).length, 1)
    assert.deepEqual((await widgetProfile('five')).facts, { 'mw.ent.netCustomerAdds': 4 })
    n = (await events('five')).length
    await page.evaluate((p) => document.getElementById('five')?.setAttribute('profile', p), at('2026-06-01'))
    await nextResult('five', n)
    assert.ok(!(await list.isVisible()), 'a good profile clears the error')
    // Not an object from the start: one error, shown once the widget is drawn; it still scores.
    await nextResult('seven', 0)
    assert.equal((await configErrors('seven')).length, 1)
    assert.match(await page.locator('#seven .errors').textContent() ?? '', /profile attribute: .*JSON object/)

    // --ps-display sets the element's display (none hides it), which other rules do not change.
    const display = () => page.evaluate(() => getComputedStyle(/** @type {Element} */ (document.getElementById('five'))).display)
    assert.equal(await display(), 'block')
    await page.evaluate(() => document.getElementById('five')?.style.setProperty('--ps-display', 'none'))
    assert.equal(await display(), 'none')
    await page.evaluate(() => document.getElementById('five')?.style.removeProperty('--ps-display'))
    assert.equal(await display(), 'block')
    await page.evaluate(() => ['five', 'six', 'seven'].forEach((id) => document.getElementById(id)?.remove()))
  })

  test('no global, storage, cookie, foreign request, console error or CSP violation', async () => {
    const state = await page.evaluate(async () => {
      const w = /** @type {any} */ (window)
      const base = new Set([...w.__baseline, '__baseline', '__events', '__csp'])
      return {
        globals: Object.getOwnPropertyNames(window).filter((n) => !base.has(n)),
        names: ['Go', 'partnerscore', 'fs', 'process', 'path'].filter((n) => n in window),
        inner: ['ps-scorecard', 'ps-metric-bar', 'ps-fact-field'].filter((n) => customElements.get(n)),
        defined: typeof customElements.get('partner-score'),
        cookie: document.cookie,
        storage: [localStorage.length, sessionStorage.length],
        idb: (await indexedDB.databases()).length,
        caches: (await caches.keys()).length,
        csp: w.__csp,
      }
    })
    assert.deepEqual(state, {
      globals: [], names: [], inner: [], defined: 'function', cookie: '', storage: [0, 0], idb: 0, caches: 0, csp: [],
    })
    assert.deepEqual(await browser.context.cookies(), [])
    const hostOrigin = new URL(host.url).origin
    const assetOrigin = new URL(assets.url).origin
    const foreign = requests.filter((u) => !u.startsWith('data:') && ![hostOrigin, assetOrigin].includes(new URL(u).origin))
    assert.deepEqual(foreign, [])
    const fromHost = [...new Set(requests.filter((u) => u.startsWith(hostOrigin)).map((u) => new URL(u).pathname))]
    assert.deepEqual(fromHost.sort(), ['/', '/hostile.css'], 'the widget asks the host page’s origin for nothing')
    assert.deepEqual(problems, [])
  })

  test('axe-core finds no violation in the widgets', async () => {
    await axe(['#one', '#two', '#four'], 'hostile host page')
  })

  test('two full widgets of one program, other areas: their landmarks have names of their own', async () => {
    await addWidgets([['five', { program: PROGRAM, areas: 'security', layout: 'full', profile: JSON.stringify({ asOf: '2026-06-01' }) }]])
    await page.waitForFunction(() => /** @type {any} */ (document.getElementById('five'))?.result)
    const names = await page.evaluate(() => ['one', 'five'].map((id) => [...(document.getElementById(id)?.shadowRoot?.querySelectorAll('form, section') ?? [])].map((e) => e.getAttribute('aria-label'))))
    assert.equal(new Set(names.flat()).size, 4, JSON.stringify(names))
    assert.deepEqual(names[1], ['Your figures: Microsoft AI Cloud Partner Program: Solutions Partner designations, Security', 'Results: Microsoft AI Cloud Partner Program: Solutions Partner designations, Security'])
    await axe(['#one', '#five'], 'two full widgets')
    // In French, with the French colon (a space before it).
    const n = (await events('five')).length
    await page.evaluate(() => document.getElementById('five')?.setAttribute('lang', 'fr'))
    await nextResult('five', n)
    const fr = await page.evaluate(() => [...(document.getElementById('five')?.shadowRoot?.querySelectorAll('form, section') ?? [])].map((e) => e.getAttribute('aria-label')))
    assert.deepEqual(fr, ['Vos chiffres : Microsoft AI Cloud Partner Program : désignations Solutions Partner, Sécurité', 'Résultats : Microsoft AI Cloud Partner Program : désignations Solutions Partner, Sécurité'])
    await page.evaluate(() => document.getElementById('five')?.remove())
  })

  test('two alike full widgets (same program, same areas): the second numbers its landmarks', async () => {
    await page.evaluate(() => {
      const x = /** @type {HTMLElement} */ (document.getElementById('one')?.cloneNode(false))
      x.id = 'six'
      document.getElementById('pair')?.append(x)
    })
    await page.waitForFunction(() => /** @type {any} */ (document.getElementById('six'))?.result)
    const names = await page.evaluate(() => ['one', 'six'].map((id) => [...(document.getElementById(id)?.shadowRoot?.querySelectorAll('form, section') ?? [])].map((e) => e.getAttribute('aria-label'))))
    assert.equal(new Set(names.flat()).size, 4, JSON.stringify(names))
    assert.deepEqual(names[1], names[0].map((n) => `${n} (2)`))
    await axe(['#one', '#six'], 'two alike full widgets')
    await page.evaluate(() => document.getElementById('six')?.remove())
  })

  test('without scoped custom element registries, it draws the same and still defines nothing but partner-score', async () => {
    const old = await browser.context.newPage()
    await old.addInitScript(() => {
      // A browser from before scoped registries: the constructor throws.
      /** @type {any} */ (window).CustomElementRegistry = function CustomElementRegistry() {
        throw new TypeError('Illegal constructor')
      }
    })
    await old.goto(host.url)
    await old.locator('#pair').scrollIntoViewIfNeeded()
    await old.waitForFunction(() => ['one', 'two'].every((id) => /** @type {any} */ (document.getElementById(id)).result))
    const got = await old.evaluate(() => ({
      inner: ['ps-scorecard', 'ps-metric-bar'].map((n) => typeof customElements.get(n)),
      bars: /** @type {any} */ (document.getElementById('one')).shadowRoot.querySelectorAll('ps-scorecard ps-metric-bar svg').length,
      compact: /** @type {any} */ (document.getElementById('two')).shadowRoot.querySelectorAll('.area ps-metric-bar svg').length,
      profile: /** @type {any} */ (document.getElementById('one')).profile,
      result: /** @type {any} */ (document.getElementById('one')).result,
    }))
    // The inner tags are never defined: the scorecards and bars are drawn as they are.
    assert.deepEqual(got.inner, ['undefined', 'undefined'])
    assert.ok(got.bars > 1, `metric bars drawn: ${got.bars}`)
    assert.equal(got.compact, 2)
    assert.deepEqual(got.result, engineCLI.evaluate(got.profile))
    await old.close()
    assert.deepEqual(problems, [])
  })

  test('the demo page: two widgets side by side, the snippet', async () => {
    const demo = await browser.context.newPage()
    await demo.goto(`${assets.url}embed.html`)
    assert.match(await demo.locator('pre code').textContent(), /<script type="module" src=".*partnerscore-embed\.js"><\/script>\s*<partner-score program="microsoft-ai-cloud-partner-program" lang="fr"><\/partner-score>/)
    await demo.waitForFunction(() => [...document.querySelectorAll('partner-score')].every((w) => /** @type {any} */ (w).result))
    await demo.waitForFunction(() => document.querySelectorAll('#log li').length >= 2)
    const boxes = await Promise.all(['#w-modern-work', '#w-azure'].map((s) => demo.locator(s).boundingBox()))
    assert.ok(boxes[0] && boxes[1] && Math.abs(boxes[0].y - boxes[1].y) < 2 && boxes[1].x > boxes[0].x + boxes[0].width, `side by side: ${JSON.stringify(boxes)}`)
    for (const id of ['w-modern-work', 'w-azure']) {
      const p = await demo.evaluate((i) => /** @type {any} */ (document.getElementById(i)).profile, id)
      assert.deepEqual(await demo.evaluate((i) => /** @type {any} */ (document.getElementById(i)).result, id), engineCLI.evaluate(p))
    }
    if (!(await demo.evaluate(() => 'axe' in window))) await demo.evaluate(AXE)
    const violations = await demo.evaluate(async () => (await /** @type {any} */ (window).axe.run(document, { resultTypes: ['violations'] })).violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((x) => JSON.stringify(x.target)).join(', ')}`))
    assert.deepEqual(violations, [])
    await demo.screenshot({ path: screenshotPath('embed-04-demo.png'), fullPage: true })
    await demo.close()
    assert.deepEqual(problems, [])
  })
})

/** @param {unknown[]} a */
function n(a) {
  return a.length
}
