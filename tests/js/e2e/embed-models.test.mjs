// End-to-end tests of the embeddable widget with the programs of the other models (levels,
// requirements with a dependency, calculator, timeline), in Debian's headless Chromium
// driven by playwright-core: the same widget code as for the scorecard, nothing named per
// program. The assets come from cmd/serve on one free 127.0.0.1 port, the host page from
// another with the strict Content-Security-Policy of host.mjs. For each widget: the
// partnerscore:result event and the result property equal `partnerscore evaluate` of the
// widget's profile, what it draws is that result (level reached, requirements, tables,
// timeline), edits of facts and parameters give the CLI's results, a bad parameter is an
// error on its field; the models' module (widget-models.js) is fetched once; a program with no rules on the date is an error, not a crash; no
// console error, page error or CSP violation; axe-core finds nothing. Screenshots go to
// dist/screenshots/embed-models-*.png.

import assert from 'node:assert/strict'
import { readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { after, before, describe, test } from 'node:test'
import { ROOT, SITE, chromiumPath, cli, ensureSite, launch, screenshotPath, startServer } from './helpers.mjs'
import { startHost } from './host.mjs'

const AXE = readFileSync(path.join(ROOT, 'tests/js/node_modules/axe-core/axe.min.js'), 'utf8')

/** An example profile (examples/programs/), without the programs the widget's attribute sets. */
function example(name) {
  const { programs: _p, lang: _l, ...p } = JSON.parse(readFileSync(path.join(ROOT, 'examples/programs', name), 'utf8'))
  return p
}

/** The widgets: id → program, layout, language and prefilled values. */
const WIDGETS = {
  // areas does not apply to a program of levels: the widget draws the same, with no error.
  vm: { program: 'vmware-partner-connect', layout: 'full', lang: 'en', profile: example('vmware-advanced.json'), areas: 'modern-work' },
  csp: { program: 'microsoft-cloud-solution-provider', layout: 'compact', lang: 'fr', profile: example('csp-fy26-direct-bill.json') },
  nce: { program: 'microsoft-nce-term-comparison', layout: 'full', lang: 'en', profile: example('economics.json') },
  tr: { program: 'microsoft-partner-program-transition-2022', layout: 'compact', lang: 'fr', profile: example('transition-2022.json') },
  // No asOf: today, when the BPOS fees have no rules in force.
  old: { program: 'microsoft-bpos-partner-fees', layout: 'full', lang: 'en', profile: {} },
}

/** @param {string} s */
const attr = (s) => s.replace(/&/g, '&amp;').replace(/'/g, '&#39;')

function hostPage(assets) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Programs of every model</title>
<link rel="icon" href="data:,">
<script type="module" src="${assets}embed/partnerscore-embed.js"></script>
</head>
<body>
<main>
<h1>Programs of every model</h1>
${Object.entries(WIDGETS).map(([id, w]) =>
    `<partner-score id="${id}" program="${w.program}" layout="${w.layout}" lang="${w.lang}"${w.areas ? ` areas="${w.areas}"` : ''} profile='${attr(JSON.stringify(w.profile))}'></partner-score>`).join('\n')}
</main>
</body>
</html>`
}

const browserPath = chromiumPath()

describe('embeddable widget: programs of the other models', { skip: !browserPath && !process.env.PS_REQUIRE_CHROMIUM && 'Chromium is not installed (apt-get install chromium)', timeout: 300_000 }, () => {
  let assets
  let host
  let engineCLI
  /** @type {Awaited<ReturnType<typeof launch>>} */
  let browser
  /** @type {import('playwright-core').Page} */
  let page
  /** @type {string[]} */
  const problems = []
  /** @type {string[]} */
  const requests = []

  before(async () => {
    ensureSite()
    assets = await startServer(SITE)
    host = await startHost(assets.url, { '/': { type: 'text/html; charset=utf-8', body: () => hostPage(assets.url) } })
    engineCLI = await cli()
    browser = await launch({ viewport: { width: 1280, height: 4000 } })
    browser.context.on('request', (r) => requests.push(new URL(r.url()).pathname))
    browser.context.on('page', (p) => {
      p.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`))
      p.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`)
      })
    })
    await browser.context.addInitScript(() => {
      const w = /** @type {any} */ (window)
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
    await page.goto(host.url)
    await page.waitForFunction((ids) => ids.every((id) => /** @type {any} */ (document.getElementById(id))?.ready), Object.keys(WIDGETS))
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

  /** Waits until widget id has sent more than n events of the type. */
  async function nextEvent(id, n, type = 'partnerscore:result') {
    await page.waitForFunction(([i, k, t]) => /** @type {any} */ (window).__events.filter((e) => e.id === i && e.type === t).length > k, [id, n, type])
    return (await events(id, type)).at(-1)?.detail
  }

  /** The widget's result equals the CLI's for its profile, as property and as event. */
  async function matchesCLI(id) {
    const profile = await widgetProfile(id)
    assert.deepEqual(profile.programs, [WIDGETS[id].program])
    assert.equal(profile.lang, WIDGETS[id].lang)
    const want = engineCLI.evaluate(profile)
    assert.deepEqual(await widgetResult(id), want, `${id}: result property`)
    assert.deepEqual(await lastResult(id), want, `${id}: partnerscore:result`)
    return want
  }

  test('a levels program (VMware Partner Connect): the result is the CLI’s, the levels drawn from it', async () => {
    const want = await matchesCLI('vm')
    const p = want.programs[0]
    assert.equal(p.model, 'levels')
    assert.deepEqual(await events('vm', 'partnerscore:error'), [], 'no error for its areas attribute')
    assert.ok(!(await page.locator('#vm .errors').isVisible()), 'no error shown')
    assert.deepEqual(p.areas, [])
    const w = page.locator('#vm')
    assert.equal(await w.locator('.model').getAttribute('data-model'), 'levels')
    assert.equal(await w.locator('.model-levels').getAttribute('data-reached'), p.levels.reached)
    assert.deepEqual(await w.locator('.level').evaluateAll((ls) => ls.map((l) => [l.getAttribute('data-level'), l.getAttribute('data-met')])),
      p.levels.levels.map((l) => [l.id, String(l.met)]))
    const reached = p.levels.levels.find((l) => l.id === p.levels.reached).name
    assert.match(await w.locator('.results > p.status').textContent(), new RegExp(`Level reached: ${reached}`))
    // The fields: every fact and parameter of the program data, and the certifications its
    // competencies count.
    const pointers = await w.locator('input[data-pointer]').evaluateAll((xs) => xs.map((x) => x.getAttribute('data-pointer')))
    for (const ptr of ['/facts/vmware.deployments', '/parameters/vmware.advanced.deployments', '/certifications/vmware-vcp-dcv']) {
      assert.ok(pointers.includes(ptr), `no field ${ptr} in ${pointers.join(' ')}`)
    }
    assert.equal(await w.locator('input[data-pointer="/facts/vmware.deployments"]').inputValue(), '6')
    // A parameter's default is written as the results write numbers, with its unit.
    assert.equal(await w.locator('.hint', { hasText: 'default 250,000 USD · assumption' }).count(), 1)
    await w.screenshot({ path: screenshotPath('embed-models-levels.png') })
  })

  test('editing a fact and a parameter gives the CLI’s results; a bad parameter is an error on its field', async () => {
    const w = page.locator('#vm')
    const before = await lastResult('vm')
    let n = (await events('vm')).length
    await w.locator('input[data-pointer="/parameters/vmware.advanced.deployments"]').fill('10')
    const got = await nextEvent('vm', n)
    assert.equal((await widgetProfile('vm')).parameters['vmware.advanced.deployments'], 10)
    assert.deepEqual(got, await matchesCLI('vm'))
    assert.notDeepEqual(got.programs[0].levels, before.programs[0].levels, 'the parameter changes the outcome')
    assert.equal(await w.locator('.model-levels').getAttribute('data-reached'), got.programs[0].levels.reached)

    n = (await events('vm')).length
    await w.locator('input[data-pointer="/facts/vmware.deployments"]').fill('12')
    assert.deepEqual(await nextEvent('vm', n), await matchesCLI('vm'))

    const errs = (await events('vm', 'partnerscore:error')).length
    const param = w.locator('input[data-pointer="/parameters/vmware.advanced.deployments"]')
    await param.fill('-3')
    const err = await nextEvent('vm', errs, 'partnerscore:error')
    assert.equal(err.stage, 'input')
    assert.equal(err.errors[0].path, '/parameters/vmware.advanced.deployments')
    assert.equal(await param.getAttribute('aria-invalid'), 'true')
    n = (await events('vm')).length
    await param.fill('')
    await nextEvent('vm', n)
    assert.equal(await param.getAttribute('aria-invalid'), null)
    assert.deepEqual(await lastResult('vm'), await matchesCLI('vm'))
  })

  test('requirements with a dependency (CSP FY26 on the Cloud Partner Program), compact, in French', async () => {
    const want = await matchesCLI('csp')
    const p = want.programs[0]
    assert.equal(p.version, 'fy26')
    const w = page.locator('#csp')
    assert.deepEqual(await w.locator('.level').evaluateAll((ls) => ls.map((l) => [l.getAttribute('data-level'), l.getAttribute('data-met')])),
      p.levels.levels.map((l) => [l.id, String(l.met)]))
    const reqs = p.levels.levels.flatMap((l) => l.requirements)
    assert.ok(reqs.some((r) => r.kind === 'program'), 'a requirement on another program')
    assert.deepEqual(await w.locator('.level > .requirements > li').evaluateAll((ls) => ls.map((l) => [l.getAttribute('data-requirement'), l.getAttribute('data-met')])),
      reqs.map((r) => [r.id, String(r.met)]))
    // The facts of the program it depends on are fields too (behind the disclosure).
    assert.equal(await w.locator('input[data-pointer="/facts/mw.ent.netCustomerAdds"]').inputValue(), '5')
    const n = (await events('csp')).length
    await w.locator('details.figures > summary').click()
    await w.locator('input[data-pointer="/facts/mw.ent.netCustomerAdds"]').fill('0')
    const got = await nextEvent('csp', n)
    assert.deepEqual(got, await matchesCLI('csp'))
    await w.screenshot({ path: screenshotPath('embed-models-requirements.png') })
    // Its landmarks are named with the French colon (a space before it).
    const names = await w.locator('form, section.results').evaluateAll((xs) => xs.map((x) => x.getAttribute('aria-label')))
    assert.deepEqual(names.map((x) => x?.replace(/ : .*/, ' : …')).sort(), ['Résultats : …', 'Vos chiffres : …'], JSON.stringify(names))
  })

  test('a calculator (NCE terms): the tables and chart are the CLI’s', async () => {
    const want = await matchesCLI('nce')
    const c = want.programs[0].calculator
    const w = page.locator('#nce')
    assert.equal(await w.locator('.calc-table').count(), c.tables.length)
    for (const tb of c.tables) {
      const t = w.locator(`.calc-table[data-table="${tb.id}"]`)
      assert.equal(await t.locator('tbody tr').count(), tb.rows.length, `${tb.id}: rows`)
      assert.equal(await t.locator('h3').textContent(), tb.name)
    }
    assert.ok(await w.locator('svg.calc-chart polyline').count() > 0, 'a chart')
    assert.deepEqual(await w.locator('.figures dd').evaluateAll((ds) => ds.map((d) => d.getAttribute('data-figure'))), c.figures.map((f) => f.id))
    const seats = w.locator('input[data-pointer="/parameters/nce.seats"]')
    assert.equal(await seats.inputValue(), '40')
    const n = (await events('nce')).length
    await seats.fill('41')
    assert.deepEqual(await nextEvent('nce', n), await matchesCLI('nce'))
    await w.screenshot({ path: screenshotPath('embed-models-calculator.png') })
  })

  test('a timeline (the 2022 transition): the statuses are the CLI’s', async () => {
    const want = await matchesCLI('tr')
    const items = want.programs[0].timeline
    assert.ok(items.length > 0)
    const w = page.locator('#tr')
    assert.deepEqual(await w.locator('.model-timeline li[data-item]').evaluateAll((ls) => ls.map((l) => [l.getAttribute('data-item'), l.getAttribute('data-status')])),
      items.map((x) => [x.id, x.status]))
    // This widget is French: the French colon, a space before it.
    assert.equal(await w.locator('.results > p.status').textContent(), items.map((x) => `${x.name} : ${x.statusName}.`).join(' '))
  })

  test('a program with no rules on the date is an error, not a crash', async () => {
    const errs = await events('old', 'partnerscore:error')
    assert.ok(errs.length > 0, 'an error event')
    assert.equal(errs.at(-1).detail.stage, 'input')
    assert.equal(await widgetResult('old'), null)
    const list = page.locator('#old .errors')
    assert.ok(await list.isVisible())
    assert.match(await list.textContent(), /no rules/i)
    // A date in force gives a result, as the CLI's.
    const n = (await events('old')).length
    await page.evaluate(() => { /** @type {any} */ (document.getElementById('old')).profile = { asOf: '2010-06-01', parameters: { 'bpos.seats': 100 } } })
    await nextEvent('old', n)
    const want = await matchesCLI('old')
    assert.equal(want.programs[0].model, 'calculator')
    assert.equal(await page.locator('#old .calc-table').count(), want.programs[0].calculator.tables.length)
    assert.ok(!(await list.isVisible()), 'the error is gone')
  })

  test('the widget knows every program of the rule data', async () => {
    const onDisk = readdirSync(path.join(ROOT, 'score/rules'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()
    // Every program renders by its id; an unknown one is a config error listing them all.
    const n = (await events('old', 'partnerscore:error')).length
    await page.evaluate(() => document.getElementById('old')?.setAttribute('program', 'nope'))
    const err = await nextEvent('old', n, 'partnerscore:error')
    assert.equal(err.stage, 'config')
    const known = err.errors[0].message.match(/\((?:known|connus) ?: (.*)\)$/)?.[1].split(', ').sort()
    assert.deepEqual(known, onDisk)
    for (const id of onDisk) {
      const k = (await events('old', 'partnerscore:error')).length
      await page.evaluate((p) => document.getElementById('old')?.setAttribute('program', p), id)
      await page.waitForFunction((p) => /** @type {any} */ (document.getElementById('old')).profile.programs?.[0] === p, id)
      const title = await page.locator('#old h2.title').textContent()
      assert.ok(title && !/no rules|nope/i.test(title), `${id}: title ${title}`)
      const config = (await events('old', 'partnerscore:error')).slice(k).filter((e) => e.detail.stage === 'config')
      assert.deepEqual(config, [], `${id}: no config error`)
    }
    await page.evaluate(() => document.getElementById('old')?.setAttribute('program', 'microsoft-bpos-partner-fees'))
    await page.waitForFunction(() => /** @type {any} */ (document.getElementById('old')).shadowRoot.querySelector('.calc-table'))
  })

  test('no console error, page error or CSP violation; axe-core finds no violation', async () => {
    assert.deepEqual(problems, [])
    // The models' module (widget-models.js) is fetched once for the page, with the rest.
    const scripts = requests.filter((u) => u.startsWith('/embed/')).sort()
    assert.deepEqual(scripts, ['/embed/partnerscore-embed.js', '/embed/texts-en.js', '/embed/texts-fr.js', '/embed/widget-models.js', '/embed/widget.js'])
    assert.deepEqual(await page.evaluate(() => /** @type {any} */ (window).__csp), [])
    await page.evaluate(AXE)
    const violations = await page.evaluate(async () => {
      const r = await /** @type {any} */ (window).axe.run(document, { resultTypes: ['violations'] })
      return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => JSON.stringify(n.target)) }))
    })
    assert.deepEqual(violations, [], `axe violations:\n${JSON.stringify(violations, null, 2)}`)
  })
})
