// Tests of the simulator's loader (site/js/engine.js) in Node, on the built engine
// (dist/site/partnerscore.wasm served from 127.0.0.1): evaluate and summary go through the
// module's exported functions (wasm/browser/export.go) and answer exactly what the Go
// global's functions answer, which is the CLI's result; profiles of every size and of
// non-ASCII text cross intact; when the Go program exits, the next call starts it again.

import assert from 'node:assert/strict'
import { readFileSync, readdirSync } from 'node:fs'
import { createServer } from 'node:http'
import path from 'node:path'
import { after, before, describe, test } from 'node:test'
import { ROOT, SAMPLE_PROFILE, SITE, cli, ensureSite } from './helpers.mjs'

const { loadEngine } = await import(path.join(ROOT, 'site/js/engine.js'))
const { tapeDecoder } = await import(path.join(ROOT, 'site/js/tape.js'))

/** @type {import('node:http').Server} */
let server
let base = ''
/** Every Go runtime the loader makes. */
const runs = []
/** The loader's runtime: Go's class (wasm_exec.js, imported once), counted. */
let runtime

before(async () => {
  ensureSite()
  const files = {
    '/partnerscore.wasm': ['application/wasm', readFileSync(path.join(SITE, 'partnerscore.wasm'))],
    '/wasm_exec.js': ['text/javascript', readFileSync(path.join(SITE, 'wasm_exec.js'))],
  }
  server = createServer((req, res) => {
    const f = files[/** @type {string} */ (req.url)]
    if (!f) {
      res.writeHead(404).end()
      return
    }
    res.writeHead(200, { 'Content-Type': f[0] }).end(f[1])
  })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)))
  base = `http://127.0.0.1:${/** @type {any} */ (server.address()).port}/`
  await import(path.join(SITE, 'wasm_exec.js'))
  const Go = /** @type {any} */ (globalThis).Go
  runtime = {
    Go: class extends Go {
      constructor() {
        super()
        runs.push(this)
      }
    },
    global: globalThis,
  }
})
after(() => server?.close())

describe('loadEngine: evaluate through the exported functions', () => {
  test('answers as the Go global and the CLI; summary too; a restart after an exit', async () => {
    const engine = await loadEngine({ base, runtime, origin: new URL(base).origin })
    const global = /** @type {any} */ (globalThis).partnerscore
    assert.equal(typeof global.evaluate, 'function')
    const c = await cli()
    try {
      for (const profile of [SAMPLE_PROFILE, { ...SAMPLE_PROFILE, lang: 'fr' }]) {
        const text = JSON.stringify(profile)
        assert.equal(engine.evaluateJSON(profile), global.evaluate(text), 'the same bytes as the global')
        assert.equal(engine.summaryJSON(text), global.summary(text))
        assert.deepEqual(engine.evaluate(profile), { ok: true, result: c.evaluate(profile) })
      }
      assert.equal(runs.length, 1)
      // The program exits (as wasm_exec's runtime.wasmExit does): the next call starts it again.
      const warn = console.warn
      console.warn = () => {}
      try {
        runs[0].importObject.gojs['runtime.wasmExit'](0)
      } finally {
        console.warn = warn
      }
      assert.equal(runs[0].exited, true)
      assert.deepEqual(engine.evaluate(SAMPLE_PROFILE), { ok: true, result: c.evaluate(SAMPLE_PROFILE) })
      assert.equal(runs.length, 2, 'started again once')
      assert.equal(engine.restarts, 1)
    } finally {
      c.stop()
    }
  })

  test('profiles of every size, non-ASCII text and errors cross intact', async () => {
    const engine = await loadEngine({ base, runtime, origin: new URL(base).origin })
    const global = /** @type {any} */ (globalThis).partnerscore
    const people = (n) => Array.from({ length: n }, (_, i) => ({ id: `personne-é-${i}-😀`, certifications: ['AZ-104', 'AZ-305'] }))
    const profiles = [
      {},
      { ...SAMPLE_PROFILE, people: people(1) },
      { ...SAMPLE_PROFILE, people: people(3000) }, // ~200 KB: the buffer grows
      { ...SAMPLE_PROFILE, people: people(2) }, // and is reused
      { ...SAMPLE_PROFILE, facts: { 'fait inconnu « é »': 1 } },
      { asOf: 'hier' },
      'not json',
      '{"facts": {"a": 1}',
      '"\u2028"',
    ]
    for (const p of profiles) {
      const text = typeof p === 'string' ? p : JSON.stringify(p)
      const got = engine.evaluateJSON(p)
      assert.equal(got, global.evaluate(text), text.slice(0, 60))
      assert.equal(got.match(/[^\x20-\x7e]/)?.index, undefined, `ASCII-only JSON: ${got.slice(0, 200)}`)
    }
    const bad = engine.evaluate({ asOf: 'hier' })
    assert.equal(bad.ok, false)
    assert.equal(bad.errors[0].path, '/asOf')
  })
})

describe('evaluate: the tape (site/js/tape.js)', () => {
  test("decodes into what JSON.parse makes of evaluateJSON's answer: keys, order and values", async () => {
    const engine = await loadEngine({ base, runtime, origin: new URL(base).origin })
    const dir = path.join(ROOT, 'examples')
    const files = [
      ...readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => path.join(dir, f)),
      ...readdirSync(path.join(dir, 'programs')).map((f) => path.join(dir, 'programs', f)),
    ]
    const profiles = files.map((f) => JSON.parse(readFileSync(f, 'utf8')))
    profiles.push(
      SAMPLE_PROFILE,
      { ...SAMPLE_PROFILE, people: [{ id: 'chloé 😀 « \u2028 »', certifications: ['AZ-104'] }], plan: {} },
      { ...SAMPLE_PROFILE, asOf: '2026-08-31', history: [{ month: '2026-03', facts: { 'mw.ent.netCustomerAdds': 5 } }] },
      { asOf: '2020-01-01' },
      { asOf: 'hier' },
      {},
    )
    let n = 0
    for (const p of profiles) {
      for (const lang of ['en', 'fr']) {
        const profile = { ...p, lang }
        const want = engine.evaluateJSON(profile)
        assert.equal(JSON.stringify(engine.evaluate(profile)), JSON.stringify(JSON.parse(want)), `${JSON.stringify(profile).slice(0, 80)}`)
        n++
      }
    }
    assert.ok(n >= 2 * files.length, `${n} profiles`)
    assert.equal(engine.fallbacks, 0, 'every answer came through the tape')
  })

  test('a malformed tape throws, never loops or returns half an answer', () => {
    const decode = tapeDecoder({ keys: ['', 'a', 'b'], strings: ['s'] })
    const u8 = (...b) => new Uint8Array(b)
    const heap = new TextEncoder().encode('héllo')
    assert.deepEqual(decode(u8(0x01, 1, 0x83, 2, 0x02, 0x03, 0, 0, 0x04, 5, 0, 0, 0, 0, 0), heap), { a: 3, b: ['s', 'héllo'] })
    for (const [ops, h, why] of [
      [u8(), new Uint8Array(), 'empty'],
      [u8(0x01, 1), new Uint8Array(), 'object cut'],
      [u8(0x02, 0x80), new Uint8Array(), 'array cut'],
      [u8(0x01, 9, 0x80, 0), new Uint8Array(), 'key out of the table'],
      [u8(0x03, 7, 0), new Uint8Array(), 'string out of the table'],
      [u8(0x04, 9, 0, 0, 0), heap, 'heap overrun'],
      [u8(0x04, 2, 0, 0, 0), heap, 'heap left over'],
      [u8(0x80, 0x80), new Uint8Array(), 'trailing ops'],
      [u8(0x0b), new Uint8Array(), 'unknown op'],
      [u8(0x04, 1, 0, 0, 0), u8(0xff), 'heap not UTF-8'],
      [u8(0x05, 0, 0), new Uint8Array(), 'number cut'],
    ]) {
      assert.throws(() => decode(ops, h), Error, why)
    }
  })
})
