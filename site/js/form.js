// The profile form, generated from the program data: program and date, the facts grouped by
// area and track, track overrides, certified people (counts and named people) and the plan.
// Every control carries the JSON Pointer of its value in the profile, which is also how the
// engine's errors find their field.

import { certLabel } from './catalog.js'
import { h, uid } from './dom.js'
import { editable, formatNumber, unitText } from './format.js'
import { loc, usesCertifications } from './program.js'
import { parameterSection } from './models.js'
import { parsePointer, pointer } from './state.js'

/**
 * @typedef {{
 *   state: import('./state.js').State,
 *   lang: string,
 *   t: (key: string, params?: Record<string, unknown>) => string,
 *   programs: Map<string, any[]>,
 *   catalog: import('./catalog.js').Catalog,
 *   version: any, inForce: boolean,
 *   layout: ReturnType<typeof import('./program.js').formLayout>,
 *   certAreas: Map<string, string[]>,
 * }} FormModel
 * @typedef {{
 *   onEdit: (ptr: string, value: unknown, opts?: {rebuild?: boolean}) => void,
 *   onMutate: (fn: (s: import('./state.js').State) => void, focusKey?: string) => void,
 * }} FormHandlers
 * @typedef {{label: string, id: string, setError: (text: string) => void}} Target
 */

export class ProfileForm {
  /** @type {HTMLFormElement} */
  #root
  /** @type {FormHandlers} */
  #on
  /** @type {Map<string, Target>} */
  #targets = new Map()
  /** @type {Map<string, HTMLElement>} */
  #focusables = new Map()
  /** @type {Map<string, boolean>} area id → opened or folded by the person */
  #open = new Map()
  /** @type {Map<HTMLElement, {toggle: HTMLElement, area: string}>} */
  #bodies = new Map()

  /**
   * @param {HTMLFormElement} root
   * @param {FormHandlers} handlers
   */
  constructor(root, handlers) {
    this.#root = root
    this.#on = handlers
    root.addEventListener('submit', (e) => e.preventDefault())
    root.addEventListener('ps-field-input', (e) => {
      const ev = /** @type {any} */ (e)
      handlers.onEdit(ev.name, ev.value)
    })
    root.addEventListener('ps-field-remove', (e) => {
      const ev = /** @type {any} */ (e)
      const focus = ev.name.startsWith('/plan/') ? 'picker:costs' : 'picker:counts'
      handlers.onMutate((s) => {
        const segs = parsePointer(ev.name)
        const key = segs[segs.length - 1]
        if (ev.name.startsWith('/plan/costs/')) delete s.plan?.costs[key]
        else if (ev.name.startsWith('/certifications/')) delete s.certifications[key]
      }, focus)
    })
  }

  /**
   * Builds the whole form for the model (on start, language or version change, and when a
   * row is added or removed).
   * @param {FormModel} m
   * @param {string} [focusKey] the control to focus afterwards
   */
  render(m, focusKey) {
    this.#targets.clear()
    this.#focusables.clear()
    this.#bodies.clear()
    const parts = [this.#programSection(m)]
    // No certification section for rules that count none (a calculator, a timeline), unless
    // the profile holds some: what was typed stays in sight.
    const { certifications, people } = m.state
    if (usesCertifications(m.version) || Object.keys(certifications).length > 0 || people.length > 0) parts.push(this.#certSection(m))
    m.layout.areas.forEach((group, i) => parts.push(this.#areaSection(m, group, i === 0)))
    if (m.layout.other.length) {
      parts.push(h('fieldset', { class: 'group' }, h('legend', { text: m.t('form.other') }),
        m.layout.other.map((id) => this.#factField(m, id))))
    }
    if (m.version.parameters?.length) parts.push(parameterSection(m, (ptr, label, field) => this.#register(ptr, label, field), (c) => this.#cellText(m, c)))
    // The plan is the scorecard's (gaps to a qualifying score); other models have none.
    if (!m.version.model || m.version.model === 'scorecard') parts.push(this.#planSection(m))
    this.#root.replaceChildren(...parts)
    if (focusKey) this.focus(focusKey)
  }

  /** Focuses a control by pointer or key ("picker:counts", "add-person", …). */
  focus(key) {
    const el = this.#focusables.get(key)
    const body = el?.closest('.area-body')
    if (body instanceof HTMLElement && body.hidden) this.#reveal(body, true)
    if (el) {
      el.focus()
      el.scrollIntoView?.({ block: 'nearest' })
    }
  }

  /**
   * Shows errors inline (and clears the others). Each error's path finds its field, or the
   * nearest enclosing one; each error is returned with the field it found, if any.
   * @template {{path: string, text: string}} E
   * @param {E[]} errors
   * @returns {(E & {target?: Target})[]}
   */
  setErrors(errors) {
    /** @type {Map<Target, string[]>} */
    const byTarget = new Map()
    const placed = errors.map((e) => {
      const target = this.target(e.path)
      if (target) {
        if (!byTarget.has(target)) byTarget.set(target, [])
        byTarget.get(target).push(e.text)
      }
      return { ...e, target }
    })
    for (const target of new Set(this.#targets.values())) target.setError((byTarget.get(target) || []).join(' '))
    // An error in a folded area opens it.
    for (const body of this.#bodies.keys()) {
      if (body.hidden && body.querySelector('ps-fact-field[error], [aria-invalid="true"]')) this.#reveal(body, true)
    }
    return placed
  }

  /**
   * The field of a JSON Pointer, or of its nearest parent that has one.
   * @param {string} path
   * @returns {Target|undefined}
   */
  target(path) {
    let p = path
    while (p) {
      const t = this.#targets.get(p)
      if (t) return t
      p = p.slice(0, p.lastIndexOf('/'))
    }
    return undefined
  }

  // --- sections ---

  #programSection(m) {
    const { t, state } = m
    const selId = uid('program')
    const current = state.programs[0] || ''
    const select = h('select', { id: selId, attrs: { name: '/programs/0' } },
      [...m.programs.entries()].map(([id, versions]) => h('option', {
        text: loc(versions[versions.length - 1].name, m.lang), props: { value: id, selected: id === current },
      })))
    select.addEventListener('change', () => this.#on.onEdit('/programs/0', select.value, { rebuild: true }))
    const programBox = this.#plainField(t('form.program'), select, '/programs/0', '/programs')

    const dateId = uid('asof')
    const date = h('input', { id: dateId, attrs: { type: 'date', name: '/asOf' }, props: { value: state.asOf } })
    date.addEventListener('input', () => this.#on.onEdit('/asOf', date.value))
    const dateBox = this.#plainField(t('form.asOf'), date, '/asOf', '', t('form.asOfHelp'))

    const v = m.version
    const info = !m.inForce
      ? t('form.noVersion')
      : t(v.effectiveTo ? 'form.versionTo' : 'form.version', {
        version: v.version, from: v.effectiveFrom, to: v.effectiveTo, verified: v.verifiedOn,
      })
    return h('fieldset', { class: 'group group-program' },
      h('legend', { text: t('form.programGroup') }),
      h('div', { class: 'row' }, programBox, dateBox),
      // Out of force, the date's error says when the program's rules apply: no second line.
      h('p', { class: `version-info${m.inForce ? '' : ' is-warning'}`, text: info, hidden: !m.inForce }))
  }

  #areaSection(m, group, first) {
    const { t } = m
    const area = m.version.areas.find((a) => a.id === group.id)
    const areaName = loc(area.name, m.lang)
    const nameOf = (id) => loc(m.version.areas.find((a) => a.id === id)?.name, m.lang) || id
    const kids = []

    const trackPtr = pointer('tracks', area.id)
    const sel = h('select', { id: uid('track'), attrs: { name: trackPtr } },
      h('option', { text: t('form.trackAuto'), props: { value: '' } }),
      (area.tracks || []).map((tr) => h('option', {
        text: loc(tr.name, m.lang), props: { value: tr.id, selected: m.state.tracks[area.id] === tr.id },
      })))
    sel.addEventListener('change', () => this.#on.onEdit(trackPtr, sel.value || undefined))
    kids.push(this.#plainField(t('form.track', { area: areaName }), sel, trackPtr, '', '', 'field-track'))

    const hasOwn = group.selection.length || group.tracks.some((tr) => tr.facts.length)
    if (!hasOwn && group.elsewhere.length) {
      kids.push(h('p', { class: 'note', text: t('form.sameAs', { area: group.elsewhere.map(nameOf).join(', ') }) }))
    } else {
      if (group.elsewhere.length) {
        kids.push(h('p', { class: 'note', text: t('form.alsoUses', { area: group.elsewhere.map(nameOf).join(', ') }) }))
      }
      if (group.selection.length) {
        kids.push(h('fieldset', { class: 'subgroup' }, h('legend', { text: t('form.selection') }),
          group.selection.map((id) => this.#factField(m, id))))
      }
      for (const tg of group.tracks) {
        if (!tg.facts.length) continue
        const track = area.tracks.find((x) => x.id === tg.id)
        kids.push(h('fieldset', { class: 'subgroup' }, h('legend', { text: loc(track?.name, m.lang) || tg.id }),
          tg.facts.map((id) => this.#factField(m, id))))
      }
    }
    // Areas fold so that the form stays short: open are the first area, those holding a value
    // or a track choice, and those the person opened.
    const bodyId = uid('area')
    const facts = [...group.selection, ...group.tracks.flatMap((tg) => tg.facts)]
    const open = this.#open.get(area.id) ?? (first || Boolean(m.state.tracks[area.id]) ||
      facts.some((id) => m.state.facts[id] !== undefined && m.state.facts[id] !== ''))
    const body = h('div', { class: 'area-body', id: bodyId, hidden: !open }, kids)
    const toggle = h('button', {
      class: 'disclosure', text: areaName,
      attrs: { type: 'button', 'aria-expanded': String(open), 'aria-controls': bodyId },
    })
    toggle.addEventListener('click', () => this.#reveal(body, body.hidden))
    this.#bodies.set(body, { toggle, area: area.id })
    return h('fieldset', { class: 'group group-area', data: { area: area.id } }, h('legend', {}, toggle), body)
  }

  /** Opens or folds an area's fields. */
  #reveal(body, open) {
    const b = this.#bodies.get(body)
    if (!b) return
    body.hidden = !open
    b.toggle.setAttribute('aria-expanded', String(open))
    this.#open.set(b.area, open)
  }

  #factField(m, id) {
    const fact = m.version.facts.find((f) => f.id === id)
    const ptr = pointer('facts', id)
    const field = document.createElement('ps-fact-field')
    field.setAttribute('name', ptr)
    field.setAttribute('label', loc(fact?.label, m.lang) || id)
    if (fact) {
      field.setAttribute('unit', unitText(m.t, fact.unit))
      field.setAttribute('help', loc(fact.help, m.lang))
      field.setAttribute('hint', this.#hint(m, fact))
      if (typeof fact.min === 'number') field.setAttribute('min', String(fact.min))
      if (typeof fact.max === 'number') field.setAttribute('max', String(fact.max))
      if (fact.integer) field.setAttribute('integer', '')
    }
    field.dataset.fact = id
    field.value = this.#cellText(m, m.state.facts[id])
    this.#register(ptr, field.getAttribute('label'), field)
    return field
  }

  #hint(m, fact) {
    const kind = fact.integer ? m.t('form.whole') : m.t('form.number')
    const num = (n) => formatNumber(n, m.lang, 6)
    if (typeof fact.min === 'number' && typeof fact.max === 'number') {
      return m.t('form.between', { kind, min: num(fact.min), max: num(fact.max) })
    }
    if (typeof fact.min === 'number') return m.t('form.atLeast', { kind, min: num(fact.min) })
    return kind
  }

  #cellText(m, v) {
    if (v === undefined || v === null) return ''
    return typeof v === 'number' ? editable(v, m.lang) : v
  }

  #certText(m, key) {
    const cert = m.catalog.resolve(key)
    return cert ? certLabel(cert, m.lang) : m.t('certs.unknown', { key })
  }

  #pickerSource(m) {
    const areaNames = new Map([...(m.version.areas || []), ...(m.version.levels?.competencies || [])].map((a) => [a.id, loc(a.name, m.lang)]))
    return (q) => m.catalog.search(q).map((cert) => {
      const where = m.certAreas.get(cert.id)
      let detail = where?.length
        ? m.t('certs.countsFor', { areas: where.map((a) => areaNames.get(a) || a).join(', ') })
        : m.t('certs.countsNowhere')
      if (cert.countsUntil) detail += ` · ${m.t('certs.retired', { date: cert.countsUntil })}`
      return { id: cert.id, text: certLabel(cert, m.lang), detail }
    })
  }

  #picker(m, label, key) {
    const p = document.createElement('ps-cert-picker')
    p.setAttribute('label', label)
    p.setAttribute('placeholder', m.t('certs.placeholder'))
    p.setAttribute('no-match', m.t('certs.noMatch', { q: '{q}' }))
    p.setAttribute('found', m.t('certs.found', { n: '{n}' }))
    p.setAttribute('found-one', m.t('certs.found1'))
    p.source = this.#pickerSource(m)
    p.dataset.key = key
    this.#focusables.set(key, p)
    return p
  }

  #certSection(m) {
    const { t, state } = m
    // Counts.
    const counts = this.#picker(m, t('certs.add'), 'picker:counts')
    counts.addEventListener('ps-cert-pick', (e) => {
      const id = /** @type {any} */ (e).id
      const existing = Object.keys(state.certifications).find((k) => m.catalog.resolve(k)?.id === id)
      const key = existing ?? id
      this.#on.onMutate((s) => {
        if (!(key in s.certifications)) s.certifications[key] = 1
      }, pointer('certifications', key))
    })
    const keys = Object.keys(state.certifications)
    const rows = keys.map((key) => {
      const ptr = pointer('certifications', key)
      const name = this.#certText(m, key)
      const f = document.createElement('ps-fact-field')
      f.setAttribute('name', ptr)
      f.setAttribute('label', t('certs.count', { cert: name }))
      f.setAttribute('unit', t('unit.people'))
      f.setAttribute('hint', t('form.atLeast', { kind: t('form.whole'), min: 0 }))
      f.setAttribute('min', '0')
      f.setAttribute('integer', '')
      f.setAttribute('remove-label', t('certs.remove', { cert: name }))
      f.dataset.cert = key
      f.value = this.#cellText(m, state.certifications[key])
      this.#register(ptr, f.getAttribute('label'), f)
      return h('li', { class: 'count-row' }, f)
    })
    const countBox = h('fieldset', { class: 'subgroup' },
      h('legend', { text: t('certs.counts') }),
      counts,
      rows.length ? h('ul', { class: 'rows' }, rows) : h('p', { class: 'note', text: t('certs.none') }))

    // Named people.
    const people = state.people.map((p, i) => this.#person(m, p, i))
    const add = h('button', { class: 'button', text: t('people.add'), attrs: { type: 'button' } })
    add.addEventListener('click', () => this.#on.onMutate((s) => {
      s.people.push({ id: '', certifications: [] })
    }, pointer('people', state.people.length, 'id')))
    this.#focusables.set('add-person', add)
    const peopleBox = h('fieldset', { class: 'subgroup' },
      h('legend', { text: t('people.title') }),
      people.length ? h('ol', { class: 'people' }, people) : null,
      add)

    return h('fieldset', { class: 'group group-certs', id: 'certs' },
      h('legend', { text: t('certs.title') }),
      h('p', { class: 'note', text: t('certs.help') }),
      countBox, peopleBox)
  }

  #person(m, p, i) {
    const { t } = m
    const n = i + 1
    const base = pointer('people', i)
    const nameId = uid('person')
    const name = h('input', { id: nameId, attrs: { type: 'text', name: `${base}/id`, autocomplete: 'off' }, props: { value: p.id } })
    name.addEventListener('input', () => this.#on.onEdit(`${base}/id`, name.value))
    const nameBox = this.#plainField(t('people.name', { n }), name, `${base}/id`)

    const errId = uid('person-err')
    const err = h('p', { class: 'field-error', id: errId, hidden: true })
    // Errors on the person and on each of its chips show together under the person.
    /** @type {Map<string, string>} */
    const texts = new Map()
    const show = (key, text) => {
      texts.set(key, text)
      const all = [...texts.values()].filter(Boolean).join(' ')
      err.textContent = all
      err.hidden = !all
    }
    this.#targets.set(base, { label: t('people.person', { n }), id: nameId, setError: (text) => show('person', text) })
    const chips = p.certifications.map((key, j) => {
      const label = this.#certText(m, key)
      const rm = h('button', {
        class: 'chip-remove', text: '×',
        attrs: { type: 'button', 'aria-label': t('people.removeCert', { cert: label, n }), title: t('people.removeCert', { cert: label, n }) },
      })
      rm.addEventListener('click', () => this.#on.onMutate((s) => {
        s.people[i]?.certifications.splice(j, 1)
      }, `picker:person:${i}`))
      const chip = h('li', { class: 'chip', data: { cert: key } }, h('span', { class: 'chip-text', text: label }), rm)
      const ptr = `${base}/certifications/${j}`
      this.#targets.set(ptr, {
        label: `${t('people.person', { n })}: ${label}`,
        id: nameId,
        setError: (text) => {
          chip.classList.toggle('is-invalid', Boolean(text))
          if (text) rm.setAttribute('aria-describedby', errId)
          else rm.removeAttribute('aria-describedby')
          show(`chip${j}`, text)
        },
      })
      return chip
    })
    const picker = this.#picker(m, t('people.addCert', { n }), `picker:person:${i}`)
    picker.addEventListener('ps-cert-pick', (e) => {
      const id = /** @type {any} */ (e).id
      this.#on.onMutate((s) => {
        const list = s.people[i]?.certifications
        if (list && !list.some((k) => m.catalog.resolve(k)?.id === id)) list.push(id)
      }, `picker:person:${i}`)
    })
    const remove = h('button', { class: 'button button-quiet', text: t('people.remove', { n }), attrs: { type: 'button' } })
    remove.addEventListener('click', () => this.#on.onMutate((s) => {
      s.people.splice(i, 1)
    }, 'add-person'))

    const legend = p.id.trim() ? `${t('people.person', { n })} · ${p.id.trim()}` : t('people.person', { n })
    return h('li', { class: 'person' },
      h('fieldset', { class: 'person-box' },
        h('legend', { text: legend }),
        nameBox,
        h('ul', { class: 'chips', attrs: { 'aria-label': t('people.holds', { n }) } },
          chips.length ? chips : h('li', { class: 'chip-empty', text: t('people.noCerts') })),
        err,
        picker,
        remove))
  }

  #planSection(m) {
    const { t, state } = m
    const on = Boolean(state.plan && !state.plan.off)
    const boxId = uid('plan')
    const box = h('input', { id: boxId, attrs: { type: 'checkbox', name: '/plan' }, props: { checked: on } })
    box.addEventListener('change', () => this.#on.onMutate((s) => {
      if (box.checked) s.plan = { costs: s.plan?.costs || {} }
      else if (s.plan) s.plan.off = true
    }, 'plan'))
    this.#focusables.set('plan', box)
    const kids = [
      h('legend', { text: t('plan.title') }),
      h('div', { class: 'check' }, box, h('label', { attrs: { for: boxId }, text: t('plan.on') })),
    ]
    this.#targets.set('/plan', { label: t('plan.title'), id: boxId, setError: () => {} })
    if (on) {
      kids.push(h('p', { class: 'note', text: t('plan.costs') }))
      const costs = state.plan.costs
      const factSel = h('select', { id: uid('costfact') },
        h('option', { text: t('plan.addFactNone'), props: { value: '' } }),
        m.version.areas.map((a) => {
          const ids = new Set()
          for (const tr of a.tracks || []) {
            for (const mt of tr.metrics || []) for (const p of mt.rule?.parts || []) if (p.fact) ids.add(p.fact)
          }
          return h('optgroup', { attrs: { label: loc(a.name, m.lang) } },
            [...ids].map((id) => h('option', {
              text: loc(m.version.facts.find((f) => f.id === id)?.label, m.lang) || id, props: { value: id },
            })))
        }))
      const addFact = h('button', { class: 'button', text: t('plan.add'), attrs: { type: 'button' } })
      addFact.addEventListener('click', () => {
        const id = factSel.value
        if (!id) {
          factSel.focus()
          return
        }
        this.#on.onMutate((s) => {
          s.plan ??= { costs: {} }
          if (!(id in s.plan.costs)) s.plan.costs[id] = 1
        }, pointer('plan', 'costs', id))
      })
      kids.push(h('div', { class: 'row row-end' }, this.#plainField(t('plan.addFact'), factSel, ''), addFact))
      const picker = this.#picker(m, t('plan.addCert'), 'picker:costs')
      picker.addEventListener('ps-cert-pick', (e) => {
        const id = /** @type {any} */ (e).id
        const existing = Object.keys(costs).find((k) => m.catalog.resolve(k)?.id === id)
        const key = existing ?? id
        this.#on.onMutate((s) => {
          s.plan ??= { costs: {} }
          if (!(key in s.plan.costs)) s.plan.costs[key] = 1
        }, pointer('plan', 'costs', key))
      })
      kids.push(picker)
      const rows = Object.keys(costs).map((key) => {
        const ptr = pointer('plan', 'costs', key)
        const fact = m.version.facts.find((f) => f.id === key)
        const label = fact
          ? t('plan.costFact', { label: loc(fact.label, m.lang) })
          : t('plan.costCert', { cert: this.#certText(m, key) })
        const f = document.createElement('ps-fact-field')
        f.setAttribute('name', ptr)
        f.setAttribute('label', label)
        f.setAttribute('min', '0')
        f.setAttribute('remove-label', `${t('plan.remove')}: ${label}`)
        f.value = this.#cellText(m, costs[key])
        this.#register(ptr, label, f)
        return h('li', { class: 'count-row' }, f)
      })
      if (rows.length) kids.push(h('ul', { class: 'rows' }, rows))
    }
    return h('fieldset', { class: 'group group-plan' }, kids)
  }

  // --- helpers ---

  /**
   * A label, a control, its inline error and optional help, wired with aria-describedby.
   * @param {string} label
   * @param {HTMLElement} control
   * @param {string} ptr the pointer errors name ('' for none)
   * @param {string} [alias] another pointer whose errors land here
   * @param {string} [help]
   * @param {string} [cls]
   */
  #plainField(label, control, ptr, alias = '', help = '', cls = '') {
    const id = control.id || uid('ctl')
    control.id = id
    const err = h('p', { class: 'field-error', id: `${id}-error`, hidden: true })
    const helpEl = help ? h('p', { class: 'field-help', id: `${id}-help`, text: help }) : null
    const describe = () => {
      const ids = [err.hidden ? '' : err.id, helpEl ? helpEl.id : ''].filter(Boolean)
      if (ids.length) control.setAttribute('aria-describedby', ids.join(' '))
      else control.removeAttribute('aria-describedby')
    }
    describe()
    const target = {
      label,
      id,
      setError: (text) => {
        err.textContent = text
        err.hidden = !text
        if (text) control.setAttribute('aria-invalid', 'true')
        else control.removeAttribute('aria-invalid')
        describe()
      },
    }
    if (ptr) {
      this.#targets.set(ptr, target)
      this.#focusables.set(ptr, control)
    }
    if (alias) this.#targets.set(alias, target)
    return h('div', { class: `field ${cls}`.trim() },
      h('label', { class: 'field-label', attrs: { for: id }, text: label }),
      control, err, helpEl)
  }

  /** @param {string} ptr @param {string} label @param {HTMLElement} field */
  #register(ptr, label, field) {
    this.#targets.set(ptr, {
      label,
      get id() {
        return /** @type {any} */ (field).input?.id || ''
      },
      setError: (text) => {
        /** @type {any} */ (field).error = text
      },
    })
    this.#focusables.set(ptr, field)
  }
}
