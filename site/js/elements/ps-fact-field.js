// <ps-fact-field name="/facts/azure.deployments" label="…" unit="services" help="…"
//   hint="Whole number from 0 to 10,000" min="0" max="10000" integer error="…" remove-label="…">
// A labelled number field that keeps the raw text typed (so an invalid value is never lost),
// with its unit, help, bounds hint and inline error wired to the input by aria-describedby.
// `name` is the JSON Pointer of the value in the profile; errors of the engine name the same
// pointer. Fires `ps-field-input` (detail {name, value}) on every edit and `ps-field-remove`
// when its remove button is pressed. Registration is in define.js.

const HTMLElement = globalThis.HTMLElement || null

let seq = 0

export class FieldInputEvent extends Event {
  /** @param {string} type @param {string} name @param {string} value */
  constructor(type, name, value) {
    super(type, { bubbles: true, composed: true })
    this.name = name
    this.value = value
  }
}

export class FactFieldElement extends HTMLElement {
  static observedAttributes = ['name', 'label', 'unit', 'help', 'hint', 'min', 'max', 'integer', 'error', 'remove-label']

  /** @param {string} [tag] @param {CustomElementRegistry} [registry] */
  static define(tag = 'ps-fact-field', registry = customElements) {
    registry.define(tag, this)
    return this
  }

  #input = null
  #label = null
  #unit = null
  #help = null
  #hint = null
  #error = null
  #remove = null
  #value = ''
  #queued = false

  /** The JSON Pointer of the value. */
  get name() {
    return this.getAttribute('name') || ''
  }

  set name(v) {
    this.setAttribute('name', v)
  }

  /** The visible label. */
  get label() {
    return this.getAttribute('label') || ''
  }

  set label(v) {
    this.setAttribute('label', v)
  }

  /** The lower bound, or null. */
  get min() {
    const n = Number(this.getAttribute('min') ?? Number.NaN)
    return this.hasAttribute('min') && Number.isFinite(n) ? n : null
  }

  set min(v) {
    if (v === null) this.removeAttribute('min')
    else this.setAttribute('min', String(v))
  }

  /** The upper bound, or null. */
  get max() {
    const n = Number(this.getAttribute('max') ?? Number.NaN)
    return this.hasAttribute('max') && Number.isFinite(n) ? n : null
  }

  set max(v) {
    if (v === null) this.removeAttribute('max')
    else this.setAttribute('max', String(v))
  }

  /** Whether only whole numbers are accepted. */
  get integer() {
    return this.hasAttribute('integer')
  }

  set integer(v) {
    this.toggleAttribute('integer', Boolean(v))
  }

  /** The inline error; "" for none. */
  get error() {
    return this.getAttribute('error') || ''
  }

  set error(v) {
    if (v) this.setAttribute('error', v)
    else this.removeAttribute('error')
  }

  /** The raw text of the field. */
  get value() {
    return this.#input ? this.#input.value : this.#value
  }

  set value(v) {
    this.#value = v == null ? '' : String(v)
    if (this.#input && this.#input.value !== this.#value) this.#input.value = this.#value
  }

  /** The text input, e.g. to focus it. */
  get input() {
    if (!this.#input) this.#build()
    return this.#input
  }

  focus(options) {
    this.input.focus(options)
  }

  connectedCallback() {
    if (!this.#input) this.#build()
    this.#update()
  }

  attributeChangedCallback(_name, oldValue, newValue) {
    if (oldValue === newValue || !this.#input || this.#queued) return
    this.#queued = true
    queueMicrotask(() => {
      this.#queued = false
      this.#update()
    })
  }

  #build() {
    const id = `ps-field-${++seq}`
    const label = document.createElement('label')
    label.htmlFor = id
    label.className = 'field-label'
    const row = document.createElement('div')
    row.className = 'field-row'
    const input = document.createElement('input')
    input.id = id
    input.type = 'text'
    input.autocomplete = 'off'
    input.spellcheck = false
    input.value = this.#value
    input.addEventListener('input', () => {
      this.#value = input.value
      this.dispatchEvent(new FieldInputEvent('ps-field-input', this.name, input.value))
    })
    const unit = document.createElement('span')
    unit.className = 'field-unit'
    unit.id = `${id}-unit`
    const hint = document.createElement('p')
    hint.className = 'field-hint'
    hint.id = `${id}-hint`
    const help = document.createElement('p')
    help.className = 'field-help'
    help.id = `${id}-help`
    const error = document.createElement('p')
    error.className = 'field-error'
    error.id = `${id}-error`
    error.hidden = true
    row.append(input, unit)
    this.#input = input
    this.#label = label
    this.#unit = unit
    this.#hint = hint
    this.#help = help
    this.#error = error
    this.classList.add('field')
    this.replaceChildren(label, row, error, hint, help)
  }

  #ensureRemove(text) {
    if (!text) {
      this.#remove?.remove()
      this.#remove = null
      return
    }
    if (!this.#remove) {
      const b = document.createElement('button')
      b.type = 'button'
      b.className = 'remove'
      b.addEventListener('click', () => {
        this.dispatchEvent(new FieldInputEvent('ps-field-remove', this.name, this.value))
      })
      this.#remove = b
      this.#input.parentElement.append(b)
    }
    setText(this.#remove, '×')
    this.#remove.setAttribute('aria-label', text)
    this.#remove.title = text
  }

  #update() {
    const input = this.#input
    setText(this.#label, this.label)
    setText(this.#unit, this.getAttribute('unit') || '')
    this.#unit.hidden = !this.getAttribute('unit')
    setText(this.#hint, this.getAttribute('hint') || '')
    this.#hint.hidden = !this.getAttribute('hint')
    setText(this.#help, this.getAttribute('help') || '')
    this.#help.hidden = !this.getAttribute('help')
    const min = this.min
    input.inputMode = min !== null && min >= 0 ? (this.integer ? 'numeric' : 'decimal') : 'text'
    input.name = this.name
    const err = this.error
    setText(this.#error, err)
    this.#error.hidden = !err
    if (err) input.setAttribute('aria-invalid', 'true')
    else input.removeAttribute('aria-invalid')
    const described = [this.#unit, this.#error, this.#hint, this.#help].filter((el) => !el.hidden).map((el) => el.id)
    if (described.length) input.setAttribute('aria-describedby', described.join(' '))
    else input.removeAttribute('aria-describedby')
    this.#ensureRemove(this.getAttribute('remove-label') || '')
  }
}

/** Writes text only when it changed (saves layout work on every keystroke). */
function setText(el, text) {
  if (el.textContent !== text) el.textContent = text
}
