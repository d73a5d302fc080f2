// Tests of the widget's DOM-free parts in Node: the stand-in global object (site/embed/engine.js)
// and the Go runtime of the built widget (dist/site/embed/widget.js, where the build wraps Go's
// wasm_exec.js), running the real engine (dist/site/partnerscore.wasm) without a global being
// set; the attribute parsers.

import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, test } from 'node:test'
import { ROOT, SAMPLE_PROFILE, SITE, cli, ensureSite } from './helpers.mjs'

const { scope, sharedEngine } = await import(path.join(ROOT, 'site/embed/engine.js'))
const { parseList, parseProfileAttr, LAYOUTS, LANGS } = await import(path.join(ROOT, 'site/embed/partner-score.js'))

describe('scope: a stand-in for the global object', () => {
  test('writes stay on it, reads fall through to the real one', () => {
    const real = { Object, Date, seen: 1, Go: 'the page’s', partnerscore: 'the page’s' }
    const s = scope(real)
    assert.equal(s.Object, Object)
    assert.equal(s.seen, 1)
    assert.equal('seen' in s, true)
    s.seen = 2
    s.extra = 3
    assert.deepEqual([s.seen, s.extra, real.seen, 'extra' in real], [2, 3, 1, false])
    assert.equal(Reflect.get(s, 'Date'), Date)
  })

  test('the runtime’s and the program’s names never come from the page', () => {
    const real = { fs: 'page fs', process: 'page process', path: 'page path', Go: 'page Go', partnerscore: 'page engine' }
    const s = scope(real)
    for (const k of Object.keys(real)) {
      assert.equal(s[k], undefined, k)
      assert.equal(k in s, false, k)
    }
    s.Go = 'mine'
    assert.equal(s.Go, 'mine')
    assert.equal(real.Go, 'page Go')
  })
})

describe('go-runtime.js: the engine with no global set', () => {
  test('runs partnerscore.wasm; Go, fs, process, path and partnerscore stay on the stand-in', async () => {
    ensureSite()
    const before = new Set(Object.getOwnPropertyNames(globalThis))
    // The bundle as shipped (minified), its Go runtime and stand-in included.
    const built = await import(pathToFileURL(path.join(SITE, 'embed/widget.js')).href)
    const { goRuntime } = built
    const s = built.scope()
    const Go = goRuntime(s)
    assert.equal(typeof Go, 'function')
    const go = new Go()
    const { instance } = await WebAssembly.instantiate(readFileSync(path.join(SITE, 'partnerscore.wasm')), go.importObject)
    go.run(instance)
    assert.equal(s.partnerscore?.ready, true)
    assert.equal(typeof s.fs?.writeSync, 'function', 'wasm_exec’s fs polyfill is on the stand-in')
    const profile = { ...SAMPLE_PROFILE, lang: 'en' }
    const out = JSON.parse(s.partnerscore.evaluate(JSON.stringify(profile)))
    assert.equal(out.ok, true)
    const c = await cli()
    try {
      assert.deepEqual(out.result, c.evaluate(profile))
    } finally {
      c.stop()
    }
    const added = Object.getOwnPropertyNames(globalThis).filter((n) => !before.has(n))
    assert.deepEqual(added, [])
    for (const n of ['Go', 'partnerscore', 'fs', 'path']) assert.equal(n in globalThis, false, n)
  })
})

describe('sharedEngine: one engine per asset folder, started again if the Go program exits', () => {
  test('evaluates as the CLI; a second call shares it; after an exit, the next call restarts it', async () => {
    ensureSite()
    const wasm = readFileSync(path.join(SITE, 'partnerscore.wasm'))
    const server = createServer((req, res) => {
      if (req.url !== '/assets/partnerscore.wasm') {
        res.writeHead(404).end()
        return
      }
      res.writeHead(200, { 'Content-Type': 'application/octet-stream' }).end(wasm)
    })
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
    const c = await cli()
    try {
      const base = `http://127.0.0.1:${/** @type {any} */ (server.address()).port}/assets/`
      const { goRuntime } = await import(pathToFileURL(path.join(SITE, 'embed/widget.js')).href)
      /** Every Go runtime the engine makes. */
      const runs = []
      const counting = (s) => {
        const Go = goRuntime(s)
        return class extends Go {
          constructor() {
            super()
            runs.push(this)
          }
        }
      }
      const engine = await sharedEngine(base, counting)
      assert.equal(await sharedEngine(base, counting), engine, 'one engine per folder')
      const profile = { ...SAMPLE_PROFILE, lang: 'fr' }
      const want = c.evaluate(profile)
      assert.deepEqual(engine.evaluate(profile), { ok: true, result: want })
      assert.ok(engine.programs().length > 0)
      assert.equal(runs.length, 1)
      // The program exits (as wasm_exec's runtime.wasmExit does): its functions then throw.
      const go = runs[0]
      const warn = console.warn
      console.warn = () => {}
      try {
        go.importObject.gojs['runtime.wasmExit'](0)
      } finally {
        console.warn = warn
      }
      assert.equal(go.exited, true)
      assert.deepEqual(engine.evaluate(profile), { ok: true, result: want })
      assert.equal(runs.length, 2, 'started again once')
      assert.ok(engine.certifications().length > 0)
      // A folder without the wasm: an error, not kept (the next call tries again).
      await assert.rejects(sharedEngine(`${base}none/`, counting), /HTTP 404/)
    } finally {
      c.stop()
      server.close()
    }
  })
})

describe('partner-score attributes', () => {
  test('areas: ids separated by spaces or commas', () => {
    for (const [text, want] of [
      [null, []], ['', []], ['security', ['security']], ['modern-work, security', ['modern-work', 'security']],
      ['  data-ai\tinfrastructure,,security ', ['data-ai', 'infrastructure', 'security']],
    ]) assert.deepEqual(parseList(text), want, String(text))
  })

  test('profile: a JSON object, empty for none, an error otherwise', () => {
    assert.equal(parseProfileAttr(null), null)
    assert.equal(parseProfileAttr('  '), null)
    assert.deepEqual(parseProfileAttr('{"facts":{"a":1}}'), { facts: { a: 1 } })
    for (const bad of ['[1]', '3', 'null', '"x"']) assert.throws(() => parseProfileAttr(bad), TypeError, bad)
    assert.throws(() => parseProfileAttr('{nope'), SyntaxError)
  })

  test('closed value sets with their defaults first', () => {
    assert.deepEqual([LAYOUTS, LANGS], [['full', 'compact'], ['en', 'fr']])
  })
})

describe('the widget’s texts (site/embed/messages.js)', async () => {
  const { table, WIDGET } = await import(path.join(ROOT, 'site/embed/messages.js'))
  const { LANGS: ALL } = await import(path.join(ROOT, 'site/js/messages.js'))

  /** The keys a source file asks for: t('key'), t(`prefix.${…}`), #w('key'), and key lists. */
  function used(file) {
    const src = readFileSync(path.join(ROOT, file), 'utf8')
    const keys = new Set()
    const prefixes = new Set()
    for (const m of src.matchAll(/(?:#t|\bt)\(\s*'([a-z]+\.[A-Za-z-]+)'/g)) keys.add(m[1])
    for (const m of src.matchAll(/(?:#w|\bw)\(\s*'([A-Za-z]+)'/g)) keys.add(`widget.${m[1]}`)
    for (const m of src.matchAll(/'((?:card|cat|unit|err|res)\.[A-Za-z-]+)'/g)) keys.add(m[1])
    for (const m of src.matchAll(/(?:#t|\bt)\(\s*`([a-z]+\.)\$\{/g)) prefixes.add(m[1])
    return { keys, prefixes }
  }

  test('every key the view and the scorecard use is in every language’s table', () => {
    for (const lang of ALL) {
      const tbl = table(lang)
      for (const file of ['site/embed/view.js', 'site/js/elements/ps-scorecard.js']) {
        const { keys, prefixes } = used(file)
        assert.ok(keys.size > 10, `${file}: keys found`)
        for (const k of keys) assert.equal(typeof tbl[k], 'string', `${lang}: ${k} (${file})`)
        for (const p of prefixes) assert.ok(Object.keys(tbl).some((k) => k.startsWith(p)), `${lang}: ${p}* (${file})`)
      }
    }
  })

  test('the singulars (key.one) of the keys kept come along, in their own table', async () => {
    const { messages } = await import(path.join(ROOT, 'site/js/messages.js'))
    const { modelTable } = await import(path.join(ROOT, 'site/embed/messages.js'))
    for (const lang of ALL) {
      const tbl = table(lang)
      const models = modelTable(lang)
      for (const key of Object.keys(messages.en).filter((k) => k.endsWith('.one'))) {
        const plural = key.slice(0, -'.one'.length)
        if (plural in tbl) assert.equal(tbl[key], messages[lang][key] ?? messages.en[key], `${lang}: ${key} beside ${plural}`)
        else assert.ok(!(key in tbl), `${lang}: ${key} without ${plural}`)
        assert.equal(key in models, plural in models, `${lang}: ${key} in the models' table as ${plural} is`)
      }
      for (const key of ['unit.people.one', 'card.shortfall.one', 'res.qualifiedIn.one']) assert.ok(key in tbl, `${lang}: ${key}`)
      assert.ok('unit.months.one' in models && !('unit.months.one' in tbl), `${lang}: a model's unit in the models' table only`)
    }
  })

  test('the models’ texts: every model.* key models-view.js and js/models.js use, in every language, none in the scorecard’s table', async () => {
    const { modelTable } = await import(path.join(ROOT, 'site/embed/messages.js'))
    for (const lang of ALL) {
      const tbl = { ...modelTable(lang), ...table(lang) }
      const model = Object.keys(modelTable(lang))
      assert.ok(model.length > 10 && model.every((k) => k.startsWith('model.') || k.startsWith('unit.')), lang)
      assert.ok(model.includes('unit.months') && model.includes('unit.competencies'), `${lang}: the models' units`)
      assert.ok(!Object.keys(table(lang)).some((k) => model.includes(k)), `${lang}: no model text in texts-${lang}.js`)
      for (const file of ['site/embed/models-view.js', 'site/js/models.js']) {
        const src = readFileSync(path.join(ROOT, file), 'utf8')
        const keys = [...src.matchAll(/\bt\(\s*'(model\.[A-Za-z]+)'/g)].map((m) => m[1])
        assert.ok(keys.length > 2, `${file}: keys found`)
        for (const k of keys) assert.equal(typeof tbl[k], 'string', `${lang}: ${k} (${file})`)
        for (const m of src.matchAll(/\bt\(\s*`(model\.[a-z]+\.)\$\{/g)) assert.ok(Object.keys(tbl).some((k) => k.startsWith(m[1])), `${lang}: ${m[1]}* (${file})`)
      }
    }
  })

  test('every language has the same keys, its own texts where it has them', () => {
    const en = table('en')
    const fr = table('fr')
    assert.deepEqual(Object.keys(fr), Object.keys(en))
    assert.equal(fr['widget.figures'], WIDGET.fr.figures)
    assert.equal(fr['card.qualified'], 'Qualifié')
    assert.equal(en['app.title'], undefined, 'the simulator’s own texts are left out')
    assert.throws(() => table('de'), RangeError)
  })

  test('the build writes each table as texts-<lang>.js', async () => {
    ensureSite()
    for (const lang of ALL) {
      const { default: built } = await import(pathToFileURL(path.join(SITE, `embed/texts-${lang}.js`)).href)
      assert.deepEqual(built, table(lang))
    }
  })
})
