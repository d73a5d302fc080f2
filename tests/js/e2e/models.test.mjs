// End-to-end tests of the simulator with the programs of the other models: a levels program
// (VMware Partner Connect), a calculator (NCE monthly versus annual term) and a timeline (the
// 2022 transition), in Debian's headless Chromium. Each page is opened from a permalink, then
// edited through the generated fields; what it shows is compared with the CLI's result.

import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { after, before, describe, test } from 'node:test'
import { ROOT, SITE, axeViolations, chromiumPath, cli, ensureSite, launch, screenshotPath, startServer } from './helpers.mjs'

const S = await import(path.join(ROOT, 'site/js/state.js'))

/** VMware Partner Connect in 2021: four people, each needed for the Data Center Virtualization
 * competency, and so for the Partner level. */
const VMWARE = Object.freeze({
  asOf: '2021-06-01',
  programs: ['vmware-partner-connect'],
  people: [
    { id: 'ana', certifications: ['vmware-vcp-dcv'] }, { id: 'ben', certifications: ['vmware-vcp-dcv'] },
    { id: 'chloe', certifications: ['vmware-vsp-dcv'] }, { id: 'david', certifications: ['vmware-vtsp-dcv'] },
  ],
  facts: { 'vmware.contractSigned': 1 },
})

const browserPath = chromiumPath()

describe('simulator: levels, calculator and timeline programs', { skip: !browserPath && !process.env.PS_REQUIRE_CHROMIUM && 'Chromium is not installed', timeout: 300_000 }, () => {
  let server
  let engineCLI
  let browser
  let page
  const problems = []

  before(async () => {
    ensureSite()
    server = await startServer(SITE)
    engineCLI = await cli()
    browser = await launch()
    browser.context.on('page', (p) => {
      p.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`))
      p.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`) })
    })
    page = await browser.context.newPage()
  })

  after(async () => {
    await browser?.stop()
    await server?.stop()
    engineCLI?.stop()
  })

  const field = (ptr) => page.locator(`ps-fact-field[name="${ptr}"] input`)

  /** Opens the page on a state (the permalink) and waits for the engine. */
  async function open(state) {
    const s = { ...S.emptyState('en', state.asOf), ...state }
    await page.goto(`${server.url}${S.stateHash(s)}`)
    await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 })
  }

  /** Exports the shown result as JSON and as CSV: the result, and the CSV's rows after its header. */
  async function exported() {
    const [json] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')])
    const result = JSON.parse(readFileSync(await json.path(), 'utf8'))
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')])
    const rows = readFileSync(await csv.path(), 'utf8').replace(/^\ufeff/, '').trimEnd().split('\r\n').slice(1)
    return { result, rows }
  }

  test('the program list holds every program of the data', async () => {
    await open({ asOf: '2026-06-01', programs: ['microsoft-ai-cloud-partner-program'] })
    const ids = await page.$$eval('select[name="/programs/0"] option', (os) => os.map((o) => o.value))
    for (const id of ['microsoft-ai-cloud-partner-program', 'vmware-partner-connect', 'microsoft-cloud-solution-provider',
      'microsoft-partner-network-competencies', 'microsoft-partner-program-transition-2022', 'microsoft-bpos-partner-fees',
      'microsoft-nce-term-comparison', 'microsoft-csp-advisor-cash-flow']) {
      assert.ok(ids.includes(id), `${id} is not in the program list (${ids})`)
    }
  })

  test('VMware Partner Connect: the level, competencies and what the next level misses, as the CLI says', async () => {
    const people = VMWARE.people
    await open(VMWARE)
    await page.waitForSelector('.model-levels')
    assert.ok(await page.locator('ps-cert-picker').count() > 0, 'competencies count certified people: their section is there')
    // A yes-or-no fact says how to type it, not its unit's id.
    assert.equal(await page.getAttribute('ps-fact-field[name="/facts/vmware.contractSigned"]', 'unit'), '1 = yes, 0 = no')
    // A parameter's default is written as the results write numbers, with its unit.
    assert.equal(await page.getAttribute('ps-fact-field[name="/parameters/vmware.advanced.revenueUSD"]', 'hint'), 'default 250,000 USD · assumption')
    assert.equal(await page.getAttribute('ps-fact-field[name="/parameters/vmware.partner.solutionCompetencies"]', 'hint'), 'default 1 competency · assumption')
    const shown = () => page.$eval('.model-levels', (e) => ({
      reached: e.getAttribute('data-reached'),
      levels: [...e.querySelectorAll('[data-level]')].map((l) => [l.getAttribute('data-level'), l.getAttribute('data-met')]),
    }))
    let s = await shown()
    const want = engineCLI.evaluate(VMWARE).programs[0]
    assert.equal(s.reached, want.levels.reached)
    assert.equal(s.reached, 'partner')
    assert.deepEqual(s.levels, want.levels.levels.map((l) => [l.id, String(l.met)]))
    assert.match(await page.textContent('.next-level'), /Advanced Partner/)
    // Each of the four is needed for the Data Center Virtualization competency, and so for the
    // Partner level: their departures say so, as the CLI does.
    const leaving = engineCLI.evaluate({ ...VMWARE, departures: {} }).departures
    const lost = (os) => os.filter((o) => o.before?.met && !o.after?.met).map((o) => o.id)
    assert.deepEqual(leaving.map((d) => [d.loses, lost(d.programs[0].levels), lost(d.programs[0].competencies)]), people.map(() => [true, ['partner'], ['solution-dcv']]))
    await page.waitForSelector('.departures-out > li')
    assert.deepEqual(await page.$$eval('.departures-out > li', (ls) => ls.map((l) => l.textContent)), people.map((p) =>
      `${p.id}VMware Partner Connect: loses Partner; Solution competency: Data Center Virtualization` +
      'Advanced Partner: would also lack Partner level; Solution competencies'))
    // Typing six deployments (the default minimum is five, an assumption) reaches Advanced;
    // the parameters' list, opened first, stays open while the result is drawn anew.
    await page.locator('#results details.parameters > summary').click()
    await field('/facts/vmware.deployments').fill('6')
    await page.waitForFunction(() => document.querySelector('.model-levels')?.getAttribute('data-reached') === 'advanced')
    assert.equal(await page.$eval('#results details.parameters', (d) => /** @type {HTMLDetailsElement} */ (d).open), true)
    // Raising the parameter above six takes it back to Partner.
    await field('/parameters/vmware.advanced.deployments').fill('7')
    await page.waitForFunction(() => document.querySelector('.model-levels')?.getAttribute('data-reached') === 'partner')
    assert.equal(await page.getAttribute('.parameters [data-parameter="vmware.advanced.deployments"]', 'data-origin'), 'profile')
    assert.equal(await page.getAttribute('.parameters [data-parameter="vmware.advanced.revenueUSD"]', 'data-origin'), 'assumption')
    await page.screenshot({ path: screenshotPath('model-levels-vmware.png') })
    assert.deepEqual(await axeViolations(page), [], 'axe: levels')
    // The sources: those on the web are links, the trade-press article kept as a copy (no web
    // address, urn:partnerscore:seed:…) is named without a link that would lead nowhere.
    // Each title is marked with its language: the article of the French trade press is named
    // by its French title.
    const sources = await page.$$eval('#results details.sources li', (ls) => ls.map((l) => {
      const e = l.querySelector('a, cite')
      return [e?.tagName, l.querySelector('a')?.getAttribute('href') ?? null, e?.textContent, e?.getAttribute('lang')]
    }))
    const wantSources = want.sources.map((x) => [/^https?:\/\//.test(x.url) ? 'A' : 'CITE', /^https?:\/\//.test(x.url) ? x.url : null, x.title, x.lang || 'en'])
    assert.deepEqual(sources, wantSources)
    assert.ok(wantSources.some(([tag]) => tag === 'CITE') && wantSources.some(([tag]) => tag === 'A'), JSON.stringify(want.sources))
    assert.deepEqual(wantSources.find(([tag]) => tag === 'CITE')?.slice(2),
      ['Presse informatique française, avril 2019 : VMware Partner Connect dévoilé au Partner Leadership Summit', 'fr'])
    // On a phone, with every disclosure open, nothing widens the page: the requirements name
    // parameters by their ids, "(vmware.partner.solutionCompetencies)", long words that break.
    await page.setViewportSize({ width: 360, height: 740 })
    await page.$$eval('#results details', (ds) => ds.forEach((d) => { /** @type {HTMLDetailsElement} */ (d).open = true }))
    assert.deepEqual(await page.evaluate(() => [document.documentElement.scrollWidth, innerWidth]), [360, 360])
    await page.setViewportSize({ width: 1280, height: 900 })
    // The CSV has a row per requirement of every level and competency, and per alternative.
    const { result, rows } = await exported()
    const lv = result.programs[0].levels
    const count = (gs) => gs.reduce((n, g) => n + g.requirements.reduce((k, q) => k + 1 + (q.any?.length || 0), 0), 0)
    assert.equal(rows.length, count(lv.levels) + count(lv.competencies))
    const deployments = lv.levels.find((l) => l.id === 'advanced').requirements.find((q) => q.id === 'business').any.find((q) => q.id === 'deployments')
    const prefix = 'vmware-partner-connect,2020,level,advanced,Advanced Partner,,,false,business/deployments,'
    assert.equal(rows.find((r) => r.startsWith(prefix)), `${prefix}Project deployments,,6,deployments,,,7,false,,seed-004,"${deployments.explanation}",${deployments.assumption ? 'true' : ''}`)
    // Each requirement that no source confirms says so in the CSV's last column.
    const flagged = rows.filter((r) => r.endsWith(',true')).length
    const assumed = (gs) => gs.reduce((n, g) => n + g.requirements.reduce((k, q) => k + (q.assumption ? 1 : 0) + (q.any || []).filter((a) => a.assumption).length, 0), 0)
    assert.equal(flagged, assumed(lv.levels) + assumed(lv.competencies))
    assert.ok(flagged > 0, 'requirements not confirmed by a source')
  })

  test('the printed report of a program of levels unfolds its competencies, what is not modelled and its parameters, on one page', async () => {
    await open(VMWARE)
    await page.waitForSelector('.model-levels')
    const want = engineCLI.evaluate(VMWARE).programs[0]
    /** The text of each visible item of a folded list, in order. */
    const visible = (sel) => page.$$eval(sel, (ls) => ls.filter((l) => l.checkVisibility()).map((l) => l.firstChild?.textContent || ''))
    // On screen, folded (an earlier test opened the parameters).
    await page.$$eval('#results details', (ds) => ds.forEach((d) => { /** @type {HTMLDetailsElement} */ (d).open = false }))
    assert.deepEqual(await visible('.competencies > ul > li'), [])
    assert.deepEqual(await visible('.parameters > ul > li'), [])
    await page.emulateMedia({ media: 'print' })
    try {
      assert.deepEqual(await visible('.competencies > ul > li'), want.levels.competencies.map((c) => c.name))
      assert.equal((await visible('.not-modelled > ul > li')).length, want.levels.notModelled.length)
      assert.equal((await visible('.parameters > ul > li')).length, want.parameters.length)
      // Each competency in one line: its requirements stay with the levels that name them.
      assert.deepEqual(await visible('.competencies .requirements li'), [])
      const pdf = await page.pdf({ format: 'A4', printBackground: true })
      assert.equal((pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) || []).length, 1, 'the printed report fits one page')
      await page.screenshot({ path: screenshotPath('model-levels-vmware-print.png'), fullPage: true })
    } finally {
      await page.emulateMedia({ media: null })
    }
  })

  test('NCE terms: the table, the chart and the figures follow the parameters', async () => {
    await open({ asOf: '2023-01-01', programs: ['microsoft-nce-term-comparison'] })
    await page.waitForSelector('.model-calculator svg.calc-chart polyline')
    const figure = (id) => page.textContent(`[data-figure="${id}"]`)
    // 25 seats × USD 10 = 250 a month: 3,000 a year on an annual term, 3,600 monthly.
    assert.match(await figure('annualTotal'), /3,000/)
    assert.match(await figure('monthlyTotal'), /3,600/)
    assert.match(await figure('breakEvenMonths'), /^10\b/)
    assert.equal(await page.$$eval('.calc-table tbody tr', (rs) => rs.length), 12)
    assert.equal(await page.$$eval('svg.calc-chart polyline', (ls) => ls.length), 2)
    // The chart's value axis: round ticks from zero past the largest value (3,600, the monthly
    // term's year), a grid line per tick, the twelve months under the plot, and each line's
    // points where the grid puts their values (the CLI's table).
    const axis = await page.$eval('svg.calc-chart', (svg) => ({
      ticks: [...svg.querySelectorAll('text.tick')].map((x) => x.textContent),
      grid: [...svg.querySelectorAll('line.grid')].map((l) => [Number(l.dataset.value), Number(l.getAttribute('y1'))]),
      periods: [...svg.querySelectorAll('text.period')].map((x) => x.textContent),
      name: svg.querySelector('text.period-name')?.textContent,
      lines: [...svg.querySelectorAll('polyline')].map((l) => [l.dataset.column, l.getAttribute('points').split(' ').map((q) => q.split(',').map(Number))]),
      legend: [...(svg.closest('figure')?.querySelectorAll('.chart-legend li') || [])].map((x) => x.textContent),
    }))
    assert.deepEqual(axis.ticks, ['0', '1,000', '2,000', '3,000', '4,000'])
    assert.deepEqual(axis.grid.map(([v]) => v), [0, 1000, 2000, 3000, 4000])
    assert.deepEqual(axis.periods, Array.from({ length: 12 }, (_, i) => String(i + 1)))
    assert.equal(axis.name, 'Month')
    const table = engineCLI.evaluate({ asOf: '2023-01-01', programs: ['microsoft-nce-term-comparison'] }).programs[0].calculator.tables[0]
    const charted = table.columns.filter((c) => c.chart)
    assert.deepEqual(axis.legend, charted.map((c) => `${c.name} (USD)`))
    assert.deepEqual(axis.lines.map(([id]) => id), charted.map((c) => c.id))
    const [[v0, y0], [v1, y1]] = [axis.grid[0], axis.grid[axis.grid.length - 1]]
    for (const [id, points] of axis.lines) {
      const j = table.columns.findIndex((c) => c.id === id)
      assert.equal(points.length, 12)
      points.forEach(([, y], i) => {
        const want = y0 + ((table.rows[i][j] - v0) * (y1 - y0)) / (v1 - v0)
        assert.ok(Math.abs(y - want) <= 0.1, `${id} month ${i + 1}: y ${y}, want ${want.toFixed(1)}`)
      })
    }
    // No certification counts in these rules: no section for certified people.
    assert.equal(await page.locator('ps-cert-picker').count(), 0)
    // The table scrolls sideways by keys too; no scorecard area, so no projection over time.
    assert.equal(await page.getAttribute('.calc-table .table-scroll', 'tabindex'), '0')
    await page.waitForFunction(() => /** @type {HTMLElement|null} */ (document.querySelector('#time .projection'))?.hidden === true)
    // Seats needed 9 months: 9 × 300 = 2,700.
    await field('/parameters/nce.monthsNeeded').fill('9')
    await page.waitForFunction(() => /2,700/.test(document.querySelector('[data-figure="monthlyTotal"]')?.textContent || ''))
    const want = engineCLI.evaluate({ asOf: '2023-01-01', programs: ['microsoft-nce-term-comparison'], parameters: { 'nce.monthsNeeded': 9 } })
    assert.equal(want.programs[0].calculator.figures.find((f) => f.id === 'monthlyTotal').value, 2700)
    // A parameter out of its bounds says them as its field's hint does, numbers grouped.
    const seats = page.locator('ps-fact-field[name="/parameters/nce.seats"]')
    await seats.locator('input').fill('2000000')
    await page.waitForFunction(() => document.querySelector('ps-fact-field[name="/parameters/nce.seats"] input')?.getAttribute('aria-invalid') === 'true')
    assert.match(await seats.locator('.field-error').textContent(), /Must be between 1 and 1,000,000 \(got 2,000,000\)\./)
    await seats.locator('input').fill('')
    await page.waitForFunction(() => document.querySelector('ps-fact-field[name="/parameters/nce.seats"] input')?.getAttribute('aria-invalid') === null)
    await page.waitForFunction(() => /2,700/.test(document.querySelector('[data-figure="monthlyTotal"]')?.textContent || ''))
    await page.screenshot({ path: screenshotPath('model-calculator-nce.png') })
    assert.deepEqual(await axeViolations(page), [], 'axe: calculator')
    await page.emulateMedia({ colorScheme: 'dark' })
    await page.locator('#results').screenshot({ path: screenshotPath('model-calculator-nce-dark.png') })
    await page.emulateMedia({ colorScheme: 'light' })
    // The CSV has a row per cell of the table, per total and per figure.
    const { result, rows } = await exported()
    const calc = result.programs[0].calculator
    const cells = calc.tables.reduce((n, t) => n + t.rows.length * t.columns.length + t.columns.filter((c) => c.total).length, 0)
    assert.equal(rows.length, cells + calc.figures.length)
    assert.ok(rows.includes('microsoft-nce-term-comparison,2022-03,figure,,,,,,monthlyTotal,"Monthly term, months needed",,2700,usd,,,,,,interstellar-nce,,'), rows.join('\n'))
  })

  test('the 2022 transition: the date picker shows each change on its day', async () => {
    await open({ asOf: '2022-10-02', programs: ['microsoft-partner-program-transition-2022'] })
    const status = (item) => page.getAttribute(`[data-item="${item}"]`, 'data-status')
    await page.waitForSelector('[data-item="solutions-partner"]')
    assert.equal(await status('solutions-partner'), 'not-yet')
    assert.equal(await status('legacy-competencies'), 'use-only')
    const date = page.locator('input[name="/asOf"]')
    await date.fill('2022-10-03')
    await page.waitForFunction(() => document.querySelector('[data-item="solutions-partner"]')?.getAttribute('data-status') === 'available')
    await date.fill('2022-09-30')
    await page.waitForFunction(() => document.querySelector('[data-item="legacy-competencies"]')?.getAttribute('data-status') === 'open')
    await page.screenshot({ path: screenshotPath('model-timeline-transition.png') })
    assert.deepEqual(await axeViolations(page), [], 'axe: timeline')
    // In French, with the French colon (a space before it), as the engine's sentences have it.
    await page.selectOption('#lang', 'fr')
    const fr = engineCLI.evaluate({ asOf: '2022-09-30', programs: ['microsoft-partner-program-transition-2022'], lang: 'fr' }).programs[0].timeline
    const line = fr.map((x) => `${x.name} : ${x.statusName}.`).join(' ')
    await page.waitForFunction((s) => document.getElementById('status')?.textContent === s, line)
    assert.equal(await page.textContent('[data-item="legacy-competencies"] strong'), `${fr.find((x) => x.id === 'legacy-competencies').name} : `)
    assert.match(await page.textContent('[data-item="legacy-competencies"] .periods li'), /^2010-11-01 → 2022-09-30 : /)
    await page.selectOption('#lang', 'en')
  })

  test('no page errors', () => {
    assert.deepEqual(problems, [])
  })
})
