// The simulator's state: a profile (schemas/profile.schema.json) whose numbers may still be
// the raw text a person typed ("2,5", "-", "12x"), so nothing typed is lost, and the dates
// typed in the "over time" panel's comparison (compare, which only the page reads). It travels in the
// URL (base64url JSON in the hash) and in localStorage, and becomes the engine's profile with
// toProfile. DOM-free.

import { parseNumber } from './format.js'
import { langOf } from './messages.js'

/** Bounds that keep a hostile or corrupted link from hanging the page. */
export const LIMITS = Object.freeze({ keys: 500, people: 5000, certsPerPerson: 200, text: 200 })

/** The localStorage key. */
export const STORAGE_KEY = 'partnerscore:state:v1'

/** The hash parameter that holds the state. */
export const HASH_KEY = 'p'

/**
 * @typedef {number|string} Cell a number, or the raw text when it is not a clean number
 * @typedef {{id: string, certifications: string[]}} PersonState
 * @typedef {{
 *   asOf: string, lang: string, programs: string[],
 *   facts: Record<string, Cell>, certifications: Record<string, Cell>,
 *   people: PersonState[], tracks: Record<string, string>,
 *   plan?: {costs: Record<string, Cell>, off?: boolean},
 *   compare?: {from: string, to: string}
 * }} State
 */

/**
 * A new, empty state.
 * @param {string} lang
 * @param {string} asOf
 * @returns {State}
 */
export function emptyState(lang, asOf) {
  return {
    asOf, lang: langOf(lang) || 'en', programs: [], facts: {}, certifications: {},
    people: [], tracks: {},
  }
}

function text(v, max = LIMITS.text) {
  return typeof v === 'string' ? v.slice(0, max) : ''
}

function cell(v) {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null
  if (typeof v === 'string') return v.slice(0, LIMITS.text)
  return null
}

function isPlainObject(v) {
  return v !== null && typeof v === 'object' && !Array.isArray(v)
}

/**
 * The cells of an object (a number, or text), keyed by its keys; what is left out (a value of
 * another type, a key too long, keys past the limit) is named in drop by its pointer.
 * @param {unknown} v @param {string} base the object's pointer @param {(ptr: string) => void} drop
 */
function cells(v, base, drop) {
  /** @type {Record<string, Cell>} */
  const out = {}
  if (v === undefined) return out
  if (!isPlainObject(v)) {
    drop(base)
    return out
  }
  let n = 0
  for (const [k, x] of Object.entries(/** @type {Record<string, unknown>} */ (v))) {
    const c = n++ < LIMITS.keys ? cell(x) : null
    if (c !== null && k.length <= LIMITS.text) out[k] = c
    else drop(`${base}/${escapeSegment(k)}`)
  }
  return out
}

/** The profile's members a state keeps (schemas/profile.schema.json has history, projection and departures too: the page asks for the last two itself), and the comparison's dates. */
const STATE_KEYS = new Set(['asOf', 'lang', 'programs', 'facts', 'parameters', 'certifications', 'people', 'tracks', 'plan', 'compare'])

/**
 * Makes a well-formed state of anything (a decoded link, stored JSON, a profile file):
 * wrong types are dropped, sizes bounded, unknown fields ignored.
 * @param {unknown} raw
 * @param {{lang: string, asOf: string}} defaults
 * @param {string[]} [dropped] receives the JSON Pointer of every part of raw left out (a
 *   member the state does not keep, a value of the wrong type, what is past a limit)
 * @returns {State}
 */
export function normalizeState(raw, defaults, dropped) {
  const drop = dropped ? (/** @type {string} */ ptr) => { dropped.push(ptr) } : () => {}
  const s = emptyState(defaults.lang, defaults.asOf)
  if (!isPlainObject(raw)) {
    if (raw !== undefined) drop('')
    return s
  }
  const r = /** @type {Record<string, any>} */ (raw)
  for (const k of Object.keys(r)) if (!STATE_KEYS.has(k)) drop(pointer(k))
  if (typeof r.asOf === 'string') s.asOf = text(r.asOf, 32)
  else if (r.asOf !== undefined) drop('/asOf')
  s.lang = langOf(r.lang) || s.lang
  if (r.lang !== undefined && !langOf(r.lang)) drop('/lang')
  if (Array.isArray(r.programs)) {
    r.programs.forEach((p, i) => {
      if (typeof p === 'string' && s.programs.length < 20) s.programs.push(text(p))
      else drop(`/programs/${i}`)
    })
  } else if (r.programs !== undefined) drop('/programs')
  s.facts = cells(r.facts, '/facts', drop)
  // Parameters (of the programs with parameters) are kept only when there are some.
  const params = cells(r.parameters, '/parameters', drop)
  if (Object.keys(params).length) s.parameters = params
  s.certifications = cells(r.certifications, '/certifications', drop)
  if (Array.isArray(r.people)) {
    r.people.forEach((p, i) => {
      if (!isPlainObject(p) || i >= LIMITS.people) {
        drop(`/people/${i}`)
        return
      }
      for (const k of Object.keys(p)) if (k !== 'id' && k !== 'certifications') drop(`/people/${i}/${escapeSegment(k)}`)
      if (p.id !== undefined && typeof p.id !== 'string') drop(`/people/${i}/id`)
      /** @type {string[]} */
      const certs = []
      if (Array.isArray(p.certifications)) {
        p.certifications.forEach((c, j) => {
          if (typeof c === 'string' && certs.length < LIMITS.certsPerPerson) certs.push(text(c))
          else drop(`/people/${i}/certifications/${j}`)
        })
      } else if (p.certifications !== undefined) drop(`/people/${i}/certifications`)
      s.people.push({ id: text(p.id), certifications: certs })
    })
  } else if (r.people !== undefined) drop('/people')
  if (isPlainObject(r.tracks)) {
    Object.entries(r.tracks).forEach(([k, v], i) => {
      if (typeof v === 'string' && v !== '' && i < LIMITS.keys) s.tracks[k] = text(v)
      else drop(`/tracks/${escapeSegment(k)}`)
    })
  } else if (r.tracks !== undefined) drop('/tracks')
  if (isPlainObject(r.plan)) {
    s.plan = { costs: cells(r.plan.costs, '/plan/costs', drop) }
    if (r.plan.off === true) s.plan.off = true
    for (const k of Object.keys(r.plan)) if (k !== 'costs' && k !== 'off') drop(`/plan/${escapeSegment(k)}`)
  } else if (r.plan !== undefined) drop('/plan')
  // The comparison's dates, as typed (an empty date is kept: the panel then compares nothing).
  if (isPlainObject(r.compare) && typeof r.compare.from === 'string' && typeof r.compare.to === 'string') {
    s.compare = { from: text(r.compare.from, 32), to: text(r.compare.to, 32) }
    for (const k of Object.keys(r.compare)) if (k !== 'from' && k !== 'to') drop(`/compare/${escapeSegment(k)}`)
  } else if (r.compare !== undefined) drop('/compare')
  return s
}

/** The largest profile file readProfile takes (a profile the API takes is at most 256 KiB). */
export const PROFILE_FILE_MAX = 1 << 20

/** The most people one certification's count may give: the engine's bound
 * (schemas/profile.schema.json, certifications' maximum). */
export const MAX_CERT_COUNT = 1_000_000

/**
 * Reads a profile file: the JSON the API and the CLI take (schemas/profile.schema.json), as
 * "Save profile" writes it. A byte order mark is skipped.
 * @param {string} textIn the file's text
 * @param {{lang: string, asOf: string}} defaults the language and date when the file has none
 * @returns {{state: State, dropped: string[]} | {error: 'json'|'object'|'result', detail?: string}}
 *   the state and the pointers of what it left out (see normalizeState); or why the file is
 *   not a profile: not JSON (detail: the parser's message), not an object, or a result
 */
export function readProfile(textIn, defaults) {
  let raw
  try {
    raw = JSON.parse(textIn.replace(/^\ufeff/, ''))
  } catch (e) {
    return { error: 'json', detail: e instanceof Error ? e.message : String(e) }
  }
  if (!isPlainObject(raw)) return { error: 'object' }
  // A result (schemas/result.schema.json) has warnings, and programs that are objects.
  if (Array.isArray(raw.warnings) || (Array.isArray(raw.programs) && raw.programs.some(isPlainObject))) return { error: 'result' }
  /** @type {string[]} */
  const dropped = []
  const state = normalizeState(raw, defaults, dropped)
  // A profile file has no comparison: the page's own member is not taken from one.
  delete state.compare
  const all = raw.compare === undefined ? dropped : [...dropped.filter((p) => p !== '/compare' && !p.startsWith('/compare/')), '/compare']
  return { state, dropped: all }
}

/**
 * Stores a field's text: the number when the text is exactly that number's spelling, the
 * text otherwise (so "007", "2,5" and "12x" come back as typed).
 * @param {string} raw
 * @returns {Cell}
 */
export function toCell(raw) {
  const n = Number(raw)
  return raw !== '' && Number.isFinite(n) && String(n) === raw ? n : raw
}

// --- JSON Pointer (RFC 6901) ---

/** @param {string} seg */
export function escapeSegment(seg) {
  return seg.replace(/~/g, '~0').replace(/\//g, '~1')
}

/**
 * Splits a JSON Pointer into its unescaped segments; "" is the whole document.
 * @param {string} pointer
 * @returns {string[]}
 */
export function parsePointer(pointer) {
  if (pointer === '') return []
  if (!pointer.startsWith('/')) return [pointer]
  return pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
}

/**
 * Builds a JSON Pointer from segments.
 * @param {...(string|number)} segs
 */
export function pointer(...segs) {
  return segs.map((s) => '/' + escapeSegment(String(s))).join('')
}

/**
 * Sets (or, with undefined, deletes) the value at a pointer of the state, creating objects
 * along the way. Array indexes must exist. Returns false when the pointer does not fit.
 * @param {any} root
 * @param {string} ptr
 * @param {unknown} value
 */
export function setAt(root, ptr, value) {
  const segs = parsePointer(ptr)
  if (segs.length === 0) return false
  let node = root
  for (let i = 0; i < segs.length - 1; i++) {
    const k = segs[i]
    if (Array.isArray(node)) {
      const idx = Number(k)
      if (!Number.isInteger(idx) || idx < 0 || idx >= node.length) return false
      node = node[idx]
      continue
    }
    if (!isPlainObject(node)) return false
    if (node[k] === undefined) node[k] = {}
    node = node[k]
  }
  const last = segs[segs.length - 1]
  if (Array.isArray(node)) {
    const idx = Number(last)
    if (!Number.isInteger(idx) || idx < 0 || idx > node.length) return false
    if (value === undefined) node.splice(idx, 1)
    else node[idx] = value
    return true
  }
  if (!isPlainObject(node)) return false
  if (value === undefined) delete node[last]
  else node[last] = value
  return true
}

/**
 * Reads the value at a pointer, or undefined.
 * @param {any} root
 * @param {string} ptr
 */
export function getAt(root, ptr) {
  let node = root
  for (const k of parsePointer(ptr)) {
    if (node === null || typeof node !== 'object') return undefined
    node = Array.isArray(node) ? node[Number(k)] : node[k]
  }
  return node
}

// --- Profile ---

/**
 * @typedef {{path: string, code: string, message: string, got?: string}} LocalError
 */

/**
 * Turns the state into the engine's profile. Text that is not a number is left out and
 * reported as a local error (path = the field's pointer); empty fields are left out.
 * @param {State} s
 * @param {{facts?: Set<string>, parameters?: Set<string>}} [only] facts (and parameters) the program version in force declares; others
 *   are kept in the state but not sent (they would be unknown to that version)
 * @returns {{profile: Record<string, unknown>, errors: LocalError[]}}
 */
export function toProfile(s, only = {}) {
  /** @type {LocalError[]} */
  const errors = []
  const numbers = (base, obj, keep) => {
    /** @type {Record<string, number>} */
    const out = {}
    for (const [k, v] of Object.entries(obj)) {
      if (keep && !keep.has(k)) continue
      if (typeof v === 'number') {
        out[k] = v
        continue
      }
      if (v.trim() === '') continue
      const n = parseNumber(v, s.lang)
      if (Number.isNaN(n)) {
        errors.push({ path: `${base}/${escapeSegment(k)}`, code: 'number', message: 'not a number', got: JSON.stringify(v) })
      } else {
        out[k] = n
      }
    }
    return out
  }
  /** @type {Record<string, unknown>} */
  const profile = {}
  if (s.asOf.trim() !== '') profile.asOf = s.asOf.trim()
  profile.lang = s.lang
  if (s.programs.length) profile.programs = [...s.programs]
  const facts = numbers('/facts', s.facts, only.facts)
  if (Object.keys(facts).length) profile.facts = facts
  const params = numbers('/parameters', s.parameters || {}, only.parameters)
  if (Object.keys(params).length) profile.parameters = params
  const certs = numbers('/certifications', s.certifications)
  if (Object.keys(certs).length) profile.certifications = certs
  if (s.people.length) {
    profile.people = s.people.map((p) => {
      const person = {}
      if (p.id.trim() !== '') person.id = p.id.trim()
      person.certifications = [...p.certifications]
      return person
    })
  }
  const tracks = Object.fromEntries(Object.entries(s.tracks).filter(([, v]) => v))
  if (Object.keys(tracks).length) profile.tracks = tracks
  if (s.plan && !s.plan.off) {
    const costs = numbers('/plan/costs', s.plan.costs)
    profile.plan = Object.keys(costs).length ? { costs } : {}
  }
  return { profile, errors }
}

// --- URL and storage ---

/**
 * Encodes the state as base64url (UTF-8 JSON, no padding).
 * @param {State} s
 */
export function encodeState(s) {
  const bytes = new TextEncoder().encode(JSON.stringify(s))
  let bin = ''
  for (let i = 0; i < bytes.length; i += 0x8000) {
    bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  }
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

/**
 * Decodes what encodeState wrote. Also takes standard base64, padding, and line breaks or
 * spaces that mail clients add. Returns undefined when it cannot be read.
 * @param {string} code
 * @returns {unknown}
 */
export function decodeState(code) {
  try {
    const b64 = code.replace(/%20|\s/g, '').replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '')
    if (!/^[A-Za-z0-9+/]*$/.test(b64) || b64.length % 4 === 1) return undefined
    const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4))
    const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0))
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
  } catch {
    return undefined
  }
}

/**
 * The hash that holds the state: "#p=…".
 * @param {State} s
 */
export function stateHash(s) {
  return `#${HASH_KEY}=${encodeState(s)}`
}

/**
 * Reads the state out of a location hash. Returns {found: false} when the hash holds no
 * state, and {found: true, value: undefined} when it holds one that cannot be read.
 * Besides "#p=<base64url>", a hash holding percent-encoded profile JSON ("#{…}") is read too.
 * @param {string} hash
 * @returns {{found: boolean, value?: unknown}}
 */
export function readHash(hash) {
  const h = hash.startsWith('#') ? hash.slice(1) : hash
  if (h === '') return { found: false }
  for (const part of h.split('&')) {
    const eq = part.indexOf('=')
    if (eq > 0 && part.slice(0, eq) === HASH_KEY) return { found: true, value: decodeState(part.slice(eq + 1)) }
  }
  if (h.startsWith('{') || h.startsWith('%7B') || h.startsWith('%7b')) {
    try {
      return { found: true, value: JSON.parse(decodeURIComponent(h)) }
    } catch {
      return { found: true, value: undefined }
    }
  }
  return { found: false }
}

/**
 * Reads the stored state, or undefined.
 * @param {Storage|undefined} storage
 */
export function loadStored(storage) {
  try {
    const raw = storage?.getItem(STORAGE_KEY)
    return raw ? JSON.parse(raw) : undefined
  } catch {
    return undefined
  }
}

/**
 * Stores the state; storage may be full or disabled, which is not an error for the page.
 * @param {Storage|undefined} storage
 * @param {State} s
 */
export function saveStored(storage, s) {
  try {
    storage?.setItem(STORAGE_KEY, JSON.stringify(s))
    return true
  } catch {
    return false
  }
}
