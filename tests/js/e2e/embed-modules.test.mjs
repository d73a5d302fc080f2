// Tests of the widget's DOM-free parts in Node: the stand-in global object (site/embed/engine.js)
// and the Go runtime of the built widget (dist/site/embed/widget.js, where the build wraps Go's
// wasm_exec.js), running the real engine (dist/site/partnerscore.wasm) without a global being
// set; the attribute parsers.

import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, test } from 'node:test'
import { ROOT, SAMPLE_PROFILE, SITE, cli, ensureSite } from './helpers.mjs'

const { scope } = await import(path.join(ROOT, 'site/embed/engine.js'))
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
