// <ps-metric-bar value="12.5" max="20" mark="14" label="…">: a horizontal bar in SVG, with an
// optional threshold line (the qualifying score on an area's bar). The label is the bar's
// accessible name (role=img). Registration is in define.js.

const HTMLElement = globalThis.HTMLElement || null
const SVG = 'http://www.w3.org/2000/svg'

/** @param {string|null} s @param {number} fallback */
function num(s, fallback) {
  const n = s === null ? Number.NaN : Number(s)
  return Number.isFinite(n) ? n : fallback
}

export class MetricBarElement extends HTMLElement {
  static observedAttributes = ['value', 'max', 'mark', 'label']

  /** @param {string} [tag] @param {CustomElementRegistry} [registry] */
  static define(tag = 'ps-metric-bar', registry = customElements) {
    registry.define(tag, this)
    return this
  }

  #svg = null
  #fill = null
  #mark = null
  #title = null
  #queued = false

  /** The measure shown; a number, 0 when missing. */
  get value() {
    return num(this.getAttribute('value'), 0)
  }

  set value(v) {
    this.setAttribute('value', String(v))
  }

  /** The bar's full length; a positive number, 100 when missing or not positive. */
  get max() {
    const m = num(this.getAttribute('max'), 100)
    return m > 0 ? m : 100
  }

  set max(v) {
    this.setAttribute('max', String(v))
  }

  /** Where the threshold line stands, or null for none. */
  get mark() {
    const m = num(this.getAttribute('mark'), Number.NaN)
    return Number.isFinite(m) ? m : null
  }

  set mark(v) {
    if (v === null || v === undefined) this.removeAttribute('mark')
    else this.setAttribute('mark', String(v))
  }

  /** The accessible name. */
  get label() {
    return this.getAttribute('label') || ''
  }

  set label(v) {
    this.setAttribute('label', v)
  }

  connectedCallback() {
    if (!this.#svg) this.#build()
    this.#update()
  }

  attributeChangedCallback(_name, oldValue, newValue) {
    if (oldValue === newValue || !this.#svg || this.#queued) return
    this.#queued = true
    queueMicrotask(() => {
      this.#queued = false
      this.#update()
    })
  }

  #build() {
    const svg = document.createElementNS(SVG, 'svg')
    svg.setAttribute('viewBox', '0 0 100 10')
    svg.setAttribute('preserveAspectRatio', 'none')
    svg.setAttribute('role', 'img')
    svg.setAttribute('class', 'bar')
    const title = document.createElementNS(SVG, 'title')
    const track = document.createElementNS(SVG, 'rect')
    track.setAttribute('class', 'bar-track')
    track.setAttribute('x', '0')
    track.setAttribute('y', '0')
    track.setAttribute('width', '100')
    track.setAttribute('height', '10')
    const fill = document.createElementNS(SVG, 'rect')
    fill.setAttribute('class', 'bar-fill')
    fill.setAttribute('x', '0')
    fill.setAttribute('y', '0')
    fill.setAttribute('height', '10')
    const mark = document.createElementNS(SVG, 'line')
    mark.setAttribute('class', 'bar-mark')
    mark.setAttribute('y1', '-1')
    mark.setAttribute('y2', '11')
    mark.setAttribute('vector-effect', 'non-scaling-stroke')
    svg.append(title, track, fill, mark)
    this.#svg = svg
    this.#fill = fill
    this.#mark = mark
    this.#title = title
    this.replaceChildren(svg)
  }

  #update() {
    if (!this.#svg) return
    const max = this.max
    const pct = (v) => Math.max(0, Math.min(100, (v / max) * 100))
    const w = pct(this.value)
    this.#fill.setAttribute('width', w.toFixed(3))
    const full = this.value >= max
    this.#fill.classList.toggle('is-full', full)
    this.#fill.classList.toggle('is-zero', this.value <= 0)
    const mark = this.mark
    if (mark === null) {
      this.#mark.setAttribute('visibility', 'hidden')
      this.#fill.classList.remove('is-over', 'is-under')
    } else {
      const x = pct(mark).toFixed(3)
      this.#mark.setAttribute('x1', x)
      this.#mark.setAttribute('x2', x)
      this.#mark.removeAttribute('visibility')
      this.#fill.classList.toggle('is-over', this.value >= mark)
      this.#fill.classList.toggle('is-under', this.value < mark)
    }
    const label = this.label
    if (this.#title.textContent !== label) this.#title.textContent = label
    this.#svg.setAttribute('aria-label', label)
  }
}
