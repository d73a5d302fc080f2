// The widget's form and results, drawn once the engine is loaded (partner-score.js imports
// this module lazily, with the engine). Everything is generic over the engine's program data:
// the fields are the facts the shown areas' metrics read and the certifications that count in
// them, with the labels, units and bounds of the data; the results are the engine's own.
// Text only: every string from data or input goes through textContent or an attribute.
// Programs of the other models (levels, calculator, timeline: a version with a "model" and
// no areas) get a field for each of their facts, those of the programs they depend on,
// their parameters and the certifications their competencies count, and the simulator's
// generic rendering of the model's result (js/models.js, through models-view.js: imported
// the first time such a program is shown).

import { certAreas, dependencyFacts, formLayout, formVersion, groupPrograms, loc } from '../js/program.js'
import { editable, formatNumber, parseNumber, todayUTC } from '../js/format.js'
import { MetricBarElement } from '../js/elements/ps-metric-bar.js'
import { ScorecardElement } from '../js/elements/ps-scorecard.js'

/**
 * A text of the widget's table (messages.js) with its {name} placeholders filled; the key
 * itself when missing.
 * @param {Record<string, string>} table
 * @param {string} key
 * @param {Record<string, unknown>} [params]
 */
function fill(table, key, params) {
  const text = table[key] ?? key
  return params ? text.replace(/\{(\w+)\}/g, (m, name) => (name in params ? String(params[name]) : m)) : text
}

/** @type {Promise<typeof import('./models-view.js')>|null} */
let modelsLoading = null
/** @type {typeof import('./models-view.js')|null} */
let models = null

/** Loads models-view.js once for the page. */
function loadModels() {
  modelsLoading ??= import('./models-view.js').then((m) => (models = m), (err) => {
    modelsLoading = null
    throw err
  })
  return modelsLoading
}

/** Whether a program version is of a model other than the scorecard. @param {any} v */
const isModel = (v) => Boolean(v?.model && v.model !== 'scorecard')

/** Escapes one JSON Pointer segment. @param {string} s */
const seg = (s) => s.replace(/~/g, '~0').replace(/\//g, '~1')

/** Folds a certification key for lookup (exam code, id or English name). @param {string} s */
const fold = (s) => String(s).trim().toLowerCase()

/**
 * Defines the inner elements in the widget's registry (subclasses, so that a scoped
 * registry never shares a constructor with the page's); a tag already defined is kept.
 * @param {CustomElementRegistry} registry
 */
function defineInner(registry) {
  for (const [tag, cls] of /** @type {const} */ ([['ps-metric-bar', MetricBarElement], ['ps-scorecard', ScorecardElement]])) {
    if (registry.get(tag)) continue
    registry.define(tag, registry === globalThis.customElements ? cls : class extends cls {})
  }
}

let seq = 0

/**
 * @typedef {{program: string, areas: string[], lang: string, layout: string, texts: Record<string, string>}} Config
 *   texts: the language's table (messages.js)
 * @typedef {{path: string, code: string, message: string, expected?: string, got?: string, suggestion?: string}} EngineError
 * @typedef {'facts'|'certifications'|'parameters'} Kind
 * @typedef {{input: HTMLInputElement, error: HTMLElement, kind: Kind, id: string, def: any}} Field
 */

export class WidgetView {
  #o
  #engine
  /** @type {Map<string, any[]>} */
  #programs
  /** @type {Map<string, any>} certification id → catalog entry */
  #certs = new Map()
  /** @type {Map<string, string>} folded id, exam code, alias or English name → id */
  #certKeys = new Map()
  /** @type {Config|null} */
  #config = null
  /** The profile given (facts and certifications are replaced by what the fields hold). */
  #base = {}
  /** @type {Record<string, number>} */
  #facts = {}
  /** @type {Record<string, number>} */
  #counts = {}
  /** @type {Record<string, number>} the parameters of a model program */
  #params = {}
  /** @type {Map<string, string>} pointer → the text typed when it is not a number */
  #bad = new Map()
  /** @type {Map<string, Field>} pointer → field */
  #fields = new Map()
  /** What the current layout shows. */
  #shown = { programId: '', version: /** @type {any} */ (null), areas: /** @type {any[]} */ ([]), facts: new Map() }
  /** @type {{errors: HTMLElement, status: HTMLElement|null, cards: Map<string, any>, rows: Map<string, any>, results: HTMLElement|null, model: HTMLElement|null}} */
  #els = { errors: /** @type {any} */ (null), status: null, cards: new Map(), rows: new Map(), results: null, model: null }
  /** @type {EngineError[]} */
  #configErrors = []
  /** @type {[any, any]|null} the last model result and its context, drawn when the module is in */
  #lastModel = null
  /** @type {Promise<void>|null} the drawing of a model program's result, while its module loads */
  #drawing = null
  #queued = false

  /**
   * @param {{shadow: ShadowRoot, root: HTMLElement, engine: any, registry: CustomElementRegistry,
   *   onResult: (result: any) => void, onError: (stage: string, errors: EngineError[]) => void}} o
   */
  constructor(o) {
    this.#o = o
    this.#engine = o.engine
    defineInner(o.registry)
    this.#programs = groupPrograms(o.engine.programs())
    for (const c of o.engine.certifications()) {
      this.#certs.set(c.id, c)
      for (const k of [c.id, ...(c.exams || []), ...(c.aliases || []), c.name?.en]) {
        if (k && !this.#certKeys.has(fold(k))) this.#certKeys.set(fold(k), c.id)
      }
    }
  }

  /**
   * Draws the widget for config, with a new profile when one is given.
   * @param {Config} config
   * @param {Record<string, any>} [profile]
   */
  configure(config, profile) {
    this.#config = config
    if (profile) this.#take(profile)
    this.#build()
    this.#evaluate()
    return this.#drawing ?? undefined
  }

  /** Replaces the values and evaluates. @param {Record<string, any>} profile */
  setProfile(profile) {
    this.#take(profile)
    for (const [ptr, f] of this.#fields) {
      const v = this.#store(f.kind)[f.id]
      f.input.value = v === undefined ? '' : editable(v, this.#lang)
      this.#bad.delete(ptr)
    }
    this.#evaluate()
  }

  /** The profile evaluated (a copy). */
  profile() {
    return structuredClone(this.#request())
  }

  get #lang() {
    return this.#config?.lang === 'fr' ? 'fr' : 'en'
  }

  /** A text of the simulator's (card.*, err.*…). @param {string} key @param {Record<string, unknown>} [params] */
  #t(key, params) {
    return fill(this.#config?.texts || {}, key, params)
  }

  /** A text of the widget's own. @param {string} key @param {Record<string, unknown>} [params] */
  #w(key, params) {
    return this.#t(`widget.${key}`, params)
  }

  /** Where the values of a kind of field are kept. @param {Kind} kind */
  #store(kind) {
    return kind === 'facts' ? this.#facts : kind === 'parameters' ? this.#params : this.#counts
  }

  /** Takes a profile's values: facts and parameters as given, certification counts keyed by id. */
  #take(profile) {
    const { facts, certifications, parameters, programs: _p, lang: _l, ...rest } = structuredClone(profile || {})
    this.#base = rest
    this.#facts = facts && typeof facts === 'object' ? { ...facts } : {}
    this.#params = parameters && typeof parameters === 'object' ? { ...parameters } : {}
    this.#counts = {}
    for (const [k, n] of Object.entries(certifications && typeof certifications === 'object' ? certifications : {})) {
      const id = this.#certKeys.get(fold(k)) || k
      this.#counts[id] = typeof n === 'number' && typeof this.#counts[id] === 'number' ? this.#counts[id] + n : n
    }
    this.#bad.clear()
  }

  /** The profile sent to the engine. */
  #request() {
    const p = { ...structuredClone(this.#base), lang: this.#lang }
    if (this.#shown.programId) p.programs = [this.#shown.programId]
    if (Object.keys(this.#facts).length) p.facts = { ...this.#facts }
    if (Object.keys(this.#counts).length) p.certifications = { ...this.#counts }
    if (Object.keys(this.#params).length) p.parameters = { ...this.#params }
    return p
  }

  #build() {
    const cfg = /** @type {Config} */ (this.#config)
    const doc = this.#o.root.ownerDocument
    const lang = this.#lang
    this.#configErrors = []
    this.#fields.clear()
    this.#els.cards.clear()
    this.#els.rows.clear()
    this.#els.status = null
    this.#els.results = null
    this.#els.model = null

    const ids = [...this.#programs.keys()]
    const programId = cfg.program || ids[0] || ''
    const versions = this.#programs.get(programId)
    if (!versions) this.#configErrors.push({ path: '', code: 'unknown', message: this.#w('program', { id: programId, known: ids.join(', ') }) })
    const version = versions ? formVersion(versions, this.#base.asOf || todayUTC()).version : null
    const all = version?.areas || []
    const areas = cfg.areas.length ? cfg.areas.map((id) => all.find((a) => a.id === id)).filter(Boolean) : all
    for (const id of cfg.areas) {
      if (!all.some((a) => a.id === id)) {
        this.#configErrors.push({ path: '', code: 'unknown', message: this.#w('area', { id, program: programId, known: all.map((a) => a.id).join(', ') }) })
      }
    }
    this.#shown = { programId: versions ? programId : '', version, areas, facts: new Map((version?.facts || []).map((f) => [f.id, f])) }

    const e = (tag, cls, text) => {
      const n = doc.createElement(tag)
      if (cls) n.className = cls
      if (text !== undefined) n.textContent = text
      return n
    }
    const head = e('div', 'head')
    head.setAttribute('part', 'header')
    const h = e('h2', 'title', version ? loc(version.name, lang) : this.#w('none'))
    h.setAttribute('part', 'title')
    head.append(h)
    if (version) {
      head.append(e('p', 'sub', this.#w('rules', {
        version: version.version, from: version.effectiveFrom, verified: version.verifiedOn || '',
      })))
    }
    this.#els.errors = e('ul', 'errors')
    this.#els.errors.setAttribute('part', 'errors')
    this.#els.errors.hidden = true
    if (isModel(version)) {
      this.#finish(head, this.#modelBody(version, e))
      return
    }

    // Each fact and certification once, in the first shown area that uses it.
    const layout = formLayout({ ...version, areas })
    const counts = certAreas(version)
    const placed = new Set()
    const certsOf = (areaId) => [...counts].filter(([id, list]) => {
      if (!list.includes(areaId) || placed.has(id)) return false
      placed.add(id)
      return true
    }).map(([id]) => id)

    const body = e('div', cfg.layout === 'compact' ? 'areas' : 'cols')
    let form = null
    if (cfg.layout !== 'compact') {
      form = e('form', 'form')
      form.setAttribute('part', 'form')
      form.setAttribute('aria-label', this.#w('figures'))
      form.addEventListener('submit', (ev) => ev.preventDefault())
      const results = e('section', 'results')
      results.setAttribute('part', 'results')
      results.setAttribute('aria-label', this.#t('res.title'))
      this.#els.status = e('p', 'status')
      this.#els.status.setAttribute('aria-live', 'polite')
      const cards = e('div', 'cards')
      for (const a of areas) {
        const card = doc.createElement('ps-scorecard', { customElementRegistry: this.#o.registry })
        card.setAttribute('part', 'card')
        this.#els.cards.set(a.id, card)
        cards.append(card)
      }
      results.append(this.#els.status, cards)
      this.#els.results = results
      body.append(form, results)
    }
    // Headings under the title (h2): h3 in the form, h4 under a compact area's h3.
    const sub = form ? 'h3' : 'h4'
    layout.areas.forEach((group, i) => {
      const area = areas[i]
      const set = e('fieldset', 'area-fields')
      set.append(e('legend', '', loc(area.name, lang)))
      for (const f of group.selection) this.#field(set, 'facts', f, e)
      for (const tr of group.tracks) {
        if (!tr.facts.length) continue
        if (group.tracks.length > 1) set.append(e(sub, 'sub-head', loc(area.tracks.find((x) => x.id === tr.id)?.name, lang) || tr.id))
        for (const f of tr.facts) this.#field(set, 'facts', f, e)
      }
      const certs = certsOf(area.id)
      if (certs.length) {
        set.append(e(sub, 'sub-head', this.#w('certs')))
        for (const c of certs) this.#field(set, 'certifications', c, e)
      }
      if (form) {
        form.append(set)
        return
      }
      // Compact: the area's result, then its figures behind a disclosure.
      const row = e('article', 'area')
      row.setAttribute('part', 'area')
      const title = e('h3', 'card-title', loc(area.name, lang))
      title.id = `ps-w${++seq}`
      row.setAttribute('aria-labelledby', title.id)
      const badge = e('p', 'badge')
      badge.setAttribute('part', 'badge')
      const top = e('div', 'area-head')
      top.append(title, badge)
      const score = e('p', 'area-score')
      const bar = doc.createElement('ps-metric-bar', { customElementRegistry: this.#o.registry })
      bar.classList.add('area-bar')
      bar.setAttribute('part', 'bar')
      const status = e('p', 'card-status')
      const more = e('details', 'figures')
      more.append(e('summary', '', this.#w('figures')), set)
      row.append(top, score, bar, status, more)
      this.#els.rows.set(area.id, { row, badge, score, bar, status })
      body.append(row)
    })
    this.#finish(head, body)
  }

  /**
   * Puts the header, the errors, body and the footer in the root.
   * @param {HTMLElement} head
   * @param {HTMLElement} body
   */
  #finish(head, body) {
    const cfg = /** @type {Config} */ (this.#config)
    const foot = this.#o.root.ownerDocument.createElement('p')
    foot.className = 'foot'
    foot.textContent = this.#w('by')
    this.#o.root.lang = this.#lang
    this.#o.root.classList.toggle('full', cfg.layout !== 'compact')
    this.#o.root.classList.toggle('compact', cfg.layout === 'compact')
    this.#o.root.replaceChildren(head, this.#els.errors, body, foot)
    if (this.#configErrors.length) this.#o.onError('config', this.#configErrors)
  }

  /**
   * The form and results of a levels, calculator or timeline program: its facts and those
   * of the programs it depends on, its parameters, the certifications its competencies
   * count; the result as the simulator draws it. Compact: the result, then the figures
   * behind a disclosure.
   * @param {any} version
   * @param {(tag: string, cls?: string, text?: string) => HTMLElement} e
   */
  #modelBody(version, e) {
    const cfg = /** @type {Config} */ (this.#config)
    const deps = dependencyFacts(version, this.#programs, this.#base.asOf || todayUTC()).filter((f) => !this.#shown.facts.has(f.id))
    for (const f of deps) this.#shown.facts.set(f.id, f)
    const sets = []
    const group = (legend, help, kind, ids) => {
      if (!ids.length) return
      const set = e('fieldset', 'area-fields')
      set.append(e('legend', '', legend))
      if (help) set.append(e('p', 'hint', help))
      for (const id of ids) this.#field(set, kind, id, e)
      sets.push(set)
    }
    group(this.#w('figures'), '', 'facts', [...(version.facts || []), ...deps].map((f) => f.id))
    group(this.#t('model.parameters'), this.#t('model.parametersHelp'), 'parameters', (version.parameters || []).map((p) => p.id))
    group(this.#w('certs'), '', 'certifications', [...certAreas(version).keys()])

    // Landmarks named after the program, so that several widgets on a page stay distinct.
    const name = loc(version.name, this.#lang)
    const results = e('section', 'results')
    results.setAttribute('part', 'results')
    results.setAttribute('aria-label', `${this.#t('res.title')}: ${name}`)
    this.#els.status = e('p', 'status')
    this.#els.status.setAttribute('aria-live', 'polite')
    this.#els.model = e('div', 'model-result')
    results.append(this.#els.status, this.#els.model)
    this.#els.results = results
    const form = e('form', 'form')
    form.setAttribute('part', 'form')
    form.setAttribute('aria-label', `${this.#w('figures')}: ${name}`)
    form.addEventListener('submit', (ev) => ev.preventDefault())
    if (cfg.layout === 'compact') {
      const body = e('div', 'areas')
      body.append(results)
      if (sets.length) {
        const more = e('details', 'figures')
        form.append(...sets)
        more.append(e('summary', '', this.#w('figures')), form)
        body.append(more)
      }
      return body
    }
    const body = e('div', 'cols')
    if (sets.length) {
      form.append(...sets)
      body.append(form)
    }
    body.append(results)
    return body
  }

  /**
   * Adds the field of a fact, a parameter or a certification's count.
   * @param {HTMLElement} parent
   * @param {Kind} kind
   * @param {string} id
   * @param {(tag: string, cls?: string, text?: string) => HTMLElement} e
   */
  #field(parent, kind, id, e) {
    const lang = this.#lang
    const ptr = `/${kind}/${seg(id)}`
    const uid = `ps-f${++seq}`
    const def = kind === 'facts' ? this.#shown.facts.get(id)
      : kind === 'parameters' ? (this.#shown.version?.parameters || []).find((p) => p.id === id)
      : { integer: true, min: 0, unit: 'people' }
    const cert = kind === 'certifications' ? this.#certs.get(id) : null
    const wrap = e('div', 'field')
    wrap.setAttribute('part', 'field')
    const label = e('label', '', kind !== 'certifications'
      ? loc(def?.label, lang) || id
      : `${loc(cert?.name, lang) || id}${cert?.exams?.length ? ` (${cert.exams.join(', ')})` : ''}`)
    label.htmlFor = uid
    label.setAttribute('part', 'label')
    const input = /** @type {HTMLInputElement} */ (e('input'))
    input.id = uid
    input.type = 'text'
    input.inputMode = def?.integer && !(def.min < 0) ? 'numeric' : 'decimal'
    input.autocomplete = 'off'
    input.spellcheck = false
    input.setAttribute('part', 'input')
    input.dataset.pointer = ptr
    const unit = kind !== 'certifications' ? this.#unit(def?.unit || '') : this.#w('people')
    const hint = e('p', 'hint', [unit, kind !== 'certifications' ? loc(def?.help, lang) : '',
      kind === 'parameters' && def ? this.#t('model.default', { value: editable(def.default, lang) }) : '',
      kind === 'parameters' && def?.assumption ? this.#t('model.assumption') : ''].filter(Boolean).join(' · '))
    hint.id = `${uid}-hint`
    const error = e('p', 'error')
    error.id = `${uid}-error`
    error.hidden = true
    input.setAttribute('aria-describedby', `${hint.id} ${error.id}`)
    const v = this.#store(kind)[id]
    input.value = this.#bad.get(ptr) ?? (v === undefined ? '' : editable(v, lang))
    input.addEventListener('input', () => this.#edit(ptr, kind, id, input.value))
    wrap.append(label, input, hint, error)
    parent.append(wrap)
    this.#fields.set(ptr, { input, error, kind, id, def })
  }

  /** @param {string} u */
  #unit(u) {
    const s = this.#t(`unit.${u}`)
    return s === `unit.${u}` ? u : s
  }

  #edit(ptr, kind, id, text) {
    const target = this.#store(kind)
    const n = parseNumber(text, this.#lang)
    this.#bad.delete(ptr)
    if (text.trim() === '') delete target[id]
    else if (Number.isNaN(n)) {
      delete target[id]
      this.#bad.set(ptr, text)
    } else target[id] = n
    if (this.#queued) return
    this.#queued = true
    queueMicrotask(() => {
      this.#queued = false
      this.#evaluate()
    })
  }

  #evaluate() {
    /** @type {EngineError[]} */
    const local = [...this.#bad].map(([path, got]) => ({ path, code: 'type', message: `not a number: ${got}`, got }))
    if (!this.#shown.version) {
      this.#showErrors(local)
      return
    }
    const out = this.#engine.evaluate(this.#request())
    const errors = out.ok ? local : [...local, ...out.errors]
    this.#showErrors(errors)
    this.#o.root.classList.toggle('is-stale', !out.ok)
    if (out.ok) {
      this.#render(out.result)
      this.#o.onResult(out.result)
    }
    if (errors.length) this.#o.onError('input', errors)
  }

  /** Puts each error on its field, the others in the list. @param {EngineError[]} errors */
  #showErrors(errors) {
    const byField = new Map()
    const general = [...this.#configErrors.map((x) => x.message)]
    for (const x of errors) {
      const f = this.#fields.get(x.path)
      if (f) {
        if (!byField.has(x.path)) byField.set(x.path, this.#message(x, f))
      } else general.push(x.path ? `${x.path}: ${x.message}` : x.message)
    }
    for (const [ptr, f] of this.#fields) {
      const msg = byField.get(ptr)
      f.error.hidden = !msg
      if (f.error.textContent !== (msg || '')) f.error.textContent = msg || ''
      if (msg) f.input.setAttribute('aria-invalid', 'true')
      else f.input.removeAttribute('aria-invalid')
    }
    if (errors.some((x) => !this.#bad.has(x.path))) general.push(this.#w('stale'))
    const list = this.#els.errors
    list.replaceChildren(...general.map((m) => {
      const li = list.ownerDocument.createElement('li')
      li.textContent = m
      return li
    }))
    list.hidden = general.length === 0
  }

  /** An error in the widget's language. @param {EngineError} x @param {Field} f */
  #message(x, f) {
    const got = x.got ?? ''
    switch (x.code) {
      case 'type':
      case 'syntax':
        return this.#t('err.number')
      case 'integer':
        return this.#t('err.integer', { got })
      case 'range': {
        const n = (v) => formatNumber(v, this.#lang, 6)
        if (typeof f.def?.min === 'number' && typeof f.def?.max === 'number') return this.#t('err.rangeFact', { min: n(f.def.min), max: n(f.def.max), got })
        return this.#t('err.range', { expected: x.expected ?? '', got })
      }
      default:
        return this.#t('err.other', { message: x.message || x.code })
    }
  }

  /** @param {any} result */
  #render(result) {
    const lang = this.#lang
    const prog = (result.programs || []).find((p) => p.id === this.#shown.programId)
    const byId = new Map((prog?.areas || []).map((a) => [a.id, a]))
    const num = (n, d = 2) => formatNumber(n, lang, d)
    const context = {
      lang,
      t: (k, p) => this.#t(k, p),
      num,
      unit: (u) => this.#unit(u),
      factLabel: (id) => loc(this.#shown.facts.get(id)?.label, lang) || id,
      certName: (id) => loc(this.#certs.get(id)?.name, lang) || id,
    }
    if (this.#els.model) {
      this.#renderModel(prog, context)
      return
    }
    for (const [id, card] of this.#els.cards) Object.assign(card, { context, area: byId.get(id) || null })
    for (const [id, r] of this.#els.rows) {
      const a = byId.get(id)
      if (!a) continue
      r.row.classList.toggle('is-qualified', Boolean(a.qualified))
      r.row.dataset.area = a.id
      r.row.dataset.score = String(a.score)
      r.row.dataset.qualified = String(Boolean(a.qualified))
      r.badge.className = `badge ${a.qualified ? 'badge-yes' : 'badge-no'}`
      r.badge.textContent = a.qualified ? this.#t('card.qualified') : this.#t('card.notQualified')
      r.score.replaceChildren(Object.assign(r.score.ownerDocument.createElement('span'), { className: 'score-num', textContent: num(a.score, 1) }),
        ` / ${num(a.max, 0)}`)
      r.bar.setAttribute('value', String(a.score))
      r.bar.setAttribute('max', String(a.max))
      r.bar.setAttribute('mark', String(a.qualifyingScore))
      r.bar.setAttribute('label', this.#t('card.scoreLabel', { score: num(a.score, 1), max: num(a.max, 0), qualifying: num(a.qualifyingScore, 0) }))
      const parts = []
      if (a.qualified) parts.push(this.#t('card.reached'))
      else {
        if (a.shortfall > 0) parts.push(this.#t('card.shortfall', { n: num(a.shortfall, 1) }))
        if (a.zeroMetrics > 0) parts.push(this.#t('card.zero', { n: a.zeroMetrics }))
        if (!parts.length) parts.push(this.#t('card.threshold', { n: num(a.qualifyingScore, 0) }))
      }
      r.status.textContent = parts.join(' ')
    }
    if (this.#els.status) {
      const shown = this.#shown.areas.map((a) => byId.get(a.id)).filter(Boolean)
      const names = shown.filter((a) => a.qualified).map((a) => a.name)
      const text = names.length
        ? this.#t('res.qualifiedIn', { n: names.length, total: shown.length, list: names.join(', ') })
        : this.#t('res.qualifiedNone', { total: shown.length })
      if (this.#els.status.textContent !== text) this.#els.status.textContent = text
    }
  }

  /**
   * Draws a model program's result (js/models.js), keeping the disclosures that were open.
   * @param {any} prog the ProgramResult, or undefined
   * @param {any} ctx
   */
  #renderModel(prog, ctx) {
    const box = /** @type {HTMLElement} */ (this.#els.model)
    if (!models) {
      // The first model program of the page: draw once its module is in (the latest result).
      const drawing = loadModels().then(() => {
        if (this.#drawing === drawing) this.#drawing = null
        if (this.#els.model === box) this.#renderModel(this.#lastModel?.[0], this.#lastModel?.[1])
      }, (err) => {
        if (this.#drawing === drawing) this.#drawing = null
        this.#o.onError('load', [{ path: '', code: 'internal', message: err instanceof Error ? err.message : String(err) }])
      })
      this.#lastModel = [prog, ctx]
      this.#drawing = drawing
      return
    }
    const sheet = models.modelSheet()
    if (!this.#o.shadow.adoptedStyleSheets.includes(sheet)) this.#o.shadow.adoptedStyleSheets = [...this.#o.shadow.adoptedStyleSheets, sheet]
    const { modelStatus, renderModel } = models
    const open = [...box.querySelectorAll('details')].map((d) => d.open)
    box.replaceChildren(...(prog ? [renderModel(prog, ctx)] : []))
    box.querySelectorAll('details').forEach((d, i) => { if (open[i]) d.open = true })
    const text = prog ? modelStatus(prog, ctx.t) : ''
    if (this.#els.status && this.#els.status.textContent !== text) this.#els.status.textContent = text
  }
}
