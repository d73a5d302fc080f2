// Table tests of the simulator's DOM-free modules (site/js): number parsing, CSV, the state
// and its permalink, JSON Pointers, the certification search, the form layout and messages.
// They run in Node, without a browser.

import assert from 'node:assert/strict'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { describe, test } from 'node:test'
import { ROOT, ensureSite } from './helpers.mjs'

const site = (p) => import(path.join(ROOT, 'site/js', p))
const { parseNumber, editable, formatNumber, formatShown, gotText, csvField, csvDialect, resultToCSV, CSV_COLUMNS, CSV_FR, CSV_RFC, unitText } = await site('format.js')
const S = await site('state.js')
const { Catalog, certLabel } = await site('catalog.js')
const P = await site('program.js')
const M = await site('messages.js')
const { evaluateAll } = await site('evaluate.js')
const { inputGroups } = await site('inputs.js')
const { axisTicks } = await site('models.js')

const rules = JSON.parse(readFileSync(path.join(ROOT, 'score/rules/microsoft-ai-cloud-partner-program/fy26.json'), 'utf8'))
const catalogData = JSON.parse(readFileSync(path.join(ROOT, 'score/rules/certifications.json'), 'utf8')).certifications

describe('parseNumber', () => {
  const cases = [
    // [text, lang, want]
    ['12', 'en', 12],
    [' 12 ', 'en', 12],
    ['-5', 'en', -5],
    ['\u22125', 'en', -5],
    ['2.5', 'en', 2.5],
    ['2,5', 'fr', 2.5],
    ['2,5', 'en', 2.5],
    ['1,000', 'en', 1000],
    ['1,000,000.5', 'en', 1000000.5],
    ['1,000', 'fr', 1],
    // A point before groups of three, in French: a thousand or one? Refused, never read as 1.
    ['1.000', 'fr', Number.NaN],
    ['12.500.000', 'fr', Number.NaN],
    ['1.000', 'en', 1],
    ['2.5', 'fr', 2.5],
    ['1.5000', 'fr', 1.5],
    ['1 000', 'fr', 1000],
    ['1\u202f000,25', 'fr', 1000.25],
    ['1e3', 'en', 1000],
    ['.5', 'en', 0.5],
    ['', 'en', Number.NaN],
    ['-', 'en', Number.NaN],
    ['12x', 'en', Number.NaN],
    ['1,2,3', 'fr', Number.NaN],
    ['0x10', 'en', Number.NaN],
    ['Infinity', 'en', Number.NaN],
    ['1e400', 'en', Number.NaN],
  ]
  for (const [text, lang, want] of cases) {
    test(`${JSON.stringify(text)} in ${lang}`, () => assert.deepEqual(parseNumber(text, lang), want))
  }
  test('editable round-trips through parseNumber', () => {
    for (const n of [0, -3, 2.5, 1234567.125, 1e-7, 1e21]) {
      for (const lang of M.LANGS) assert.equal(parseNumber(editable(n, lang), lang), n, `${n} ${lang}`)
    }
  })
  test('formatNumber rounds for display only', () => {
    assert.equal(formatNumber(70.0333, 'en', 1), '70')
    assert.equal(formatNumber(15.4, 'fr', 1), '15,4')
    assert.equal(formatNumber(-0.001, 'en', 1), '0')
    assert.equal(formatNumber(Number.NaN, 'en'), '')
  })
  test('formatShown never writes a number that is not zero as zero', () => {
    assert.equal(formatShown(0.03, 'en', 1), '0.03')
    assert.equal(formatShown(0.04, 'fr', 1), '0,04')
    assert.equal(formatShown(-0.001, 'en', 1), '-0.001')
    assert.equal(formatShown(0.00012, 'en', 2), '0.0001')
    assert.equal(formatShown(1e-7, 'en', 1), '0.000001', 'beyond six decimals: cut up, away from zero')
    assert.equal(formatShown(-1e-7, 'en', 1), '-0.000001')
    assert.equal(formatShown(0, 'en', 1), '0')
    assert.equal(formatShown(70.0333, 'en', 1), '70', 'as formatNumber otherwise')
    assert.equal(formatShown(1234.56, 'fr', 1), formatNumber(1234.56, 'fr', 1))
    assert.equal(formatShown(Number.NaN, 'en'), '')
  })
  test('formatShown never writes a number under its limit as reaching it', () => {
    const cases = [
      // [n, lang, digits, below, want]
      [69.96, 'en', 1, 70, '69.96'],
      [69.96, 'fr', 1, 70, '69,96'],
      [69.95, 'en', 1, 70, '69.95'],
      [69.94, 'en', 1, 70, '69.9', 'as formatNumber when that reads under the limit'],
      [69.9999999, 'en', 1, 70, '69.999999', 'beyond six decimals: cut down, under the limit'],
      [70, 'en', 1, 70, '70'],
      [70.04, 'en', 1, 70, '70', 'at or over the limit: as formatNumber'],
      [1999.96, 'fr', 0, 2000, '1\u202f999,96'],
      [0.03, 'en', 1, 70, '0.03', 'and still never zero'],
    ]
    for (const [n, lang, d, below, want, why] of cases) assert.equal(formatShown(n, lang, d, below), want, why ?? `${n} ${lang}`)
    // Any score under 70, at any digits: it never reads 70 or more, and reads as close as six decimals allow.
    for (let i = 0; i < 2000; i++) {
      const n = 70 - 10 ** -(i % 9) * (1 + (i % 7)) / 7
      for (const d of [0, 1, 2]) {
        const s = formatShown(n, 'en', d, 70)
        assert.ok(parseNumber(s, 'en') < 70, `${n} at ${d} digits read ${s}`)
        assert.ok(Math.abs(parseNumber(s, 'en') - n) <= Math.max(0.5 * 10 ** -d, 1e-6), `${n} at ${d} digits read ${s}`)
      }
    }
  })
  test('formatNumber writes what Intl.NumberFormat writes, without building one', () => {
    const values = [0, -0, 0.5, 1.005, 2.5, -2.5, 999.995, 1234.5, -1234.5, 1234567.891, 0.05, 1e-7, 5e-7,
      1e20, 1e21, 9.999999e20, 123456789012.345, 0.125, 1.45, -99.5, 0.0000015, 70.0333, Number.MAX_SAFE_INTEGER]
    // Shapes that round: random values of every size, and the same cut to a few decimals.
    let seed = 1
    const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647)
    for (let i = 0; i < 3000; i++) {
      const v = (random() - 0.3) * 10 ** Math.floor(random() * 14 - 4)
      values.push(v, Math.round(v * 1000) / 1000, Math.round(v * 2) / 2, Math.round(v))
    }
    for (const v of values) {
      for (const lang of M.LANGS) {
        for (const d of [0, 1, 2, 3, 6]) {
          const r = Math.abs(v) < 0.5 * 10 ** -d ? 0 : v // formatNumber's own "-0" guard
          const intl = new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-US', { maximumFractionDigits: d }).format(r)
          assert.equal(formatNumber(v, lang, d), intl, `${v} ${lang} ${d}`)
        }
      }
    }
  })
})

describe('CSV', () => {
  test('fields are quoted and formulas defused', () => {
    assert.equal(csvField('plain'), 'plain')
    assert.equal(csvField('a,b'), '"a,b"')
    assert.equal(csvField('say "hi"'), '"say ""hi"""')
    assert.equal(csvField('=1+2'), "'=1+2")
    assert.equal(csvField(-5), '-5')
    assert.equal(csvField(true), 'true')
    assert.equal(csvField(undefined), '')
  })
  test("an error's value given: the engine's numbers in the reader's language, other text as it is", () => {
    assert.deepEqual([gotText('2.5', 'fr'), gotText('2.5', 'en'), gotText('-5', 'fr'), gotText('2000000', 'en'), gotText('1e+21', 'en')],
      ['2,5', '2.5', '-5', '2,000,000', formatNumber(1e21, 'en', 6)])
    assert.deepEqual([gotText('"XX-999"', 'fr'), gotText('.', 'en'), gotText(undefined, 'en'), gotText('nothing', 'fr')], ['"XX-999"', '.', '', 'nothing'])
  })
  test('in the French dialect: semicolons, decimal commas, and text with a semicolon quoted', () => {
    assert.equal(csvDialect('fr'), CSV_FR)
    assert.equal(csvDialect('en'), CSV_RFC)
    assert.equal(csvField(12.5, CSV_FR), '12,5')
    assert.equal(csvField(-0.25, CSV_FR), '-0,25')
    assert.equal(csvField(1000, CSV_FR), '1000')
    assert.equal(csvField('a,b', CSV_FR), 'a,b')
    assert.equal(csvField('a ; b', CSV_FR), '"a ; b"')
    assert.equal(csvField('a ; b'), 'a ; b')
    assert.equal(csvField('say "hi"', CSV_FR), '"say ""hi"""')
    assert.equal(csvField('-1', CSV_FR), "'-1")
    const result = { programs: [{ id: 'p', version: 'v1', areas: [{ id: 'a', name: 'A', track: 'smb', score: 59.4, qualified: false,
      metrics: [{ id: 'm', name: 'M', value: 15.4, unit: 'percent', points: 15.4, max: 20, threshold: 20, applied: 'threshold', source: 's', explanation: '15,4 % ; 2,5' }] }] }] }
    assert.deepEqual(resultToCSV(result, CSV_FR).trimEnd().split('\r\n'), [
      CSV_COLUMNS.join(';'),
      'p;v1;area;a;A;smb;59,4;false;m;M;;15,4;percent;15,4;20;20;;threshold;s;"15,4 % ; 2,5";',
    ])
    assert.equal(resultToCSV(result).trimEnd().split('\r\n')[1], 'p,v1,area,a,A,smb,59.4,false,m,M,,15.4,percent,15.4,20,20,,threshold,s,"15,4 % ; 2,5",')
  })
  test('one row per area and metric', () => {
    const result = {
      programs: [{
        id: 'p', version: 'v1',
        areas: [{
          id: 'a', name: 'Área, one', track: 'smb', score: 12.5, qualified: false,
          metrics: [
            { id: 'm1', name: 'M1', value: 3, unit: 'people', points: 12.5, max: 20, threshold: 4.8, applied: 'threshold', source: 's', explanation: '3 people × 5 = 15' },
            { id: 'm2', name: 'M2', value: 0, unit: 'users', points: 0, max: 30, threshold: 1000, applied: 'prerequisite', source: 's', explanation: '= 0',
              assumption: { reason: 'No source gives it.', from: 'v2', source: 's' } },
          ],
        }],
      }],
    }
    const lines = resultToCSV(result).trimEnd().split('\r\n')
    assert.equal(lines[0], CSV_COLUMNS.join(','))
    assert.equal(lines[0], 'program,version,section,group,group_name,track,group_score,qualified,item,item_name,period,value,unit,points,max,threshold,met,applied,source,explanation,assumption')
    assert.equal(lines.length, 3)
    assert.equal(lines[1], 'p,v1,area,a,"Área, one",smb,12.5,false,m1,M1,,3,people,12.5,20,4.8,,threshold,s,3 people × 5 = 15,')
    // A metric whose rule no source of the version gives says so in the last column.
    assert.equal(lines[2], "p,v1,area,a,\"Área, one\",smb,12.5,false,m2,M2,,0,users,0,30,1000,,prerequisite,s,'= 0,true")
  })
  test('levels, competencies, calculators and timelines have their rows too', () => {
    const req = (id, met, extra = {}) => ({ id, name: id.toUpperCase(), kind: 'fact', met, value: 1, threshold: 2, unit: 'seats', source: 's', explanation: `${id}.`, ...extra })
    const result = {
      programs: [{
        id: 'lv', version: '1', areas: [],
        levels: {
          levels: [{ id: 'gold', name: 'Gold', met: false, requirements: [req('seats', false), req('any', true, { kind: 'any', any: [req('x', true), req('y', false, { assumption: true })] })] }],
          competencies: [{ id: 'c', name: 'C', earned: true, requirements: [req('people', true)] }],
        },
      }, {
        id: 'calc', version: '2', areas: [],
        calculator: {
          tables: [{ id: 't', name: 'Cost', period: 'month', source: 's',
            columns: [{ id: 'a', name: 'A', unit: 'usd', total: true }, { id: 'cum', name: 'Cum', unit: 'usd', total: false }],
            rows: [[10, 10], [5, 15]], totals: [15, 0] }],
          figures: [{ id: 'f', name: 'F', value: 7.5, unit: 'percent', source: 's' }],
        },
      }, {
        id: 'tl', version: '3', areas: [],
        timeline: [{ id: 'legacy', name: 'Legacy', status: 'use-only', statusName: 'use only', from: '2022-10-01', to: '2023-09-30', source: 's',
          periods: [{ id: 'open', from: '2010-11-01', to: '2022-09-30', current: false }, { id: 'use-only', from: '2022-10-01', to: '2023-09-30', current: true, assumption: true }] }],
      }],
    }
    const lines = resultToCSV(result).trimEnd().split('\r\n').slice(1)
    assert.deepEqual(lines, [
      'lv,1,level,gold,Gold,,,false,seats,SEATS,,1,seats,,,2,false,,s,seats.,',
      'lv,1,level,gold,Gold,,,false,any,ANY,,1,seats,,,2,true,,s,any.,',
      'lv,1,level,gold,Gold,,,false,any/x,X,,1,seats,,,2,true,,s,x.,',
      'lv,1,level,gold,Gold,,,false,any/y,Y,,1,seats,,,2,false,,s,y.,true',
      'lv,1,competency,c,C,,,true,people,PEOPLE,,1,seats,,,2,true,,s,people.,',
      'calc,2,table,t,Cost,,,,a,A,1,10,usd,,,,,,s,,',
      'calc,2,table,t,Cost,,,,cum,Cum,1,10,usd,,,,,,s,,',
      'calc,2,table,t,Cost,,,,a,A,2,5,usd,,,,,,s,,',
      'calc,2,table,t,Cost,,,,cum,Cum,2,15,usd,,,,,,s,,',
      'calc,2,table,t,Cost,,,,a,A,total,15,usd,,,,,,s,,',
      'calc,2,figure,,,,,,f,F,,7.5,percent,,,,,,s,,',
      'tl,3,timeline,legacy,Legacy,,,,use-only,use only,2022-10-01/2023-09-30,,,,,,,,s,,true',
    ])
  })
})

describe('state', () => {
  const defaults = { lang: 'fr', asOf: '2026-06-01' }
  test('normalizeState keeps what is well-formed and drops the rest', () => {
    const s = S.normalizeState({
      asOf: '2026-01-01', lang: 'de', programs: ['x', 3], facts: { a: 1, b: '2,5', c: null, d: Infinity, e: {} },
      certifications: { 'AZ-104': 2 }, people: [{ id: 'ana', certifications: ['MS-700', 7] }, 'junk', { certifications: 'no' }],
      tracks: { security: 'smb', x: 3, y: '' }, plan: { costs: { a: 2 }, off: true }, extra: 1,
    }, defaults)
    assert.deepEqual(s, {
      asOf: '2026-01-01', lang: 'fr', programs: ['x'], facts: { a: 1, b: '2,5' },
      certifications: { 'AZ-104': 2 },
      people: [{ id: 'ana', certifications: ['MS-700'] }, { id: '', certifications: [] }],
      tracks: { security: 'smb' }, plan: { costs: { a: 2 }, off: true },
    })
    for (const junk of [null, 3, 'x', [], undefined]) assert.deepEqual(S.normalizeState(junk, defaults), S.emptyState('fr', '2026-06-01'))
  })
  test('normalizeState names by its pointer every part it leaves out', () => {
    const dropped = []
    S.normalizeState({
      asOf: 20260101, lang: 'de', programs: ['x', 3], facts: { a: 1, b: '2,5', c: null, d: Infinity, 'e/~': {} },
      parameters: [], certifications: { 'AZ-104': 2 }, people: [{ id: 'ana', certifications: ['MS-700', 7], role: 'x' }, 'junk', { id: 4, certifications: 'no' }],
      tracks: { security: 'smb', x: 3, y: '' }, plan: { costs: { a: 2 }, off: true, budget: 5 }, history: [], projection: { months: 6 }, extra: 1,
    }, defaults, dropped)
    assert.deepEqual(dropped, [
      '/history', '/projection', '/extra', '/asOf', '/lang', '/programs/1',
      '/facts/c', '/facts/d', '/facts/e~1~0', '/parameters',
      '/people/0/role', '/people/0/certifications/1', '/people/1', '/people/2/id', '/people/2/certifications',
      '/tracks/x', '/tracks/y', '/plan/budget',
    ])
    for (const [junk, want] of [[null, ['']], [[], ['']], [undefined, []], [{}, []]]) {
      const d = []
      S.normalizeState(junk, defaults, d)
      assert.deepEqual(d, want, JSON.stringify(junk))
    }
    // A well-formed profile leaves nothing out.
    const d = []
    S.normalizeState({ asOf: '2026-06-01', lang: 'en', programs: ['p'], facts: { a: 1 }, parameters: { q: 2 }, certifications: { 'AZ-104': 1 },
      people: [{ id: 'ana', certifications: ['AZ-104'] }, { certifications: [] }], tracks: { s: 'smb' }, plan: { costs: { a: 2 } } }, defaults, d)
    assert.deepEqual(d, [])
  })
  test('the comparison\'s dates travel with the state, as typed, but not in a profile file', () => {
    const kept = S.normalizeState({ asOf: '2026-06-01', compare: { from: '2024-03-01', to: '' } }, defaults)
    assert.deepEqual(kept.compare, { from: '2024-03-01', to: '' })
    assert.deepEqual(S.normalizeState(S.decodeState(S.encodeState(kept)), defaults).compare, kept.compare)
    // Not the engine's: the profile leaves them out.
    assert.equal('compare' in S.toProfile(kept).profile, false)
    for (const [compare, want] of [[{ from: '2024-03-01' }, ['/compare']], ['2024', ['/compare']], [{ from: 'a', to: 'b', x: 1 }, ['/compare/x']]]) {
      const d = []
      const s = S.normalizeState({ compare }, defaults, d)
      assert.deepEqual(d, want, JSON.stringify(compare))
      assert.equal(s.compare === undefined, want[0] === '/compare', JSON.stringify(compare))
    }
    assert.deepEqual(S.normalizeState({ compare: { from: 'x'.repeat(100), to: '' } }, defaults).compare?.from.length, 32)
    // A profile file is the API's JSON: a comparison in one is named as left out.
    for (const compare of [{ from: '2024-03-01', to: '2026-06-01' }, { from: 1 }, { from: 'a', to: 'b', x: 1 }]) {
      const r = S.readProfile(JSON.stringify({ facts: { a: 1 }, compare }), defaults)
      assert.ok('state' in r)
      assert.equal(r.state.compare, undefined)
      assert.deepEqual(r.dropped, ['/compare'], JSON.stringify(compare))
    }
  })
  test('readProfile takes the JSON the API takes, and says why a file is not a profile', () => {
    const profile = {
      asOf: '2026-06-01', lang: 'en', programs: ['microsoft-ai-cloud-partner-program'], facts: { 'mw.ent.netCustomerAdds': 4, 'azure.usageGrowth': 15.4 },
      certifications: { 'MS-700': 2 }, people: [{ id: 'ana', certifications: ['AZ-104', 'SC-300'] }], tracks: { security: 'smb' }, plan: { costs: { 'AZ-104': 3 } },
    }
    const r = S.readProfile(`\ufeff${JSON.stringify(profile, null, 2)}`, defaults)
    assert.ok('state' in r)
    assert.deepEqual(r.dropped, [])
    // Back to the same profile: what "Save profile" writes is what was opened.
    assert.deepEqual(S.toProfile(r.state).profile, profile)
    // Without a language or a date: the page's language, and the date left as the file has it.
    const bare = S.readProfile('{"facts":{"a":1},"history":[{"month":"2026-01","facts":{}}]}', { lang: 'fr', asOf: '' })
    assert.ok('state' in bare)
    assert.equal(bare.state.lang, 'fr')
    assert.equal(bare.state.asOf, '')
    assert.deepEqual(bare.dropped, ['/history'])
    assert.deepEqual(S.readProfile('{"facts":', defaults).error, 'json')
    assert.match(/** @type {any} */ (S.readProfile('{"facts":', defaults)).detail, /JSON/)
    for (const text of ['[]', '3', '"x"', 'null']) assert.deepEqual(S.readProfile(text, defaults), { error: 'object' }, text)
    // A result exported by the page is not a profile.
    assert.deepEqual(S.readProfile('{"asOf":"2026-06-01","lang":"en","programs":[{"id":"p"}],"warnings":[]}', defaults), { error: 'result' })
    assert.deepEqual(S.readProfile('{"asOf":"2026-06-01","programs":[],"warnings":[]}', defaults), { error: 'result' })
  })
  test('toCell keeps numbers typed exactly, text otherwise', () => {
    assert.equal(S.toCell('12'), 12)
    assert.equal(S.toCell('-0.5'), -0.5)
    for (const raw of ['007', '2,5', '12x', '', ' 1', '1e3', '-']) assert.equal(S.toCell(raw), raw)
  })
  test('toProfile parses text, leaves out empties and reports what is not a number', () => {
    const s = S.normalizeState({
      asOf: ' 2026-06-01 ', lang: 'fr', programs: ['p'],
      facts: { a: '2,5', b: '', c: 'abc', gone: 4 }, certifications: { 'MS-700': '3', 'SC-300': 'x' },
      people: [{ id: ' ana ', certifications: ['AZ-104'] }, { id: '', certifications: [] }],
      tracks: { security: 'smb' }, plan: { costs: { 'a/b': '0,5' } },
    }, defaults)
    const { profile, errors } = S.toProfile(s, { facts: new Set(['a', 'b', 'c']) })
    assert.deepEqual(profile, {
      asOf: '2026-06-01', lang: 'fr', programs: ['p'], facts: { a: 2.5 }, certifications: { 'MS-700': 3 },
      people: [{ id: 'ana', certifications: ['AZ-104'] }, { certifications: [] }],
      tracks: { security: 'smb' }, plan: { costs: { 'a/b': 0.5 } },
    })
    assert.deepEqual(errors.map((e) => [e.path, e.code]), [['/facts/c', 'number'], ['/certifications/SC-300', 'number']])
    s.plan.off = true
    assert.equal('plan' in S.toProfile(s).profile, false)
  })
  test('the permalink round-trips any state, and bad links are refused', () => {
    const s = S.normalizeState({ lang: 'fr', facts: { 'é/~': 'ünïcødé ✓', n: 1.5 }, people: [{ id: '👩‍💻', certifications: ['AZ-104'] }] }, defaults)
    const hash = S.stateHash(s)
    assert.match(hash, /^#p=[A-Za-z0-9_-]+$/)
    assert.deepEqual(S.readHash(hash), { found: true, value: JSON.parse(JSON.stringify(s)) })
    // Padding, standard base64 and line breaks added by mail clients are tolerated.
    const code = hash.slice(3)
    const std = code.replace(/-/g, '+').replace(/_/g, '/')
    assert.deepEqual(S.readHash(`#p=${std.slice(0, 10)}\n${std.slice(10)}==`.replace(/=+$/, '='.repeat((4 - (std.length % 4)) % 4))).value, S.readHash(hash).value)
    assert.deepEqual(S.readHash(''), { found: false })
    assert.deepEqual(S.readHash('#results'), { found: false })
    assert.deepEqual(S.readHash('#p=***'), { found: true, value: undefined })
    assert.deepEqual(S.readHash('#p=e30x'), { found: true, value: undefined })
    // A profile pasted as JSON in the hash is read too.
    assert.deepEqual(S.readHash(`#${encodeURIComponent('{"facts":{"a":1}}')}`).value, { facts: { a: 1 } })
  })
  test('JSON Pointers', () => {
    assert.deepEqual(S.parsePointer('/facts/a~1b~0c'), ['facts', 'a/b~c'])
    assert.equal(S.pointer('plan', 'costs', 'a/b~c'), '/plan/costs/a~1b~0c')
    const s = S.emptyState('en', '')
    s.people.push({ id: '', certifications: ['x', 'y'] })
    assert.ok(S.setAt(s, '/facts/a~1b', 3))
    assert.ok(S.setAt(s, '/plan/costs/z', 2))
    assert.ok(S.setAt(s, '/people/0/id', 'ana'))
    assert.ok(S.setAt(s, '/people/0/certifications/0', undefined))
    assert.equal(S.setAt(s, '/people/5/id', 'x'), false)
    assert.deepEqual([s.facts, s.plan, s.people], [{ 'a/b': 3 }, { costs: { z: 2 } }, [{ id: 'ana', certifications: ['y'] }]])
    assert.equal(S.getAt(s, '/people/0/id'), 'ana')
    assert.equal(S.getAt(s, '/nope/x'), undefined)
  })
  test('storage failures do not throw', () => {
    const broken = { getItem() { throw new Error('denied') }, setItem() { throw new Error('full') } }
    assert.equal(S.loadStored(broken), undefined)
    assert.equal(S.saveStored(broken, S.emptyState('en', '')), false)
    const mem = new Map()
    const ok = { getItem: (k) => mem.get(k) ?? null, setItem: (k, v) => mem.set(k, v) }
    const s = S.normalizeState({ facts: { a: 'x' } }, defaults)
    assert.ok(S.saveStored(ok, s))
    assert.deepEqual(S.loadStored(ok), s)
  })
})

describe('catalog', () => {
  const c = new Catalog(catalogData)
  test('resolve takes ids, exam codes and names in any case, as the engine does', () => {
    for (const key of ['AZ-104', 'az-104', 'azure-administrator-associate']) assert.equal(c.resolve(key)?.exams?.[0], 'AZ-104')
    assert.equal(c.resolve('Microsoft Certified: Identity and Access Administrator Associate')?.id, 'identity-and-access-administrator-associate')
    assert.equal(c.resolve('XX-999'), undefined)
  })
  const search = [
    // [query, the first hit's id]
    ['AZ-104', 'azure-administrator-associate'],
    ['az104', 'azure-administrator-associate'],
    ['ms-7', 'teams-administrator-associate'],
    ['teams admin', 'teams-administrator-associate'],
    ['identité', ''],
    ['Identity and Access', 'identity-and-access-administrator-associate'],
  ]
  for (const [q, first] of search) {
    test(`search ${JSON.stringify(q)}`, () => assert.equal(c.search(q)[0]?.id ?? '', first))
  }
  test('an empty query lists every certification; labels show the exam code', () => {
    assert.equal(c.search('', 1000).length, catalogData.length)
    assert.match(certLabel(c.resolve('AZ-104'), 'en'), /^AZ-104 · /)
  })
})

describe('program data', () => {
  const versions = P.groupPrograms([rules, { ...rules, version: 'fy27', effectiveFrom: '2026-07-01' }])
  const list = versions.get(rules.id)
  test('the version in force on a date', () => {
    assert.deepEqual(list.map((v) => v.version), ['fy26', 'fy27'])
    assert.equal(P.versionOn(list, '2026-06-30')?.version, 'fy26')
    assert.equal(P.versionOn(list, '2026-07-01')?.version, 'fy27')
    assert.equal(P.versionOn(list, '2020-01-01'), undefined)
    assert.deepEqual(P.formVersion(list, '2020-01-01'), { version: list[1], inForce: false })
    assert.equal(P.formVersion(list, 'junk').inForce, false)
  })
  test('every fact is in the form exactly once, grouped by area and track', () => {
    const layout = P.formLayout(rules)
    const shown = [...layout.areas.flatMap((a) => [...a.selection, ...a.tracks.flatMap((t) => t.facts)]), ...layout.other]
    assert.deepEqual([...shown].sort(), rules.facts.map((f) => f.id).sort())
    const byId = Object.fromEntries(layout.areas.map((a) => [a.id, a]))
    assert.deepEqual(byId['data-ai'].selection, ['azure.smbCustomerShare'])
    assert.deepEqual(byId.infrastructure.tracks.flatMap((t) => t.facts), [])
    assert.deepEqual(byId.infrastructure.elsewhere, ['data-ai'])
    assert.ok(byId['modern-work'].tracks[0].facts.includes('mw.ent.netCustomerAdds'))
  })
  test('where each certification counts', () => {
    const where = P.certAreas(rules)
    assert.deepEqual(where.get('teams-administrator-associate'), ['modern-work'])
    assert.ok(where.get('azure-administrator-associate').includes('infrastructure'))
  })
  test('which rules certified people can change', () => {
    const read = (f) => JSON.parse(readFileSync(path.join(ROOT, 'score/rules', f), 'utf8'))
    assert.equal(P.usesCertifications(rules), true)
    assert.equal(P.usesCertifications(read('vmware-partner-connect/2020.json')), true, 'competencies count certified people')
    assert.equal(P.usesCertifications(read('microsoft-cloud-solution-provider/fy26.json')), true, 'reads the designations of another program')
    for (const f of ['microsoft-nce-term-comparison/2022-03.json', 'microsoft-bpos-partner-fees/2009.json', 'microsoft-partner-program-transition-2022/2022.json',
      'microsoft-partner-network-competencies/2015-09.json']) assert.equal(P.usesCertifications(read(f)), false, f)
  })
  test('loc falls back to English', () => {
    assert.equal(P.loc({ en: 'A', fr: 'B' }, 'fr'), 'B')
    assert.equal(P.loc({ en: 'A' }, 'fr'), 'A')
    assert.equal(P.loc(undefined, 'fr'), '')
  })
})

describe('axisTicks (the calculator chart\'s value axis)', () => {
  const cases = [
    // [lo, hi, want]
    [0, 3600, [0, 1000, 2000, 3000, 4000]],
    [0, 3000, [0, 1000, 2000, 3000]],
    [-615, 6150, [-2000, 0, 2000, 4000, 6000, 8000]],
    [0, 10, [0, 2.5, 5, 7.5, 10]],
    [0, 1, [0, 0.25, 0.5, 0.75, 1]],
    [0, 0.3, [0, 0.1, 0.2, 0.3]],
    [-50, 0, [-60, -40, -20, 0]],
    [0, 0, [0, 0.25, 0.5, 0.75, 1]],
    [0, 1e9, [0, 250000000, 500000000, 750000000, 1000000000]],
    [12, 12, [12, 12.25, 12.5, 12.75, 13]],
  ]
  for (const [lo, hi, want] of cases) {
    test(`${lo} to ${hi}`, () => {
      const got = axisTicks(lo, hi)
      assert.deepEqual(got, want)
      assert.ok(got[0] <= lo && got[got.length - 1] >= hi, 'the ticks span the values')
      if (lo <= 0 && hi >= 0) assert.ok(got.some((v) => Object.is(v, 0)), 'zero is a tick, never -0')
    })
  }
})

describe('the profile entered, for the printed report', () => {
  const context = (lang, version = rules) => ({
    lang,
    t: (k, p) => M.t(lang, k, p),
    num: (n, d) => formatShown(n, lang, d),
    unit: (u, n) => unitText((k, p) => M.t(lang, k, p), u, n),
    facts: new Map(version.facts.map((f) => [f.id, f])),
    version,
    certCode: (id) => ({ 'azure-administrator-associate': 'AZ-104' })[id] || id,
  })
  const profile = {
    lang: 'en',
    certifications: { 'azure-administrator-associate': 1, 'MD-102': 2 },
    people: [{ id: 'Ana', certifications: ['azure-administrator-associate', 'SC-100'] }, { certifications: [] }],
    // Not in the form's order: the report follows the form.
    facts: { 'azure.smbCustomerShare': 92.5, 'mw.ent.netCustomerAdds': 1, 'mw.smb.netCustomerAdds': 12000.25 },
    tracks: { 'modern-work': 'smb' },
    plan: { costs: { 'mw.ent.netCustomerAdds': 10, 'azure-administrator-associate': 0.5 } },
  }
  test('in English: groups in the form\'s order, names and units of the data, singulars', () => {
    assert.deepEqual(inputGroups(profile, context('en')), [
      { title: 'People per certification', items: ['AZ-104: 1 person', 'MD-102: 2 people'] },
      { title: 'Named people', items: ['Ana: AZ-104, SC-100', 'Person 2: –'] },
      { title: 'Figures', items: [
        'Modern Work Enterprise: net customer adds (12 months): 1 customer',
        'Modern Work SMB: net customer adds (12 months): 12,000.25 customers',
        'Azure: share of customers in the SMB segment: 92.5 %',
      ] },
      { title: 'Tracks chosen', items: ['Modern Work: SMB'] },
      { title: 'Costs per unit', items: ['Modern Work Enterprise: net customer adds (12 months): 10', 'AZ-104: 0.5'] },
    ])
  })
  test('in French: the French names, colons and numbers', () => {
    const groups = inputGroups({ ...profile, lang: 'fr' }, context('fr'))
    assert.deepEqual(groups.map((g) => g.title), ['Personnes par certification', 'Personnes nommées', 'Chiffres', 'Parcours choisis', 'Coûts par unité'])
    assert.deepEqual(groups[0].items, ['AZ-104 : 1 personne', 'MD-102 : 2 personnes'])
    assert.equal(groups[2].items[1], 'Modern Work PME : ajouts nets de clients (12 mois) : 12\u202f000,25 clients')
    assert.equal(groups[3].items[0], 'Modern Work (travail moderne) : PME')
  })
  test('yes-or-no facts, parameters, and what the form does not declare', () => {
    const csp = JSON.parse(readFileSync(path.join(ROOT, 'score/rules/microsoft-cloud-solution-provider/fy26.json'), 'utf8'))
    const nce = JSON.parse(readFileSync(path.join(ROOT, 'score/rules/microsoft-nce-term-comparison/2022-03.json'), 'utf8'))
    assert.deepEqual(inputGroups({ facts: { 'csp.operationalAssessment': 1, 'x.unknown': 3 } }, context('en', csp)),
      [{ title: 'Figures', items: ['Operational assessment passed: yes', 'x.unknown: 3'] }])
    assert.deepEqual(inputGroups({ parameters: { 'nce.seats': 1, 'nce.annualPricePerSeatMonth': 12.5 } }, context('en', nce)),
      [{ title: 'Parameters', items: ['Seats: 1 seat', 'Annual-term price per seat per month: 12.5 USD'] }])
    assert.deepEqual(inputGroups({ lang: 'en' }, context('en')), [])
  })
})

describe('messages', () => {
  test('French and English have the same keys and placeholders', () => {
    const en = M.messages.en
    const fr = M.messages.fr
    // A singular (key.one) is the language's own: French has some English needs not
    // ("0 point sur 15" beside "0 of 15 points"). Every other key is in both.
    const plain = (table) => Object.keys(table).filter((k) => !k.endsWith('.one')).sort()
    assert.deepEqual(plain(fr), plain(en))
    const holes = (s) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
    for (const k of Object.keys(en)) assert.deepEqual(holes(fr[k]), holes(en[k]), k)
  })
  test("French text writes its apostrophes as the engine and the rule data do (n'est, not n’est)", () => {
    // A card mixes the page's words with the engine's explanations and the data's names
    // ("Croissance d'usage … Demande … d'au moins"): one apostrophe throughout.
    const texts = [
      ...Object.entries(M.messages.fr).map(([k, v]) => [`site/js/messages.js ${k}`, v]),
      ...['site/embed/messages.js', 'site/embed/partner-score.js', 'site/js/history.js'].map((f) => [f, readFileSync(path.join(ROOT, f), 'utf8')]),
      ['score/rules', readdirSync(path.join(ROOT, 'score/rules'), { recursive: true }).filter((f) => String(f).endsWith('.json'))
        .map((f) => readFileSync(path.join(ROOT, 'score/rules', String(f)), 'utf8')).join('\n')],
    ]
    for (const [where, text] of texts) assert.ok(!text.includes('\u2019'), `${where} has a typographic apostrophe (U+2019)`)
    assert.ok(M.messages.fr['card.prereq'].includes("d'au moins"))
  })
  test('every key the code uses exists', () => {
    const used = new Set()
    for (const f of ['app.js', 'form.js', 'results.js', 'inputs.js', 'elements/ps-scorecard.js']) {
      const src = readFileSync(path.join(ROOT, 'site/js', f), 'utf8')
      for (const m of src.matchAll(/\bt\('([a-zA-Z0-9.-]+)'/g)) used.add(m[1])
    }
    const html = readFileSync(path.join(ROOT, 'site/index.html'), 'utf8')
    for (const m of html.matchAll(/data-i18n="([^"]+)"/g)) used.add(m[1])
    for (const k of used) assert.ok(k in M.messages.en, k)
  })
  test('every unit of the rule data has a name', () => {
    const units = new Set()
    const walk = (o) => {
      if (Array.isArray(o)) o.forEach(walk)
      else if (o && typeof o === 'object') {
        if (typeof o.unit === 'string') units.add(o.unit)
        Object.values(o).forEach(walk)
      }
    }
    const dir = path.join(ROOT, 'score/rules')
    for (const d of readdirSync(dir, { withFileTypes: true })) {
      if (!d.isDirectory()) continue
      for (const f of readdirSync(path.join(dir, d.name))) walk(JSON.parse(readFileSync(path.join(dir, d.name, f), 'utf8')))
    }
    assert.ok(units.size > 10, [...units].join(', '))
    for (const u of units) assert.ok(`unit.${u}` in M.messages.en, `unit.${u}`)
  })
  test('a count takes the singular where the language does (English: one; French: under two)', () => {
    const cases = [
      // [lang, unit, n, want]
      ['en', 'customers', 1, 'customer'],
      ['en', 'customers', 0, 'customers'],
      ['en', 'customers', 2, 'customers'],
      ['en', 'customers', 0.5, 'customers'],
      ['en', 'customers', undefined, 'customers'],
      ['en', 'people', 1, 'person'],
      ['en', 'competencies', 1, 'competency'],
      ['en', 'percent', 1, '%'],
      ['en', 'widgets', 1, 'widgets'],
      ['fr', 'customers', 0, 'client'],
      ['fr', 'customers', 1.5, 'client'],
      ['fr', 'customers', -1, 'client'],
      ['fr', 'customers', 2, 'clients'],
      ['fr', 'people', 1, 'personne'],
      ['fr', 'workloads', 1, 'charge de travail'],
      ['fr', 'months', 1, 'mois'],
    ]
    for (const [lang, u, n, want] of cases) {
      assert.equal(unitText((k, p) => M.t(lang, k, p), u, n), want, `${lang} ${u} ${n}`)
    }
    assert.equal(M.t('en', 'card.shortfall', { n: '1', count: 1 }), '1 point short.')
    assert.equal(M.t('en', 'card.shortfall', { n: '1.5', count: 1.5 }), '1.5 points short.')
    assert.equal(M.t('fr', 'card.shortfall', { n: '1,5', count: 1.5 }), 'Il manque 1,5 point.')
    assert.equal(M.t('fr', 'card.shortfall', { n: '2', count: 2 }), 'Il manque 2 points.')
    // A certification step agrees with the number of people it needs.
    assert.equal(M.t('en', 'card.gate', { certs: 'AZ-104', people: 0, required: 1, count: 1 }), 'AZ-104: 0 of 1 person')
    assert.equal(M.t('en', 'card.gate', { certs: 'AZ-104', people: 1, required: 2, count: 2 }), 'AZ-104: 1 of 2 people')
    assert.equal(M.t('fr', 'card.gate', { certs: 'AZ-104', people: 0, required: 1, count: 1 }), 'AZ-104 : 0 sur 1 personne requise')
    assert.equal(M.t('fr', 'card.gate', { certs: 'AZ-104', people: 1, required: 2, count: 2 }), 'AZ-104 : 1 sur 2 personnes requises')
    // The results' summary agrees with the number of areas.
    assert.equal(M.t('en', 'res.qualifiedIn', { n: 1, total: 1, list: 'Modern Work', count: 1 }), 'Qualified: Modern Work.')
    assert.equal(M.t('en', 'res.qualifiedIn', { n: 1, total: 2, list: 'Modern Work', count: 2 }), '1 of 2 areas qualified: Modern Work.')
    assert.equal(M.t('fr', 'res.qualifiedNone', { total: 1, count: 1 }), "Ce domaine n'est pas encore qualifié.")
    assert.equal(M.t('fr', 'res.qualifiedNone', { total: 6, count: 6 }), "Aucun des 6 domaines n'est encore qualifié.")
    assert.equal(M.t('en', 'res.qualifiedNone', { total: 1, count: 1 }), 'Not qualified in this area yet.')
    // A metric's bar reads its points in the singular below two in French ("0 point sur 15").
    const bar = (lang, points) => M.t(lang, 'card.metricBar', { name: 'X', points: String(points), max: '15', count: points })
    assert.deepEqual([0, 1.5, 2, 16].map((p) => bar('fr', p)), ['X : 0 point sur 15', 'X : 1.5 point sur 15', 'X : 2 points sur 15', 'X : 16 points sur 15'])
    assert.deepEqual([0, 1, 16].map((p) => bar('en', p)), ['X: 0 of 15 points', 'X: 1 of 15 points', 'X: 16 of 15 points'])
    assert.equal(M.t('fr', 'card.scoreLabel', { score: '80', max: '100', qualifying: '70' }), 'Score 80 sur 100 ; qualifié à partir de 70')
    // Only a number is a count.
    assert.deepEqual([M.singular('1', 'en'), M.singular(null, 'fr'), M.singular(undefined, 'en'), M.singular(1, 'en')], [false, false, false, true])
    // A key without a singular ignores the count; a singular always has its plural.
    assert.equal(M.t('en', 'card.zero', { n: 1, count: 1 }), M.t('en', 'card.zero', { n: 1 }))
    for (const lang of ['en', 'fr']) {
      for (const k of Object.keys(M.messages[lang]).filter((k) => k.endsWith('.one'))) {
        assert.ok(k.slice(0, -4) in M.messages[lang], `${lang} ${k}`)
      }
    }
  })
  test('every unit that counts things has a singular', () => {
    for (const k of Object.keys(M.messages.en)) {
      if (!k.startsWith('unit.') || k.endsWith('.one') || ['unit.percent', 'unit.usd', 'unit.mcv', 'unit.boolean'].includes(k)) continue
      assert.ok(`${k}.one` in M.messages.en, `${k}.one`)
    }
  })
  test('the language follows the browser, English otherwise', () => {
    assert.equal(M.negotiate(['fr-CA', 'en'], 'fr-CA'), 'fr')
    assert.equal(M.negotiate(['de-DE', 'fr'], 'de-DE'), 'fr')
    assert.equal(M.negotiate([], 'es'), 'en')
    assert.equal(M.t('fr', 'card.shortfall', { n: 3 }), 'Il manque 3 points.')
    assert.equal(M.t('xx', 'nope.key'), 'nope.key')
  })
})

describe('evaluateAll', () => {
  // A stand-in for the engine that, like it, stops at decoding errors (negative counts) before
  // checking facts and certifications.
  const calls = []
  const engine = {
    evaluate(p) {
      calls.push(structuredClone(p))
      const neg = Object.entries(p.certifications || {}).filter(([, n]) => n < 0)
      if (neg.length) return { ok: false, errors: [{ path: `/certifications/${neg[0][0]}`, code: 'range', message: 'a count cannot be negative' }] }
      const errors = []
      if (p.asOf === 'bad') errors.push({ path: '/asOf', code: 'date', message: 'not a valid date' })
      for (const [k, v] of Object.entries(p.facts || {})) if (!Number.isInteger(v)) errors.push({ path: `/facts/${k}`, code: 'integer', message: 'whole' })
      ;(p.people || []).forEach((person, i) => person.certifications.forEach((c, j) => {
        if (c.startsWith('XX')) errors.push({ path: `/people/${i}/certifications/${j}`, code: 'unknown', message: 'unknown certification' })
      }))
      ;(p.people || []).forEach((person, i) => {
        if (person.id && p.people.slice(0, i).some((o) => o.id === person.id)) errors.push({ path: `/people/${i}/id`, code: 'duplicate', message: 'person listed twice' })
      })
      return errors.length ? { ok: false, errors } : { ok: true, result: { profile: p } }
    },
  }
  test('every error of every pass, at its original path; the result leaves them out', () => {
    calls.length = 0
    const profile = {
      facts: { a: 2.5, b: 3 }, certifications: { 'AZ-104': -5, 'MS-700': 1 },
      people: [{ certifications: ['XX-1', 'AZ-104', 'XX-2'] }, { certifications: ['XX-3'] }],
    }
    const frozen = structuredClone(profile)
    const { result, errors, left, profile: scored } = evaluateAll(engine, profile)
    assert.deepEqual(profile, frozen, 'the profile given is not modified')
    assert.deepEqual(scored, result.profile, 'the profile returned is the one that gave the result')
    assert.deepEqual(errors.map((e) => e.path), [
      '/certifications/AZ-104', '/facts/a', '/people/0/certifications/0', '/people/0/certifications/2', '/people/1/certifications/0',
    ])
    assert.deepEqual(result.profile, { facts: { b: 3 }, certifications: { 'MS-700': 1 }, people: [{ certifications: ['AZ-104'] }, { certifications: [] }] })
    assert.equal(calls.length, 3)
    assert.equal(left.length, 5)
  })
  test('a name given twice: the second person still counts, unnamed', () => {
    const profile = { people: [{ id: 'ana', certifications: ['AZ-104'] }, { id: 'ana', certifications: ['MS-700'] }, { id: 'ben', certifications: [] }] }
    const { result, errors, left } = evaluateAll(engine, profile)
    assert.deepEqual(errors.map((e) => [e.path, e.code]), [['/people/1/id', 'duplicate']])
    assert.deepEqual(result.profile.people, [{ id: 'ana', certifications: ['AZ-104'] }, { certifications: ['MS-700'] }, { id: 'ben', certifications: [] }])
    assert.deepEqual(left, ['/people/1/id'])
  })
  test('an error that cannot be left out gives no result', () => {
    const { result, errors, profile } = evaluateAll(engine, { asOf: 'bad', facts: { a: 1.5 } })
    assert.equal(result, null)
    assert.deepEqual(profile, { asOf: 'bad', facts: {} }, 'the profile evaluated last, its fact left out')
    assert.deepEqual(errors.map((e) => e.path), ['/asOf', '/facts/a'])
  })
  test('a clean profile takes one call', () => {
    calls.length = 0
    assert.deepEqual(evaluateAll(engine, { facts: { a: 1 } }), { result: { profile: { facts: { a: 1 } } }, errors: [], left: [], profile: { facts: { a: 1 } } })
    assert.equal(calls.length, 1)
  })
})

describe('elements', () => {
  test('element modules load without a DOM and register nothing', async () => {
    for (const f of ['ps-metric-bar.js', 'ps-fact-field.js', 'ps-cert-picker.js', 'ps-scorecard.js']) {
      const mod = await site(`elements/${f}`)
      const cls = Object.values(mod).find((v) => typeof v === 'function' && typeof v.define === 'function')
      assert.ok(cls, f)
    }
  })
})

describe('index.html', () => {
  /** The modules a module imports statically (import … from '…' and import '…'), as site paths. */
  const imports = (file) => {
    const text = readFileSync(path.join(ROOT, 'site', file), 'utf8')
    const found = [...text.matchAll(/^import\s+(?:[^'"]*?\s+from\s+)?['"]([^'"]+)['"]/gm)].map((m) => m[1])
    return found.map((spec) => path.posix.join(path.posix.dirname(file), spec))
  }
  const graph = (entry) => {
    const seen = new Set()
    const visit = (file) => {
      if (seen.has(file)) return
      seen.add(file)
      for (const f of imports(file)) visit(f)
    }
    visit(entry)
    return seen
  }
  const html = readFileSync(path.join(ROOT, 'site/index.html'), 'utf8')
  const preloaded = [...html.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map((m) => m[1])

  test('the import graph is read from the files', () => {
    assert.ok(graph('js/app.js').has('js/elements/ps-metric-bar.js'), 'three levels down')
    assert.deepEqual([...graph('js/boot.js')], ['js/boot.js', 'js/engine.js', 'js/tape.js'])
  })
  test('every module of the page is preloaded, the engine first, and nothing else', () => {
    const engine = [...graph('js/boot.js'), 'wasm_exec.js'] // wasm_exec.js: engine.js imports it at run time
    const all = new Set([...engine, ...graph('js/app.js')])
    assert.deepEqual([...preloaded].sort(), [...all].sort())
    assert.equal(new Set(preloaded).size, preloaded.length, 'no module twice')
    assert.deepEqual(preloaded.slice(0, 3), engine.slice(0, 3))
  })
  test('the wasm is preloaded as the fetch engine.js makes', () => {
    assert.match(html, /<link rel="preload" href="partnerscore\.wasm" as="fetch" type="application\/wasm" crossorigin>/)
  })
  test('the built page loads the bundle alone: one module, preloaded before the wasm (tests/js/build-site.mjs)', () => {
    const dist = ensureSite()
    const built = readFileSync(path.join(dist, 'index.html'), 'utf8')
    const lines = (text) => text.split('\n').filter((l) => /^<(link rel="(module)?preload"|script)/.test(l))
    assert.deepEqual(lines(built), [
      '<link rel="modulepreload" href="js/app.js">',
      '<link rel="preload" href="partnerscore.wasm" as="fetch" type="application/wasm" crossorigin>',
      '<link rel="modulepreload" href="wasm_exec.js">',
      '<script type="module" src="js/app.js"></script>',
    ])
    const rest = (text) => text.split('\n').filter((l) => !/^<(link rel="(module)?preload"|script)/.test(l))
    assert.deepEqual(rest(built), rest(html), 'the rest of the page as written')
    const bundle = readFileSync(path.join(dist, 'js/app.js'), 'utf8')
    assert.doesNotMatch(bundle, /\bfrom\s*["']\.|\bimport\s*["']\./, 'no static import left')
    // Every module of the graph is in it, the engine's first (they run in this order): the
    // source map names them, as the served folder has them.
    const sources = JSON.parse(readFileSync(path.join(dist, 'js/app.js.map'), 'utf8')).sources.map((s) => `js/${s}`)
    assert.deepEqual([...sources].sort(), [...graph('js/app.js')].sort())
    assert.deepEqual(sources.slice(0, 3), ['js/tape.js', 'js/engine.js', 'js/boot.js'])
    for (const s of sources) assert.ok(existsSync(path.join(dist, s)), s)
  })
})
