// Reading the program data (score.Program JSON from engine.programs()): which version is in
// force, how its facts group into the form, and where each certification counts. DOM-free.

const DATE = /^\d{4}-\d{2}-\d{2}$/

/**
 * The text of a localized label ({en, fr}) in lang, English when missing.
 * @param {{en?: string, fr?: string}|string|undefined} label
 * @param {string} lang
 */
export function loc(label, lang) {
  if (!label) return ''
  if (typeof label === 'string') return label
  return (lang === 'fr' && label.fr) || label.en || ''
}

/**
 * Groups program versions by program id, each list sorted by start date.
 * @param {any[]} versions
 * @returns {Map<string, any[]>}
 */
export function groupPrograms(versions) {
  /** @type {Map<string, any[]>} */
  const m = new Map()
  for (const v of versions || []) {
    if (!v || typeof v.id !== 'string') continue
    if (!m.has(v.id)) m.set(v.id, [])
    m.get(v.id).push(v)
  }
  // Dates (YYYY-MM-DD) sort as text, code unit by code unit: no localeCompare, whose first
  // use in a page loads the collation data (14-38 ms measured in Chromium here).
  const from = (v) => String(v.effectiveFrom)
  for (const list of m.values()) list.sort((a, b) => (from(a) < from(b) ? -1 : from(a) > from(b) ? 1 : 0))
  return m
}

/**
 * The version in force on date (YYYY-MM-DD), or undefined; the latest to start wins should
 * an open-ended version overlap a newer one.
 * @param {any[]} versions sorted by start date
 * @param {string} date
 */
export function versionOn(versions, date) {
  if (!DATE.test(date)) return undefined
  return versions.findLast((v) => v.effectiveFrom <= date && (!v.effectiveTo || date <= v.effectiveTo))
}

/**
 * The version whose facts the form shows: the one in force, else the latest that started
 * before the date, else the first.
 * @param {any[]} versions
 * @param {string} date
 * @returns {{version: any, inForce: boolean}}
 */
export function formVersion(versions, date) {
  const v = versionOn(versions, date)
  if (v) return { version: v, inForce: true }
  const before = DATE.test(date) ? versions.filter((x) => x.effectiveFrom <= date).pop() : undefined
  return { version: before || versions[versions.length - 1] || versions[0], inForce: false }
}

/** Facts a metric reads: its parts' facts, then its prerequisite's. */
function metricFacts(metric) {
  const r = metric.rule || {}
  const out = (r.parts || []).map((p) => p.fact).filter(Boolean)
  if (r.prerequisite?.fact) out.push(r.prerequisite.fact)
  return out
}

/**
 * @typedef {{id: string, facts: string[], elsewhere: string[]}} TrackGroup
 * @typedef {{id: string, selection: string[], tracks: TrackGroup[], elsewhere: string[]}} AreaGroup
 */

/**
 * Lays the version's facts out by area and track, each fact once, where it is first used.
 * `elsewhere` lists the areas whose groups already hold facts this track or area also reads.
 * @param {any} version
 * @returns {{areas: AreaGroup[], other: string[]}}
 */
export function formLayout(version) {
  /** @type {Map<string, string>} fact → area where it is shown */
  const placed = new Map()
  const areas = (version?.areas || []).map((area) => {
    const selection = []
    const sel = area.trackSelection
    if (sel?.kind === 'fact' && sel.fact && !placed.has(sel.fact)) {
      placed.set(sel.fact, area.id)
      selection.push(sel.fact)
    }
    const areaElsewhere = new Set()
    if (sel?.kind === 'fact' && sel.fact && placed.get(sel.fact) !== area.id) areaElsewhere.add(placed.get(sel.fact))
    const tracks = (area.tracks || []).map((track) => {
      const facts = []
      const elsewhere = new Set()
      for (const m of track.metrics || []) {
        for (const f of metricFacts(m)) {
          const at = placed.get(f)
          if (at === undefined) {
            placed.set(f, area.id)
            facts.push(f)
          } else if (at !== area.id) {
            elsewhere.add(at)
          }
        }
      }
      for (const a of elsewhere) areaElsewhere.add(a)
      return { id: track.id, facts, elsewhere: [...elsewhere] }
    })
    return { id: area.id, selection, tracks, elsewhere: [...areaElsewhere] }
  })
  const other = (version?.facts || []).map((f) => f.id).filter((id) => !placed.has(id))
  return { areas, other }
}

/**
 * Where each certification counts: certification id → area ids, in program order.
 * @param {any} version
 * @returns {Map<string, string[]>}
 */
export function certAreas(version) {
  /** @type {Map<string, string[]>} */
  const m = new Map()
  const add = (cert, area) => {
    if (!m.has(cert)) m.set(cert, [])
    const list = m.get(cert)
    if (!list.includes(area)) list.push(area)
  }
  for (const area of version?.areas || []) {
    for (const track of area.tracks || []) {
      for (const metric of track.metrics || []) {
        const r = metric.rule || {}
        for (const p of r.parts || []) for (const c of p.certifications || []) add(c, area.id)
        for (const g of r.gates || []) for (const c of g.certifications || []) add(c, area.id)
      }
    }
  }
  // Levels programs: the competencies whose people slots list the certification.
  for (const comp of version?.levels?.competencies || []) {
    for (const r of comp.requirements || []) for (const s of r.slots || []) for (const c of s.certifications || []) add(c, comp.id)
  }
  return m
}

/**
 * Whether certified people can change a version's result: a certification its rules list
 * (a metric's part or gate, a competency's people), or another program's result it reads
 * (which may count them).
 * @param {any} version
 */
export function usesCertifications(version) {
  const walk = (o) => {
    if (!o || typeof o !== 'object') return false
    if (Array.isArray(o)) return o.some(walk)
    if ((Array.isArray(o.certifications) && o.certifications.length > 0) || o.kind === 'program') return true
    return Object.values(o).some(walk)
  }
  return walk(version?.areas) || walk(version?.levels)
}

/**
 * The facts of the programs a version depends on (requirements of kind "program"), in their
 * versions on date: the profile sends them too, so that the other program's result, which
 * the engine evaluates, sees them.
 * @param {any} version
 * @param {Map<string, any[]>} programs
 * @param {string} date
 * @returns {any[]}
 */
export function dependencyFacts(version, programs, date) {
  const ids = new Set()
  const walk = (reqs) => {
    for (const r of reqs || []) {
      if (r.kind === 'program' && r.program) ids.add(r.program)
      walk(r.any)
    }
  }
  for (const l of version?.levels?.levels || []) walk(l.requirements)
  const out = []
  for (const id of ids) {
    const v = versionOn(programs.get(id) || [], date)
    if (v) out.push(...(v.facts || []))
  }
  return out
}
