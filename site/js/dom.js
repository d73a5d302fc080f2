// A small element builder that only ever writes text: children that are not nodes become
// text nodes, and there is no way to pass markup.

/**
 * @typedef {{
 *   class?: string, text?: string, id?: string, hidden?: boolean,
 *   attrs?: Record<string, string|number|boolean|null|undefined>,
 *   data?: Record<string, string>,
 *   on?: Record<string, EventListener>,
 *   props?: Record<string, unknown>,
 * }} Props
 * @typedef {Node|string|number|null|undefined|false} Child
 */

/**
 * Creates an element.
 * @param {string} tag
 * @param {Props} [p]
 * @param {...(Child|Child[])} children
 * @returns {HTMLElement}
 */
export function h(tag, p = {}, ...children) {
  const e = document.createElement(tag)
  if (p.class) e.className = p.class
  if (p.id) e.id = p.id
  if (p.hidden) e.hidden = true
  if (p.text !== undefined) e.textContent = p.text
  for (const [k, v] of Object.entries(p.attrs || {})) {
    if (v === null || v === undefined || v === false) continue
    e.setAttribute(k, v === true ? '' : String(v))
  }
  for (const [k, v] of Object.entries(p.data || {})) e.dataset[k] = v
  for (const [k, v] of Object.entries(p.props || {})) e[k] = v
  for (const [k, v] of Object.entries(p.on || {})) e.addEventListener(k, v)
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue
    e.append(c instanceof Node ? c : String(c))
  }
  return e
}

const SVG = 'http://www.w3.org/2000/svg'

/**
 * Creates an SVG element with attributes; children that are not nodes become text nodes.
 * @param {string} tag
 * @param {Record<string, string|number>} [attrs]
 * @param {...(Node|string)} children
 * @returns {SVGElement}
 */
export function svg(tag, attrs = {}, ...children) {
  const e = /** @type {SVGElement} */ (document.createElementNS(SVG, tag))
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v))
  for (const c of children) e.append(c)
  return e
}

/**
 * Sets an element's text only when it changed.
 * @param {Element} e
 * @param {string} text
 */
export function setText(e, text) {
  if (e.textContent !== text) e.textContent = text
}

let seq = 0

/** A fresh element id with a prefix. */
export function uid(prefix = 'ps') {
  return `${prefix}-${++seq}`
}
