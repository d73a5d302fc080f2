// Number parsing and formatting, CSV, and small text helpers. DOM-free, so Node tests can
// import it.

// Numbers are written here rather than by Intl.NumberFormat: a page's first Intl formatter
// loads the locale data, 20-70 ms of the main thread measured in Chromium on this machine,
// paid while the page draws its first result. The text is Intl.NumberFormat's for en-US and
// fr-FR with { maximumFractionDigits } to the character (tests/js/e2e/modules.test.mjs, and
// in Chromium simulator.test.mjs, compare them): the shortest decimal that reads back as n,
// rounded half away from zero, in groups of three digits.

/**
 * n with at most `digits` decimals, as Intl.NumberFormat writes it in lang.
 * @param {number} n
 * @param {string} lang
 * @param {number} digits
 */
function formatDecimal(n, lang, digits) {
  // |n| × 10^digits = k × 10^e, from the shortest decimal of n (1.5e+21 and 7.5e-7 too).
  const [m, x = '0'] = String(Math.abs(n)).split('e')
  const [i, f = ''] = m.split('.')
  const e = Number(x) - f.length + digits
  const p = 10n ** BigInt(Math.abs(e))
  const k = e < 0 ? (BigInt(i + f) + p / 2n) / p : BigInt(i + f) * p // half away from zero
  const s = String(k).padStart(digits + 1, '0')
  const int = s.slice(0, s.length - digits)
  const frac = s.slice(s.length - digits).replace(/0+$/, '')
  const fr = lang === 'fr'
  return (n < 0 && k ? '-' : '') + int.replace(/\B(?=(\d{3})+$)/g, fr ? '\u202f' : ',') + (frac ? (fr ? ',' : '.') + frac : '')
}

/**
 * Formats n for display in lang with at most `digits` decimals (points are kept at full
 * precision by the engine and rounded only here).
 * @param {number} n
 * @param {string} lang
 * @param {number} [digits]
 */
export function formatNumber(n, lang, digits = 2) {
  // No "-0" after rounding: the sign goes with a number that does not round to 0.
  return typeof n === 'number' && Number.isFinite(n) ? formatDecimal(n, lang, digits) : ''
}

/**
 * formatNumber for figures a reader compares with a limit (points, scores, costs): a number
 * that is not zero never reads as zero, and one under `below` (an area's qualifying score)
 * never reads as reaching it; it gets the decimals it needs, up to six, and is cut at six
 * (toward zero's or the limit's other side) when that is not enough. A metric at 0.03 points is above zero, which qualification asks of every
 * metric, and an area at 69.96 of 70 does not qualify: they read "0.03" and "69.96", not
 * "0" and "70".
 * @param {number} n
 * @param {string} lang
 * @param {number} [digits]
 * @param {number} [below]
 */
export function formatShown(n, lang, digits = 2, below = Infinity) {
  let s = formatNumber(n, lang, digits)
  const wrong = () => (s === '0' && n !== 0) || (n < below && parseNumber(s, lang) >= below)
  for (let d = digits + 1; wrong() && d <= 6; d++) s = formatNumber(n, lang, d)
  // Still wrong at six decimals (a millionth from the limit, or from zero): cut it toward
  // the side it is on.
  return wrong() ? formatNumber(Math[s === '0' && n > 0 ? 'ceil' : 'floor'](n * 1e6) / 1e6, lang, 6) : s
}

/**
 * An error's `got` (the value given, as the engine writes it) for a reader of lang: a number,
 * which the engine writes as JSON does (2.5, 1e+21), in lang's way (2,5); any other text
 * (quoted strings) as it is.
 * @param {string|undefined} got
 * @param {string} lang
 */
export function gotText(got, lang) {
  return got === undefined ? '' : /^-?\d*\.?\d+(e[+-]?\d+)?$/i.test(got) ? formatNumber(+got, lang, 6) : got
}

/**
 * Writes a stored number back into a text field: no grouping, the decimal separator of lang,
 * so that parseNumber(editable(n, lang), lang) === n.
 * @param {number} n
 * @param {string} lang
 */
export function editable(n, lang) {
  const s = String(n)
  return lang === 'fr' ? s.replace('.', ',') : s
}

const plain = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i
const enGrouped = /^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/
/** 1.000 or 12.500.000: in French, a thousands point or a decimal one, which cannot be told. */
const frDotGrouped = /^[+-]?\d{1,3}(\.\d{3})+$/
const spaces = /[\s\u00a0\u202f\u2009_']/g

/**
 * Reads what a person typed as a number. Accepts spaces as group separators, the decimal
 * comma (and, in English, comma grouping such as 1,000), a Unicode minus, and exponents.
 * Returns NaN for anything else, for empty text, and in French for a point before groups of
 * three digits (1.000: a thousand or one? it is refused rather than read as one).
 * @param {string} text
 * @param {string} lang
 */
export function parseNumber(text, lang) {
  if (typeof text !== 'string') return Number.NaN
  let s = text.trim().replace(/\u2212/g, '-').replace(spaces, '')
  if (s === '' || (lang === 'fr' && frDotGrouped.test(s))) return Number.NaN
  if (lang !== 'fr' && enGrouped.test(s)) {
    s = s.replace(/,/g, '')
  } else if (/^[^,]*,[^,]*$/.test(s) && !s.includes('.')) {
    s = s.replace(',', '.')
  }
  if (!plain.test(s)) return Number.NaN
  const n = Number(s)
  return Number.isFinite(n) ? n : Number.NaN
}

/**
 * How a CSV file separates its fields and writes its decimals. `CSV_RFC` is RFC 4180's comma
 * and decimal point; `CSV_FR` is what a French spreadsheet (Excel with French settings) opens
 * in columns: a semicolon between fields and a decimal comma (12,5).
 * @typedef {{ separator: string, decimal: string }} CSVDialect
 */
/** @type {Readonly<CSVDialect>} */
export const CSV_RFC = Object.freeze({ separator: ',', decimal: '.' })
/** @type {Readonly<CSVDialect>} */
export const CSV_FR = Object.freeze({ separator: ';', decimal: ',' })

/**
 * The CSV dialect of a language's spreadsheets: French ones take `CSV_FR`, the others `CSV_RFC`.
 * @param {string} lang
 */
export function csvDialect(lang) {
  return lang === 'fr' ? CSV_FR : CSV_RFC
}

/**
 * Quotes one CSV field (RFC 4180, with the dialect's separator). Text that a spreadsheet
 * would run as a formula is prefixed with an apostrophe; numbers are written as they are,
 * with the dialect's decimal mark.
 * @param {unknown} v
 * @param {CSVDialect} [dialect]
 */
export function csvField(v, dialect = CSV_RFC) {
  if (typeof v === 'number') return Number.isFinite(v) ? String(v).replace('.', dialect.decimal) : ''
  if (typeof v === 'boolean') return v ? 'true' : 'false'
  let s = v == null ? '' : String(v)
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`
  return s.includes(dialect.separator) || /["\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

/**
 * The columns of the CSV export, in order. Each row is one item of one group of a program:
 * section "area" (group: a designation area; item: a metric of the counting track),
 * "level" and "competency" (item: a requirement; an alternative of a requirement of kind
 * "any" is its own row, "requirement/alternative"), "table" (a calculator's table; item: a
 * column, period: the row's number, or "total"), "figure" (a calculator's figure) and
 * "timeline" (item: the status on the evaluation date, period: its dates, from/to). Column
 * assumption is true where no source gives the row's rule (a metric's, a requirement's, the
 * current period's dates), empty otherwise; the JSON export says what is assumed.
 */
export const CSV_COLUMNS = Object.freeze([
  'program', 'version', 'section', 'group', 'group_name', 'track', 'group_score', 'qualified',
  'item', 'item_name', 'period', 'value', 'unit', 'points', 'max', 'threshold', 'met', 'applied', 'source', 'explanation', 'assumption',
])

/**
 * Turns an engine result into CSV (see CSV_COLUMNS): every program's areas, levels,
 * competencies, calculator and timeline.
 * @param {any} result a result (schemas/result.schema.json)
 * @param {CSVDialect} [dialect] the separator and decimal mark (RFC 4180's by default)
 * @returns {string}
 */
export function resultToCSV(result, dialect = CSV_RFC) {
  const sep = dialect.separator
  const lines = [CSV_COLUMNS.join(sep)]
  for (const p of result?.programs || []) {
    /** @param {Record<string, unknown>} r */
    const row = (r) => lines.push(CSV_COLUMNS.map((c) => csvField(c === 'program' ? p.id : c === 'version' ? p.version : r[c], dialect)).join(sep))
    for (const a of p.areas || []) {
      const group = { section: 'area', group: a.id, group_name: a.name, track: a.track, group_score: a.score, qualified: a.qualified }
      for (const m of a.metrics || []) {
        row({ ...group, item: m.id, item_name: m.name, value: m.value, unit: m.unit, points: m.points, max: m.max,
          threshold: m.threshold, applied: m.applied, source: m.source, explanation: m.explanation, assumption: m.assumption ? true : '' })
      }
    }
    const requirements = (section, g, qualified) => {
      const group = { section, group: g.id, group_name: g.name, qualified }
      const req = (q, id) => row({ ...group, item: id, item_name: q.name, value: q.value, unit: q.unit, threshold: q.threshold,
        met: q.met, source: q.source, explanation: q.explanation, assumption: q.assumption ? true : '' })
      for (const q of g.requirements || []) {
        req(q, q.id)
        for (const alt of q.any || []) req(alt, `${q.id}/${alt.id}`)
      }
    }
    for (const l of p.levels?.levels || []) requirements('level', l, l.met)
    for (const c of p.levels?.competencies || []) requirements('competency', c, c.earned)
    for (const t of p.calculator?.tables || []) {
      const cols = t.columns || []
      const cell = (col, period, value) => row({ section: 'table', group: t.id, group_name: t.name, item: col.id, item_name: col.name,
        period, value, unit: col.unit, source: t.source })
      for (const [i, r] of (t.rows || []).entries()) for (const [k, col] of cols.entries()) cell(col, i + 1, r[k])
      for (const [k, col] of cols.entries()) if (col.total) cell(col, 'total', t.totals?.[k])
    }
    for (const f of p.calculator?.figures || []) {
      row({ section: 'figure', item: f.id, item_name: f.name, value: f.value, unit: f.unit, source: f.source })
    }
    for (const e of p.timeline || []) {
      row({ section: 'timeline', group: e.id, group_name: e.name, item: e.status, item_name: e.statusName,
        period: `${e.from || ''}/${e.to || ''}`, source: e.source, assumption: (e.periods || []).find((x) => x.current)?.assumption ? true : '' })
    }
  }
  return lines.join('\r\n') + '\r\n'
}

/**
 * Whether n takes the singular in lang: one in English; less than two in French ("0 client",
 * "1,5 client"), as the engine's explanations have it (score.UnitName). Not a number: no.
 * @param {unknown} n
 * @param {string} lang
 */
export function singular(n, lang) {
  return typeof n === 'number' && (lang === 'fr' ? Math.abs(n) < 2 : n === 1)
}

/**
 * A unit's name from the texts (unit.<id>), or its id when they have none; given how many,
 * in the singular where the language takes it ("1 customer", unit.<id>.one).
 * @param {(key: string, params?: Record<string, unknown>) => string} t the texts' lookup, which gives back a missing key
 * @param {string} u a unit id of the rule data
 * @param {number} [n] how many units the name follows
 */
export function unitText(t, u, n) {
  const s = t(`unit.${u}`, n === undefined ? undefined : { count: n })
  return s === `unit.${u}` ? u : s
}

/**
 * Today's date (UTC) as YYYY-MM-DD, the engine's default.
 * @param {Date} [now]
 */
export function todayUTC(now = new Date()) {
  return now.toISOString().slice(0, 10)
}
