// End-to-end tests of the browser simulator (site/, built into dist/site by ./build.sh build),
// in Debian's headless Chromium driven by playwright-core, served by cmd/serve on 127.0.0.1.
//
// One person's session, test after test: load (with the progress bar), type a profile into the
// generated fields and the certification picker, compare the scorecards with the CLI, export
// JSON (validated against schemas/result.schema.json) and CSV, switch to French, reload, open the
// permalink in a fresh browser profile, type bad values, print. Every request is recorded (none
// may leave 127.0.0.1), axe-core scans each state, and screenshots go to dist/screenshots/.

import assert from 'node:assert/strict'
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { after, before, describe, test } from 'node:test'
import Ajv2020 from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import {
  ROOT, SAMPLE_PROFILE, SITE, axeViolations, chromiumPath, cli, ensureSite, launch, screenshotPath, startServer,
} from './helpers.mjs'

const S = await import(path.join(ROOT, 'site/js/state.js'))

const PROGRAM = 'microsoft-ai-cloud-partner-program'

/** The profile the test types, as a person would write it for the CLI (exam codes). */
const EXPECTED = SAMPLE_PROFILE

const browserPath = chromiumPath()

test("the page's bound of a certification's count is the profile schema's", () => {
  const schema = JSON.parse(readFileSync(path.join(ROOT, 'schemas/profile.schema.json'), 'utf8'))
  assert.equal(S.MAX_CERT_COUNT, schema.properties.certifications.additionalProperties.maximum)
})

describe('browser simulator', { skip: !browserPath && !process.env.PS_REQUIRE_CHROMIUM && 'Chromium is not installed (apt-get install chromium)', timeout: 300_000 }, () => {
  let server
  let engineCLI
  /** @type {Awaited<ReturnType<typeof launch>>} */
  let browser
  /** @type {import('playwright-core').Page} */
  let page
  const requests = []
  const problems = []

  /** Records requests and page errors of a context. */
  function watch(context) {
    context.on('request', (r) => requests.push(r.url()))
    context.on('page', (p) => {
      p.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`))
      p.on('console', (m) => {
        if (m.type() === 'error') problems.push(`console: ${m.text()}`)
      })
    })
    context.addInitScript(() => {
      /** @type {any} */ (window).__csp = []
      document.addEventListener('securitypolicyviolation', (e) => {
        /** @type {any} */ (window).__csp.push(`${e.violatedDirective} ${e.blockedURI}`)
      })
    })
  }

  async function newPage(b) {
    const p = await b.context.newPage()
    return p
  }

  before(async () => {
    ensureSite()
    server = await startServer(SITE)
    engineCLI = await cli()
    browser = await launch()
    watch(browser.context)
    page = await newPage(browser)
  })

  after(async () => {
    await browser?.stop()
    await server?.stop()
    engineCLI?.stop()
  })

  // --- helpers ---

  const field = (ptr) => page.locator(`ps-fact-field[name="${ptr}"] input`)
  const ready = (p = page) => p.waitForSelector('body[data-ready="true"]', { timeout: 30_000 })

  /** The scorecards as the page shows them (full-precision score in data-score). */
  function cards(p = page) {
    return p.$$eval('ps-scorecard', (els) => els.map((e) => ({
      area: e.getAttribute('data-area'),
      track: e.getAttribute('data-track'),
      score: Number(e.getAttribute('data-score')),
      qualified: e.getAttribute('data-qualified') === 'true',
      name: e.querySelector('h3')?.textContent,
    })))
  }

  function fieldValues(p = page) {
    return p.$$eval('ps-fact-field', (els) => Object.fromEntries(els.map((e) => [e.getAttribute('name'), /** @type {any} */ (e).value])))
  }

  /** The state in the page's URL, once the debounced write has landed. */
  async function urlState(p = page) {
    await p.waitForFunction(() => location.hash.startsWith('#p='))
    await p.waitForTimeout(250)
    return S.readHash(new URL(p.url()).hash).value
  }

  /** Fails on any axe-core violation, in the light and the dark colour scheme. */
  async function axe(p, label) {
    assert.deepEqual(await axeViolations(p), [], `axe violations (${label})`)
  }

  async function typeInto(locator, text) {
    await locator.click()
    await locator.press('ControlOrMeta+a')
    await locator.press('Delete')
    await locator.pressSequentially(text)
  }

  /** Picks a certification in a picker with the keyboard: type, Enter on the first match. */
  async function pick(picker, query) {
    const input = picker.locator('input[role="combobox"]')
    await input.click()
    await input.pressSequentially(query)
    await assertAttr(input, 'aria-expanded', 'true')
    await page.keyboard.press('Enter')
  }

  async function assertAttr(locator, name, want) {
    await page.waitForFunction(([el, n, w]) => el.getAttribute(n) === w, [await locator.elementHandle(), name, want])
  }

  // --- the tests ---

  test('loads the engine behind a progress bar', async () => {
    // The wasm is held back until the bar has been seen (a fixed delay raced the page's own
    // loading on a busy machine).
    const p = await newPage(browser)
    let release = () => {}
    const held = new Promise((r) => { release = r })
    await p.route('**/partnerscore.wasm', async (route) => {
      await held
      await route.continue()
    })
    // Not until the load event: the page preloads the wasm, and a preload holds the load
    // event back until it has arrived.
    await p.goto(server.url, { waitUntil: 'domcontentloaded' })
    const bar = p.locator('#progress')
    assert.equal(await bar.getAttribute('role'), 'progressbar')
    assert.ok(await bar.isVisible())
    assert.ok((await bar.getAttribute('aria-label'))?.length)
    assert.equal(await bar.getAttribute('aria-valuenow'), '0')
    await p.screenshot({ path: screenshotPath('01-loading.png') })
    release()
    await ready(p)
    assert.equal(await bar.getAttribute('aria-valuenow'), '100')
    assert.equal(await p.locator('#loading').isHidden(), true)
    await p.close()
  })

  test('a failed load says why, and Try again loads the engine', async () => {
    // The load begins before the app's modules have run (js/boot.js): its failure must still
    // reach the page, and the retry must start a new load.
    const seen = problems.length
    const p = await newPage(browser)
    let fail = true
    await p.route('**/partnerscore.wasm', (route) => (fail ? route.fulfill({ status: 503, body: 'down' }) : route.continue()))
    await p.goto(server.url)
    const error = p.locator('#load-error')
    await error.waitFor({ state: 'visible' })
    assert.match(await error.innerText(), /HTTP 503/)
    fail = false
    await p.locator('#retry').click()
    await ready(p)
    assert.equal(await error.isHidden(), true)
    assert.equal((await p.locator('ps-scorecard').count()) > 0, true)
    await p.close()
    // The refused download is the one console error this page may log.
    assert.deepEqual(problems.splice(seen).filter((m) => !/status of 503/.test(m)), [])
  })

  test('starts in the browser language with an empty profile', async () => {
    await page.goto(server.url)
    await ready()
    assert.equal(await page.getAttribute('html', 'lang'), 'en')
    const c = await cards()
    assert.equal(c.length, 6)
    assert.ok(c.every((x) => x.score === 0 && !x.qualified))
    await axe(page, 'empty profile')
  })

  test("numbers are written as this browser's Intl.NumberFormat writes them (format.js builds none)", async () => {
    const diffs = await page.evaluate(async () => {
      const { formatNumber } = await import(new URL('js/format.js', location.href).href)
      const values = [0, 0.5, 1.005, 2.5, -2.5, 999.995, 1234.5, -1234.5, 1234567.891, 0.05, 1e-7, 1e20, 0.125, -99.5, 70.0333]
      for (let i = 0; i < 2000; i++) {
        const v = (Math.random() - 0.3) * 10 ** Math.floor(Math.random() * 14 - 4)
        values.push(v, Math.round(v * 1000) / 1000, Math.round(v * 2) / 2)
      }
      const out = []
      for (const v of values) {
        for (const lang of ['en', 'fr']) {
          for (const d of [0, 1, 2, 6]) {
            const r = Math.abs(v) < 0.5 * 10 ** -d ? 0 : v
            const intl = new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-US', { maximumFractionDigits: d }).format(r)
            if (formatNumber(v, lang, d) !== intl) out.push(`${v} ${lang} ${d}: ${formatNumber(v, lang, d)} ≠ ${intl}`)
          }
        }
      }
      return out
    })
    assert.deepEqual(diffs.slice(0, 10), [])
  })

  test('the wasm is downloaded once: the page preloads it and the engine takes the preload', async () => {
    // index.html preloads partnerscore.wasm; a fetch that did not match the preload's mode
    // and credentials would download it a second time.
    const wasm = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => n.endsWith('/partnerscore.wasm')))
    assert.equal(wasm.length, 1, wasm.join(' '))
    const html = await (await fetch(server.url)).text()
    assert.match(html, /rel="preload" href="partnerscore\.wasm"/)
  })

  test('typing a profile gives the CLI scores, some areas qualified and others not', async () => {
    await page.locator('input[name="/asOf"]').fill(EXPECTED.asOf)
    // Modern Work is open; its fields are found by label too.
    await typeInto(page.getByLabel('Modern Work Enterprise: net customer adds (12 months)'), '4')
    await typeInto(field('/facts/mw.ent.usageGrowth.cpor'), '800')
    await typeInto(field('/facts/mw.ent.usageGrowth.dpor'), '2500')
    await typeInto(field('/facts/mw.ent.deployments.cpor'), '3')
    // The Azure figures live under Data & AI, folded until opened.
    const dataAI = page.locator('fieldset[data-area="data-ai"] button.disclosure')
    assert.equal(await dataAI.getAttribute('aria-expanded'), 'false')
    await dataAI.click()
    assert.equal(await dataAI.getAttribute('aria-expanded'), 'true')
    for (const [id, text] of [['azure.smbCustomerShare', '92.5'], ['azure.smb.netCustomerAdds', '3'],
      ['azure.usageGrowth', '15.4'], ['azure.acrTtm', '48000'], ['azure.deployments', '3']]) {
      await typeInto(field(`/facts/${id}`), text)
    }

    // Certification counts: the picker finds by exam code; the new count field takes focus.
    const counts = page.locator('ps-cert-picker[data-key="picker:counts"]')
    for (const [exam, n] of Object.entries(EXPECTED.certifications)) {
      await pick(counts, exam)
      const focused = page.locator('ps-fact-field:focus-within')
      assert.match(await focused.getAttribute('label'), new RegExp(exam))
      if (n !== 1) await typeInto(focused.locator('input'), String(n))
    }
    await page.screenshot({ path: screenshotPath('02-picker.png') })

    // Named people, each with their certifications, from the keyboard.
    for (const [i, person] of EXPECTED.people.entries()) {
      await page.getByRole('button', { name: 'Add a person' }).click()
      await page.keyboard.type(person.id)
      for (const exam of person.certifications) {
        await pick(page.locator(`ps-cert-picker[data-key="picker:person:${i}"]`), exam)
      }
    }
    // Open the picker and leave it open for the accessibility scan.
    const combo = counts.locator('input[role="combobox"]')
    await combo.click()
    await combo.pressSequentially('az')
    await page.keyboard.press('ArrowDown')
    assert.ok(await counts.locator('[role="listbox"]').isVisible())
    const active = await combo.getAttribute('aria-activedescendant')
    assert.equal(await page.locator(`#${active}`).getAttribute('aria-selected'), 'true')
    await page.screenshot({ path: screenshotPath('03-picker-open.png') })
    await axe(page, 'picker open')
    await page.keyboard.press('Escape')
    assert.equal(await combo.getAttribute('aria-expanded'), 'false')
    await page.keyboard.press('Escape')
    assert.equal(await combo.inputValue(), '')

    const want = engineCLI.evaluate(EXPECTED).programs[0].areas
    const got = await cards()
    assert.deepEqual(got.map(({ name, ...c }) => c), want.map((a) => ({ area: a.id, track: a.track, score: a.score, qualified: a.qualified })))
    assert.deepEqual(got.filter((c) => c.qualified).map((c) => c.area), ['modern-work', 'infrastructure'])
    assert.match(await page.locator('#status').textContent(), /^2 of 6 areas qualified: Modern Work, Infrastructure/)
    // The engine's explanation of each metric is on the card.
    const mw = want.find((a) => a.id === 'modern-work')
    const explanations = await page.$$eval('ps-scorecard[data-area="modern-work"] .metric-explanation', (els) => els.map((e) => e.textContent))
    assert.deepEqual(explanations, mw.metrics.map((m) => m.explanation))
    // Each metric names the source of its rule, linked to the document, as the result gives it;
    // no rule of fy26 is an assumption.
    const sources = new Map(engineCLI.evaluate(EXPECTED).programs[0].sources.map((s) => [s.id, s]))
    const cited = await page.$$eval('ps-scorecard[data-area="modern-work"] .metric', (els) => els.map((e) => {
      const p = e.querySelector('.metric-source')
      const a = p?.querySelector('a')
      return { text: p?.textContent, href: a?.getAttribute('href'), lang: a?.lang }
    }))
    assert.deepEqual(cited, mw.metrics.map((m) => {
      const s = sources.get(m.source) || assert.fail(`no source ${m.source}`)
      return { text: `Source: ${s.title}.`, href: s.url, lang: 'en' }
    }))
    assert.equal(await page.locator('.metric-assumption').count(), 0)
    // The URL holds the same profile.
    const state = await urlState()
    assert.deepEqual(engineCLI.evaluate(S.toProfile(S.normalizeState(state, { lang: 'en', asOf: '' })).profile).programs[0].areas.map((a) => a.score),
      want.map((a) => a.score))
    await page.locator('#results').screenshot({ path: screenshotPath('04-results.png') })
    await page.screenshot({ path: screenshotPath('04-page.png') })
    await axe(page, 'results')
  })

  test('a keystroke redraws the cards that changed and keeps open disclosures open', async () => {
    const sources = page.locator('#results details.sources').first()
    await sources.locator('summary').click()
    assert.equal(await sources.evaluate((d) => /** @type {HTMLDetailsElement} */ (d).open), true)
    // Mark every card's drawing, then change a Modern Work figure.
    await page.$$eval('ps-scorecard > article', (els) => els.forEach((e) => { /** @type {any} */ (e).__before = true }))
    const redrawn = () => page.$$eval('ps-scorecard', (els) => els.filter((e) => !(/** @type {any} */ (e.firstElementChild)).__before).map((e) => e.getAttribute('data-area')))
    try {
      await typeInto(field('/facts/mw.ent.usageGrowth.cpor'), '900')
      const want = engineCLI.evaluate({ ...EXPECTED, facts: { ...EXPECTED.facts, 'mw.ent.usageGrowth.cpor': 900 } }).programs[0].areas
      await page.waitForFunction((s) => document.querySelector('ps-scorecard[data-area="modern-work"]')?.getAttribute('data-score') === s,
        String(want.find((a) => a.id === 'modern-work').score))
      assert.deepEqual(await redrawn(), ['modern-work'])
      assert.deepEqual(await page.$$eval('ps-scorecard[data-area="modern-work"] .metric-explanation', (els) => els.map((e) => e.textContent)),
        want.find((a) => a.id === 'modern-work').metrics.map((m) => m.explanation))
      assert.equal(await sources.evaluate((d) => /** @type {HTMLDetailsElement} */ (d).open), true, 'Sources stays open while typing')
    } finally {
      // Back to the profile of the tests that follow.
      await typeInto(field('/facts/mw.ent.usageGrowth.cpor'), '800')
      await page.waitForFunction(() => document.querySelector('ps-scorecard[data-area="modern-work"]')?.getAttribute('data-score') === '80')
      await sources.evaluate((d) => { /** @type {HTMLDetailsElement} */ (d).open = false })
    }
  })

  test('exports the result as JSON that validates against the result schema, and as CSV', async () => {
    const [json] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')])
    assert.match(json.suggestedFilename(), /^partnerscore-2026-06-01\.json$/)
    const result = JSON.parse(readFileSync(await json.path(), 'utf8'))
    const ajv = new Ajv2020({ strict: true, allErrors: true })
    addFormats(ajv)
    const validate = ajv.compile(JSON.parse(readFileSync(path.join(ROOT, 'schemas/result.schema.json'), 'utf8')))
    assert.ok(validate(result), JSON.stringify(validate.errors, null, 2))
    // The engine in the page and the CLI give the same result for the page's profile.
    const profile = S.toProfile(S.normalizeState(await urlState(), { lang: 'en', asOf: '' })).profile
    assert.deepEqual(result, engineCLI.evaluate(profile))

    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')])
    const lines = readFileSync(await csv.path(), 'utf8').replace(/^\ufeff/, '').trimEnd().split('\r\n')
    assert.equal(lines[0], 'program,version,section,group,group_name,track,group_score,qualified,item,item_name,period,value,unit,points,max,threshold,met,applied,source,explanation,assumption')
    const metrics = result.programs[0].areas.flatMap((a) => a.metrics.map((m) => [a, m]))
    assert.equal(lines.length - 1, metrics.length)
    const first = result.programs[0].areas[0].metrics[0]
    assert.equal(lines[1], `${PROGRAM},fy26,area,modern-work,Modern Work,enterprise,80,true,net-customer-adds,Net customer adds,,4,customers,16,20,5,,threshold,learn-modern-work,${first.explanation},`)
  })

  test('switches to French: labels from the data, explanations from the engine', async () => {
    await page.selectOption('#lang', 'fr')
    await page.waitForFunction(() => document.documentElement.lang === 'fr')
    const want = engineCLI.evaluate({ ...EXPECTED, lang: 'fr' }).programs[0].areas
    const got = await cards()
    assert.deepEqual(got.map((c) => c.name), want.map((a) => a.name))
    assert.ok(got.some((c) => c.name === 'Modern Work (travail moderne)'))
    const explanations = await page.$$eval('ps-scorecard[data-area="modern-work"] .metric-explanation', (els) => els.map((e) => e.textContent))
    assert.deepEqual(explanations, want[0].metrics.map((m) => m.explanation))
    assert.ok(await page.getByLabel('Modern Work Entreprise : ajouts nets de clients (12 mois)').isVisible())
    // The area's name holds parentheses of its own: the track's label does not nest them.
    assert.equal(await page.getByLabel('Parcours pour Modern Work (travail moderne)', { exact: true }).count(), 1)
    assert.match(await page.locator('#status').textContent(), /^2 sur 6 domaines qualifiés : /)
    assert.equal(await page.locator('#export-json').textContent(), 'Exporter en JSON')
    // Numbers are written back the French way.
    assert.equal(await field('/facts/azure.usageGrowth').inputValue(), '15,4')
    assert.equal((await urlState()).lang, 'fr')
    // The CSV in French: semicolons and decimal commas, which a French spreadsheet opens in
    // columns; the explanations' own semicolons are quoted.
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')])
    const lines = readFileSync(await csv.path(), 'utf8').replace(/^\ufeff/, '').trimEnd().split('\r\n')
    assert.equal(lines[0], 'program;version;section;group;group_name;track;group_score;qualified;item;item_name;period;value;unit;points;max;threshold;met;applied;source;explanation;assumption')
    assert.equal(lines.length - 1, want.reduce((n, a) => n + a.metrics.length, 0))
    const dataAI = want.find((a) => a.id === 'data-ai') || assert.fail('no Data & AI area')
    const growth = dataAI.metrics.find((m) => m.id === 'usage-growth') || assert.fail('no usage growth metric')
    assert.equal(growth.points, 15.4)
    assert.match(growth.explanation, /^15,4 % .* ; /)
    const quoted = `"${growth.explanation.replace(/"/g, '""')}"`
    assert.ok(lines.includes(`${PROGRAM};fy26;area;data-ai;${dataAI.name};${dataAI.track};${String(dataAI.score).replace('.', ',')};false;usage-growth;${growth.name};;15,4;percent;15,4;20;20;;threshold;${growth.source};${quoted};`),
      lines.filter((l) => l.includes(';data-ai;')).join('\n'))
    await page.locator('#results').screenshot({ path: screenshotPath('05-results-fr.png') })
    await axe(page, 'French')
  })

  test('a reload finds the same state', async () => {
    const before = { fields: await fieldValues(), cards: await cards(), hash: new URL(page.url()).hash }
    await page.reload()
    await ready()
    assert.equal(await page.getAttribute('html', 'lang'), 'fr')
    assert.deepEqual(await fieldValues(), before.fields)
    assert.deepEqual(await cards(), before.cards)
    assert.deepEqual(await page.$$eval('.person .chip', (els) => els.map((e) => e.getAttribute('data-cert'))),
      ['teams-administrator-associate', 'enterprise-administrator-expert', 'identity-and-access-administrator-associate', 'enterprise-administrator-expert'])
    // And without the hash, from localStorage alone.
    await page.goto(server.url)
    await ready()
    assert.deepEqual(await cards(), before.cards)
    assert.equal(new URL(page.url()).hash, before.hash)
  })

  test('the permalink opens the same result in a fresh browser profile', async () => {
    const url = page.url()
    const expected = await cards()
    const other = await launch({ locale: 'en-GB' })
    try {
      watch(other.context)
      const p = await other.context.newPage()
      await p.goto(url)
      await ready(p)
      assert.equal(await p.evaluate(() => Object.keys(localStorage).length <= 1), true)
      assert.deepEqual(await cards(p), expected)
      assert.equal(await p.getAttribute('html', 'lang'), 'fr')
      assert.deepEqual(await fieldValues(p), await fieldValues())
      assert.deepEqual((await p.evaluate(() => /** @type {any} */ (window).__csp)), [])
      // A broken link says so and falls back to the profile saved in this browser.
      await p.goto(`${server.url}#p=not*base64`)
      await ready(p)
      assert.ok(await p.locator('#notice').isVisible())
      // (in French: the profile saved in this browser profile is French)
      assert.match(await p.locator('#notice').textContent(), /Le lien n'a pas pu être lu/)
      assert.deepEqual(await cards(p), expected)
      // Once the profile is replaced, the notice about the link goes.
      await p.getByRole('button', { name: 'Recommencer' }).click()
      assert.ok(await p.locator('#notice').isHidden())
    } finally {
      await other.stop()
    }
    // A browser that prefers French starts in French.
    const french = await launch({ locale: 'fr-FR' })
    try {
      watch(french.context)
      const p = await french.context.newPage()
      await p.goto(server.url)
      await ready(p)
      assert.equal(await p.getAttribute('html', 'lang'), 'fr')
      assert.equal(await p.locator('#results-title').textContent(), 'Résultats')
      assert.match(await p.locator('#status').textContent(), /Aucun des 6 domaines n'est encore qualifié/)
    } finally {
      await french.stop()
    }
  })

  test('bad values show an inline error on their field, and are kept as typed', async () => {
    await page.selectOption('#lang', 'en')
    await page.waitForFunction(() => document.documentElement.lang === 'en')
    const adds = page.locator('ps-fact-field[name="/facts/mw.ent.netCustomerAdds"]')
    await typeInto(adds.locator('input'), '2.5')
    const input = adds.locator('input')
    await assertAttr(input, 'aria-invalid', 'true')
    const err = adds.locator('.field-error')
    assert.ok(await err.isVisible())
    assert.match(await err.textContent(), /whole number \(got 2\.5\)/)
    const errId = await err.getAttribute('id')
    assert.ok((await input.getAttribute('aria-describedby')).split(' ').includes(errId))
    // The error list names the field and quotes the engine.
    const list = page.locator('#errors')
    assert.match(await list.textContent(), /Modern Work Enterprise: net customer adds \(12 months\): Enter a whole number/)
    assert.match(await list.textContent(), /Engine: this fact counts whole things \(expected a whole number, got 2\.5\)/)
    assert.ok(await page.locator('#stale').isVisible())

    // A negative count, and text that is no number at all.
    const az104 = page.locator('ps-fact-field[data-cert="azure-administrator-associate"]')
    await typeInto(az104.locator('input'), '-5')
    await assertAttr(az104.locator('input'), 'aria-invalid', 'true')
    assert.match(await az104.locator('.field-error').textContent(), /Cannot be negative \(got -5\)\./)
    await typeInto(field('/facts/azure.deployments'), 'three')
    await assertAttr(field('/facts/azure.deployments'), 'aria-invalid', 'true')
    assert.match(await page.locator('ps-fact-field[name="/facts/azure.deployments"] .field-error').textContent(), /Not a number/)
    // Every error is listed at once, in the order of the form, each with the engine's words,
    // and the results leave the bad values out.
    const items = await list.locator('li').allTextContents()
    assert.equal(items.length, 3, items.join('\n'))
    assert.match(items[0], /^People holding AZ-104 .*: Cannot be negative.*Engine: a count cannot be negative/)
    assert.match(items[1], /^Modern Work Enterprise: net customer adds .*Engine: this fact counts whole things/)
    assert.match(items[2], /^Azure: services deployed: Not a number/)
    assert.match(await page.locator('#stale').textContent(), /values in error are left out/)
    const without = structuredClone(EXPECTED)
    delete without.facts['mw.ent.netCustomerAdds']
    delete without.facts['azure.deployments']
    delete without.certifications['AZ-104']
    assert.deepEqual((await cards()).map((c) => c.score), engineCLI.evaluate(without).programs[0].areas.map((a) => a.score))
    // The error link moves focus to the field.
    await list.getByRole('link', { name: /Azure: services deployed/ }).click()
    assert.equal(await page.evaluate(() => document.activeElement?.closest('ps-fact-field')?.getAttribute('name')), '/facts/azure.deployments')
    await page.screenshot({ path: screenshotPath('06-errors.png') })
    await axe(page, 'errors')

    // A date without rules in force.
    const date = page.locator('input[name="/asOf"]')
    await date.fill('2020-01-01')
    await assertAttr(date, 'aria-invalid', 'true')
    // It says when the program's rules apply, once (no second line under the field).
    assert.equal(await page.locator('input[name="/asOf"] ~ .field-error').textContent(),
      'No rules of this program are in force on this date: its rules apply from 2022-10-03.')
    assert.ok(await page.locator('.version-info').isHidden())
    assert.match(await page.locator('#stale').textContent(), /last valid values/)
    // The panel over time works from the values kept (the bad ones left out): no error there.
    await date.fill(EXPECTED.asOf)
    await page.waitForFunction(() => document.querySelector('input[name="/asOf"]')?.getAttribute('aria-invalid') === null)
    await page.waitForSelector('.projection-card')
    assert.equal(await page.locator('#time .compare-error').count(), 0)

    // A program with no rules on the date: its error, and no other program's results.
    const program = page.locator('select[name="/programs/0"]')
    await program.selectOption('microsoft-bpos-partner-fees')
    await assertAttr(date, 'aria-invalid', 'true')
    assert.equal(await page.locator('input[name="/asOf"] ~ .field-error').textContent(),
      'No rules of this program are in force on this date: its rules apply from 2009-01-01 to 2011-06-30.')
    assert.equal(await page.locator('ps-scorecard').count(), 0, 'no card of the other program')
    assert.deepEqual(await page.$$eval('#export-json, #export-csv, #print', (bs) => bs.map((b) => /** @type {HTMLButtonElement} */ (b).disabled)), [true, true, true])
    await program.selectOption('microsoft-ai-cloud-partner-program')
    await page.waitForSelector('ps-scorecard')
    assert.deepEqual(await page.$$eval('#export-json, #export-csv, #print', (bs) => bs.map((b) => /** @type {HTMLButtonElement} */ (b).disabled)), [false, false, false])

    // Invalid text survives a reload.
    await page.waitForTimeout(250)
    await page.reload()
    await ready()
    assert.equal(await field('/facts/mw.ent.netCustomerAdds').inputValue(), '2.5')
    assert.equal(await field('/facts/azure.deployments').inputValue(), 'three')
    await assertAttr(field('/facts/azure.deployments'), 'aria-invalid', 'true')

    // In French the errors are French, and the engine's words, English whatever the page's
    // language, are marked as English for screen readers.
    await page.selectOption('#lang', 'fr')
    await page.waitForFunction(() => document.querySelector('#errors')?.textContent?.includes('Moteur'))
    const frItems = await list.locator('li').allTextContents()
    // The engine's numbers are written the French way (2,5).
    assert.match(frItems[0], /Ne peut pas être négatif \(reçu : -5\)\. Moteur : a count cannot be negative/)
    assert.match(frItems[1], /Saisissez un nombre entier \(reçu : 2,5\)\. Moteur : this fact counts whole things/)
    const words = await list.locator('li .error-detail').evaluateAll((els) => els.map((el) => [
      el.textContent, [...el.querySelectorAll('[lang]')].map((x) => [x.getAttribute('lang'), x.textContent]),
    ]))
    assert.equal(words.length, 2)
    for (const [text, marked] of words) {
      assert.match(text, /^Moteur : /)
      assert.deepEqual(marked, [['en', text.slice('Moteur : '.length)]])
    }
    await axe(page, 'errors in French')
    await page.selectOption('#lang', 'en')
    await page.waitForFunction(() => document.querySelector('#errors')?.textContent?.includes('Engine: '))
    assert.deepEqual(await list.locator('li .error-detail [lang="en"]').allTextContents(), words.map(([text]) => text.slice('Moteur : '.length)))

    // Fixing them clears every error.
    await typeInto(field('/facts/mw.ent.netCustomerAdds'), '4')
    await typeInto(page.locator('ps-fact-field[data-cert="azure-administrator-associate"] input'), '1')
    await typeInto(field('/facts/azure.deployments'), '3')
    assert.ok(await page.locator('#errors').isHidden())
    // Two people named alike: the second name is refused where it was typed, and the person
    // still counts, unnamed.
    const before = await cards()
    const second = page.locator('input[name="/people/1/id"]')
    await typeInto(second, 'ana')
    await assertAttr(second, 'aria-invalid', 'true')
    const nameErr = page.locator(`#${await second.getAttribute('aria-describedby').then((ids) => (ids || '').split(' ').find((id) => /err/.test(id)))}`)
    assert.match(await nameErr.textContent(), /^Another person has this name: give each a different one\. Until then this person counts unnamed\./)
    assert.match(await page.locator('#errors').textContent(), /person 2 \(optional\): Another person has this name.*person listed twice \(expected a different id for each person \(or none\), got "ana"\)/)
    assert.deepEqual(await cards(), before)
    assert.equal(await second.inputValue(), 'ana', 'kept as typed')
    await typeInto(second, 'ben')
    await page.locator('#errors').waitFor({ state: 'hidden' })
    assert.notEqual(await second.getAttribute('aria-invalid'), 'true')
    assert.equal(await page.locator('[aria-invalid="true"]').count(), 0)
    assert.deepEqual((await cards()).filter((c) => c.qualified).map((c) => c.area), ['modern-work', 'infrastructure'])
  })

  test('certification steps read with their numbers, in the singular for one person', async () => {
    const areas = engineCLI.evaluate(EXPECTED).programs[0].areas
    const want = areas.flatMap((a) => a.metrics.flatMap((m) => (m.gates || []).map((g) => [a.id, g])))
    assert.ok(want.some(([, g]) => g.required === 1) && want.some(([, g]) => g.required > 1), 'gates of one person and of more')
    const got = await page.$$eval('ps-scorecard .gate', (els) => els.map((e) => [e.closest('ps-scorecard')?.getAttribute('data-area'), e.textContent]))
    assert.equal(got.length, want.length)
    want.forEach(([area, g], i) => {
      assert.equal(got[i][0], area)
      assert.match(got[i][1], new RegExp(`: ${g.people} of ${g.required} ${g.required === 1 ? 'person' : 'people'} \\((met|not met)\\)$`))
    })
  })

  test("a metric whose rule no source of the version gives says so, and where its value comes from", async () => {
    // October 2022 (fy23): most rules are the June 2023 text's, assumed.
    const asOf = page.locator('input[name="/asOf"]')
    await asOf.fill('2022-12-01')
    await page.waitForFunction(() => /fy23/.test(document.querySelector('.program-line')?.textContent || ''))
    for (const lang of ['en', 'fr']) {
      await page.selectOption('#lang', lang)
      await page.waitForFunction((l) => document.documentElement.lang === l, lang)
      const result = engineCLI.evaluate({ ...EXPECTED, asOf: '2022-12-01', lang }).programs[0]
      const sources = new Map(result.sources.map((s) => [s.id, s]))
      const title = (id) => (sources.get(id) || assert.fail(`no source ${id}`)).title
      const want = result.areas.flatMap((a) => a.metrics.map((m) => {
        const x = m.assumption
        const source = lang === 'fr' ? `Source : ${title(m.source)}.` : `Source: ${title(m.source)}.`
        return {
          area: a.id,
          metric: m.id,
          // The metric's own source is said apart only where the assumption's is another.
          source: !x || x.source !== m.source ? source : null,
          assumption: x ? (lang === 'fr'
            ? `Hypothèse : ${x.reason} Valeur reprise des règles ${x.from} : ${title(x.source)}.`
            : `Assumption: ${x.reason} Value taken from the rules ${x.from}: ${title(x.source)}.`) : null,
        }
      }))
      assert.ok(want.some((w) => w.assumption && w.source) && want.some((w) => w.assumption && !w.source), 'assumptions with and without a source of their own')
      const got = await page.$$eval('ps-scorecard .metric', (els) => els.map((e) => ({
        area: e.closest('ps-scorecard')?.getAttribute('data-area'),
        metric: e.getAttribute('data-metric'),
        source: e.querySelector('.metric-source')?.textContent ?? null,
        assumption: e.querySelector('.metric-assumption')?.textContent ?? null,
      })))
      assert.deepEqual(got, want)
      if (lang === 'fr') assert.match(want.find((w) => w.assumption)?.assumption || '', /Aucune source du lancement d'octobre 2022/)
      else {
        await page.locator('ps-scorecard[data-area="business-applications"]').screenshot({ path: screenshotPath('10-assumption.png') })
        // The CSV flags the same metrics in its last column.
        const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')])
        const rows = readFileSync(await csv.path(), 'utf8').replace(/^\ufeff/, '').trimEnd().split('\r\n').slice(1)
        assert.deepEqual(rows.map((r) => r.endsWith(',true')), want.map((w) => w.assumption !== null))
      }
    }
    await axe(page, 'assumptions')
    // On paper the assumptions' lines are left out: a star marks each assumed metric, and a
    // note under the cards says what it means.
    const note = page.locator('.assumed-note')
    assert.ok(await note.isHidden(), 'the note is for print')
    await page.emulateMedia({ media: 'print' })
    const printed = await page.$$eval('ps-scorecard .metric', (els) => els.map((e) => [
      getComputedStyle(/** @type {Element} */ (e.querySelector('.metric-name')), '::after').content,
      /** @type {HTMLElement} */ (e.querySelector('.metric-assumption'))?.checkVisibility() ?? false,
    ]))
    const assumedEn = engineCLI.evaluate({ ...EXPECTED, asOf: '2022-12-01' }).programs[0].areas.flatMap((a) => a.metrics.map((m) => Boolean(m.assumption)))
    assert.deepEqual(printed, assumedEn.map((x) => [x ? '" *"' : 'none', false]))
    assert.match(await note.innerText(), /^\* Une hypothèse : aucune source de cette version des règles/)
    await page.emulateMedia({ media: 'screen' })
    await page.selectOption('#lang', 'en')
    await asOf.fill(EXPECTED.asOf)
    await page.waitForFunction(() => /fy26/.test(document.querySelector('.program-line')?.textContent || ''))
  })

  test('the plan gives the cheapest steps; track overrides apply', async () => {
    await page.getByLabel('Show the gaps and the cheapest plan for each area').check()
    const plan = page.locator('ps-scorecard[data-area="data-ai"] .plan-summary')
    await plan.waitFor()
    const want = engineCLI.evaluate({ ...EXPECTED, plan: {} }).programs[0].areas.find((a) => a.id === 'data-ai').plan
    assert.match(await plan.textContent(), new RegExp(`reach ${want.score} points for a cost of ${want.cost}`))
    assert.equal(await page.locator('ps-scorecard[data-area="data-ai"] .plan-steps li').count(), want.steps.length)
    // The gaps table names a certification step's certifications by their exam codes (the
    // plan's steps give their names).
    const catalog = new Map(JSON.parse(readFileSync(path.join(ROOT, 'score/rules/certifications.json'), 'utf8')).certifications.map((c) => [c.id, c]))
    const certGap = want.gaps.find((g) => !g.fact && g.certifications?.length > 1) || assert.fail('no certification gap')
    const measures = await page.$$eval('ps-scorecard[data-area="data-ai"] .gaps-table tbody tr td:nth-child(2)', (tds) => tds.map((td) => td.textContent))
    assert.ok(measures.includes(`people with ${certGap.certifications.map((id) => catalog.get(id).exams.join('/')).join(', ')}`), measures.join('\n'))
    // A step of one unit says it in the singular ("Certify 1 more person", not "people").
    const sec = engineCLI.evaluate({ ...EXPECTED, plan: {} }).programs[0].areas.find((a) => a.id === 'security').plan
    const steps = await page.$$eval('ps-scorecard[data-area="security"] .plan-steps li', (els) => els.map((e) => e.textContent))
    assert.equal(steps.length, sec.steps.length)
    assert.ok(sec.steps.some((st) => st.add === 1 && st.certification), JSON.stringify(sec.steps))
    sec.steps.forEach((st, i) => assert.match(steps[i], st.certification
      ? new RegExp(`^Certify ${st.add} more ${st.add === 1 ? 'person' : 'people'} in `)
      : new RegExp(`^Add ${st.add.toLocaleString('en')} [a-z]+${st.add === 1 ? '[^s]' : 's'}: `)))
    // A cost per unit changes the plan's cost.
    await page.getByLabel('Add a cost for a figure').selectOption('mw.ent.netCustomerAdds')
    await page.getByRole('button', { name: 'Add', exact: true }).click()
    // A cost of zero is refused, in the page's words.
    await typeInto(field('/plan/costs/mw.ent.netCustomerAdds'), '0')
    await assertAttr(field('/plan/costs/mw.ent.netCustomerAdds'), 'aria-invalid', 'true')
    assert.match(await page.locator('ps-fact-field[name="/plan/costs/mw.ent.netCustomerAdds"] .field-error').textContent(), /Must be above 0 \(got 0\)\./)
    await typeInto(field('/plan/costs/mw.ent.netCustomerAdds'), '10')
    const state = S.normalizeState(await urlState(), { lang: 'en', asOf: '' })
    assert.deepEqual(state.plan, { costs: { 'mw.ent.netCustomerAdds': 10 } })
    // Force Security onto SMB.
    const track = page.getByLabel('Track for Security', { exact: true })
    await page.locator('fieldset[data-area="security"] button.disclosure').click()
    await track.selectOption('smb')
    await page.waitForFunction(() => document.querySelector('ps-scorecard[data-area="security"]')?.getAttribute('data-track') === 'smb')
    assert.match(await page.locator('ps-scorecard[data-area="security"] .card-why').textContent(), /Set in your profile/)
    await axe(page, 'plan')
    await track.selectOption('')
  })

  test('the keyboard reaches everything, with a visible focus', async () => {
    await page.reload()
    await ready()
    await page.keyboard.press('Tab')
    assert.equal(await page.evaluate(() => document.activeElement?.className), 'skip-link')
    const seen = []
    for (let i = 0; i < 12; i++) {
      const f = await page.evaluate(() => {
        const el = /** @type {HTMLElement} */ (document.activeElement)
        const cs = getComputedStyle(el)
        return { tag: el.tagName, outline: cs.outlineStyle, width: cs.outlineWidth }
      })
      assert.notEqual(f.outline, 'none', JSON.stringify(f))
      seen.push(f.tag)
      await page.keyboard.press('Tab')
    }
    assert.ok(seen.includes('SELECT') && seen.includes('INPUT') && seen.includes('BUTTON'), seen.join(' '))
    // The skip link takes focus to the results and leaves the permalink in the address bar.
    await page.locator('.skip-link').focus()
    await page.keyboard.press('Enter')
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'results')
    assert.match(new URL(page.url()).hash, /^#p=/)
  })

  test('the tools: the result\'s beside the heading, the profile\'s under them, each group on one line', async () => {
    const rows = () => page.evaluate(() => {
      const tops = (sel) => [...document.querySelectorAll(`${sel} .button`)].map((b) => Math.round(b.getBoundingClientRect().top))
      const group = (sel) => {
        const g = /** @type {HTMLElement} */ (document.querySelector(sel))
        return { name: document.getElementById(g.getAttribute('aria-labelledby') || '')?.textContent, ids: [...g.querySelectorAll('.button')].map((b) => b.id) }
      }
      const title = document.getElementById('results-title').getBoundingClientRect()
      return {
        result: { ...group('.results-head .tools'), lines: new Set(tops('.results-head .tools')).size },
        profile: { ...group('.tools-profile'), lines: new Set(tops('.tools-profile')).size },
        besideTitle: tops('.results-head .tools').every((t) => t < title.bottom),
        profileRight: Math.round(document.querySelector('#reset').getBoundingClientRect().right) ===
          Math.round(document.querySelector('#print').getBoundingClientRect().right),
      }
    })
    await page.setViewportSize({ width: 1280, height: 900 })
    for (const [lang, result, profile] of [['en', 'Share and export the result', 'The profile'], ['fr', 'Partager et exporter le résultat', 'Le profil']]) {
      await page.selectOption('#lang', lang)
      await page.waitForFunction((l) => document.documentElement.lang === l, lang)
      assert.deepEqual(await rows(), {
        result: { name: result, ids: ['copy-link', 'export-json', 'export-csv', 'print'], lines: 1 },
        profile: { name: profile, ids: ['save-profile', 'open-profile', 'reset'], lines: 1 },
        besideTitle: true,
        profileRight: true,
      }, lang)
    }
    await page.selectOption('#lang', 'en')
  })

  test('a phone gets one column; print gives a one-page report', async () => {
    await page.setViewportSize({ width: 375, height: 812 })
    const columns = await page.$eval('#main', (el) => getComputedStyle(el).gridTemplateColumns.split(' ').length)
    assert.equal(columns, 1)
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), 'nothing wider than the phone')
    await page.screenshot({ path: screenshotPath('07-phone.png') })
    // The results come after the form: a bar at the bottom keeps their summary in sight, and
    // takes the reader there (the permalink stays in the address bar).
    await page.evaluate(() => scrollTo(0, 0))
    const peek = page.locator('#peek')
    await peek.waitFor({ state: 'visible' })
    assert.equal(await page.textContent('#peek-status'), await page.textContent('#status'))
    const bar = await peek.boundingBox()
    assert.ok(bar && Math.abs(bar.y + bar.height - 812) < 2, `at the bottom: ${JSON.stringify(bar)}`)
    // The gaps tables: on a phone each scrolls sideways in a region the keyboard reaches, so
    // that no column is cut off (the card is narrower than the table).
    const planBox = page.getByLabel('Show the gaps and the cheapest plan for each area')
    const planWas = await planBox.isChecked()
    if (!planWas) await planBox.check()
    await page.locator('ps-scorecard details.gaps').first().waitFor()
    await page.$$eval('ps-scorecard details.gaps', (ds) => ds.forEach((d) => { /** @type {HTMLDetailsElement} */ (d).open = true }))
    const regions = await page.$$eval('.gaps-scroll', (els) => els.map((s) => {
      s.scrollLeft = s.scrollWidth
      const box = s.getBoundingClientRect()
      const last = [...s.querySelectorAll('tr > :last-child')].map((c) => c.getBoundingClientRect())
      return {
        tab: /** @type {HTMLElement} */ (s).tabIndex, role: s.getAttribute('role'), label: s.getAttribute('aria-label'), overflow: getComputedStyle(s).overflowX,
        inside: last.length > 0 && last.every((r) => r.right <= box.right + 1 && r.left >= box.left - 1),
      }
    }))
    assert.ok(regions.length > 0, 'gaps tables')
    // Each region named after its area (a landmark's name is unique on the page).
    const names = await page.$$eval('ps-scorecard', (cards) => cards.map((c) => c.querySelector('.gaps-scroll') && c.querySelector('.card-title')?.textContent).filter(Boolean))
    assert.deepEqual(regions, names.map((n) => ({ tab: 0, role: 'region', label: `Gaps — ${n}`, overflow: 'auto', inside: true })))
    await axe(page, 'phone')
    if (!planWas) await planBox.uncheck()
    const hash = new URL(page.url()).hash
    await peek.click()
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'results')
    await peek.waitFor({ state: 'hidden' })
    assert.equal(new URL(page.url()).hash, hash)
    await page.setViewportSize({ width: 1280, height: 900 })
    await page.evaluate(() => scrollTo(0, 0))
    assert.equal(await peek.isVisible(), false, 'no bar beside the results')
    assert.ok(await page.locator('#inputs').isHidden(), 'the profile entered is for print only')
    // ana's and ben's departures change scores but lose nothing: the report leaves the panel out.
    await page.waitForSelector('.departures-out > li.departure:not(.loses)')
    assert.equal(await page.locator('.departures-out > li.loses').count(), 0)
    assert.ok(await page.locator('#time').isVisible())
    await page.emulateMedia({ media: 'print' })
    assert.ok(await page.locator('#profile-form').isHidden())
    assert.ok(await page.locator('#time').isHidden(), 'no departure loses anything: nothing of the over-time panel in print')
    // The sources, folded on screen, are unfolded on paper, each with its address.
    const sources = await page.$$eval('.sources li', (ls) => ls.filter((l) => l.checkVisibility()).map((l) => {
      const a = /** @type {HTMLAnchorElement} */ (l.querySelector('a'))
      return [a.textContent, a.getAttribute('href'), getComputedStyle(a, '::after').content]
    }))
    assert.deepEqual(sources.map(([title, href]) => [title, href]), engineCLI.evaluate(EXPECTED).programs[0].sources.map((x) => [x.title, x.url]))
    for (const [, href, after] of sources) assert.ok(after.includes('attr(href)') || after.includes(/** @type {string} */ (href)), after)
    // In place of the form, the report says what was entered, and links back to it.
    const inputs = await page.locator('#inputs').innerText()
    for (const s of ['Profile entered', 'People per certification: MD-102: 2 people; AZ-104: 1 person;',
      'Named people: ana: MS-700, MS-102; ben: SC-300, MS-102', 'Modern Work Enterprise: net customer adds (12 months): 4 customers;',
      'Azure: qualifying ACR, trailing 12 months: 48,000 USD', 'Azure: share of customers in the SMB segment: 92.5 %']) {
      assert.ok(inputs.includes(s), `the printed profile lacks ${JSON.stringify(s)}:\n${inputs}`)
    }
    assert.equal(await page.locator('#inputs-link').getAttribute('href'), page.url())
    await page.screenshot({ path: screenshotPath('08-print.png'), fullPage: true })
    const pdf = await page.pdf({ format: 'A4', printBackground: true })
    await page.emulateMedia({ media: 'screen' })
    writeFileSync(screenshotPath('report.pdf'), pdf)
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) || []
    assert.equal(pages.length, 1, 'the printed report fits one page')
    // No rule of fy26 is an assumption: no note.
    assert.equal(await page.locator('.assumed-note').count(), 0)
  })

  test('follows a dark system scheme on screen; print stays light', async () => {
    // Every colour of the stylesheet is a custom property of :root, light and dark: a literal
    // colour in a rule would stay the same in both schemes (shadows, black at some opacity, aside).
    const css = readFileSync(path.join(ROOT, 'site/css/app.css'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '')
    const literal = [...css.matchAll(/(^|[;{])\s*([a-z-]+)\s*:\s*([^;{}]*)/gm)]
      .filter(([, , prop, value]) => !prop.startsWith('--') && prop !== 'box-shadow' && /#[0-9a-f]{3,8}\b|\b(rgba?|hsla?)\(|\b(white|black)\b/i.test(value))
      .map(([, , prop, value]) => `${prop}: ${value.trim()}`)
    assert.deepEqual(literal, [])

    const look = () => page.evaluate(() => {
      const rgb = (c) => c.match(/[\d.]+/g).slice(0, 3).map(Number)
      const lum = (c) => rgb(c).reduce((s, v, i) => s + [0.2126, 0.7152, 0.0722][i] * (v / 255), 0)
      const root = getComputedStyle(document.documentElement)
      const badge = document.querySelector('ps-scorecard[data-qualified="true"] .badge')
      const track = document.querySelector('ps-metric-bar .bar-track')
      return {
        paper: lum(root.backgroundColor),
        ink: lum(root.color),
        scheme: root.colorScheme,
        badge: badge && getComputedStyle(badge).color,
        ok: root.getPropertyValue('--ok').trim(),
        track: track && getComputedStyle(track).fill,
        barTrack: root.getPropertyValue('--bar-track').trim(),
      }
    })
    const light = await look()
    assert.ok(light.paper > 0.95 && light.ink < 0.2, JSON.stringify(light))
    await page.emulateMedia({ colorScheme: 'dark' })
    const dark = await look()
    assert.ok(dark.paper < 0.1 && dark.ink > 0.8, `a dark page with light text: ${JSON.stringify(dark)}`)
    assert.equal(dark.scheme, 'light dark', 'the form controls follow the scheme')
    assert.notEqual(dark.ok, light.ok)
    assert.equal(dark.badge, `rgb(${dark.ok.match(/[0-9a-f]{2}/gi).map((h) => parseInt(h, 16)).join(', ')})`, 'the badge takes the dark scheme\'s colour')
    assert.notEqual(dark.track, light.track, 'the bars\' track too')
    await page.screenshot({ path: screenshotPath('09-dark.png') })
    await axe(page, 'dark, the results')
    // On paper the report keeps the light colours, whatever the screen's scheme.
    await page.emulateMedia({ media: 'print', colorScheme: 'dark' })
    const printed = await look()
    assert.ok(printed.paper > 0.95 && printed.ink < 0.2, JSON.stringify(printed))
    assert.equal(printed.ok, light.ok)
    await page.emulateMedia({ media: 'screen', colorScheme: 'light' })
  })

  test('saves the profile as the API takes it, and opens a profile file', async () => {
    const toast = page.locator('#toast')
    const areas = (result) => result.programs[0].areas.map((a) => ({ area: a.id, track: a.track, score: a.score, qualified: a.qualified }))
    const before = await cards()
    const [saved] = await Promise.all([page.waitForEvent('download'), page.click('#save-profile')])
    assert.match(saved.suggestedFilename(), /^partnerscore-profile-\d{4}-\d{2}-\d{2}\.json$/)
    const savedText = readFileSync(await saved.path(), 'utf8')
    const profile = JSON.parse(savedText)
    const ajv = new Ajv2020({ strict: true, allErrors: true })
    addFormats(ajv)
    const validate = ajv.compile(JSON.parse(readFileSync(path.join(ROOT, 'schemas/profile.schema.json'), 'utf8')))
    assert.ok(validate(profile), JSON.stringify(validate.errors, null, 2))
    // The CLI gives the file the scores on the page.
    assert.deepEqual(areas(engineCLI.evaluate(profile)), before.map(({ name, ...c }) => c))
    assert.match(await toast.textContent(), new RegExp(`^Profile saved as ${saved.suggestedFilename().replace(/\./g, '\\.')}`))

    // Another profile, with what the simulator does not read: a history, a second program, a
    // person's unknown member, and a figure the rules in force do not declare.
    const other = {
      asOf: '2026-06-01', lang: 'en', programs: [PROGRAM, 'vmware-partner-connect'],
      facts: { 'mw.ent.netCustomerAdds': 5, 'mw.ent.deployments.cpor': 2, 'nope.figure': 3 }, certifications: { 'MS-700': 2 },
      people: [{ id: 'zoe', certifications: ['AZ-104'], role: 'lead' }], history: [{ month: '2026-05', facts: {} }],
    }
    const open = (name, text) => page.setInputFiles('#open-file', { name, mimeType: 'application/json', buffer: Buffer.from(text) })
    await open('other.json', JSON.stringify(other))
    await page.waitForFunction(() => /other\.json/.test(document.getElementById('toast')?.textContent || ''))
    assert.equal(await toast.textContent(), 'Opened other.json. Not read, as the simulator does not use them or their values are not valid: /history, /people/0/role, /programs/1. ' +
      'Kept, but not used by the rules in force on 2026-06-01: /facts/nope.figure.')
    const read = { asOf: '2026-06-01', lang: 'en', programs: [PROGRAM], facts: { 'mw.ent.netCustomerAdds': 5, 'mw.ent.deployments.cpor': 2 },
      certifications: { 'MS-700': 2 }, people: [{ id: 'zoe', certifications: ['AZ-104'] }] }
    await page.waitForFunction((n) => document.querySelector('ps-fact-field[name="/facts/mw.ent.netCustomerAdds"] input')?.value === n, '5')
    assert.deepEqual((await cards()).map(({ name, ...c }) => c), areas(engineCLI.evaluate(read)))
    assert.equal(await page.locator('.person').count(), 1)
    // The permalink holds it, the figure the rules do not use included (another date may).
    assert.deepEqual(S.normalizeState(await urlState(), { lang: 'en', asOf: '' }).facts, other.facts)
    await axe(page, 'a profile opened')
    // Undo brings the profile before it back.
    const undo = page.getByRole('button', { name: 'Undo' })
    await undo.click()
    await page.waitForFunction(() => document.getElementById('toast')?.textContent === 'Profile restored.')
    assert.deepEqual(await cards(), before)
    assert.equal(await undo.isVisible(), false)
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'open-profile')
    // A long list is cut after ten pointers.
    const many = { asOf: '2026-06-01', programs: [PROGRAM], facts: Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`x${i}`, null])) }
    await open('many.json', JSON.stringify(many))
    await page.waitForFunction(() => /many\.json/.test(document.getElementById('toast')?.textContent || ''))
    assert.equal(await toast.textContent(), `Opened many.json. Not read, as the simulator does not use them or their values are not valid: ${
      Array.from({ length: 10 }, (_, i) => `/facts/x${i}`).join(', ')} and 2 more.`)
    await undo.click()
    await page.waitForFunction(() => document.getElementById('toast')?.textContent === 'Profile restored.')
    assert.deepEqual(await cards(), before)

    // Files that are not profiles change nothing, and say why.
    const hash = new URL(page.url()).hash
    for (const [name, text, want] of [
      ['notes.json', '{"facts": {', /^Could not open notes\.json: it is not JSON \(.+\)\.$/],
      ['list.json', '[1, 2]', /^Could not open list\.json: a profile is a JSON object/],
      ['result.json', JSON.stringify(engineCLI.evaluate(read)), /^Could not open result\.json: it is a result exported by PartnerScore, not a profile\./],
    ]) {
      await open(name, text)
      await page.waitForFunction((n) => (document.getElementById('toast')?.textContent || '').includes(n), name)
      assert.match(await toast.textContent(), want)
      assert.equal(await toast.getAttribute('class'), 'toast toast-bad')
      assert.equal(new URL(page.url()).hash, hash)
    }
    await axe(page, 'a file that is not a profile')

    // The saved file opens back to the same scores, dropped on the page this time.
    await page.evaluate(async ({ name, text }) => {
      const data = new DataTransfer()
      data.items.add(new File([text], name, { type: 'application/json' }))
      const target = document.querySelector('#results') || document.body
      target.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }))
      target.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }))
    }, { name: saved.suggestedFilename(), text: savedText })
    await page.waitForFunction((n) => document.getElementById('toast')?.textContent === `Opened ${n}.`, saved.suggestedFilename())
    assert.deepEqual(await cards(), before)
  })

  test('start over empties the profile, and Undo brings it back until the next edit', async () => {
    const before = await cards()
    const undo = page.getByRole('button', { name: 'Undo' })
    await page.getByRole('button', { name: 'Start over' }).click()
    await undo.click()
    assert.deepEqual(await cards(), before)
    assert.match(await page.locator('#toast').textContent(), /Profile restored/)
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'reset')
    // An edit after Start over takes Undo away: it would lose the edit.
    await page.getByRole('button', { name: 'Start over' }).click()
    await typeInto(field('/facts/mw.ent.netCustomerAdds'), '1')
    assert.equal(await undo.isVisible(), false)
    await page.getByRole('button', { name: 'Start over' }).click()
    assert.ok((await cards()).every((c) => c.score === 0 && !c.qualified))
    assert.equal(await page.locator('ps-fact-field[data-cert]').count(), 0)
    assert.equal(await page.locator('.person').count(), 0)
    assert.deepEqual(S.normalizeState(await urlState(), { lang: 'en', asOf: '' }).facts, {})
    assert.match(await page.locator('#toast').textContent(), /Profile cleared/)
  })

  test('a metric above zero never reads as zero points', async () => {
    // One active user of growth: 30 pts per 1000 gives 0.03 points, which is above zero
    // (what qualification asks of every metric): the card says 0.03, not 0.
    await typeInto(field('/facts/mw.ent.usageGrowth.cpor'), '1')
    const points = page.locator('ps-scorecard[data-area="modern-work"] li.metric[data-metric="usage-growth"] .metric-points')
    await page.waitForFunction(() => !!document.querySelector('ps-scorecard[data-area="modern-work"] li.metric[data-metric="usage-growth"].is-scoring'))
    assert.equal((await points.textContent())?.trim(), '0.03 / 30 pts')
    await page.getByRole('button', { name: 'Start over' }).click()
  })

  test('a score just under the qualifying score never reads as reaching it', async () => {
    // Modern Work at 69.96: 58.5 points, and 382 users of usage growth at 30 points per 1,000.
    // The card, its bar's label, the tracks and the projection's first month say 69.96, not 70.
    const state = {
      ...S.emptyState('en', '2026-02-01'),
      programs: ['microsoft-ai-cloud-partner-program'],
      certifications: { 'MS-700': 2, 'Identity and Access Administrator': 1, 'enterprise-administrator-expert': 2 },
      facts: { 'mw.ent.netCustomerAdds': 4, 'mw.ent.usageGrowth.cpor': 382, 'mw.ent.deployments.cpor': 4, 'mw.ent.deployments.dpor': 2 },
    }
    await page.goto(`${server.url}${S.stateHash(state)}`)
    await ready()
    const card = page.locator('ps-scorecard[data-area="modern-work"]')
    await page.waitForFunction(() => document.querySelector('ps-scorecard[data-area="modern-work"]')?.getAttribute('data-score') === '69.96')
    assert.equal(await card.getAttribute('data-qualified'), 'false')
    assert.equal((await card.locator('.score-num').textContent())?.trim(), '69.96')
    assert.match(await card.locator('.card-status').innerText(), /0\.04/)
    assert.match(await card.locator('.area-bar').getAttribute('label') ?? '', /69\.96/)
    assert.match(await card.innerText(), /Enterprise 69\.96/)
    const dot = page.locator('.projection-card[data-area="modern-work"] circle.dot title').first()
    await dot.waitFor({ state: 'attached' })
    assert.equal(await dot.textContent(), '2026-02-01: 69.96')
    await page.getByRole('button', { name: 'Start over' }).click()
  })

  test('no request left 127.0.0.1, and nothing broke the CSP', async () => {
    assert.ok(requests.some((u) => u.endsWith('/partnerscore.wasm')), 'the wasm was requested')
    const outside = requests.filter((u) => {
      const x = new URL(u)
      if (x.protocol === 'data:') return false
      // A blob: URL names the origin that made it (the downloads).
      const host = x.protocol === 'blob:' ? new URL(x.pathname).hostname : x.hostname
      return host !== '127.0.0.1'
    })
    assert.deepEqual(outside, [])
    assert.deepEqual(await page.evaluate(() => /** @type {any} */ (window).__csp), [])
    assert.deepEqual(problems, [])
  })
})
