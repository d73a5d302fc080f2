// Tests of the simulator's loader (site/js/engine.js) in Node, on the built engine
// (dist/site/partnerscore.wasm served from 127.0.0.1): evaluate and summary go through the
// module's exported functions (wasm/browser/export.go) and answer exactly what the Go
// global's functions answer, which is the CLI's result; profiles of every size and of
// non-ASCII text cross intact; when the Go program exits, the next call starts it again.

import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import path from 'node:path'
import { after, before, describe, test } from 'node:test'
import { ROOT, SAMPLE_PROFILE, SITE, cli, ensureSite } from './helpers.mjs'

const { loadEngine } = await import(path.join(ROOT, 'site/js/engine.js'))

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
