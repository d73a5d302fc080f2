// End-to-end tests of the simulator's layout (site/css/app.css) in Debian's headless Chromium,
// against dist/site served by cmd/serve: what fits a phone's width (a certification's count
// row, a long name), the program's name on a wide screen, a certification picker's list above
// the phone's results bar, and the printed report: one A4 page in ordinary cases, a metric's
// points on one line, the profile entered bounded however many people it names. Each profile
// goes in through the permalink (#p=, js/state.js). Screenshots go to dist/screenshots/.

import assert from 'node:assert/strict'
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { after, before, describe, test } from 'node:test'
import { ROOT, SAMPLE_PROFILE, SITE, chromiumPath, ensureSite, launch, screenshotPath, startServer } from './helpers.mjs'

const S = await import(path.join(ROOT, 'site/js/state.js'))
const M = await import(path.join(ROOT, 'site/js/messages.js'))
const { inputGroups, PRINT_BOUNDS } = await import(path.join(ROOT, 'site/js/inputs.js'))

/** The sample profile as the page's state, with some members replaced. */
function sample(over = {}) {
  return { ...S.emptyState('en', SAMPLE_PROFILE.asOf), ...structuredClone(SAMPLE_PROFILE), ...over }
}

/** 60 named people, each with six certifications: eight sets of them, so that the departures
 * are worked out at once. */
const CERTS = ['MS-700', 'MS-102', 'SC-300', 'AZ-104', 'AZ-305', 'MD-102', 'AZ-500', 'SC-200']
const SIXTY = Array.from({ length: 60 }, (_, i) => ({
  id: `Firstname Lastname-Longerpart ${i + 1}`,
  certifications: [0, 1, 2, 3, 5, 6].map((k) => CERTS[(i + k) % CERTS.length]),
}))

/** One word of 80 letters, as a person might paste it in place of a name. */
const LONG_NAME = 'W'.repeat(80)

/** The number of pages of a PDF (as simulator.test.mjs counts them). */
const pageCount = (pdf) => (pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) || []).length

/** The width of an A4 page's printed area in CSS pixels, under the widest margins a report
 * has had (9 mm): where a print-media layout is measured on screen; and an A5 page's. */
const A4_WIDTH = Math.floor(((210 - 18) * 96) / 25.4)
const A5_WIDTH = Math.floor(((148 - 18) * 96) / 25.4)

test('the printed profile names a bounded number of people and certifications, then how many more', () => {
  const lang = 'en'
  const c = {
    lang,
    t: (k, p) => M.t(lang, k, p),
    num: (n) => String(n),
    unit: (u, n) => (n === 1 ? 'person' : 'people'),
    facts: new Map(),
    version: { areas: [], parameters: [] },
    certCode: (id) => id,
  }
  const certifications = Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`CERT-${i}`, i + 1]))
  const people = [{ id: 'x'.repeat(200), certifications: ['AZ-104'] }, ...SIXTY]
  const [counts, named] = inputGroups({ certifications, people }, c)
  for (const [g, total] of [[counts, 200], [named, 61]]) {
    const shown = g.items.slice(0, -1)
    assert.ok(shown.length >= 1 && shown.length < total, `${g.title}: ${shown.length} of ${total}`)
    assert.ok(shown.join('; ').length <= PRINT_BOUNDS.chars + PRINT_BOUNDS.item, g.title)
    assert.equal(g.items.at(-1), `and ${total - shown.length} more`)
  }
  assert.equal(counts.items[0], 'CERT-0: 1 person')
  // A name longer than an item's bound is cut, with an ellipsis.
  assert.equal(named.items[0], `${'x'.repeat(PRINT_BOUNDS.item - 1)}…`)
  assert.equal(Array.from(named.items[0]).length, PRINT_BOUNDS.item)
  // Under the bounds, every item, and no count.
  assert.deepEqual(inputGroups({ people: SIXTY.slice(0, 2) }, c)[0].items,
    ['Firstname Lastname-Longerpart 1: MS-700, MS-102, SC-300, AZ-104, MD-102, AZ-500', 'Firstname Lastname-Longerpart 2: MS-102, SC-300, AZ-104, AZ-305, AZ-500, SC-200'])
})

describe('layout: phones, wide screens and paper', { skip: !chromiumPath() && !process.env.PS_REQUIRE_CHROMIUM && 'Chromium is not installed (apt-get install chromium)', timeout: 300_000 }, () => {
  let server
  /** @type {Awaited<ReturnType<typeof launch>>} */
  let browser
  /** @type {import('playwright-core').Page} */
  let page
  const problems = []

  before(async () => {
    ensureSite()
    server = await startServer(SITE)
    browser = await launch()
    page = await browser.context.newPage()
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`))
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`)
    })
  })

  after(async () => {
    await browser?.stop()
    await server?.stop()
  })

  /** Opens the page on a state (through its permalink) at a viewport size. */
  async function open(state, size = { width: 1280, height: 900 }) {
    await page.emulateMedia({ media: 'screen' })
    await page.setViewportSize(size)
    await page.goto('about:blank')
    await page.goto(`${server.url}${S.stateHash(state)}`)
    await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 })
    await page.waitForFunction((lang) => document.documentElement.lang === lang && document.querySelectorAll('ps-scorecard').length > 0, state.lang)
  }

  /** Whether the document scrolls sideways. */
  const sideways = () => page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth }))

  test('on a phone, a certification count row (field, unit, remove button) fits its row and its box', async () => {
    for (const width of [360, 320]) {
      for (const lang of ['fr', 'en']) {
        await open(sample({ lang }), { width, height: 740 })
        const rows = await page.$$eval('.field-row', (els) => els.filter((r) => r.checkVisibility()).map((r) => {
          const box = r.getBoundingClientRect()
          const fs = /** @type {HTMLElement} */ (r.closest('fieldset'))
          const fb = fs.getBoundingClientRect()
          const cs = getComputedStyle(fs)
          const inner = { left: fb.left + parseFloat(cs.borderLeftWidth), right: fb.right - parseFloat(cs.borderRightWidth) }
          const kids = [...r.children].filter((k) => k.checkVisibility()).map((k) => {
            const b = k.getBoundingClientRect()
            return { tag: k.tagName, cls: k.className, left: b.left, right: b.right, width: b.width, clipped: k.scrollWidth > k.clientWidth + 1 && k.tagName !== 'INPUT' }
          })
          return {
            name: r.closest('ps-fact-field')?.getAttribute('name'),
            row: { left: box.left, right: box.right },
            inner,
            kids,
          }
        }))
        const where = `${width}px, ${lang}`
        const counts = rows.filter((r) => r.name?.startsWith('/certifications/'))
        assert.equal(counts.length, Object.keys(SAMPLE_PROFILE.certifications).length, where)
        for (const r of counts) assert.deepEqual(r.kids.map((k) => k.cls), ['', 'field-unit', 'remove'], `${where} ${r.name}`)
        for (const r of rows) {
          for (const k of r.kids) {
            assert.ok(k.left >= r.row.left - 0.5 && k.right <= r.row.right + 0.5, `${where}: ${r.name}: ${k.tag}.${k.cls} [${k.left}, ${k.right}] out of its row [${r.row.left}, ${r.row.right}]`)
            assert.ok(k.width > 0 && !k.clipped, `${where}: ${r.name}: ${k.tag}.${k.cls} shows whole`)
          }
          assert.ok(r.row.left >= r.inner.left - 0.5 && r.row.right <= r.inner.right + 0.5, `${where}: ${r.name}: the row [${r.row.left}, ${r.row.right}] out of its fieldset [${r.inner.left}, ${r.inner.right}]`)
        }
        const s = await sideways()
        assert.ok(s.scrollWidth <= s.innerWidth, `${where}: the page scrolls sideways (${JSON.stringify(s)})`)
        if (width === 320 && lang === 'fr') {
          await page.locator('ps-fact-field[data-cert]').first().scrollIntoViewIfNeeded()
          await page.screenshot({ path: screenshotPath('layout-phone-counts-fr-320.png') })
        }
      }
    }
  })

  test('a long name without spaces widens neither the phone page nor the printed report', async () => {
    const people = [...SAMPLE_PROFILE.people, { id: LONG_NAME, certifications: ['AZ-104'] }]
    /** The elements that show the name, where each ends. */
    const showing = (text = LONG_NAME) => page.evaluate((n) => [...document.querySelectorAll('legend, #errors li, .departures-out > li')]
      .filter((e) => e.textContent?.includes(n) && /** @type {HTMLElement} */ (e).checkVisibility())
      .map((e) => ({ what: e.tagName + (e.className ? `.${e.className}` : ''), right: e.getBoundingClientRect().right })), text)
    await open(sample({ people }), { width: 360, height: 740 })
    await page.waitForFunction((n) => [...document.querySelectorAll('.departures-out > li.departure')].some((li) => li.textContent?.includes(n)), LONG_NAME)
    const shown = await showing()
    assert.deepEqual(shown.map((x) => x.what), ['LEGEND', 'LI.departure'])
    for (const x of shown) assert.ok(x.right <= 360, `${x.what} ends at ${x.right}px`)
    const screen = await sideways()
    assert.ok(screen.scrollWidth <= screen.innerWidth, `on screen, the page scrolls sideways (${JSON.stringify(screen)})`)
    await page.locator('.person legend').nth(2).scrollIntoViewIfNeeded()
    await page.screenshot({ path: screenshotPath('layout-long-name.png') })
    // On paper (the printed report's cards are three columns whatever the width, so a page
    // as narrow as a phone is wider than it: what shows the name is measured), and at the
    // width of an A4 page.
    await page.emulateMedia({ media: 'print' })
    assert.match(await page.locator('#inputs').innerText(), new RegExp(`Named people: .*; ${LONG_NAME}: AZ-104`))
    const printed = await page.$eval('#inputs', (el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth, right: el.getBoundingClientRect().right }))
    assert.ok(printed.scrollWidth <= printed.clientWidth && printed.right <= 360, `on paper, the profile entered is wider than its box (${JSON.stringify(printed)})`)
    await page.setViewportSize({ width: A4_WIDTH, height: 1000 })
    const paper = await sideways()
    assert.ok(paper.scrollWidth <= paper.innerWidth, `on paper, the page is wider than the paper (${JSON.stringify(paper)})`)
    await page.emulateMedia({ media: 'screen' })
    // Twice the same name: the second is refused, and its error lines quote it.
    await open(sample({ people: [...people, { id: LONG_NAME, certifications: ['MD-102'] }] }), { width: 360, height: 740 })
    // (the engine's words quote the start of it)
    await page.waitForFunction((n) => document.getElementById('errors')?.textContent?.includes(n), LONG_NAME.slice(0, 30))
    const errors = await showing(LONG_NAME.slice(0, 30))
    assert.ok(errors.some((x) => x.what === 'LI'), JSON.stringify(errors))
    for (const x of errors) assert.ok(x.right <= 360, `${x.what} ends at ${x.right}px`)
    const again = await sideways()
    assert.ok(again.scrollWidth <= again.innerWidth, `with the error, the page scrolls sideways (${JSON.stringify(again)})`)
  })

  test("on paper, a metric's points keep to one line", async () => {
    for (const [lang, width] of [['fr', A4_WIDTH], ['en', A4_WIDTH], ['fr', A5_WIDTH]]) {
      await open(sample({ lang }), { width, height: 1000 })
      await page.emulateMedia({ media: 'print' })
      const points = await page.$$eval('ps-scorecard .metric-points', (els) => els.map((e) => {
        const range = document.createRange()
        range.selectNodeContents(e)
        const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size
        return { area: e.closest('ps-scorecard')?.getAttribute('data-area'), text: e.textContent, lines }
      }))
      assert.ok(points.length >= 20, `${points.length} metrics`)
      assert.deepEqual(points.filter((p) => p.lines !== 1), [], `${lang}, ${width}px`)
      if (lang === 'fr' && width === A4_WIDTH) await page.screenshot({ path: screenshotPath('layout-print-points-fr.png') })
    }
    await page.emulateMedia({ media: 'screen' })
  })

  test('beside the results, the program picker shows the whole name of the program', async () => {
    for (const lang of ['en', 'fr']) {
      await open(sample({ lang }))
      const m = await page.$eval('select[name="/programs/0"]', (el) => {
        const s = /** @type {HTMLSelectElement} */ (el)
        const cs = getComputedStyle(s)
        const ctx = /** @type {CanvasRenderingContext2D} */ (document.createElement('canvas').getContext('2d'))
        ctx.font = `${cs.fontStyle} ${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`
        return {
          text: s.options[s.selectedIndex].text,
          textWidth: ctx.measureText(s.options[s.selectedIndex].text).width,
          padding: parseFloat(cs.paddingLeft) + parseFloat(cs.paddingRight),
          clientWidth: s.clientWidth,
          scrollWidth: s.scrollWidth,
        }
      })
      assert.match(m.text, /Solutions Partner/)
      assert.ok(m.scrollWidth <= m.clientWidth + 1, JSON.stringify(m))
      // Chromium draws the closed select's arrow in about 20px beside the text.
      assert.ok(m.textWidth + m.padding + 20 <= m.clientWidth, `${lang}: the name is cut: ${JSON.stringify(m)}`)
      if (lang === 'en') await page.locator('.group-program').screenshot({ path: screenshotPath('layout-program-1280.png') })
    }
    // On a phone the field still fits the page.
    await page.setViewportSize({ width: 360, height: 740 })
    const s = await sideways()
    assert.ok(s.scrollWidth <= s.innerWidth, JSON.stringify(s))
    const box = await page.locator('select[name="/programs/0"]').boundingBox()
    assert.ok(box && box.x >= 0 && box.x + box.width <= 360, JSON.stringify(box))
  })

  test("on a phone, a certification picker's open list stays above the results bar", async () => {
    await open(sample(), { width: 360, height: 740 })
    const input = page.locator('#certs ps-cert-picker input[role="combobox"]').first()
    // The picker just above the bar, as when a person scrolls down the form to it.
    await input.evaluate((el) => {
      const r = el.getBoundingClientRect()
      scrollBy(0, r.bottom - innerHeight + 70)
    })
    const peek = page.locator('#peek')
    await peek.waitFor({ state: 'visible' })
    await input.click()
    await input.pressSequentially('AZ')
    await page.waitForFunction((el) => el?.getAttribute('aria-expanded') === 'true', await input.elementHandle())
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))
    const m = await page.evaluate(() => {
      const list = /** @type {HTMLElement} */ (document.querySelector('#certs ps-cert-picker [role="listbox"]'))
      const bar = /** @type {HTMLElement} */ (document.getElementById('peek'))
      const l = list.getBoundingClientRect()
      return { list: { top: l.top, bottom: l.bottom }, options: list.querySelectorAll('[role="option"]').length, bar: bar.checkVisibility() ? bar.getBoundingClientRect().top : null, innerHeight }
    })
    assert.ok(m.options > 1, JSON.stringify(m))
    assert.notEqual(m.bar, null, 'the results bar shows')
    assert.ok(m.list.top >= 0 && m.list.bottom <= /** @type {number} */ (m.bar), `the list [${m.list.top}, ${m.list.bottom}] runs under the bar at ${m.bar}`)
    await page.screenshot({ path: screenshotPath('layout-picker-open.png') })
    await page.keyboard.press('Escape')
  })

  test('the printed report is one A4 page: in French with the plan, in October 2022 with the plan, with 60 people named', async () => {
    const cases = [
      ['fr-plan', sample({ lang: 'fr', plan: { costs: {} } })],
      ['2022-10-15-plan', sample({ asOf: '2022-10-15', plan: { costs: {} } })],
      ['60-people', sample({ people: SIXTY })],
    ]
    /** @type {Record<string, number>} */
    const pages = {}
    /** @type {Record<string, string>} */
    const printed = {}
    for (const [name, state] of cases) {
      await open(state)
      if (state.plan) await page.waitForSelector('ps-scorecard .plan-summary')
      // The departures are drawn (a departure that loses something is printed).
      await page.waitForSelector('.departures-out > li.departure', { state: 'attached', timeout: 30_000 })
      await page.emulateMedia({ media: 'print' })
      const inputs = await page.locator('#inputs').innerText()
      const pdf = await page.pdf({ format: 'A4', printBackground: true })
      await page.emulateMedia({ media: 'screen' })
      writeFileSync(screenshotPath(`layout-report-${name}.pdf`), pdf)
      pages[name] = pageCount(pdf)
      printed[name] = inputs
    }
    assert.deepEqual(pages, Object.fromEntries(cases.map(([name]) => [name, 1])), 'each printed report fits one page')
    // Of 60 people, the first named, then how many more.
    const sixty = printed['60-people']
    assert.ok(sixty.includes(`Named people: ${SIXTY[0].id}: MS-700, MS-102, SC-300, AZ-104, MD-102, AZ-500; `), sixty)
    const more = sixty.match(/; and (\d+) more\n/)
    assert.ok(more && Number(more[1]) > 0 && Number(more[1]) < 60, sixty)
  })

  test('no page error', () => {
    assert.deepEqual(problems, [])
  })
})
