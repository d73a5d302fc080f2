// <ps-metric-bar value="12.5" max="20" mark="14" label="…">: a horizontal bar in SVG, with an
// optional threshold line (the qualifying score on an area's bar). The label is the bar's
// accessible name (role=img). Registration is in define.js.

const HTMLElement = globalThis.HTMLElement || null

/** @param {string|null} s @param {number} fallback */
function num(s, fallback) {
  const n = s === null ? Number.NaN : Number(s)
  return Number.isFinite(n) ? n : fallback
}

/**
 * An SVG element with its attributes.
 * @param {string} tag
 * @param {Record<string, string>} attrs
 */
function svg(tag, attrs) {
  const e = document.createElementNS('http://www.w3.org/2000/svg', tag)
  for (const k in attrs) e.setAttribute(k, attrs[k])
  return e
}

export class MetricBarElement extends HTMLElement {
  static observedAttributes = ['value', 'max', 'mark', 'label']

  /** @param {string} [tag] @param {CustomElementRegistry} [registry] */
  static define(tag = 'ps-metric-bar', registry = customElements) {
    registry.define(tag, this)
    return this
  }

  /** @type {SVGSVGElement|null} */
  #svg = null
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
    if (!this.#svg) {
      this.#svg = svg('svg', { viewBox: '0 0 100 10', preserveAspectRatio: 'none', role: 'img', class: 'bar' })
      this.#svg.append(
        svg('title', {}),
        svg('rect', { class: 'bar-track', x: '0', y: '0', width: '100', height: '10' }),
        svg('rect', { class: 'bar-fill', x: '0', y: '0', height: '10' }),
        svg('line', { class: 'bar-mark', y1: '-1', y2: '11', 'vector-effect': 'non-scaling-stroke' }),
      )
      this.replaceChildren(this.#svg)
    }
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

  #update() {
    const s = this.#svg
    if (!s) return
    const [title, , fill, line] = s.children
    const { value, max, mark, label } = this
    const pct = (v) => Math.max(0, Math.min(100, (v / max) * 100)).toFixed(3)
    fill.setAttribute('width', pct(value))
    const c = fill.classList
    c.toggle('is-full', value >= max)
    c.toggle('is-zero', value <= 0)
    // No mark: the line hidden, neither over nor under.
    const has = mark !== null
    if (has) {
      line.setAttribute('x1', pct(mark))
      line.setAttribute('x2', pct(mark))
      line.removeAttribute('visibility')
    } else line.setAttribute('visibility', 'hidden')
    c.toggle('is-over', has && value >= mark)
    c.toggle('is-under', has && value < mark)
    if (title.textContent !== label) title.textContent = label
    s.setAttribute('aria-label', label)
  }
}
