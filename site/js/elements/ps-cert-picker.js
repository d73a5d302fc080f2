// <ps-cert-picker label="Add a certification" placeholder="AZ-104" no-match="No match for “{q}”."
//   found="{n} found." found-one="1 found.">
// A combobox (ARIA 1.2, list autocomplete) that finds a certification by exam code or name.
// The options come from the `source` property: a function (query) → [{id, text, detail}].
// Arrow keys move through the list, Enter or a click picks, Escape closes then clears.
// Picking fires `ps-cert-pick` (detail {id}) and empties the box. Registration is in define.js.

const HTMLElement = globalThis.HTMLElement || null

let seq = 0

export class CertPickEvent extends Event {
  /** @param {string} id */
  constructor(id) {
    super('ps-cert-pick', { bubbles: true, composed: true })
    this.id = id
  }
}

/**
 * @typedef {{id: string, text: string, detail?: string}} PickerOption
 */

export class CertPickerElement extends HTMLElement {
  static observedAttributes = ['label', 'placeholder', 'no-match', 'found', 'found-one']

  /** @param {string} [tag] @param {CustomElementRegistry} [registry] */
  static define(tag = 'ps-cert-picker', registry = customElements) {
    registry.define(tag, this)
    return this
  }

  /** @type {(q: string) => PickerOption[]} */
  #source = () => []
  #input = null
  #label = null
  #list = null
  #status = null
  #id = ''
  /** @type {PickerOption[]} */
  #options = []
  #active = -1
  #queued = false

  /** The function that lists the options for a query. */
  get source() {
    return this.#source
  }

  set source(fn) {
    this.#source = typeof fn === 'function' ? fn : () => []
    if (this.#list && !this.#list.hidden) this.#refresh()
  }

  /** The visible label of the box. */
  get label() {
    return this.getAttribute('label') || ''
  }

  set label(v) {
    this.setAttribute('label', v)
  }

  /** Whether the list is open. */
  get open() {
    return Boolean(this.#list && !this.#list.hidden)
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

  disconnectedCallback() {
    this.#close()
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
    this.#id = `ps-picker-${++seq}`
    const label = document.createElement('label')
    label.htmlFor = `${this.#id}-input`
    label.className = 'field-label'
    const wrap = document.createElement('div')
    wrap.className = 'picker-box'
    const input = document.createElement('input')
    input.id = `${this.#id}-input`
    input.type = 'text'
    input.autocomplete = 'off'
    input.spellcheck = false
    input.setAttribute('role', 'combobox')
    input.setAttribute('aria-autocomplete', 'list')
    input.setAttribute('aria-expanded', 'false')
    input.setAttribute('aria-controls', `${this.#id}-list`)
    const list = document.createElement('ul')
    list.id = `${this.#id}-list`
    list.className = 'picker-list'
    list.setAttribute('role', 'listbox')
    label.id = `${this.#id}-label`
    list.setAttribute('aria-labelledby', label.id)
    list.hidden = true
    const status = document.createElement('p')
    status.className = 'visually-hidden'
    status.setAttribute('role', 'status')
    input.addEventListener('input', () => this.#refresh())
    input.addEventListener('keydown', (e) => this.#onKey(e))
    input.addEventListener('blur', () => {
      // Let a click on an option land first (it is handled on pointerdown).
      setTimeout(() => {
        if (document.activeElement !== input) this.#close()
      }, 0)
    })
    input.addEventListener('click', () => {
      if (!this.open) this.#refresh()
    })
    list.addEventListener('pointerdown', (e) => {
      e.preventDefault()
      const li = /** @type {Element} */ (e.target).closest('[role="option"]')
      if (li) this.#pick(Number(li.getAttribute('data-index')))
    })
    wrap.append(input, list)
    this.#input = input
    this.#label = label
    this.#list = list
    this.#status = status
    this.classList.add('picker')
    this.replaceChildren(label, wrap, status)
  }

  #update() {
    if (this.#label.textContent !== this.label) this.#label.textContent = this.label
    const ph = this.getAttribute('placeholder') || ''
    if (ph) this.#input.placeholder = ph
    else this.#input.removeAttribute('placeholder')
  }

  #refresh() {
    const q = this.#input.value
    this.#options = this.#source(q) || []
    this.#active = this.#options.length && q.trim() !== '' ? 0 : -1
    this.#render()
    const n = this.#options.length
    const msg = n === 0
      ? (this.getAttribute('no-match') || '').replace('{q}', q.trim())
      : n === 1 ? this.getAttribute('found-one') || '' : (this.getAttribute('found') || '').replace('{n}', String(n))
    if (this.#status.textContent !== msg) this.#status.textContent = msg
  }

  #render() {
    const items = this.#options.map((o, i) => {
      const li = document.createElement('li')
      li.id = `${this.#id}-opt-${i}`
      li.setAttribute('role', 'option')
      li.setAttribute('data-index', String(i))
      li.setAttribute('data-id', o.id)
      li.setAttribute('aria-selected', String(i === this.#active))
      const main = document.createElement('span')
      main.className = 'option-text'
      main.textContent = o.text
      li.append(main)
      if (o.detail) {
        const d = document.createElement('span')
        d.className = 'option-detail'
        d.textContent = o.detail
        li.append(d)
      }
      return li
    })
    if (items.length === 0) {
      const li = document.createElement('li')
      li.className = 'option-empty'
      li.setAttribute('role', 'presentation')
      li.textContent = (this.getAttribute('no-match') || '').replace('{q}', this.#input.value.trim())
      items.push(li)
    }
    this.#list.replaceChildren(...items)
    this.#list.hidden = false
    // The whole list in sight where it fits: below the window's edge, or under a bar fixed
    // there (the phone's results bar, which the page's scroll-padding leaves room for), it
    // would open out of view.
    this.#list.scrollIntoView?.({ block: 'nearest' })
    this.#input.setAttribute('aria-expanded', 'true')
    this.#highlight()
  }

  #highlight() {
    for (const li of this.#list.querySelectorAll('[role="option"]')) {
      const on = Number(li.getAttribute('data-index')) === this.#active
      li.setAttribute('aria-selected', String(on))
      li.classList.toggle('is-active', on)
      if (on) li.scrollIntoView?.({ block: 'nearest' })
    }
    if (this.#active >= 0) this.#input.setAttribute('aria-activedescendant', `${this.#id}-opt-${this.#active}`)
    else this.#input.removeAttribute('aria-activedescendant')
  }

  #close() {
    if (!this.#list) return
    this.#list.hidden = true
    this.#input.setAttribute('aria-expanded', 'false')
    this.#input.removeAttribute('aria-activedescendant')
    this.#active = -1
  }

  #move(delta) {
    if (!this.open) {
      this.#refresh()
      if (this.#active < 0 && this.#options.length) this.#active = delta > 0 ? 0 : this.#options.length - 1
      this.#highlight()
      return
    }
    const n = this.#options.length
    if (n === 0) return
    if (this.#active < 0) this.#active = delta > 0 ? 0 : n - 1
    else if (Math.abs(delta) > 1) this.#active = Math.max(0, Math.min(n - 1, this.#active + delta))
    else this.#active = (this.#active + delta + n) % n
    this.#highlight()
  }

  /** @param {KeyboardEvent} e */
  #onKey(e) {
    if (e.altKey && e.key === 'ArrowDown') {
      e.preventDefault()
      if (!this.open) this.#refresh()
      return
    }
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault()
        this.#move(1)
        break
      case 'ArrowUp':
        e.preventDefault()
        this.#move(-1)
        break
      case 'PageDown':
      case 'PageUp':
        if (this.open) {
          e.preventDefault()
          this.#move(e.key === 'PageDown' ? 10 : -10)
        }
        break
      case 'Enter':
        if (this.open && this.#active >= 0) {
          e.preventDefault()
          this.#pick(this.#active)
        }
        break
      case 'Escape':
        if (this.open) {
          e.preventDefault()
          this.#close()
        } else if (this.#input.value) {
          e.preventDefault()
          this.#input.value = ''
        }
        break
      case 'Tab':
        this.#close()
        break
    }
  }

  #pick(i) {
    const o = this.#options[i]
    if (!o) return
    this.#input.value = ''
    this.#close()
    this.#status.textContent = ''
    this.dispatchEvent(new CertPickEvent(o.id))
  }
}
