// The "over time" panel: the profile compared on two dates (the engine's compare: versions,
// areas, metrics, or a program's levels and competencies with what each date lacks; what
// changed, highlighted; dates from the program's first rules) and each area's projected
// score for the next twelve months as a small SVG chart, with the certifications that stop
// counting and what replaces them. Text only (dom.js); SVG through createElementNS, styled
// by classes.

import { h, setText, svg, uid } from './dom.js'
import { formatShown, todayUTC } from './format.js'

const WORDS = {
  en: {
    colon: ': ',
    sep: '; ',
    title: 'Over time',
    compare: 'Compare two dates',
    from: 'From',
    to: 'To',
    area: 'Area',
    level: 'Level',
    competency: 'Competency',
    met: ['met', 'not met'],
    earned: ['earned', 'not earned'],
    missing: 'missing',
    rules: 'Rules',
    none: 'no rules',
    noRules: (d, since) => `no rules of this program are in force on ${d} (its first rules start on ${since})`,
    badDate: 'not a valid date (YYYY-MM-DD)',
    nothing: 'Nothing changes between these dates.',
    changed: 'changed',
    qualified: 'qualified',
    notQualified: 'not qualified',
    assumption: 'assumption: no source of that version gives this rule',
    projection: 'The next 12 months',
    projectionHelp: 'Each area\'s score from the current facts, month by month, as certifications stop counting.',
    chart: (name, first, last, from, to, qs) => `${name}: score from ${from} on ${first} to ${to} on ${last}; ${qs} to qualify`,
    months: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
    stops: (c, d, n) => `${c} (${n} ${n === 1 ? 'person' : 'people'}) stops counting on ${d}`,
    replaced: 'replaced by',
    alternatives: 'also counts in the same step',
    below: (d) => `falls below the qualifying score on ${d}`,
    unqualified: (d) => `no longer qualifies from ${d}`,
    steady: 'no change expected',
    leaving: 'If someone leaves',
    leavingHelp: 'What each named person\'s departure would change, the rest of the profile as it is.',
    leavingPrint: 'Whose departure alone would lose a designation, level or competency, the rest of the profile as it is:',
    leavingName: 'The certifications are counted, not held by named people: add the people under “Named people”, each with the certifications they hold, to see what each one\'s departure would change.',
    leavingAsk: (n) => `Work out each departure (${n} different sets of certifications: one evaluation each, again at every change)`,
    person: (n) => `Person ${n}`,
    noChange: 'no change',
    noLonger: 'no longer qualified',
    nowQualified: 'qualified',
    pts: 'pts',
    bound: { gate: 'a gate would no longer be met', prerequisite: 'the prerequisite would no longer be met' },
    loses: 'loses',
    alsoLacks: 'would also lack',
    changes: {
      added: 'new', removed: 'removed', track: 'track', score: 'score', qualified: 'qualification', points: 'points',
      applied: 'bound', value: 'value', max: 'maximum', threshold: 'threshold', certifications: 'certifications',
      gates: 'gates', prerequisite: 'prerequisite', assumption: 'assumption', met: 'met', missing: 'requirements',
    },
  },
  fr: {
    colon: ' : ',
    sep: ' ; ',
    title: 'Dans le temps',
    compare: 'Comparer deux dates',
    from: 'Du',
    to: 'Au',
    area: 'Domaine',
    level: 'Niveau',
    competency: 'Compétence',
    met: ['atteint', 'non atteint'],
    earned: ['obtenue', 'non obtenue'],
    missing: 'manque',
    rules: 'Règles',
    none: 'aucune règle',
    noRules: (d, since) => `aucune règle de ce programme n'est en vigueur le ${d} (ses premières règles datent du ${since})`,
    badDate: 'date invalide (AAAA-MM-JJ)',
    nothing: 'Rien ne change entre ces dates.',
    changed: 'modifié',
    qualified: 'qualifié',
    notQualified: 'non qualifié',
    assumption: 'hypothèse : aucune source de cette version ne donne cette règle',
    projection: 'Les 12 prochains mois',
    projectionHelp: 'Le score de chaque domaine à faits constants, mois par mois, à mesure que des certifications cessent de compter.',
    chart: (name, first, last, from, to, qs) => `${name} : score de ${from} le ${first} à ${to} le ${last} ; ${qs} pour être qualifié`,
    months: ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'],
    stops: (c, d, n) => `${c} (${n} ${n === 1 ? 'personne' : 'personnes'}) cesse de compter le ${d}`,
    replaced: 'remplacée par',
    alternatives: 'compte aussi dans la même étape',
    below: (d) => `passe sous le score requis le ${d}`,
    unqualified: (d) => `n'est plus qualifié à partir du ${d}`,
    steady: 'aucun changement prévu',
    leaving: 'Si quelqu\'un part',
    leavingHelp: 'Ce que le départ de chaque personne nommée changerait, le reste du profil tel quel.',
    leavingPrint: 'Les personnes dont le départ, à lui seul, ferait perdre une désignation, un niveau ou une compétence, le reste du profil tel quel :',
    leavingName: 'Les certifications sont comptées, sans personnes nommées : ajoutez les personnes sous « Personnes nommées », chacune avec ses certifications, pour voir ce que le départ de chacune changerait.',
    leavingAsk: (n) => `Calculer chaque départ (${n} ensembles de certifications différents : une évaluation chacun, à chaque modification)`,
    person: (n) => `Personne ${n}`,
    noChange: 'aucun changement',
    noLonger: 'n\'est plus qualifié',
    nowQualified: 'qualifié',
    pts: 'pts',
    bound: { gate: 'un prérequis ne serait plus atteint', prerequisite: 'la condition ne serait plus remplie' },
    loses: 'perd',
    alsoLacks: 'manquerait aussi',
    changes: {
      added: 'nouveau', removed: 'retiré', track: 'parcours', score: 'score', qualified: 'qualification', points: 'points',
      applied: 'limite', value: 'valeur', max: 'maximum', threshold: 'seuil', certifications: 'certifications',
      gates: 'prérequis', prerequisite: 'condition', assumption: 'hypothèse', met: 'atteint', missing: 'exigences',
    },
  },
}

/** Up to this many distinct sets of certifications among the named people, the panel works
 * out their departures by itself (in Node, ~14 ms for 50 sets, ~39 ms for 200); past it, on
 * request. */
const LEAVING_AUTO = 40

/** The first day of the Cloud Partner Program's rules, the panel's earliest date by default. */
const FIRST_RULES = '2022-10-03'

/** The date n years before d (YYYY-MM-DD), not before since (the program's first rules). */
export function yearsBefore(d, n, since = FIRST_RULES) {
  const y = Number(d.slice(0, 4)) - n
  const s = `${y}${d.slice(4)}`.replace(/-02-29$/, '-02-28')
  return s < since ? since : s
}

// One decimal, through format.js (an Intl.NumberFormat built per call cost a fifth of a
// keystroke's time: the comparison redraws on every keystroke); more when one would read a
// number that is not zero as zero, or a score under `below` as reaching it.
function num(v, lang, below) {
  return formatShown(v, lang, 1, below)
}

/**
 * What the panel draws from.
 * @typedef {object} TimeParams
 * @property {any} engine the engine (compare, evaluate)
 * @property {any|null} profile the profile the engine accepts, or null (the panel hides)
 * @property {string} lang
 * @property {(id: string) => string} certName a certification's name
 * @property {(unit: string, n: number) => string} [unitName] a unit's name for n of it (its id when absent)
 * @property {string} [since] the first day of the program's first rules, the earliest date offered
 * @property {{from: string, to: string}} [dates] the comparison's dates as the person typed
 *   them; absent, two years before the profile's date and that date
 * @property {(from: string, to: string) => void} [onDates] told the dates each time the person
 *   changes one (the page keeps them with the profile)
 */

export class TimeView {
  #root
  #from
  #to
  #compareOut
  #projectionOut
  /** @type {HTMLElement} the projection's part, hidden when the result has no area to project */
  #projection
  #title
  #compareTitle
  #projectionTitle
  #projectionHelp
  /** @type {HTMLElement} the departures' part, hidden when the profile names no one */
  #leaving
  #leavingTitle
  #leavingHelp
  /** the hint shown when certifications are counted but no one is named */
  #leavingName
  /** the printed report's lead (print only: the report lists only the departures that lose something) */
  #leavingPrint
  #leavingOut
  #leavingAsk
  /** whether the departures are worked out however many sets of certifications there are */
  #leavingOn = false
  #fromLabel
  #toLabel
  /** the id of the comparison's error, which describes a date it rejects */
  #errorId = uid('cmp-error')
  /** @type {TimeParams|null} */
  #last = null
  /** @type {Map<string, {key: string, figure: HTMLElement}>} each area's projection figure and what it shows */
  #figures = new Map()

  /** @param {HTMLElement} root the section to fill */
  constructor(root) {
    this.#root = root
    const fromId = uid('cmp-from')
    const toId = uid('cmp-to')
    this.#title = h('h2', { id: 'time-title' })
    this.#compareTitle = h('h3')
    this.#fromLabel = h('label', { attrs: { for: fromId } })
    this.#toLabel = h('label', { attrs: { for: toId } })
    this.#from = h('input', { id: fromId, attrs: { type: 'date', name: 'compare-from', min: FIRST_RULES } })
    this.#to = h('input', { id: toId, attrs: { type: 'date', name: 'compare-to', min: FIRST_RULES } })
    const again = () => {
      if (!this.#last) return
      this.#last.onDates?.(this.#from.value, this.#to.value)
      this.#renderCompare()
    }
    this.#from.addEventListener('input', again)
    this.#to.addEventListener('input', again)
    this.#compareOut = h('div', { class: 'compare-out', attrs: { 'aria-live': 'polite' } })
    this.#projectionTitle = h('h3')
    this.#projectionHelp = h('p', { class: 'muted' })
    this.#projectionOut = h('div', { class: 'projection-out' })
    this.#leavingTitle = h('h3')
    this.#leavingHelp = h('p', { class: 'muted departures-help' })
    this.#leavingName = h('p', { class: 'muted departures-name' })
    this.#leavingPrint = h('p', { class: 'departures-print' })
    this.#leavingOut = h('ul', { class: 'departures-out', attrs: { tabindex: -1 } })
    this.#leavingAsk = h('button', { class: 'button button-quiet', attrs: { type: 'button' } })
    this.#leavingAsk.addEventListener('click', () => {
      this.#leavingOn = true
      if (this.#last) this.#renderProjection()
      this.#leavingOut.focus() // the button is gone: focus goes to what it asked for
    })
    root.append(
      this.#title,
      h('div', { class: 'compare' }, this.#compareTitle,
        h('div', { class: 'compare-dates' }, h('span', { class: 'field' }, this.#fromLabel, this.#from), h('span', { class: 'field' }, this.#toLabel, this.#to)),
        this.#compareOut),
      this.#projection = h('div', { class: 'projection' }, this.#projectionTitle, this.#projectionHelp, this.#projectionOut),
      this.#leaving = h('div', { class: 'departures' }, this.#leavingTitle, this.#leavingHelp, this.#leavingName, this.#leavingPrint, this.#leavingAsk, this.#leavingOut),
    )
  }

  /**
   * Renders both parts for a profile the engine accepts (or hides the panel).
   * @param {TimeParams} p
   */
  render(p) {
    this.#root.hidden = !p.profile
    if (!p.profile) return
    this.#last = p
    const w = WORDS[p.lang === 'fr' ? 'fr' : 'en']
    setText(this.#title, w.title)
    setText(this.#compareTitle, w.compare)
    setText(this.#fromLabel, w.from)
    setText(this.#toLabel, w.to)
    setText(this.#projectionTitle, w.projection)
    setText(this.#projectionHelp, w.projectionHelp)
    setText(this.#leavingTitle, w.leaving)
    setText(this.#leavingHelp, w.leavingHelp)
    setText(this.#leavingName, w.leavingName)
    setText(this.#leavingPrint, w.leavingPrint)
    const since = p.since || FIRST_RULES
    this.#from.min = since
    this.#to.min = since
    // The profile's date, or today when it leaves it to the engine (which takes today, UTC).
    const asOf = p.profile.asOf || todayUTC()
    if (p.dates) {
      this.#from.value = p.dates.from
      this.#to.value = p.dates.to
    } else {
      this.#from.value = yearsBefore(asOf, 2, since)
      this.#to.value = asOf
    }
    this.#renderCompare()
    this.#renderProjection()
  }

  /**
   * Before printing: the departures waiting for their button are worked out, so that the
   * printed report has them (one evaluation per distinct set of certifications, once).
   */
  prepareForPrint() {
    if (!this.#last || this.#leavingAsk.hidden) return
    this.#leavingOn = true
    this.#renderProjection()
  }

  #renderCompare() {
    const { engine, profile, lang } = /** @type {any} */ (this.#last)
    const w = WORDS[lang === 'fr' ? 'fr' : 'en']
    const out = this.#compareOut
    const from = this.#from.value
    const to = this.#to.value
    // A date the comparison rejects is marked invalid and described by the error.
    const mark = (/** @type {HTMLInputElement} */ input, bad) => {
      if (bad) {
        input.setAttribute('aria-invalid', 'true')
        input.setAttribute('aria-describedby', this.#errorId)
      } else {
        input.removeAttribute('aria-invalid')
        input.removeAttribute('aria-describedby')
      }
    }
    mark(this.#from, false)
    mark(this.#to, false)
    if (!from || !to) {
      out.replaceChildren()
      return
    }
    const res = engine.compare({ ...profile, lang }, from, to)
    if (!res.ok) {
      mark(this.#from, res.errors.some((/** @type {any} */ e) => e.path === '/from'))
      mark(this.#to, res.errors.some((/** @type {any} */ e) => e.path === '/to'))
      // Each error named by its field's label ("From: …"), in the page's language where the
      // panel knows the error; the engine's words otherwise, with the error's path.
      const text = (/** @type {any} */ e) => {
        const date = e.path === '/from' ? from : e.path === '/to' ? to : ''
        const label = e.path === '/from' ? w.from : e.path === '/to' ? w.to : e.path
        const msg = date && e.code === 'no-rules' ? w.noRules(date, this.#from.min) : date && e.code === 'date' ? w.badDate : e.message
        return `${label}${w.colon}${msg}`
      }
      out.replaceChildren(h('p', { id: this.#errorId, class: 'compare-error', text: res.errors.map(text).join(w.sep) }))
      return
    }
    const c = res.comparison
    const nodes = []
    for (const p of c.programs) {
      const ver = (v) => (v ? `${v.version} (${v.effectiveFrom})` : w.none)
      nodes.push(h('p', { class: 'compare-versions' }, `${w.rules}${w.colon}${ver(p.before)} → ${ver(p.after)}`))
      // The track is named when it changes (the Enterprise track on one date, SMB on the other).
      const side = (s, track) => (s ? `${track ? `${s.trackName} · ` : ''}${num(s.score, lang, s.qualifyingScore)} · ${s.qualified ? w.qualified : w.notQualified}` : '—')
      const changeText = (changes) => changes.map((k) => w.changes[k] || k).join(', ')
      const rows = p.areas.map((a) => {
        const metricLines = a.metrics.filter((m) => m.changes.length > 0).map((m) => h('li', { data: { metric: m.id } },
          `${m.name}${w.colon}${m.before ? num(m.before.points, lang) : '—'} → ${m.after ? num(m.after.points, lang) : '—'} `,
          h('span', { class: 'change-tags', text: `(${changeText(m.changes)})` }),
          (m.before?.assumption || m.after?.assumption) ? h('span', { class: 'assumption', attrs: { title: w.assumption }, text: ' *' }) : null))
        const changed = a.changes.length > 0
        return h('tr', { data: { area: a.id, changed: String(changed) }, class: changed ? 'changed' : '' },
          h('th', { attrs: { scope: 'row' } }, a.name, metricLines.length ? h('ul', { class: 'metric-changes' }, metricLines) : null),
          h('td', { class: 'before', text: side(a.before, a.changes.includes('track')) }),
          h('td', { class: 'after', text: side(a.after, a.changes.includes('track')) }),
          h('td', { class: 'what', text: changed ? changeText(a.changes) : '' }))
      })
      // Levels and competencies: met or not on each date, and the requirements each date lacks.
      const outcome = (s, words) => (s ? [s.met ? words[0] : words[1],
        s.missing.length ? h('span', { class: 'missing', text: ` (${w.missing}${w.colon}${s.missing.map((r) => r.name).join(w.sep)})` }) : null] : ['—'])
      const outcomes = (list, words) => (list || []).map((o) => {
        const changed = o.changes.length > 0
        return h('tr', { data: { outcome: o.id, changed: String(changed) }, class: changed ? 'changed' : '' },
          h('th', { attrs: { scope: 'row' }, text: o.name }),
          h('td', { class: 'before' }, ...outcome(o.before, words)),
          h('td', { class: 'after' }, ...outcome(o.after, words)),
          h('td', { class: 'what', text: changed ? changeText(o.changes) : '' }))
      })
      for (const [first, body] of [[w.area, rows], [w.level, outcomes(p.levels, w.met)], [w.competency, outcomes(p.competencies, w.earned)]]) {
        if (body.length === 0) continue
        nodes.push(h('div', { class: 'compare-scroll', attrs: { tabindex: 0, role: 'region', 'aria-label': `${w.compare}${w.colon}${first}` } }, h('table', { class: 'compare-table' },
          h('thead', {}, h('tr', {}, h('th', { attrs: { scope: 'col' }, text: first }), h('th', { attrs: { scope: 'col' }, text: c.from }),
            h('th', { attrs: { scope: 'col' }, text: c.to }), h('th', { attrs: { scope: 'col' }, text: w.changed }))),
          h('tbody', {}, body))))
      }
    }
    if (!c.changed) nodes.push(h('p', { class: 'muted', text: w.nothing }))
    out.replaceChildren(...nodes)
  }

  #renderProjection() {
    const { engine, profile, lang, certName, unitName } = /** @type {any} */ (this.#last)
    const w = WORDS[lang === 'fr' ? 'fr' : 'en']
    // One evaluation for the projection and, when the profile names people, their departures:
    // one more evaluation per distinct set of certifications, so past LEAVING_AUTO sets they
    // wait for the button.
    const sets = new Set((profile.people || []).map((p) => [...(p.certifications || [])].sort().join('\n')).filter(Boolean)).size
    const named = (profile.people || []).length > 0
    const ask = named && (sets <= LEAVING_AUTO || this.#leavingOn)
    const res = engine.evaluate({ ...profile, lang, plan: undefined, projection: {}, departures: ask ? {} : undefined })
    this.#leavingAsk.hidden = !named || ask
    setText(this.#leavingAsk, w.leavingAsk(sets))
    const counted = Object.keys(profile.certifications || {}).length > 0
    this.#renderDepartures(res.ok ? res.result : null, lang, unitName, named, counted)
    const pj = res.ok ? res.result.projection : null
    this.#projection.hidden = !pj?.areas?.length
    if (!pj) {
      this.#figures.clear()
      this.#projectionOut.replaceChildren()
      return
    }
    // Drawn anew on every keystroke: an area whose projection is the same in the same language
    // keeps its figure (typing one figure usually changes one area).
    const drawn = new Map()
    const cards = pj.areas.map((a, i) => {
      const at = `${i}:${a.area}`
      const key = `${lang}\n${pj.dates.join()}\n${JSON.stringify(a)}`
      const kept = this.#figures.get(at)
      if (kept?.key === key) {
        drawn.set(at, kept)
        return kept.figure
      }
      const notes = []
      for (const ev of a.events) {
        const parts = [w.stops(certName(ev.certification), ev.stopsOn, ev.people)]
        if (ev.replacedBy?.length) parts.push(`${w.replaced} ${ev.replacedBy.map(certName).join(', ')}`)
        if (ev.alternatives.length) parts.push(`${w.alternatives}${w.colon}${ev.alternatives.map(certName).join(', ')}`)
        notes.push(h('li', { class: 'event', data: { certification: ev.certification } }, parts.join(w.sep)))
      }
      if (a.belowFrom) notes.push(h('li', { class: 'falls', text: w.below(a.belowFrom) }))
      if (a.unqualifiedFrom) notes.push(h('li', { class: 'falls', text: w.unqualified(a.unqualifiedFrom) }))
      if (!notes.length) notes.push(h('li', { class: 'muted', text: w.steady }))
      const figure = h('figure', { class: 'projection-card', data: { area: a.area } },
        projectionChart(a, lang),
        h('figcaption', {}, h('strong', { text: a.name }), h('ul', {}, notes)))
      drawn.set(at, { key, figure })
      return figure
    })
    this.#figures = drawn
    this.#projectionOut.replaceChildren(...cards)
  }

  /**
   * Lists what each named person's leaving would change (result.departures): those whose
   * leaving loses a designation, level or competency first, then those whose leaving changes a
   * score, then the others, each group in the profile's order.
   * @param {any} result the result, with its departures, or null
   * @param {string} lang
   * @param {(unit: string, n: number) => string} [unitName]
   * @param {boolean} [named] whether the profile names people (the part shows, with its button
   *   when the departures were not asked for)
   * @param {boolean} [counted] whether the profile counts certifications without names (with
   *   no one named, the part shows only how to see departures)
   */
  #renderDepartures(result, lang, unitName, named = false, counted = false) {
    const list = result?.departures || []
    this.#leaving.hidden = !named && !counted
    this.#leavingName.hidden = named
    this.#leavingHelp.hidden = !named
    if (!list.length) {
      this.#leavingOut.replaceChildren()
      return
    }
    this.#leavingOut.replaceChildren(...departureItems(result, lang, unitName))
  }
}

/**
 * A small line chart of an area's projected scores: a value axis from 0 to 100 with the
 * qualifying score (a dashed line, stepping where the rules change it), a dot per month
 * (green when qualified, red when not, titled with its date and score), and the months under
 * the plot, every third one named (the first and the last with their year). Its accessible
 * name gives the first and the last score and the qualifying score (on both dates, when the
 * rules change it).
 * @param {any} a an AreaProjection
 * @param {string} lang
 */
export function projectionChart(a, lang) {
  const w = WORDS[lang === 'fr' ? 'fr' : 'en']
  const W = 240
  const H = 100
  const [left, right, top, bottom] = [22, 8, 6, 16]
  const pts = a.points
  const n = pts.length
  const x = (i) => left + (i * (W - left - right)) / Math.max(1, n - 1)
  const y = (v) => top + ((100 - Math.max(0, Math.min(100, v))) * (H - top - bottom)) / 100
  const f = (v) => v.toFixed(1)
  const first = pts[0]
  const last = pts[n - 1]
  const qs = first?.qualifyingScore ?? 70
  const score = (p) => num(p.score, lang, p.qualifyingScore)
  const qsText = last && last.qualifyingScore !== qs ? `${num(qs, lang)} → ${num(last.qualifyingScore, lang)}` : num(qs, lang)
  const label = first ? w.chart(a.name, first.date, last.date, score(first), score(last), qsText) : a.name
  const title = svg('title')
  title.textContent = label
  const parts = [title]
  // The value axis: 0 and 100 as grid lines, the qualifying score as the dashed line, each
  // labelled on the left (the qualifying score's label wins where they would overlap).
  for (const v of [0, 100]) {
    parts.push(svg('line', { class: 'grid', x1: left, x2: W - right, y1: f(y(v)), y2: f(y(v)) }))
    if (Math.abs(v - qs) >= 12) parts.push(tick(left - 3, y(v), String(v), 'tick'))
  }
  parts.push(tick(left - 3, y(qs), num(qs, lang), 'tick tick-qualifying'))
  const steps = pts.some((p) => p.qualifyingScore !== qs)
  parts.push(steps
    ? svg('polyline', { class: 'qualifying-line', fill: 'none', points: pts.flatMap((p, i) => [`${f(x(Math.max(0, i - 0.5)))},${f(y(p.qualifyingScore))}`, `${f(x(Math.min(n - 1, i + 0.5)))},${f(y(p.qualifyingScore))}`]).join(' ') })
    : svg('line', { class: 'qualifying-line', x1: left, x2: W - right, y1: f(y(qs)), y2: f(y(qs)) }))
  // The months: every third one named (none too near the last), the first and the last with
  // their year.
  pts.forEach((p, i) => {
    if (i !== n - 1 && (i % 3 !== 0 || n - 1 - i < 3)) return
    const m = w.months[Number(p.date.slice(5, 7)) - 1] || p.date.slice(5, 7)
    const edge = i === 0 || i === n - 1
    const t = tick(x(i), H - 4, edge ? `${m} ${p.date.slice(0, 4)}` : m, 'period')
    t.setAttribute('text-anchor', i === 0 ? 'start' : i === n - 1 ? 'end' : 'middle')
    if (i === 0) t.setAttribute('x', f(x(i) - 3))
    parts.push(t)
  })
  parts.push(svg('polyline', { class: 'score-line', points: pts.map((p, i) => `${f(x(i))},${f(y(p.score))}`).join(' '), fill: 'none' }))
  for (const [i, p] of pts.entries()) {
    const dot = svg('circle', { class: p.qualified ? 'dot dot-ok' : 'dot dot-bad', cx: f(x(i)), cy: f(y(p.score)), r: 2.5, 'data-date': p.date, 'data-score': p.score })
    const t = svg('title')
    t.textContent = `${p.date}${w.colon}${score(p)}`
    dot.append(t)
    parts.push(dot)
  }
  return svg('svg', { class: 'projection-chart', viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': label }, ...parts)
}

/**
 * The departures of result as list items, in the order #renderDepartures gives: each names the
 * person and says, per area that would change, the score with and without them and each metric
 * whose points would change, with its measure; per program of levels, the levels and
 * competencies that would be lost, and those not met either way that would lack more.
 * @param {any} result
 * @param {string} lang
 * @param {(unit: string, n: number) => string} [unitName] a unit's name for n of it; its id when absent
 */
export function departureItems(result, lang, unitName = (u) => u) {
  const w = WORDS[lang === 'fr' ? 'fr' : 'en']
  const people = result.departures
  const rank = (d) => (d.loses ? 0 : d.changed ? 1 : 2)
  const order = people.map((d, i) => [rank(d), i]).sort((a, b) => a[0] - b[0] || a[1] - b[1]).map(([, i]) => people[i])
  const moved = (m) => m.before && m.after && m.before.points !== m.after.points
  return order.map((d) => {
    const who = d.id || w.person(d.person + 1)
    const lines = []
    for (const p of d.programs) {
      for (const a of p.areas) {
        const { before: b, after: x } = a
        if (!b || !x || (a.changes.length === 0 && !a.metrics.some(moved))) continue
        const standing = b.qualified === x.qualified ? '' : `, ${x.qualified ? w.nowQualified : w.noLonger}`
        const metrics = a.metrics.filter(moved).map((m) => `${m.name} ${num(m.before.points, lang)} → ${num(m.after.points, lang)} ${w.pts} ` +
          `(${num(m.before.value, lang)} → ${num(m.after.value, lang)} ${unitName(m.after.unit, m.after.value)}` +
          `${m.after.applied !== m.before.applied && w.bound[m.after.applied] ? w.sep + w.bound[m.after.applied] : ''})`)
        lines.push(h('li', { class: b.qualified && !x.qualified ? 'area falls' : 'area', data: { area: a.id } },
          `${a.name}${w.colon}${num(b.score, lang, b.qualifyingScore)} → ${num(x.score, lang, x.qualifyingScore)}${standing}` +
          (metrics.length ? `${w.colon}${metrics.join(w.sep)}` : '')))
      }
      const outcomes = [...(p.levels || []), ...(p.competencies || [])]
      const lost = outcomes.filter((o) => o.before?.met && !o.after?.met).map((o) => o.name)
      if (lost.length) lines.push(h('li', { class: 'levels falls', data: { program: p.id } }, `${p.name}${w.colon}${w.loses} ${lost.join(w.sep)}`))
      // A level or competency not met either way that would lack more requirements.
      for (const o of outcomes) {
        if (o.before?.met || o.after?.met || !o.before || !o.after) continue
        const more = o.after.missing.filter((r) => !o.before.missing.some((q) => q.id === r.id)).map((r) => r.name)
        if (more.length) lines.push(h('li', { class: 'outcome', data: { outcome: o.id } }, `${o.name}${w.colon}${w.alsoLacks} ${more.join(w.sep)}`))
      }
    }
    return h('li', { class: d.loses ? 'departure loses' : 'departure', data: { person: String(d.person) } },
      h('strong', { text: who }), lines.length ? h('ul', {}, lines) : h('span', { class: 'muted', text: `${w.colon}${w.noChange}` }))
  })
}

/** A text of the chart, centred on the height y (its baseline 3 below: the text is 8 high), ending at x. */
function tick(x, y, text, cls) {
  const t = svg('text', { class: cls, x: x.toFixed(1), y: (y + 3).toFixed(1), 'text-anchor': 'end' })
  t.textContent = text
  return t
}
