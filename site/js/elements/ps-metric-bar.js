// <ps-metric-bar value="12.5" max="20" mark="14" label="…">: a horizontal bar in SVG, with an
// optional threshold line (the qualifying score on an area's bar). The label is the bar's
// accessible name (role=img). Registration is in define.js.
//
// drawBar(element) draws the same into any element with those attributes, the element defined
// or not: the scorecard draws its bars with it, so that the embeddable widget, which defines
// no element of its own inside its shadow root, needs no registration.

const HTMLElement = globalThis.HTMLElement || null

/** @param {string|null} s @param {number} fallback */
function num(s, fallback) {
  const n = s === null ? Number.NaN : Number(s)
  return Number.isFinite(n) ? n : fallback
}

/** @param {Element} e */
const value = (e) => num(e.getAttribute('value'), 0)

/** @param {Element} e */
const maximum = (e) => {
  const m = num(e.getAttribute('max'), 100)
  return m > 0 ? m : 100
}

/** @param {Element} e */
const mark = (e) => {
  const m = num(e.getAttribute('mark'), Number.NaN)
  return Number.isFinite(m) ? m : null
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

/**
 * Draws the bar its attributes (value, max, mark, label) describe into an element: its SVG,
 * made on the first call, updated on the next ones.
 * @param {Element} host
 */
export function drawBar(host) {
  let s = /** @type {Element} */ (host.firstElementChild)
  if (s?.getAttribute('class') !== 'bar') {
    s = svg('svg', { viewBox: '0 0 100 10', preserveAspectRatio: 'none', role: 'img', class: 'bar' })
    s.append(
      svg('title', {}),
      svg('rect', { class: 'bar-track', x: '0', y: '0', width: '100', height: '10' }),
      svg('rect', { class: 'bar-fill', x: '0', y: '0', height: '10' }),
      svg('line', { class: 'bar-mark', y1: '-1', y2: '11', 'vector-effect': 'non-scaling-stroke' }),
    )
    host.replaceChildren(s)
  }
  const [title, , fill, line] = s.children
  const v = value(host)
  const max = maximum(host)
  const m = mark(host)
  const label = host.getAttribute('label') || ''
  const pct = (x) => Math.max(0, Math.min(100, (x / max) * 100)).toFixed(3)
  fill.setAttribute('width', pct(v))
  const c = fill.classList
  c.toggle('is-full', v >= max)
  c.toggle('is-zero', v <= 0)
  // No mark: the line hidden, neither over nor under.
  const has = m !== null
  if (has) {
    line.setAttribute('x1', pct(m))
    line.setAttribute('x2', pct(m))
    line.removeAttribute('visibility')
  } else line.setAttribute('visibility', 'hidden')
  c.toggle('is-over', has && v >= m)
  c.toggle('is-under', has && v < m)
  if (title.textContent !== label) title.textContent = label
  s.setAttribute('aria-label', label)
}

export class MetricBarElement extends HTMLElement {
  static observedAttributes = ['value', 'max', 'mark', 'label']

  /** @param {string} [tag] @param {CustomElementRegistry} [registry] */
  static define(tag = 'ps-metric-bar', registry = customElements) {
    registry.define(tag, this)
    return this
  }

  #queued = false

  /** The measure shown; a number, 0 when missing. */
  get value() {
    return value(this)
  }

  set value(v) {
    this.setAttribute('value', String(v))
  }

  /** The bar's full length; a positive number, 100 when missing or not positive. */
  get max() {
    return maximum(this)
  }

  set max(v) {
    this.setAttribute('max', String(v))
  }

  /** Where the threshold line stands, or null for none. */
  get mark() {
    return mark(this)
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
    drawBar(this)
  }

  attributeChangedCallback(_name, oldValue, newValue) {
    if (oldValue === newValue || !this.isConnected || this.#queued) return
    this.#queued = true
    queueMicrotask(() => {
      this.#queued = false
      drawBar(this)
    })
  }
}
