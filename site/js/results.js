// The results column: the errors to fix, a one-line summary, each program's section with one
// <ps-scorecard> per area, the engine's warnings and the sources. Sections, cards and sources are
// kept across renders (a keystroke redraws what changed, and open disclosures stay open).

import { h, setText } from './dom.js'
import { modelStatus, renderModel } from './models.js'

/**
 * @typedef {{path: string, text: string, engine?: string, target?: {label: string, id: string}}} ShownError
 *   engine: the engine's own words for the error, in English whatever the page's language
 * @typedef {import('./elements/ps-scorecard.js').ScorecardContext & {
 *   t: (key: string, params?: Record<string, unknown>) => string,
 * }} ResultsContext
 */

export class ResultsView {
  #errors
  #status
  #body
  #notice
  /** @type {Map<string, HTMLElement>} */
  #cards = new Map()
  /** @type {Map<string, {el: HTMLElement, line: HTMLElement, cards: HTMLElement, sources: HTMLElement|null, sourcesKey: string, note?: HTMLElement}>} each program's section, kept across renders */
  #sections = new Map()
  /** @type {HTMLElement|null} */
  #warn = null
  #warnKey = ''
  /** What the error list shows, so that it is not rewritten (and re-announced) unchanged. */
  #errorsKey = ''

  /**
   * @param {{errors: HTMLElement, status: HTMLElement, body: HTMLElement, notice: HTMLElement}} els
   */
  constructor(els) {
    this.#errors = els.errors
    this.#status = els.status
    this.#body = els.body
    this.#notice = els.notice
  }

  /**
   * @param {{result: any, errors: ShownError[], notice: string, context: ResultsContext}} r
   */
  render({ result, errors, notice, context }) {
    const { t } = context
    this.#renderErrors(errors, t)
    setText(this.#notice, notice)
    this.#notice.hidden = !notice
    this.#body.classList.toggle('is-stale', Boolean(notice))
    if (!result) {
      setText(this.#status, t('res.waiting'))
      this.#body.replaceChildren()
      this.#cards.clear()
      this.#sections.clear()
      this.#warn = null
      this.#warnKey = ''
      return
    }
    const programs = result.programs || []
    const lines = programs.map((p) => {
      if (p.model) return modelStatus(p, t)
      const total = (p.areas || []).length
      const names = (p.areas || []).filter((a) => a.qualified).map((a) => a.name)
      return names.length
        ? t('res.qualifiedIn', { n: names.length, total, list: names.join(', '), count: total })
        : t('res.qualifiedNone', { total, count: total })
    })
    setText(this.#status, lines.join(' '))

    // The disclosures open now (a model's lists are drawn anew: those open stay open).
    const open = new Set([...this.#body.querySelectorAll('details[open]')].map(disclosureKey).filter(Boolean))
    const keep = new Set()
    const keepSections = new Set()
    const sections = programs.map((p) => {
      const pkey = `${p.id}/${p.version}`
      keepSections.add(pkey)
      let s = this.#sections.get(pkey)
      if (!s) {
        const line = h('p', { class: 'program-line' })
        s = { el: h('section', { class: 'program', data: { program: p.id } }), line, cards: h('div', { class: 'cards' }), sources: null, sourcesKey: '' }
        this.#sections.set(pkey, s)
      }
      setText(s.line, t('res.program', { program: p.name, version: p.version, date: result.asOf }))
      let content = s.cards
      if (p.model) {
        content = renderModel(p, context)
      } else {
        // The cards of a program name its sources beside each metric.
        const cardContext = { ...context, cite: citeFor(p, t) }
        const cards = (p.areas || []).map((a) => {
          const key = `${pkey}/${a.id}`
          keep.add(key)
          let card = this.#cards.get(key)
          if (!card) {
            card = document.createElement('ps-scorecard')
            this.#cards.set(key, card)
          }
          Object.assign(card, { context: cardContext, area: a })
          return card
        })
        placeChildren(s.cards, cards)
      }
      const sourcesKey = `${context.lang}\n${JSON.stringify(p.sources || [])}`
      if (sourcesKey !== s.sourcesKey) {
        s.sources = this.#sources(p, t)
        s.sourcesKey = sourcesKey
      }
      // For print, where the cards leave the assumptions' lines out and star the metrics.
      const assumed = !p.model && (p.areas || []).some((a) => (a.metrics || []).some((m) => m.assumption))
      s.note ||= h('p', { class: 'assumed-note' })
      setText(s.note, t('res.assumedNote'))
      placeChildren(s.el, [s.line, content, assumed ? s.note : null, s.sources].filter((n) => n !== null))
      return s.el
    })
    for (const k of [...this.#cards.keys()]) if (!keep.has(k)) this.#cards.delete(k)
    for (const k of [...this.#sections.keys()]) if (!keepSections.has(k)) this.#sections.delete(k)

    const warnings = result.warnings || []
    const warnKey = `${context.lang}\n${JSON.stringify(warnings)}`
    if (warnKey !== this.#warnKey) {
      this.#warnKey = warnKey
      this.#warn = warnings.length
        ? h('section', { class: 'warnings', attrs: { 'aria-labelledby': 'warnings-title' } },
          h('h3', { id: 'warnings-title', text: t('res.warnings') }),
          h('ul', {}, warnings.map((w) => h('li', { class: `warning warning-${w.code}`, text: w.message }))))
        : null
    }
    // Sections, cards and sources are kept and moved, not recreated, so they keep their state
    // and a keystroke redraws only what changed.
    for (const s of sections) {
      for (const d of s.querySelectorAll('details:not([open])')) if (open.has(disclosureKey(d))) d.open = true
    }
    placeChildren(this.#body, [...sections, ...(this.#warn ? [this.#warn] : [])])
  }

  #sources(p, t) {
    if (!p.sources?.length) return null
    return h('details', { class: 'sources' },
      h('summary', { text: t('res.sources') }),
      h('ul', {}, p.sources.map((s) => h('li', {}, sourceRef(s), ` (${t('res.read', { date: s.retrieved })})`))))
  }

  /** @param {ShownError[]} errors */
  #renderErrors(errors, t) {
    const key = JSON.stringify(errors.map((e) => [e.path, e.text, e.engine, e.target?.label, e.target?.id, t('res.errors')]))
    if (key === this.#errorsKey) return
    this.#errorsKey = key
    if (!errors.length) {
      if (this.#errors.childElementCount) this.#errors.replaceChildren()
      this.#errors.hidden = true
      return
    }
    this.#errors.hidden = false
    const items = errors.map((e) => {
      const label = e.target?.label || t('err.general')
      const li = h('li', {})
      if (e.target?.id) {
        const a = h('a', { attrs: { href: `#${e.target.id}` }, text: label })
        a.addEventListener('click', (ev) => {
          ev.preventDefault()
          const el = document.getElementById(e.target.id)
          el?.focus()
          el?.scrollIntoView({ block: 'center' })
        })
        li.append(a)
      } else {
        li.append(h('strong', { text: label }))
      }
      // The label, then the language's colon ("Champ : erreur") and the error.
      li.append(t('inputs.item', { name: '', value: e.text }))
      if (e.engine) li.append(' ', engineWords(e.engine, t))
      return li
    })
    this.#errors.replaceChildren(h('p', { class: 'errors-title', text: t('res.errors') }), h('ul', {}, items))
  }
}

/**
 * "Engine: <the engine's words>" in the page's language, the words marked as English (they
 * are, whatever the page's language) so that a screen reader reads them as English.
 * @param {string} words
 * @param {ResultsContext['t']} t
 */
function engineWords(words, t) {
  const mark = '\u0000'
  const [before, after = ''] = t('err.engine', { text: mark }).split(mark)
  return h('span', { class: 'error-detail' }, [before || null, h('span', { attrs: { lang: 'en' }, text: words }), after || null])
}

/**
 * The key of a disclosure outside the cards: its program and class (a card keeps its own),
 * or '' for one inside a card.
 * @param {Element} d
 */
function disclosureKey(d) {
  if (d.closest('ps-scorecard')) return ''
  return `${d.closest('section.program')?.getAttribute('data-program') ?? ''}:${d.className}`
}

/**
 * Makes nodes the children of parent, in order, touching the document only when they differ.
 * @param {Element} parent
 * @param {Node[]} nodes
 */
function placeChildren(parent, nodes) {
  const now = parent.childNodes
  if (now.length === nodes.length && nodes.every((n, i) => now[i] === n)) return
  parent.replaceChildren(...nodes)
}

/**
 * A source's title: a link to the document, or, for one with no web address (an article of the
 * trade press kept as a copy, urn:partnerscore:seed:…), its name alone, as its link would lead
 * nowhere. A title is in the document's language (s.lang, English when absent), whatever the
 * page's, and marked so.
 * @param {{title: string, url: string, lang?: string}} s a Source of schemas/result.schema.json
 * @returns {HTMLElement}
 */
function sourceRef(s) {
  const lang = s.lang || 'en'
  return /^https?:\/\//.test(s.url)
    ? h('a', { text: s.title, attrs: { lang, hreflang: lang, href: s.url, rel: 'noopener noreferrer external', target: '_blank' } })
    : h('cite', { text: s.title, attrs: { lang } })
}

/**
 * What follows a metric's explanation in a program's cards (ScorecardContext.cite): the source
 * of its rule, and, where no source of the version gives the rule, the assumption made: why,
 * and the version and source its value is taken from.
 * @param {any} p a ProgramResult
 * @param {(key: string, params?: Record<string, unknown>) => string} t
 * @returns {(m: any) => DocumentFragment}
 */
function citeFor(p, t) {
  const byId = new Map((p.sources || []).map((s) => [s.id, s]))
  // A message with the source's title in place of {source}.
  const said = (key, id, params) => {
    const [before, after = ''] = t(key, { ...params, source: '\u0000' }).split('\u0000')
    const s = byId.get(id)
    return [before, s ? sourceRef(s) : id, after]
  }
  return (m) => {
    const a = m.assumption
    const out = document.createDocumentFragment()
    // An assumption names the source its value comes from: the metric's own is said apart
    // only when it is another.
    if (!a || a.source !== m.source) out.append(h('p', { class: 'metric-source' }, said('card.source', m.source)))
    if (a) {
      out.append(h('p', { class: 'metric-assumption' },
        h('strong', { text: t('card.assumption') }), ` ${a.reason} `, said('card.assumptionFrom', a.source, { from: a.from })))
    }
    return out
  }
}
