// End-to-end tests of the simulator's "over time" panel (site/js/history.js) in Debian's
// headless Chromium: the profile compared on two dates (checked against the CLI's
// `partnerscore compare -json`), the changed areas highlighted, the dates changed by typing,
// and the 12-month projection drawn as one SVG chart per area with the certifications that
// stop counting (checked against the CLI's projection). Screenshots go to dist/screenshots/.

import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { after, before, describe, test } from 'node:test'
import { ROOT, SITE, axeViolations, chromiumPath, ensureSite, launch, screenshotPath, startServer } from './helpers.mjs'

/** A profile scored on 2027-01-15: Modern Work and Security qualify; MS-102 (counts until
 * 2027-11-30) and AZ-500 (until 2027-08-31) stop counting within the projection. */
const PROFILE = {
  asOf: '2027-01-15',
  lang: 'en',
  people: [
    { id: 'a', certifications: ['AZ-500', 'SC-200'] },
    { id: 'b', certifications: ['AZ-500', 'SC-200'] },
    { id: 'c', certifications: ['SC-100'] },
    { id: 'd', certifications: ['SC-300', 'MS-700'] },
    { id: 'e', certifications: ['MS-102'] },
    { id: 'f', certifications: ['MS-102', 'MD-102'] },
    { id: 'g', certifications: ['MD-102'] },
    { id: 'h', certifications: ['MD-102'] },
  ],
  facts: {
    'mw.ent.netCustomerAdds': 5, 'mw.ent.usageGrowth.cpor': 1000, 'mw.ent.deployments.cpor': 5,
    'sec.ent.netCustomerAdds.azure': 6, 'sec.ent.netCustomerAdds.m365': 4,
    'sec.ent.deployments.azure': 3, 'sec.ent.deployments.m365': 3,
    'sec.ent.usageGrowth.azureAcr': 12500, 'sec.ent.usageGrowth.m365Users': 1250,
  },
}

const browserPath = chromiumPath()

describe('over time: compare and projection', { skip: !browserPath && !process.env.PS_REQUIRE_CHROMIUM && 'Chromium is not installed (apt-get install chromium)', timeout: 300_000 }, () => {
  let server
  let browser
  /** @type {import('playwright-core').Page} */
  let page
  let bin
  const problems = []

  /** The CLI's answer for the profile (compare -json, or evaluate with a projection). */
  function cliJSON(args, profile) {
    return JSON.parse(execFileSync(bin, [...args, '-'], { input: JSON.stringify(profile) }).toString('utf8'))
  }

  before(async () => {
    ensureSite()
    server = await startServer(SITE)
    bin = path.join(tmpdir(), `partnerscore-cli-history-${process.pid}`)
    execFileSync('go', ['build', '-trimpath', '-o', bin, './cmd/partnerscore'], { cwd: ROOT })
    browser = await launch()
    browser.context.on('page', (p) => {
      p.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`))
      p.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`) })
    })
    browser.context.on('request', (r) => {
      if (!r.url().startsWith(server.url) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) problems.push(`request: ${r.url()}`)
    })
    page = await browser.context.newPage()
    await page.goto(`${server.url}#${encodeURIComponent(JSON.stringify(PROFILE))}`)
    await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 })
    await page.waitForSelector('#time:not([hidden]) .compare-table')
  })

  after(async () => {
    await browser?.stop()
    await server?.stop()
    if (bin) rmSync(bin, { force: true })
  })

  /** The comparison rows as the page shows them. */
  function rows() {
    return page.$$eval('.compare-table tbody tr', (trs) => trs.map((tr) => ({
      area: tr.getAttribute('data-area'),
      changed: tr.getAttribute('data-changed') === 'true',
      highlighted: tr.classList.contains('changed') && getComputedStyle(tr).backgroundColor !== 'rgba(0, 0, 0, 0)',
      before: tr.querySelector('td.before')?.textContent,
      after: tr.querySelector('td.after')?.textContent,
      metrics: [...tr.querySelectorAll('.metric-changes li')].map((li) => li.getAttribute('data-metric')),
    })))
  }

  async function setDate(name, value) {
    await page.locator(`input[name="${name}"]`).fill(value)
  }

  test('compares the profile on two dates, as the CLI does, and highlights what changed', async () => {
    // Default dates: two years before asOf, and asOf.
    assert.equal(await page.inputValue('input[name="compare-from"]'), '2025-01-15')
    assert.equal(await page.inputValue('input[name="compare-to"]'), '2027-01-15')
    await setDate('compare-from', '2023-10-15')
    await page.waitForFunction(() => document.querySelector('.compare-table thead')?.textContent?.includes('2023-10-15'))
    const want = cliJSON(['compare', '-json', '-from', '2023-10-15', '-to', '2027-01-15'], PROFILE)
    const got = await rows()
    const areas = want.programs[0].areas
    assert.equal(got.length, areas.length)
    for (const [i, a] of areas.entries()) {
      assert.equal(got[i].area, a.id)
      assert.equal(got[i].changed, a.changes.length > 0, `${a.id}: changed`)
      assert.equal(got[i].highlighted, a.changes.length > 0, `${a.id}: highlighted`)
      assert.deepEqual(got[i].metrics, a.metrics.filter((m) => m.changes.length > 0).map((m) => m.id), `${a.id}: changed metrics`)
    }
    // Security as worked by hand in score/history_test.go (the same four people): 86.7 → 73.3.
    // Modern Work: 4 intermediate people (SC-300/MS-700, three MD-102) and 2 advanced
    // (MS-102) under both lists: 100 → 100, unchanged.
    const mw = got.find((r) => r.area === 'modern-work')
    const sec = got.find((r) => r.area === 'security')
    assert.match(mw.before, /^100 · qualified$/)
    assert.match(mw.after, /^100 · qualified$/)
    assert.equal(mw.changed, false)
    assert.equal(sec.changed, true)
    assert.match(sec.before, /^86\.7 · qualified$/)
    assert.match(sec.after, /^73\.3 · qualified$/)
    assert.match(await page.textContent('.compare-versions'), /fy24 \(2023-03-01\) → fy26 \(2025-07-01\)/)
    await page.locator('#time').screenshot({ path: screenshotPath('compare.png') })
  })

  test('a date before the launch shows the engine error, a date within one version nothing changes', async () => {
    await setDate('compare-from', '2021-06-01')
    await page.waitForSelector('.compare-error')
    // Named by the field's label, with where the program's rules start (the engine: /from).
    assert.equal(await page.textContent('.compare-error'), 'From: no rules of this program are in force on 2021-06-01 (its first rules start on 2022-10-03)')
    // The date is marked invalid and described by the error; the other is not.
    const from = page.locator('input[name="compare-from"]')
    assert.equal(await from.getAttribute('aria-invalid'), 'true')
    assert.equal(await page.textContent(`#${await from.getAttribute('aria-describedby')}`), await page.textContent('.compare-error'))
    assert.equal(await page.getAttribute('input[name="compare-to"]', 'aria-invalid'), null)
    assert.deepEqual(await axeViolations(page, '#time'), [])
    await setDate('compare-from', '2026-12-01')
    await page.waitForSelector('.compare-table')
    assert.equal(await page.getAttribute('input[name="compare-from"]', 'aria-invalid'), null)
    assert.equal(await page.getAttribute('input[name="compare-from"]', 'aria-describedby'), null)
    const got = await rows()
    assert.ok(got.every((r) => !r.changed), 'no area changes within fy26')
  })

  test('the dates typed for the comparison are kept: a reload and the permalink give them back', async () => {
    await setDate('compare-from', '2024-03-01')
    await page.waitForFunction(() => document.querySelector('.compare-versions')?.textContent?.includes('fy24'))
    const before = await rows()
    // The address holds the new dates (it is written at most every 100 ms).
    await page.waitForFunction(() => {
      try {
        const b64 = location.hash.replace(/^#p=/, '').replace(/-/g, '+').replace(/_/g, '/')
        return JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(b64), (c) => c.charCodeAt(0)))).compare?.from === '2024-03-01'
      } catch {
        return false
      }
    })
    const url = page.url()
    await page.reload()
    await page.waitForSelector('body[data-ready="true"]')
    await page.waitForSelector('#time:not([hidden]) .compare-table')
    assert.equal(await page.inputValue('input[name="compare-from"]'), '2024-03-01')
    assert.equal(await page.inputValue('input[name="compare-to"]'), '2027-01-15')
    assert.deepEqual(await rows(), before)
    // The permalink alone (nothing stored) gives them back in another tab.
    const other = await browser.context.newPage()
    try {
      await other.goto(`${server.url}/`)
      await other.evaluate(() => { localStorage.clear(); sessionStorage.clear() })
      await other.goto(url)
      await other.waitForSelector('body[data-ready="true"]')
      await other.waitForSelector('#time:not([hidden]) .compare-table')
      assert.equal(await other.inputValue('input[name="compare-from"]'), '2024-03-01')
    } finally {
      await other.close()
    }
  })

  test('with the evaluation date left empty (today), the comparison ends today', async () => {
    const p = await browser.context.newPage()
    try {
      await p.goto(`${server.url}#${encodeURIComponent(JSON.stringify({ ...PROFILE, asOf: '' }))}`)
      await p.waitForSelector('#time:not([hidden]) .compare-table')
      const today = await p.evaluate(() => new Date().toISOString().slice(0, 10))
      assert.equal(await p.inputValue('input[name="compare-to"]'), today)
      assert.equal(await p.inputValue('input[name="compare-from"]'), `${Number(today.slice(0, 4)) - 2}${today.slice(4)}`.replace(/-02-29$/, '-02-28'))
    } finally {
      await p.close()
    }
  })

  test('an area whose track changes names the track on each date, in the page language', async () => {
    // With SMB figures for Security, the FY26 rules count its SMB track; FY24 had one track.
    const smb = {
      'sec.smb.netCustomerAdds.azure': 6, 'sec.smb.netCustomerAdds.m365': 6, 'sec.smb.deployments.azure': 6,
      'sec.smb.deployments.m365': 6, 'sec.smb.usageGrowth.azureAcr': 15000, 'sec.smb.usageGrowth.m365Users': 1000,
    }
    const profile = { ...PROFILE, lang: 'fr', facts: { ...PROFILE.facts, ...smb }, compare: { from: '2023-10-15', to: '2027-01-15' } }
    const want = cliJSON(['compare', '-json', '-from', '2023-10-15', '-to', '2027-01-15'], { ...profile, compare: undefined })
    const sec = want.programs[0].areas.find((a) => a.id === 'security')
    assert.ok(sec.changes.includes('track'), JSON.stringify(sec))
    assert.deepEqual([sec.before.trackName, sec.after.trackName], ['Parcours unique', 'PME'])
    const p = await browser.context.newPage()
    try {
      await p.goto(`${server.url}#${encodeURIComponent(JSON.stringify(profile))}`)
      await p.waitForSelector('#time:not([hidden]) .compare-table')
      const cells = (area) => p.$eval(`.compare-table tr[data-area="${area}"]`, (tr) => [tr.querySelector('td.before')?.textContent, tr.querySelector('td.after')?.textContent])
      assert.deepEqual(await cells('security'), ['Parcours unique · 86,7 · qualifié', 'PME · 84 · qualifié'])
      // Where the track stays, the cells hold the score alone.
      assert.deepEqual(await cells('modern-work'), ['100 · qualifié', '100 · qualifié'])
    } finally {
      await p.close()
    }
  })

  test('a comparison date without rules, in French: the field named, with where the rules start', async () => {
    const p = await browser.context.newPage()
    try {
      await p.goto(`${server.url}#${encodeURIComponent(JSON.stringify({ ...PROFILE, lang: 'fr', compare: { from: '2021-06-01', to: '2027-01-15' } }))}`)
      await p.waitForSelector('#time:not([hidden]) .compare-error')
      assert.equal(await p.textContent('.compare-error'),
        'Du : aucune règle de ce programme n\'est en vigueur le 2021-06-01 (ses premières règles datent du 2022-10-03)')
    } finally {
      await p.close()
    }
  })

  test('draws the projection: one SVG chart per area, dots for 13 dates, the events', async () => {
    const want = cliJSON(['evaluate'], { ...PROFILE, projection: {} }).projection
    assert.equal(await page.$eval('.projection', (e) => /** @type {HTMLElement} */ (e).hidden), false)
    const charts = await page.$$eval('.projection-card', (cards) => cards.map((c) => ({
      area: c.getAttribute('data-area'),
      dots: [...c.querySelectorAll('circle.dot')].map((d) => ({ date: d.getAttribute('data-date'), score: Number(d.getAttribute('data-score')), ok: d.classList.contains('dot-ok') })),
      line: c.querySelector('line.qualifying-line') !== null,
      label: c.querySelector('svg')?.getAttribute('aria-label'),
      ticks: [...c.querySelectorAll('text.tick')].map((t) => [t.textContent, Number(t.getAttribute('y'))]),
      grid: Object.fromEntries([...c.querySelectorAll('line.grid')].map((l, i) => [i ? 100 : 0, Number(l.getAttribute('y1'))])),
      qualifying: Number(c.querySelector('.qualifying-line')?.getAttribute('y1')),
      cy: [...c.querySelectorAll('circle.dot')].map((d) => Number(d.getAttribute('cy'))),
      periods: [...c.querySelectorAll('text.period')].map((t) => t.textContent),
      events: [...c.querySelectorAll('li.event')].map((li) => li.getAttribute('data-certification')),
      text: c.textContent,
    })))
    assert.equal(charts.length, want.areas.length)
    for (const [i, a] of want.areas.entries()) {
      const c = charts[i]
      assert.equal(c.area, a.area)
      assert.ok(c.line, `${a.area}: qualifying line`)
      assert.deepEqual(c.dots.map((d) => d.date), want.dates)
      assert.deepEqual(c.dots.map((d) => d.score), a.points.map((p) => p.score))
      assert.deepEqual(c.dots.map((d) => d.ok), a.points.map((p) => p.qualified))
      assert.deepEqual(c.events, a.events.map((e) => e.certification))
      // The value axis: 0, the qualifying score and 100, labelled, and every dot where the
      // grid puts its score; the months under the plot; the first and last scores in its name.
      const at = (v) => c.grid[0] + (v / 100) * (c.grid[100] - c.grid[0])
      assert.deepEqual(c.ticks.map(([t]) => t), ['0', '100', '70'])
      assert.ok(Math.abs(c.qualifying - at(70)) < 0.1, `${a.area}: the qualifying line at 70`)
      c.cy.forEach((y, j) => assert.ok(Math.abs(y - at(a.points[j].score)) < 0.1, `${a.area} ${want.dates[j]}: y ${y}, want ${at(a.points[j].score)}`))
      assert.deepEqual(c.periods, ['Jan 2027', 'Apr', 'Jul', 'Oct', 'Jan 2028'])
      const score = (p) => String(Math.round(p.score * 10) / 10)
      assert.equal(c.label, `${a.name}: score from ${score(a.points[0])} on ${want.dates[0]} to ${score(a.points.at(-1))} on ${want.dates.at(-1)}; 70 to qualify`)
    }
    const mw = charts.find((c) => c.area === 'modern-work')
    assert.ok(mw.dots.at(-1).score < mw.dots[0].score, 'Modern Work drops when MS-102 stops counting')
    assert.match(mw.text, /Enterprise Administrator Expert.*stops counting on 2027-12-01/)
    assert.match(mw.text, /no longer qualifies from 2027-12-01/)
    const sec = charts.find((c) => c.area === 'security')
    assert.match(sec.text, /replaced by .*Cloud and AI Security Engineer/)
    await page.locator('.projection').screenshot({ path: screenshotPath('projection.png') })
  })

  test('a projection chart: the qualifying score steps where the rules change it; the months name every third, none too near the last', async () => {
    const drawn = await page.evaluate(async () => {
      const { projectionChart } = await import('./js/history.js')
      const points = Array.from({ length: 14 }, (_, i) => {
        const m = i + 11
        return { date: `${2026 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}-01`, score: 66 + i, qualifyingScore: i < 5 ? 70 : 75, qualified: 66 + i >= (i < 5 ? 70 : 75) }
      })
      const draw = (lang) => {
        const svg = projectionChart({ area: 'x', name: 'X', points }, lang)
        const line = svg.querySelector('.qualifying-line')
        return {
          tag: line?.tagName,
          ys: [...new Set((line?.getAttribute('points') || '').split(' ').map((p) => p.split(',')[1]))],
          ticks: [...svg.querySelectorAll('text.tick')].map((t) => t.textContent),
          periods: [...svg.querySelectorAll('text.period')].map((t) => t.textContent),
          label: svg.getAttribute('aria-label'),
          ok: [...svg.querySelectorAll('circle.dot')].map((d) => d.classList.contains('dot-ok')),
        }
      }
      return { en: draw('en'), fr: draw('fr') }
    })
    assert.equal(drawn.en.tag, 'polyline')
    assert.equal(drawn.en.ys.length, 2, 'two heights: 70, then 75')
    assert.deepEqual(drawn.en.ticks, ['0', '100', '70'])
    // Fourteen months from December 2026: every third named, but not the tenth (one before the last).
    assert.deepEqual(drawn.en.periods, ['Dec 2026', 'Mar', 'Jun', 'Sep', 'Jan 2028'])
    assert.deepEqual(drawn.fr.periods, ['déc. 2026', 'mars', 'juin', 'sept.', 'janv. 2028'])
    assert.equal(drawn.en.label, 'X: score from 66 on 2026-12-01 to 79 on 2028-01-01; 70 → 75 to qualify')
    assert.equal(drawn.fr.label, 'X : score de 66 le 2026-12-01 à 79 le 2028-01-01 ; 70 → 75 pour être qualifié')
    // A dot is green where its month qualifies: 70 under the first rules, then 75 under the next.
    assert.deepEqual(drawn.en.ok, [false, false, false, false, true, false, false, false, false, true, true, true, true, true])
  })

  test('typing a figure redraws the charts of the areas it changes, and only those', async () => {
    const cpor = page.locator('ps-fact-field[name="/facts/mw.ent.usageGrowth.cpor"] input')
    const mwDots = () => page.$$eval('.projection-card[data-area="modern-work"] circle.dot', (ds) => ds.map((d) => Number(d.getAttribute('data-score'))))
    await page.$$eval('.projection-card', (cards) => cards.forEach((c) => { /** @type {any} */ (c).__before = true }))
    try {
      await cpor.fill('600')
      const want = cliJSON(['evaluate'], { ...PROFILE, facts: { ...PROFILE.facts, 'mw.ent.usageGrowth.cpor': 600 }, projection: {} }).projection
      const mw = want.areas.find((a) => a.area === 'modern-work')
      await page.waitForFunction((s) => document.querySelector('.projection-card[data-area="modern-work"] circle.dot')?.getAttribute('data-score') === s,
        String(mw.points[0].score))
      assert.deepEqual(await mwDots(), mw.points.map((p) => p.score))
      const redrawn = await page.$$eval('.projection-card', (cards) => cards.filter((c) => !(/** @type {any} */ (c)).__before).map((c) => c.getAttribute('data-area')))
      assert.deepEqual(redrawn, ['modern-work'])
    } finally {
      await cpor.fill('1000')
      const back = cliJSON(['evaluate'], { ...PROFILE, projection: {} }).projection.areas.find((a) => a.area === 'modern-work')
      await page.waitForFunction((s) => document.querySelector('.projection-card[data-area="modern-work"] circle.dot')?.getAttribute('data-score') === s,
        String(back.points[0].score))
    }
  })

  test('if someone leaves: each named person as the CLI computes it, those whose leaving loses a designation first', async () => {
    const want = cliJSON(['evaluate'], { ...PROFILE, departures: {} }).departures
    await page.waitForSelector('.departures-out > li')
    assert.equal(await page.textContent('.departures h3'), 'If someone leaves')
    assert.equal(await page.isHidden('.departures-name'), true, 'people are named: no hint to name them')
    const got = await page.$$eval('.departures-out > li', (ls) => ls.map((l) => ({
      person: Number(l.getAttribute('data-person')),
      loses: l.classList.contains('loses'),
      who: l.querySelector('strong')?.textContent,
      areas: [...l.querySelectorAll('li.area')].map((a) => ({ area: a.getAttribute('data-area'), text: a.textContent, falls: a.classList.contains('falls') })),
    })))
    // The four whose leaving loses Security first, then the others, each in the profile's order.
    assert.deepEqual(got.map((g) => g.person), [0, 1, 2, 3, 4, 5, 6, 7])
    assert.deepEqual(got.map((g) => g.loses), want.map((d) => d.loses))
    assert.deepEqual(want.map((d) => d.loses), [true, true, true, true, false, false, false, false], 'the case still has both kinds')
    // The areas listed are those the CLI's comparison says would change.
    const moved = (m) => m.before && m.after && m.before.points !== m.after.points
    const changed = (d) => d.programs.flatMap((p) => p.areas.filter((a) => a.before && a.after && (a.changes.length > 0 || a.metrics.some(moved))))
    for (const g of got) {
      const d = want[g.person]
      assert.equal(g.who, PROFILE.people[g.person].id)
      assert.deepEqual(g.areas.map((a) => a.area), changed(d).map((a) => a.id))
      assert.deepEqual(g.areas.map((a) => a.falls), changed(d).map((a) => a.before.qualified && !a.after.qualified))
    }
    // a's leaving breaks a gate of Security's step: the people counted stay two, the points go.
    assert.deepEqual(got[0].areas.map((a) => a.text), [
      'Security: 73.3 → 60, no longer qualified: Intermediate certifications 13.3 → 0 pts (2 → 2 people; a gate would no longer be met)',
    ])
    assert.deepEqual(got[3].areas.map((a) => a.text), [
      'Modern Work: 100 → 97.5: Intermediate certifications 10 → 7.5 pts (4 → 3 people)',
      'Security: 73.3 → 66.7, no longer qualified: Intermediate certifications 13.3 → 6.7 pts (2 → 1 person)',
    ])
    await page.locator('.departures').screenshot({ path: screenshotPath('departures.png') })
    assert.equal(await page.isHidden('.departures button'), true, 'eight people: worked out without asking')
  })

  test('the printed report lists the departures that lose something, each on one line with what it loses', async () => {
    await page.waitForSelector('.departures-out > li.loses')
    await page.emulateMedia({ media: 'print' })
    try {
      assert.equal(await page.isVisible('#time'), true)
      for (const hidden of ['#time-title', '.compare', '.projection', '.departures-help']) assert.equal(await page.isHidden(hidden), true, hidden)
      assert.equal(await page.textContent('.departures-print'), 'Whose departure alone would lose a designation, level or competency, the rest of the profile as it is:')
      // Each person shown with the lines that fall, and nothing else (d's Modern Work line stays on screen).
      const shown = await page.$$eval('.departures-out > li', (ls) => ls.filter((l) => l.checkVisibility()).map((l) => [
        l.querySelector('strong')?.textContent,
        ...[...l.querySelectorAll('li')].filter((x) => x.checkVisibility()).map((x) => `${getComputedStyle(x, '::before').content} ${x.textContent}`),
      ]))
      const fall = (s) => `" — " ${s}`
      assert.deepEqual(shown, [
        ['a', fall('Security: 73.3 → 60, no longer qualified: Intermediate certifications 13.3 → 0 pts (2 → 2 people; a gate would no longer be met)')],
        ['b', fall('Security: 73.3 → 60, no longer qualified: Intermediate certifications 13.3 → 0 pts (2 → 2 people; a gate would no longer be met)')],
        ['c', fall('Security: 73.3 → 66.7, no longer qualified: Intermediate certifications 13.3 → 6.7 pts (2 → 1 person)')],
        ['d', fall('Security: 73.3 → 66.7, no longer qualified: Intermediate certifications 13.3 → 6.7 pts (2 → 1 person)')],
      ])
      // One line each on A4.
      const heights = await page.$$eval('.departures-out > li.loses', (ls) => ls.map((l) => l.getClientRects().length))
      assert.deepEqual(heights, [1, 1, 1, 1])
      await page.screenshot({ path: screenshotPath('departures-print.png'), fullPage: true })
      const pdf = await page.pdf({ format: 'A4', printBackground: true })
      assert.equal((pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) || []).length, 1, 'the printed report fits one page')
    } finally {
      await page.emulateMedia({ media: null })
    }
  })

  test('certifications counted without names: the part says how to see each departure', async () => {
    const p = await browser.context.newPage()
    try {
      await p.goto(`${server.url}#${encodeURIComponent(JSON.stringify({ asOf: '2026-06-01', lang: 'en', certifications: { 'AZ-104': 2, 'MS-700': 1 } }))}`)
      await p.waitForSelector('#time:not([hidden]) .departures:not([hidden])')
      assert.equal(await p.textContent('.departures h3'), 'If someone leaves')
      assert.equal(await p.textContent('.departures-name'),
        'The certifications are counted, not held by named people: add the people under “Named people”, each with the certifications they hold, to see what each one\'s departure would change.')
      assert.equal(await p.isHidden('.departures-help'), true)
      assert.equal(await p.locator('.departures-out > li').count(), 0)
      assert.deepEqual(await axeViolations(p, '#time'), [])
    } finally {
      await p.close()
    }
  })

  test('past 40 distinct sets of certifications, the departures wait for the button', async () => {
    const certs = ['AZ-104', 'AZ-305', 'AZ-700', 'MD-102', 'MS-102', 'MS-700']
    const people = []
    for (let i = 1; people.length < 45; i++) people.push({ id: `p${i}`, certifications: certs.filter((_, j) => i & (1 << j)) })
    const p = await browser.context.newPage()
    try {
      await p.goto(`${server.url}#${encodeURIComponent(JSON.stringify({ asOf: '2026-06-01', lang: 'en', people }))}`)
      await p.waitForSelector('.departures button:not([hidden])')
      assert.equal(await p.textContent('.departures button'), 'Work out each departure (45 different sets of certifications: one evaluation each, again at every change)')
      assert.equal(await p.locator('.departures-out > li').count(), 0)
      await p.click('.departures button')
      await p.waitForSelector('.departures-out > li')
      assert.equal(await p.locator('.departures-out > li').count(), 45)
      assert.equal(await p.isHidden('.departures button'), true)
      assert.equal(await p.evaluate(() => document.activeElement?.classList.contains('departures-out')), true, 'focus on the list the button asked for')
      assert.deepEqual(await axeViolations(p, '#time'), [])
    } finally {
      await p.close()
    }
  })

  test('printing works out the departures that wait for their button, so the report lists them', async () => {
    const azure = ['AZ-104', 'AZ-305', 'AZ-700', 'AZ-800', 'AZ-140', 'AZ-400', 'DP-300']
    const extra = []
    for (let i = 1; extra.length < 40; i++) extra.push({ id: `p${i}`, certifications: azure.filter((_, j) => i & (1 << j)) })
    const people = [...PROFILE.people, ...extra]
    const p = await browser.context.newPage()
    try {
      await p.goto(`${server.url}#${encodeURIComponent(JSON.stringify({ ...PROFILE, people }))}`)
      await p.waitForSelector('.departures button:not([hidden])')
      assert.equal(await p.locator('.departures-out > li').count(), 0)
      const pdf = await p.pdf({ format: 'A4', printBackground: true })
      assert.equal((pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) || []).length, 1, 'the printed report fits one page')
      // The print (beforeprint) asked for them: every person, and the four whose leaving loses Security.
      assert.equal(await p.locator('.departures-out > li').count(), people.length)
      assert.deepEqual(await p.$$eval('.departures-out > li.loses strong', (ss) => ss.map((s) => s.textContent)), ['a', 'b', 'c', 'd'])
      assert.equal(await p.isHidden('.departures button'), true)
    } finally {
      await p.close()
    }
  })

  test('the departures\' list: losses first, then changes, then the rest; a person without a name is numbered', async () => {
    const items = await page.evaluate(async () => {
      const { departureItems } = await import('./js/history.js')
      const side = (score, qualified) => ({ track: 'enterprise', score, max: 100, qualified, shortfall: Math.max(0, 70 - score), qualifyingScore: 70 })
      const metric = (b, a, vb, va) => ({ id: 'adv', name: 'Advanced', before: { points: b, max: 15, value: vb, unit: 'people', threshold: 2, applied: 'partial' },
        after: { points: a, max: 15, value: va, unit: 'people', threshold: 2, applied: 'partial' }, changes: b === a ? [] : ['points', 'value'] })
      const area = (b, a, m) => ({ id: 'mw', name: 'Modern Work', before: side(b, b >= 70), after: side(a, a >= 70), changes: b === a ? [] : ['score'], metrics: [m] })
      const outcome = (id, name, b, a) => ({ id, name, before: { met: b, missing: [] }, after: { met: a, missing: [] }, changes: b === a ? [] : ['met'] })
      const result = {
        departures: [
          { person: 0, id: 'still', loses: false, changed: false, programs: [{ id: 'p', name: 'P', areas: [area(80, 80, metric(15, 15, 2, 2))] }] },
          { person: 1, loses: false, changed: true, programs: [{ id: 'p', name: 'P', areas: [area(80, 72.5, metric(15, 7.5, 2, 1))] }] },
          { person: 2, id: 'key', loses: true, changed: true, programs: [
            { id: 'p', name: 'P', areas: [area(75, 69.96, metric(15, 7.5, 2, 1))] },
            { id: 'v', name: 'VMware', areas: [], levels: [outcome('partner', 'Partner', true, true), outcome('advanced', 'Advanced Partner', true, false)], competencies: [outcome('dcv', 'DCV', true, false)] },
          ] },
        ],
      }
      const unit = (u, n) => (n === 1 ? 'person' : 'people')
      return ['en', 'fr'].map((lang) => departureItems(result, lang, unit).map((li) => [li.getAttribute('data-person'), li.textContent]))
    })
    assert.deepEqual(items[0], [
      ['2', 'keyModern Work: 75 → 69.96, no longer qualified: Advanced 15 → 7.5 pts (2 → 1 person)VMware: loses Advanced Partner; DCV'],
      ['1', 'Person 2Modern Work: 80 → 72.5: Advanced 15 → 7.5 pts (2 → 1 person)'],
      ['0', 'still: no change'],
    ])
    assert.deepEqual(items[1].map(([, t]) => t), [
      'keyModern Work : 75 → 69,96, n\'est plus qualifié : Advanced 15 → 7,5 pts (2 → 1 person)VMware : perd Advanced Partner ; DCV',
      'Personne 2Modern Work : 80 → 72,5 : Advanced 15 → 7,5 pts (2 → 1 person)',
      'still : aucun changement',
    ])
  })

  test('a program of levels: the dates go back to its first rules, each level met or not on each date, what each lacks', async () => {
    const csp = JSON.parse(readFileSync(path.join(ROOT, 'examples/programs/csp-fy26-direct-bill.json'), 'utf8'))
    const p = await browser.context.newPage()
    try {
      await p.goto(`${server.url}#${encodeURIComponent(JSON.stringify({ ...csp, lang: 'en' }))}`)
      await p.waitForSelector('body[data-ready="true"]', { timeout: 30_000 })
      await p.waitForSelector('#time:not([hidden]) .compare-table')
      // The CSP's first rules are of July 2015, not the Cloud Partner Program's October 2022.
      assert.equal(await p.getAttribute('input[name="compare-from"]', 'min'), '2015-07-01')
      assert.equal(await p.inputValue('input[name="compare-from"]'), '2024-06-01')
      await p.locator('input[name="compare-from"]').fill('2019-06-01')
      await p.waitForFunction(() => document.querySelector('.compare-table thead')?.textContent?.includes('2019-06-01'))
      const want = cliJSON(['compare', '-json', '-from', '2019-06-01', '-to', csp.asOf], { ...csp, lang: 'en' }).programs[0]
      assert.ok(want.levels.length > 0 && want.areas.length === 0)
      const got = await p.$$eval('.compare-table tbody tr', (trs) => trs.map((tr) => ({
        id: tr.getAttribute('data-outcome'),
        changed: tr.getAttribute('data-changed') === 'true',
        before: tr.querySelector('td.before')?.textContent,
        after: tr.querySelector('td.after')?.textContent,
      })))
      assert.deepEqual(got.map((r) => r.id), want.levels.map((l) => l.id))
      for (const [i, l] of want.levels.entries()) {
        assert.equal(got[i].changed, l.changes.length > 0, `${l.id}: changed`)
        for (const side of ['before', 'after']) {
          const s = l[side]
          const text = `${s.met ? 'met' : 'not met'}${s.missing.length ? ` (missing: ${s.missing.map((r) => r.name).join('; ')})` : ''}`
          assert.equal(got[i][side], text, `${l.id} ${side}`)
        }
      }
      assert.match(got[0].before, /^not met \(missing: Partner network id \(MPN ID\);/)
      assert.equal(got[0].after, 'met')
      assert.match(await p.textContent('.compare-versions'), /2018-08 \(2018-08-31\) → fy26 \(2025-10-01\)/)
      await p.locator('#time .compare').screenshot({ path: screenshotPath('compare-levels.png') })
      assert.deepEqual(await axeViolations(p, '#time'), [])
    } finally {
      await p.close()
    }
  })

  test('follows the language and passes axe', async () => {
    await page.selectOption('#lang', 'fr')
    await page.waitForFunction(() => document.getElementById('time-title')?.textContent === 'Dans le temps')
    assert.match(await page.textContent('.projection'), /cesse de compter le 2027-12-01/)
    assert.equal(await page.textContent('.departures h3'), "Si quelqu'un part")
    assert.equal(await page.textContent('.departures-print'),
      'Les personnes dont le départ, à lui seul, ferait perdre une désignation, un niveau ou une compétence, le reste du profil tel quel :')
    assert.equal(await page.textContent('.departures-name'),
      'Les certifications sont comptées, sans personnes nommées : ajoutez les personnes sous « Personnes nommées », chacune avec ses certifications, pour voir ce que le départ de chacune changerait.')
    assert.equal(await page.textContent('.departures-out > li[data-person="3"] li[data-area="security"]'),
      'Sécurité : 73,3 → 66,7, n\'est plus qualifié : Certifications intermédiaires 13,3 → 6,7 pts (2 → 1 personne)')
    assert.deepEqual(await axeViolations(page, '#time'), [])
    assert.deepEqual(problems, [])
  })
})
