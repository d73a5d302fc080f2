// <ps-scorecard>: one area's result (an AreaResult of schemas/result.schema.json): the score
// out of the maximum on a bar with the qualifying line, the qualified badge, the track that
// counts and why, one bar and the engine's explanation per metric, certification steps,
// prerequisites, and the plan and gaps when the profile asked for them.
//
// Set `context` (labels and formatting, see ScorecardContext) and then `area`; the card
// renders once per microtask. Everything is written as text (textContent, createElement).
// Registration is in define.js.

const HTMLElement = globalThis.HTMLElement || null

let seq = 0

/**
 * @typedef {{
 *   lang: string,
 *   t: (key: string, params?: Record<string, unknown>) => string,
 *   num: (n: number, digits?: number) => string,
 *   unit: (unit: string) => string,
 *   factLabel: (id: string) => string,
 *   certName: (id: string) => string,
 * }} ScorecardContext
 */

/** @param {string} tag @param {string} [cls] @param {string} [text] */
function el(tag, cls, text) {
  const e = document.createElement(tag)
  if (cls) e.className = cls
  if (text !== undefined) e.textContent = text
  return e
}

/** A <ps-metric-bar>, from the card's own registry (a widget's scoped one, or the page's). */
function bar(value, max, mark, label, registry) {
  const b = document.createElement('ps-metric-bar', { customElementRegistry: registry || undefined })
  b.setAttribute('value', String(value))
  b.setAttribute('max', String(max))
  if (mark !== null) b.setAttribute('mark', String(mark))
  b.setAttribute('label', label)
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
  const head = el('header', 'card-head')
  const h = el('h3', 'card-title', a.name)
  h.id = titleId
  const badge = el('p', `badge ${a.qualified ? 'badge-yes' : 'badge-no'}`, a.qualified ? t('card.qualified') : t('card.notQualified'))
  badge.setAttribute('part', 'badge')
  head.append(h, badge)

  const score = el('p', 'card-score')
  score.append(el('span', 'score-num', num(a.score, 1)), el('span', 'score-max', ` / ${num(a.max, 0)}`))
  const areaBar = bar(a.score, a.max, a.qualifyingScore,
    t('card.scoreLabel', { score: num(a.score, 1), max: num(a.max, 0), qualifying: num(a.qualifyingScore, 0) }), registry)
  areaBar.classList.add('area-bar')
  areaBar.setAttribute('part', 'bar')

  const parts = []
  if (a.qualified) parts.push(t('card.reached'))
  else {
    if (a.shortfall > 0) parts.push(t('card.shortfall', { n: num(a.shortfall, 1) }))
    if (a.zeroMetrics > 0) parts.push(t('card.zero', { n: a.zeroMetrics }))
    if (parts.length === 0) parts.push(t('card.threshold', { n: num(a.qualifyingScore, 0) }))
  }
  return [head, score, areaBar, el('p', 'card-status', parts.join(' '))]
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

  /** Renders now (it otherwise happens once per microtask after a change). */
  render() {
    const a = this.#area
    const c = this.#context
    if (!a || !c) {
      this.replaceChildren()
      return
    }
    // Keep open disclosures open across renders (results change on every keystroke).
    const open = new Set([...this.querySelectorAll('details[open]')].map((d) => d.getAttribute('data-key')))
    const { t, num } = c
    this.dataset.area = a.id
    this.dataset.score = String(a.score)
    this.dataset.qualified = String(Boolean(a.qualified))
    this.dataset.track = a.track

    const titleId = `${this.#uid}-title`
    const card = el('article', `card ${a.qualified ? 'is-qualified' : 'is-not-qualified'}`)
    card.setAttribute('aria-labelledby', titleId)
    card.append(...scoreSummary(a, c, titleId, this.customElementRegistry), this.#track(a, c))

    card.append(el('h4', 'card-sub', t('card.metrics')))
    const list = el('ul', 'metrics')
    for (const m of a.metrics || []) list.append(this.#metric(m, c))
    card.append(list)

    if (a.plan) card.append(...this.#plan(a, c))

    for (const d of card.querySelectorAll('details')) {
      if (open.has(d.getAttribute('data-key'))) d.open = true
    }
    this.replaceChildren(card)
  }

  #track(a, c) {
    const { t, num } = c
    const p = el('p', 'card-track')
    const counting = (a.tracks || []).find((x) => x.counts) || (a.tracks || []).find((x) => x.id === a.track)
    p.append(el('strong', '', t('card.track', { track: counting?.name || a.track })), ' ')
    const s = a.selection || {}
    let why = ''
    if (s.kind === 'best') {
      const scores = (a.tracks || []).map((x) => `${x.name} ${num(x.score, 1)}`).join(', ')
      why = t('card.whyBest', { scores })
    } else if (s.kind === 'fact') {
      const fact = c.factLabel(s.fact)
      const value = num(s.value ?? 0, 2)
      const atLeast = num(s.atLeast ?? 0, 2)
      if (!s.given) why = t('card.whyFactMissing', { fact, atLeast })
      else if ((s.value ?? 0) >= (s.atLeast ?? 0)) why = t('card.whyFactHigh', { fact, value, atLeast })
      else why = t('card.whyFactLow', { fact, value, atLeast })
    } else if (s.kind === 'profile') {
      why = t('card.whyProfile')
    }
    p.append(el('span', 'card-why', why))
    return p
  }

  #metric(m, c) {
    const { t, num } = c
    const li = el('li', `metric ${m.points > 0 ? 'is-scoring' : 'is-zero'}`)
    li.dataset.metric = m.id
    li.dataset.points = String(m.points)
    const head = el('div', 'metric-head')
    head.append(
      el('span', 'metric-name', m.name),
      el('span', 'metric-cat', t(`cat.${m.category}`)),
      el('span', 'metric-points', t('card.points', { points: num(m.points, 1), max: num(m.max, 0) })),
    )
    li.append(head)
    li.append(bar(m.points, m.max, null, t('card.metricBar', { name: m.name, points: num(m.points, 1), max: num(m.max, 0) }), this.customElementRegistry))
    // The engine's sentence already says what bound the points (m.applied).
    li.dataset.applied = m.applied || ''
    li.append(el('p', 'metric-explanation', m.explanation))
    if (m.gates?.length) {
      const gl = el('ul', 'gates')
      gl.setAttribute('aria-label', t('card.gates'))
      for (const g of m.gates) {
        const certs = (g.certifications || []).map((id) => c.certName(id)).join(' / ')
        const item = el('li', g.met ? 'gate is-met' : 'gate is-not-met')
        item.append(
          el('span', 'gate-mark', g.met ? '✓ ' : '✗ '),
          t('card.gate', { certs, people: g.people, required: g.required }),
          ` (${g.met ? t('card.gateMet') : t('card.gateNotMet')})`,
        )
        gl.append(item)
      }
      li.append(gl)
    }
    if (m.prerequisite) {
      const pr = m.prerequisite
      li.append(el('p', `prereq ${pr.met ? 'is-met' : 'is-not-met'}`, t('card.prereq', {
        fact: c.factLabel(pr.fact), atLeast: num(pr.atLeast, 2), value: num(pr.value, 2),
        state: pr.met ? t('card.gateMet') : t('card.gateNotMet'),
      })))
    }
    return li
  }

  #plan(a, c) {
    const { t, num } = c
    const p = a.plan
    const out = [el('h4', 'card-sub', t('card.plan'))]
    const sec = el('div', 'plan')
    if (!p.reachable) {
      sec.append(el('p', 'plan-summary', t('card.planUnreachable', { reason: p.reason || '' })))
    } else if (!p.steps?.length && a.qualified) {
      sec.append(el('p', 'plan-summary', t('card.planDone')))
    } else {
      const trackName = (a.tracks || []).find((x) => x.id === p.track)?.name || p.track || a.track
      sec.append(el('p', 'plan-summary', t('card.planReach', { track: trackName, score: num(p.score, 1), cost: num(p.cost, 2) })))
      const ol = el('ol', 'plan-steps')
      for (const s of p.steps || []) {
        const params = { add: num(s.add, 2), unit: c.unit(s.unit), cost: num(s.cost, 2) }
        ol.append(el('li', '', s.fact
          ? t('card.stepFact', { ...params, label: c.factLabel(s.fact) })
          : t('card.stepCert', { ...params, cert: c.certName(s.certification || '') })))
      }
      sec.append(ol)
    }
    if (p.gaps?.length) {
      const d = el('details', 'gaps')
      d.setAttribute('data-key', 'gaps')
      d.append(el('summary', '', t('card.gaps')))
      const table = el('table', 'gaps-table')
      const thead = el('thead')
      const hr = el('tr')
      for (const k of ['card.gapMetric', 'card.gapMeasure', 'card.gapNow', 'card.gapAdd', 'card.gapPoints']) {
        const th = el('th', '', t(k))
        th.scope = 'col'
        hr.append(th)
      }
      thead.append(hr)
      const tbody = el('tbody')
      const names = new Map((a.metrics || []).map((m) => [m.id, m.name]))
      for (const g of p.gaps) {
        const tr = el('tr')
        const measure = g.fact
          ? c.factLabel(g.fact)
          : t('card.gapPeople', { certs: (g.certifications || []).map((id) => c.certName(id)).join(', ') })
        tr.append(
          el('td', '', names.get(g.metric) || g.metric),
          el('td', '', measure),
          el('td', 'num', `${num(g.value, 2)} ${c.unit(g.unit)}`),
          el('td', 'num', num(g.add, 2)),
          el('td', 'num', num(g.points, 2)),
        )
        tbody.append(tr)
      }
      table.append(thead, tbody)
      d.append(table)
      sec.append(d)
    }
    out.push(sec)
    return out
  }
}
