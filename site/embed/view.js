// The widget's form and results, drawn once the engine is loaded (partner-score.js imports
// this module lazily, with the engine). Everything is generic over the engine's program data:
// the fields are the facts the shown areas' metrics read and the certifications that count in
// them, with the labels, units and bounds of the data; the results are the engine's own,
// drawn by the simulator's scorecard (the full card, or its head alone in the compact layout).
// Text only: every string from data or input goes through textContent or an attribute.
// Programs of the other models (levels, calculator, timeline: a version with a "model" and
// no areas) get a field for each of their facts, those of the programs they depend on,
// their parameters and the certifications their competencies count, and the simulator's
// generic rendering of the model's result: models-view.js (with js/models.js and the model.*
// texts) builds and draws them, imported before the first such program is drawn (bundled as
// widget-models.js, which a scorecard widget never fetches).

import { certAreas, formLayout, formVersion, groupPrograms, loc } from '../js/program.js'
import { editable, formatNumber, formatShown, gotText, parseNumber, singular, todayUTC, unitText } from '../js/format.js'
import { renderCard, scoreSummary } from '../js/elements/ps-scorecard.js'

/** Escapes one JSON Pointer segment. @param {string} s */
const seg = (s) => s.replace(/~/g, '~0').replace(/\//g, '~1')

/** Folds a certification key for lookup (exam code, id or English name). @param {string} s */
const fold = (s) => String(s).trim().toLowerCase()

let seq = 0

/** @type {typeof import('./models-view.js')|null} models-view.js, once loaded for the page */
let models = null

/**
 * @typedef {{program: string, areas: string[], lang: string, layout: string, texts: Record<string, string>}} Config
 *   texts: the language's table (messages.js)
 * @typedef {{path: string, code: string, message: string, expected?: string, got?: string, suggestion?: string}} EngineError
 * @typedef {{input: HTMLInputElement, error: HTMLElement, kind: Kind, id: string, def: any}} Field
 * @typedef {'facts'|'certifications'|'parameters'} Kind
 * @typedef {{configure: (config: Config, profile?: Record<string, any>) => Promise<void>|undefined,
 *   setProfile: (profile: Record<string, any>) => void, note: (errors: EngineError[]) => void,
 *   profile: () => Record<string, any>}} View
 */

/** @type {WeakMap<Element, string>} the name each widget (its host element) gives its landmarks */
const landmarks = new WeakMap()

/**
 * The name of a widget's landmarks: base, unless another widget of the page already uses it,
 * then "base (2)", "base (3)"…, so that two alike widgets on one page (same program, same
 * areas) still have landmarks of their own.
 * @param {HTMLElement} root the widget's root, in its shadow root
 * @param {string} base
 * @returns {string}
 */
function landmarkName(root, base) {
  const host = /** @type {any} */ (root.getRootNode()).host
  if (!host) return base
  const taken = new Set([...root.ownerDocument.querySelectorAll(host.localName)].map((o) => o !== host && landmarks.get(o)))
  let name = base
  for (let i = 2; taken.has(name); i++) name = `${base} (${i})`
  landmarks.set(host, name)
  return name
}

/**
 * The view of one widget.
 * @param {{root: HTMLElement, engine: import('./engine.js').Engine, registry: CustomElementRegistry,
 *   onResult: (result: any) => void, onError: (stage: string, errors: EngineError[]) => void}} o
 * @returns {View}
 */
export function createView({ root, engine, registry, onResult, onError }) {
  const doc = root.ownerDocument
  const programs = groupPrograms(engine.programs())
  /** @type {Map<string, any>} certification id → catalog entry */
  const certs = new Map()
  /** @type {Map<string, string>} folded id, exam code, alias or English name → id */
  const certKeys = new Map()
  for (const c of engine.certifications()) {
    certs.set(c.id, c)
    for (const k of [c.id, ...(c.exams || []), ...(c.aliases || []), c.name?.en]) {
      if (k && !certKeys.has(fold(k))) certKeys.set(fold(k), c.id)
    }
  }

  /** @type {Config} */
  let cfg
  let lang = 'en'
  /** The profile given (facts and certifications are replaced by what the fields hold). */
  let base = {}
  /** @type {Record<Kind, Record<string, number>>} */
  let values = { facts: {}, certifications: {}, parameters: {} }
  /** @type {Map<string, string>} pointer → the text typed when it is not a number */
  const bad = new Map()
  /** @type {Map<string, Field>} pointer → field */
  const fields = new Map()
  /** What the layout shows. */
  let shown = { id: '', version: /** @type {any} */ (null), areas: /** @type {any[]} */ ([]), facts: new Map() }
  /** @type {[string, HTMLElement, string, boolean][]} area id → its card (full) or its summary (compact), its title's id, and whether it is a card */
  let slots = []
  /** @type {HTMLElement} */
  let list
  /** @type {HTMLElement|null} */
  let status = null
  /** @type {HTMLElement|null} where a model program's result is drawn */
  let modelBox = null
  /** @type {Promise<void>|undefined} the loading of models-view.js, then the drawing */
  let drawing
  /** @type {EngineError[]} */
  let configErrors = []
  /** @type {EngineError[]} the page's errors (a profile attribute that is not JSON), until its next profile */
  let given = []
  let queued = false

  /** A text of the table (messages.js) with its {name} placeholders filled, its singular
   * (key.one) for a count that takes it; the key itself when missing. */
  const t = (key, params) => ((singular(params?.count, lang) && cfg.texts[`${key}.one`]) || cfg.texts[key] || key).replace(/\{(\w+)\}/g, (m, name) => (params && name in params ? String(params[name]) : m))
  /** A text of the widget's own. */
  const w = (key, params) => t(`widget.${key}`, params)
  const num = (n, d = 2, below) => formatShown(n, lang, d, below)
  const unit = (u, n) => unitText(t, u, n)
  /** @returns {any} an element with a class, its text and a part name */
  const el = (tag, cls, text, part) => {
    const n = doc.createElement(tag)
    if (cls) n.className = cls
    if (text !== undefined) n.textContent = text
    if (part) n.setAttribute('part', part)
    return n
  }

  /** Takes a profile's values: facts and parameters as given, certification counts keyed by id. */
  const take = (profile) => {
    const { facts, certifications, parameters, programs: _p, lang: _l, ...rest } = structuredClone(profile || {})
    base = rest
    const obj = (o) => (o && typeof o === 'object' ? o : {})
    values = { facts: obj(facts), certifications: {}, parameters: obj(parameters) }
    const counts = values.certifications
    for (const [k, n] of Object.entries(certifications && typeof certifications === 'object' ? certifications : {})) {
      const id = certKeys.get(fold(k)) || k
      counts[id] = typeof n === 'number' && typeof counts[id] === 'number' ? counts[id] + n : n
    }
    bad.clear()
  }

  /** The profile sent to the engine. */
  const request = () => {
    const p = { ...structuredClone(base), lang }
    if (shown.id) p.programs = [shown.id]
    for (const k of /** @type {const} */ (['facts', 'certifications', 'parameters'])) {
      if (Object.keys(values[k]).length) p[k] = { ...values[k] }
    }
    return p
  }

  /** @param {Kind} kind @param {string} id */
  const text = (kind, id) => {
    const v = values[kind][id]
    return v === undefined ? '' : editable(v, lang)
  }

  const build = () => {
    configErrors = []
    fields.clear()
    slots = []
    status = null
    modelBox = null
    const ids = [...programs.keys()]
    const id = cfg.program || ids[0] || ''
    const versions = programs.get(id)
    if (!versions) configErrors.push({ path: '', code: 'unknown', message: w('program', { id, known: ids.join(', ') }) })
    const version = versions ? formVersion(versions, base.asOf || todayUTC()).version : null
    // Another model than the scorecard: no areas (the attribute does not apply).
    const model = version?.model && version.model !== 'scorecard'
    const all = version?.areas || []
    const areas = []
    for (const a of model ? [] : cfg.areas) {
      const area = all.find((x) => x.id === a)
      if (area) areas.push(area)
      else configErrors.push({ path: '', code: 'unknown', message: w('area', { id: a, program: id, known: all.map((x) => x.id).join(', ') }) })
    }
    if (!cfg.areas.length) areas.push(...all)
    shown = { id: versions ? id : '', version, areas, facts: new Map((version?.facts || []).map((f) => [f.id, f])) }

    const head = el('div', 'head', undefined, 'header')
    head.append(el('h2', 'title', version ? loc(version.name, lang) : w('none'), 'title'))
    if (version) head.append(el('p', 'sub', w('rules', { version: version.version, from: version.effectiveFrom, verified: version.verifiedOn || '' })))
    list = el('ul', 'errors', undefined, 'errors')
    list.hidden = true

    const compact = cfg.layout === 'compact'
    const body = el('div', compact ? 'areas' : 'cols')
    if (model) {
      if (models) {
        cfg = { ...cfg, texts: { ...models.texts(lang), ...cfg.texts } }
        ;[status, modelBox] = models.modelBody({ version, programs, asOf: base.asOf, facts: shown.facts, lang, el, t, w, field, landmark: (name) => landmarkName(root, name) }, body, compact)
      } else {
        // The models' module first (once for the page), then the drawing again.
        drawing ??= import('./models-view.js').then((m) => {
          models = m
          drawing = undefined
          build()
          evaluate()
        }, (err) => {
          drawing = undefined
          onError('load', [{ path: '', code: 'internal', message: String(err?.message || err) }])
        })
      }
    } else scorecardBody(areas, body, compact)
    root.lang = lang
    root.className = `root ${compact ? 'compact' : 'full'}`
    root.replaceChildren(head, list, body, el('p', 'foot', w('by')))
    // Once, when drawn (not while the models' module loads).
    if (configErrors.length && !drawing) onError('config', configErrors)
  }

  /**
   * The form and cards (full), or a row per area (compact), of a scorecard program.
   * @param {any[]} areas @param {HTMLElement} body @param {boolean} compact
   */
  const scorecardBody = (areas, body, compact) => {
    const version = shown.version
    let form = null
    if (!compact) {
      // Landmarks named for what they hold, so that widgets of other areas on the page differ
      // (and numbered when an alike widget has the name already).
      const what = landmarkName(root, [version ? loc(version.name, lang) : '', ...(cfg.areas.length ? areas.map((a) => loc(a.name, lang)) : [])].filter(Boolean).join(', '))
      form = el('form', 'form', undefined, 'form')
      form.setAttribute('aria-label', t('inputs.item', { name: w('figures'), value: what }))
      form.addEventListener('submit', (ev) => ev.preventDefault())
      const results = el('section', 'results', undefined, 'results')
      results.setAttribute('aria-label', t('inputs.item', { name: t('res.title'), value: what }))
      status = el('p', 'status')
      status.setAttribute('aria-live', 'polite')
      const cards = el('div', 'cards')
      for (const a of areas) {
        // A <ps-scorecard> that stays undefined: renderCard draws it.
        const card = doc.createElement('ps-scorecard', { customElementRegistry: registry })
        card.setAttribute('part', 'card')
        slots.push([a.id, card, `ps-w${++seq}`, true])
        cards.append(card)
      }
      results.append(status, cards)
      body.append(form, results)
    }
    // Each fact and certification once, in the first shown area that uses it; headings under
    // the title (h2): h3 in the form, h4 under a compact area's h3.
    const counts = [...certAreas(version)]
    const placed = new Set()
    const sub = compact ? 'h4' : 'h3'
    formLayout({ ...version, areas }).areas.forEach((group, i) => {
      const area = areas[i]
      const set = el('fieldset', 'area-fields')
      set.append(el('legend', '', loc(area.name, lang)))
      for (const f of group.selection) field(set, 'facts', f)
      for (const tr of group.tracks) {
        if (!tr.facts.length) continue
        if (group.tracks.length > 1) set.append(el(sub, 'sub-head', loc(area.tracks.find((x) => x.id === tr.id)?.name, lang) || tr.id))
        for (const f of tr.facts) field(set, 'facts', f)
      }
      const mine = counts.filter(([c, areaIds]) => areaIds.includes(area.id) && !placed.has(c) && placed.add(c))
      if (mine.length) {
        set.append(el(sub, 'sub-head', w('certs')))
        for (const [c] of mine) field(set, 'certifications', c)
      }
      if (form) {
        form.append(set)
        return
      }
      // Compact: the area's result (the scorecard's head), then its figures behind a disclosure.
      const row = el('article', 'area', undefined, 'area')
      const titleId = `ps-w${++seq}`
      row.setAttribute('aria-labelledby', titleId)
      const summary = el('div', 'summary')
      const title = el('h3', 'card-title', loc(area.name, lang))
      title.id = titleId
      summary.append(title)
      const more = el('details', 'figures')
      more.append(el('summary', '', w('figures')), set)
      row.append(summary, more)
      slots.push([area.id, summary, titleId, false])
      body.append(row)
    })
  }

  /**
   * Adds the field of a fact, a parameter or a certification's count.
   * @param {HTMLElement} parent
   * @param {Kind} kind
   * @param {string} id
   * @param {any} [def] its bounds, label, unit and help (a fact's: those of the data)
   * @param {string[]} [more] more hints
   */
  const field = (parent, kind, id, def = kind === 'facts' ? shown.facts.get(id) : { integer: true, min: 0 }, more = []) => {
    const ptr = `/${kind}/${seg(id)}`
    const uid = `ps-f${++seq}`
    const fact = kind !== 'certifications'
    const cert = certs.get(id)
    const wrap = el('div', 'field', undefined, 'field')
    const label = el('label', '', fact
      ? loc(def?.label, lang) || id
      : `${loc(cert?.name, lang) || id}${cert?.exams?.length ? ` (${cert.exams.join(', ')})` : ''}`, 'label')
    label.htmlFor = uid
    const input = el('input', '', undefined, 'input')
    Object.assign(input, {
      id: uid, type: 'text', inputMode: def?.integer && !(def.min < 0) ? 'numeric' : 'decimal', autocomplete: 'off', spellcheck: false,
      value: bad.get(ptr) ?? text(kind, id),
    })
    input.dataset.pointer = ptr
    const hint = el('p', 'hint', fact ? [unit(def?.unit || ''), loc(def?.help, lang), ...more].filter(Boolean).join(' · ') : w('people'))
    hint.id = `${uid}-hint`
    const error = el('p', 'error')
    error.id = `${uid}-error`
    error.hidden = true
    input.setAttribute('aria-describedby', `${hint.id} ${error.id}`)
    input.addEventListener('input', () => {
      const target = values[kind]
      const s = input.value
      const n = parseNumber(s, lang)
      bad.delete(ptr)
      delete target[id]
      if (Number.isNaN(n)) {
        if (s.trim()) bad.set(ptr, s)
      } else target[id] = n
      if (queued) return
      queued = true
      queueMicrotask(() => {
        queued = false
        evaluate()
      })
    })
    wrap.append(label, input, hint, error)
    parent.append(wrap)
    fields.set(ptr, { input, error, kind, id, def })
  }

  const evaluate = () => {
    /** @type {EngineError[]} */
    const errors = [...bad].map(([path, got]) => ({ path, code: 'type', message: `not a number: ${got}`, got }))
    const out = shown.version && !drawing ? engine.evaluate(request()) : null
    if (out?.ok === false) errors.push(...out.errors)
    showErrors(errors)
    if (!out) return
    root.classList.toggle('is-stale', !out.ok)
    if (out.ok) {
      render(out.result)
      onResult(out.result)
    }
    if (errors.length) onError('input', errors)
  }

  /** Puts each error on its field, the others in the list. @param {EngineError[]} errors */
  const showErrors = (errors) => {
    const byField = new Map()
    const general = [...configErrors, ...given].map((x) => x.message)
    for (const x of errors) {
      const f = fields.get(x.path)
      if (!f) general.push(x.path ? t('inputs.item', { name: x.path, value: x.message }) : x.message)
      else if (!byField.has(x.path)) byField.set(x.path, message(x, f))
    }
    for (const [ptr, f] of fields) {
      const msg = byField.get(ptr) || ''
      f.error.hidden = !msg
      if (f.error.textContent !== msg) f.error.textContent = msg
      if (msg) f.input.setAttribute('aria-invalid', 'true')
      else f.input.removeAttribute('aria-invalid')
    }
    if (errors.some((x) => !bad.has(x.path))) general.push(w('stale'))
    list.replaceChildren(...general.map((m) => el('li', '', m)))
    list.hidden = !general.length
  }

  /** An error in the widget's language. @param {EngineError} x @param {Field} f */
  const message = (x, f) => {
    const got = gotText(x.got, lang)
    const { min, max } = f.def || {}
    switch (x.code) {
      case 'type':
      case 'syntax':
        return t('err.number')
      case 'integer':
        return t('err.integer', { got })
      case 'range':
        return typeof min === 'number' && typeof max === 'number'
          ? t('err.rangeFact', { min: formatNumber(min, lang, 6), max: formatNumber(max, lang, 6), got })
          : t('err.range', { expected: x.expected ?? '', got })
      default:
        return t('err.other', { message: x.message || x.code })
    }
  }

  /** @param {any} result */
  const render = (result) => {
    const prog = (result.programs || []).find((p) => p.id === shown.id)
    const byId = new Map((prog?.areas || []).map((a) => [a.id, a]))
    const context = {
      lang, t, num, unit,
      factLabel: (id) => loc(shown.facts.get(id)?.label, lang) || id,
      certName: (id) => loc(certs.get(id)?.name, lang) || id,
    }
    if (modelBox) return models?.drawModel(/** @type {HTMLElement} */ (status), modelBox, prog, context)
    for (const [id, slot, titleId, card] of slots) {
      const a = byId.get(id)
      if (!a) continue
      if (card) {
        renderCard(slot, a, context, titleId, registry)
        continue
      }
      // The compact row: its data and state, and the scorecard's head.
      const row = /** @type {HTMLElement} */ (slot.parentElement)
      row.classList.toggle('is-qualified', Boolean(a.qualified))
      Object.assign(row.dataset, { area: a.id, score: String(a.score), qualified: String(Boolean(a.qualified)) })
      slot.replaceChildren(...scoreSummary(a, context, titleId, registry))
    }
    if (status) {
      const areas = shown.areas.map((a) => byId.get(a.id)).filter(Boolean)
      const names = areas.filter((a) => a.qualified).map((a) => a.name)
      const s = names.length
        ? t('res.qualifiedIn', { n: names.length, total: areas.length, list: names.join(', '), count: areas.length })
        : t('res.qualifiedNone', { total: areas.length, count: areas.length })
      if (status.textContent !== s) status.textContent = s
    }
  }

  return {
    configure(config, profile) {
      cfg = config
      lang = config.lang === 'fr' ? 'fr' : 'en'
      if (profile) take(profile)
      build()
      evaluate()
      return drawing
    },
    setProfile(profile) {
      const asOf = base.asOf
      given = []
      take(profile)
      // Another date may have other rules in force: the form and header are drawn again.
      if (base.asOf !== asOf) build()
      else for (const [, f] of fields) f.input.value = text(f.kind, f.id)
      evaluate()
    },
    note(errors) {
      given = errors
      if (cfg) evaluate()
    },
    profile: () => structuredClone(request()),
  }
}
