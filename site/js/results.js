// The results column: the errors to fix, a one-line summary, one <ps-scorecard> per area
// (kept across renders so open disclosures stay open), the engine's warnings and the sources.

import { h, setText } from './dom.js'
import { modelStatus, renderModel } from './models.js'

/**
 * @typedef {{path: string, text: string, detail?: string, target?: {label: string, id: string}}} ShownError
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
      return
    }
    const programs = result.programs || []
    const lines = programs.map((p) => {
      if (p.model) return modelStatus(p, t)
      const total = (p.areas || []).length
      const names = (p.areas || []).filter((a) => a.qualified).map((a) => a.name)
      return names.length
        ? t('res.qualifiedIn', { n: names.length, total, list: names.join(', ') })
        : t('res.qualifiedNone', { total })
    })
    setText(this.#status, lines.join(' '))

    const keep = new Set()
    const sections = programs.map((p) => {
      const cards = (p.areas || []).map((a) => {
        const key = `${p.id}/${p.version}/${a.id}`
        keep.add(key)
        let card = this.#cards.get(key)
        if (!card) {
          card = document.createElement('ps-scorecard')
          this.#cards.set(key, card)
        }
        Object.assign(card, { context, area: a })
        return card
      })
      return h('section', { class: 'program', data: { program: p.id } },
        h('p', { class: 'program-line', text: t('res.program', { program: p.name, version: p.version, date: result.asOf }) }),
        p.model ? renderModel(p, context) : h('div', { class: 'cards' }, cards),
        this.#sources(p, t))
    })
    for (const k of [...this.#cards.keys()]) if (!keep.has(k)) this.#cards.delete(k)

    const warnings = result.warnings || []
    const warn = warnings.length
      ? h('section', { class: 'warnings', attrs: { 'aria-labelledby': 'warnings-title' } },
        h('h3', { id: 'warnings-title', text: t('res.warnings') }),
        h('ul', {}, warnings.map((w) => h('li', { class: `warning warning-${w.code}`, text: w.message }))))
      : null
    // Cards are moved, not recreated, so they keep their state; the disclosures around them
    // (sources, a model's lists) are new: those open stay open.
    const open = new Set([...this.#body.querySelectorAll('details[open]')].map(disclosureKey).filter(Boolean))
    for (const s of sections) {
      for (const d of s.querySelectorAll('details')) if (open.has(disclosureKey(d))) d.open = true
    }
    this.#body.replaceChildren(...sections, ...(warn ? [warn] : []))
  }

  #sources(p, t) {
    if (!p.sources?.length) return null
    return h('details', { class: 'sources' },
      h('summary', { text: t('res.sources') }),
      h('ul', {}, p.sources.map((s) => h('li', {},
        h('a', { text: s.title, attrs: { href: s.url, rel: 'noopener noreferrer external', target: '_blank' } }),
        ` (${t('res.read', { date: s.retrieved })})`))))
  }

  /** @param {ShownError[]} errors */
  #renderErrors(errors, t) {
    const key = JSON.stringify(errors.map((e) => [e.path, e.text, e.detail, e.target?.label, e.target?.id, t('res.errors')]))
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
      li.append(`: ${e.text}`)
      if (e.detail) li.append(' ', h('span', { class: 'error-detail', text: e.detail }))
      return li
    })
    this.#errors.replaceChildren(h('p', { class: 'errors-title', text: t('res.errors') }), h('ul', {}, items))
  }
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
