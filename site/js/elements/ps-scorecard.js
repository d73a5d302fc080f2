// <ps-scorecard>: one area's result (an AreaResult of schemas/result.schema.json): the score
// out of the maximum on a bar with the qualifying line, the qualified badge, the track that
// counts and why, one bar and the engine's explanation per metric, certification steps,
// prerequisites, and the plan and gaps when the profile asked for them.
//
// Set `context` (labels and formatting, see ScorecardContext) and then `area`; the card
// renders once per microtask. Everything is written as text (textContent, createElement).
// Registration is in define.js. renderCard draws the same card into any element, defined or
// not (the embeddable widget's cards, which it does not register); the bars are drawn by
// ps-metric-bar.js's drawBar, so that they need no registration either.

import { drawBar } from './ps-metric-bar.js'

const HTMLElement = globalThis.HTMLElement || null

let seq = 0

/**
 * @typedef {{
 *   lang: string,
 *   t: (key: string, params?: Record<string, unknown>) => string,
 *   num: (n: number, digits?: number, below?: number) => string,
 *   unit: (unit: string, n?: number) => string,
 *   factLabel: (id: string) => string,
 *   certName: (id: string) => string,
 *   certCode?: (id: string) => string,
 *   cite?: (metric: any) => Node,
 * }} ScorecardContext
 * certCode, when given, names a certification briefly (its exam codes) where a table lists many.
 * cite, when given, draws what follows a metric's explanation: where its rule comes from.
 */

/**
 * An element with a class and its children (text or elements).
 * @param {string} tag
 * @param {string} [cls]
 * @param {...(Node|string)} kids
 * @returns {any}
 */
function el(tag, cls, ...kids) {
  const e = document.createElement(tag)
  if (cls) e.className = cls
  e.append(...kids)
  return e
}

/** A <ps-metric-bar>, from the card's own registry (a widget's scoped one, or the page's),
 * drawn whether the tag is defined there or not. */
function bar(value, max, mark, label, registry) {
  const b = document.createElement('ps-metric-bar', { customElementRegistry: registry || undefined })
  for (const [k, v] of Object.entries({ value, max, mark, label })) if (v !== null) b.setAttribute(k, String(v))
  drawBar(b)
  return b
}

/**
 * The head of an area's card: its name (an h3 with id titleId) and the qualified badge, the
 * score out of the maximum, the bar with the qualifying line, and what is missing. The card
 * draws it; the embeddable widget's compact layout draws it alone. The badge and the bar carry
 * part names (badge, bar) for a shadow root's host to style.
 * @param {any} a an AreaResult
 * @param {ScorecardContext} c
 * @param {string} titleId
 * @param {CustomElementRegistry|null} [registry] the registry of the bar's tag
 * @returns {HTMLElement[]}
 */
export function scoreSummary(a, c, titleId, registry) {
  const { t, num } = c
  const h = el('h3', 'card-title', a.name)
  h.id = titleId
  const badge = el('p', `badge ${a.qualified ? 'badge-yes' : 'badge-no'}`, t(a.qualified ? 'card.qualified' : 'card.notQualified'))
  badge.part = 'badge'
  // A score under the qualifying score never reads as reaching it (69.96 of 70: not "70").
  const score = num(a.score, 1, a.qualifyingScore)
  const areaBar = bar(a.score, a.max, a.qualifyingScore,
    t('card.scoreLabel', { score, max: num(a.max, 0), qualifying: num(a.qualifyingScore, 0) }), registry)
  areaBar.className = 'area-bar'
  areaBar.part = 'bar'
  const parts = []
  if (a.qualified) parts.push(t('card.reached'))
  else {
    if (a.shortfall > 0) parts.push(t('card.shortfall', { n: num(a.shortfall, 1), count: a.shortfall }))
    if (a.zeroMetrics > 0) parts.push(t('card.zero', { n: a.zeroMetrics }))
    if (parts.length === 0) parts.push(t('card.threshold', { n: num(a.qualifyingScore, 0) }))
  }
  return [
    el('header', 'card-head', h, badge),
    el('p', 'card-score', el('span', 'score-num', score), el('span', 'score-max', ` / ${num(a.max, 0)}`)),
    areaBar,
    el('p', 'card-status', parts.join(' ')),
  ]
}

/**
 * Draws an area's card into host (a <ps-scorecard>, defined or not) and sets its data
 * attributes (area, score, qualified, track); the disclosures open in it stay open.
 * @param {HTMLElement} host
 * @param {any} a an AreaResult
 * @param {ScorecardContext} c
 * @param {string} titleId the id of the card's title
 * @param {CustomElementRegistry|null} [registry] the registry of the bars' tag
 */
export function renderCard(host, a, c, titleId, registry) {
  // Keep open disclosures open across renders (results change on every keystroke).
  const open = new Set([...host.querySelectorAll('details[open]')].map((d) => d.dataset.key))
  const { t } = c
  Object.assign(host.dataset, { area: a.id, score: String(a.score), qualified: String(Boolean(a.qualified)), track: a.track })
  const card = el('article', `card ${a.qualified ? 'is-qualified' : 'is-not-qualified'}`,
    ...scoreSummary(a, c, titleId, registry), track(a, c),
    el('h4', 'card-sub', t('card.metrics')),
    el('ul', 'metrics', ...(a.metrics || []).map((m) => metric(m, c, registry))))
  card.setAttribute('aria-labelledby', titleId)
  if (a.plan) card.append(...plan(a, c))
  for (const d of card.querySelectorAll('details')) {
    if (open.has(d.dataset.key)) d.open = true
  }
  host.replaceChildren(card)
}

function track(a, c) {
  const { t, num } = c
  const tracks = a.tracks || []
  const counting = tracks.find((x) => x.counts) || tracks.find((x) => x.id === a.track)
  const s = a.selection || {}
  let why = ''
  if (s.kind === 'best') {
    why = t('card.whyBest', { scores: tracks.map((x) => `${x.name} ${num(x.score, 1, a.qualifyingScore)}`).join(', ') })
  } else if (s.kind === 'fact') {
    const params = { fact: c.factLabel(s.fact), value: num(s.value ?? 0, 2, s.atLeast), atLeast: num(s.atLeast ?? 0, 2) }
    why = t(!s.given ? 'card.whyFactMissing' : (s.value ?? 0) >= (s.atLeast ?? 0) ? 'card.whyFactHigh' : 'card.whyFactLow', params)
  } else if (s.kind === 'profile') {
    why = t('card.whyProfile')
  }
  return el('p', 'card-track', el('strong', '', t('card.track', { track: counting?.name || a.track })), ' ', el('span', 'card-why', why))
}

function metric(m, c, registry) {
  const { t, num } = c
  const li = el('li', `metric ${m.points > 0 ? 'is-scoring' : 'is-zero'}`,
    el('div', 'metric-head',
      el('span', 'metric-name', m.name),
      el('span', 'metric-cat', t(`cat.${m.category}`)),
      el('span', 'metric-points', t('card.points', { points: num(m.points, 1), max: num(m.max, 0) }))),
    bar(m.points, m.max, null, t('card.metricBar', { name: m.name, points: num(m.points, 1), max: num(m.max, 0), count: m.points }), registry),
    // The engine's sentence already says what bound the points (m.applied).
    el('p', 'metric-explanation', m.explanation),
    c.cite?.(m) || '')
  Object.assign(li.dataset, { metric: m.id, points: String(m.points), applied: m.applied || '' })
  const state = (met) => t(met ? 'card.gateMet' : 'card.gateNotMet')
  if (m.gates?.length) {
    const gl = el('ul', 'gates', ...m.gates.map((g) => el('li', `gate ${g.met ? 'is-met' : 'is-not-met'}`,
      el('span', 'gate-mark', g.met ? '✓ ' : '✗ '),
      t('card.gate', { certs: (g.certifications || []).map((id) => c.certName(id)).join(' / '), people: g.people, required: g.required, count: g.required }),
      ` (${state(g.met)})`)))
    gl.setAttribute('aria-label', t('card.gates'))
    li.append(gl)
  }
  const pr = m.prerequisite
  if (pr) {
    li.append(el('p', `prereq ${pr.met ? 'is-met' : 'is-not-met'}`, t('card.prereq', {
      fact: c.factLabel(pr.fact), atLeast: num(pr.atLeast, 2), value: num(pr.value, 2, pr.atLeast), state: state(pr.met),
    })))
  }
  return li
}

function plan(a, c) {
  const { t, num } = c
  const p = a.plan
  const sec = el('div', 'plan')
  const summary = (text) => sec.append(el('p', 'plan-summary', text))
  if (!p.reachable) summary(t('card.planUnreachable', { reason: p.reason || '' }))
  else if (!p.steps?.length && a.qualified) summary(t('card.planDone'))
  else {
    const trackName = (a.tracks || []).find((x) => x.id === p.track)?.name || p.track || a.track
    summary(t('card.planReach', { track: trackName, score: num(p.score, 1), cost: num(p.cost, 2) }))
    sec.append(el('ol', 'plan-steps', ...(p.steps || []).map((s) => {
      const params = { add: num(s.add, 2), unit: c.unit(s.unit, s.add), cost: num(s.cost, 2) }
      return el('li', '', s.fact
        ? t('card.stepFact', { ...params, label: c.factLabel(s.fact) })
        : t('card.stepCert', { ...params, cert: c.certName(s.certification || '') }))
    })))
  }
  if (p.gaps?.length) {
    const names = new Map((a.metrics || []).map((m) => [m.id, m.name]))
    const head = ['card.gapMetric', 'card.gapMeasure', 'card.gapNow', 'card.gapAdd', 'card.gapPoints'].map((k) => {
      const th = el('th', '', t(k))
      th.scope = 'col'
      return th
    })
    const rows = p.gaps.map((g) => el('tr', '',
      el('td', '', names.get(g.metric) || g.metric),
      el('td', '', g.fact
        ? c.factLabel(g.fact)
        : t('card.gapPeople', { certs: (g.certifications || []).map(c.certCode || c.certName).join(', ') })),
      el('td', 'num', `${num(g.value, 2)} ${c.unit(g.unit, g.value)}`),
      el('td', 'num', num(g.add, 2)),
      el('td', 'num', num(g.points, 2))))
    // A region that scrolls sideways where the table is wider than the card (a phone), and
    // that the keyboard reaches.
    const scroll = el('div', 'gaps-scroll', el('table', 'gaps-table', el('thead', '', el('tr', '', ...head)), el('tbody', '', ...rows)))
    Object.assign(scroll, { tabIndex: 0, role: 'region', ariaLabel: `${t('card.gaps')} — ${a.name}` })
    const d = el('details', 'gaps', el('summary', '', t('card.gaps')), scroll)
    d.dataset.key = 'gaps'
    sec.append(d)
  }
  return [el('h4', 'card-sub', t('card.plan')), sec]
}

export class ScorecardElement extends HTMLElement {
  /** @param {string} [tag] @param {CustomElementRegistry} [registry] */
  static define(tag = 'ps-scorecard', registry = customElements) {
    registry.define(tag, this)
    return this
  }

  #uid = `ps-card-${++seq}`
  #area = null
  /** @type {ScorecardContext|null} */
  #context = null
  #queued = false
  /** What the card shows: its language and area as JSON ('' when empty). */
  #drawn = ''

  /** The area result shown. */
  get area() {
    return this.#area
  }

  set area(v) {
    this.#area = v && typeof v === 'object' ? v : null
    this.#schedule()
  }

  /** Labels and number formatting (see ScorecardContext). */
  get context() {
    return this.#context
  }

  set context(v) {
    this.#context = v && typeof v === 'object' ? v : null
    this.#schedule()
  }

  connectedCallback() {
    this.#schedule()
  }

  #schedule() {
    if (this.#queued) return
    this.#queued = true
    queueMicrotask(() => {
      this.#queued = false
      this.render()
    })
  }

  /**
   * Renders now (it otherwise happens once per microtask after a change). Results come anew
   * on every keystroke and most areas come back unchanged: the same area in the same language
   * draws the same card, so that one is left as it is (the context's other functions are taken
   * to depend on the language only).
   */
  render() {
    if (!this.#area || !this.#context) {
      this.#drawn = ''
      this.replaceChildren()
      return
    }
    const drawn = `${this.#context.lang}\n${JSON.stringify(this.#area)}`
    if (drawn === this.#drawn && this.firstElementChild) return
    renderCard(this, this.#area, this.#context, `${this.#uid}-title`, this.customElementRegistry)
    this.#drawn = drawn
  }
}
