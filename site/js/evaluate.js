// Evaluates a profile and gathers every error in it. The engine reports every problem of a
// profile at once but gives no result then, so the values it names are left out and the
// profile evaluated again (one more pass, unless leaving a value out shows a new problem),
// until it passes or nothing more can be left out. The result is then that of the profile
// without its bad values, and the errors are those of every pass, each at its path in the
// profile as given. DOM-free.

import { parsePointer } from './state.js'

/** At most this many passes (each is one engine call, ~50 µs). */
const MAX_PASSES = 8

/**
 * @typedef {{path: string, code: string, message: string, expected?: string, got?: string, suggestion?: string}} EngineError
 * @typedef {{evaluate: (profile: object) => ({ok: true, result: any} | {ok: false, errors: EngineError[]})}} Engine
 */

/**
 * @param {Engine} engine
 * @param {Record<string, any>} profile (not modified)
 * @returns {{result: any|null, errors: EngineError[], left: string[], profile: Record<string, any>}}
 *   the result (null when the profile cannot be evaluated even without its bad values), every
 *   error, the paths left out, and the profile evaluated last: the one that gave the result
 */
export function evaluateAll(engine, profile) {
  const p = structuredClone(profile)
  // For each person, the original index of each certification still in the list.
  const orig = (p.people || []).map((person) => (person.certifications || []).map((_, j) => j))
  /** @type {EngineError[]} */
  const errors = []
  /** @type {string[]} */
  const left = []
  // An error that cannot be left out comes back at every pass: report it once.
  const seen = new Set()
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const out = engine.evaluate(p)
    if (out.ok) return { result: out.result, errors, left, profile: p }
    /** @type {Map<number, number[]>} person → certification indexes to drop */
    const drop = new Map()
    let removed = 0
    for (const e of out.errors || []) {
      const segs = parsePointer(e.path || '')
      let path = e.path || ''
      if (segs[0] === 'people' && segs[2] === 'certifications' && segs.length === 4) {
        const i = Number(segs[1])
        const j = Number(segs[3])
        const o = orig[i]?.[j]
        if (o !== undefined) {
          path = `/people/${i}/certifications/${o}`
          if (!drop.has(i)) drop.set(i, [])
          drop.get(i).push(j)
        }
      } else if (removable(p, segs)) {
        removed++
        left.push(path)
      }
      const key = `${path}\n${e.code}\n${e.message}`
      if (!seen.has(key)) {
        seen.add(key)
        errors.push({ ...e, path })
      }
    }
    for (const [i, js] of drop) {
      for (const j of [...new Set(js)].sort((a, b) => b - a)) {
        p.people[i].certifications.splice(j, 1)
        left.push(`/people/${i}/certifications/${orig[i][j]}`)
        orig[i].splice(j, 1)
        removed++
      }
    }
    if (!removed) return { result: null, errors, left, profile: p }
  }
  return { result: null, errors, left, profile: p }
}

/**
 * Leaves out the value of a fact, a count, a cost or a track override, or a person's id (a name
 * given twice: the person still counts, unnamed); other paths (the date, the programs, the
 * language, the whole document) cannot be left out.
 * @param {Record<string, any>} p
 * @param {string[]} segs
 */
function removable(p, segs) {
  const [a, b, c] = segs
  const del = (obj, key) => {
    if (!obj || !(key in obj)) return false
    delete obj[key]
    return true
  }
  if (segs.length === 2 && (a === 'facts' || a === 'certifications' || a === 'tracks')) return del(p[a], b)
  if (segs.length === 3 && a === 'plan' && b === 'costs') return del(p.plan?.costs, c)
  if (segs.length === 3 && a === 'people' && c === 'id') return del(p.people?.[Number(b)], 'id')
  return false
}
