// What the printed report says was entered: the profile the engine evaluated, named as the form
// names it (the data's labels and units, the certifications' exam codes), in the form's order,
// so that a report on paper says what its results come from. DOM-free.

import { loc } from './program.js'

/**
 * @typedef {{title: string, items: string[]}} InputGroup
 * @typedef {{
 *   lang: string,
 *   t: (key: string, params?: Record<string, unknown>) => string,
 *   num: (n: number, digits?: number) => string,
 *   unit: (unit: string, n?: number) => string,
 *   facts: Map<string, any>,
 *   version: any,
 *   certCode: (id: string) => string,
 * }} InputsContext facts: the declarations of the facts the form shows, in its order
 */

/**
 * The printed profile is a part of a one-page report, and a profile may name hundreds of
 * people or certifications: each of those two groups lists its items up to about `chars`
 * characters (four lines of the report; always one item at least), then says how many more
 * there are ("and 48 more"; the report's link opens the whole profile), and an item longer
 * than `item` characters (a long name, a person holding dozens of certifications) is cut
 * with an ellipsis.
 */
export const PRINT_BOUNDS = Object.freeze({ chars: 600, item: 160 })

/**
 * The items a group prints, within PRINT_BOUNDS.
 * @param {string[]} items
 * @param {InputsContext} c
 */
function bounded(items, c) {
  const out = []
  let used = 0
  for (const it of items) {
    const chars = Array.from(it)
    const s = chars.length > PRINT_BOUNDS.item ? `${chars.slice(0, PRINT_BOUNDS.item - 1).join('')}…` : it
    if (out.length && used + s.length > PRINT_BOUNDS.chars) break
    out.push(s)
    used += s.length + 2
  }
  const rest = items.length - out.length
  if (rest > 0) out.push(c.t('open.more', { list: '', n: c.num(rest, 0) }).trim())
  return out
}

/**
 * The profile's values in groups (certifications, named people, figures, parameters, tracks,
 * costs), each left out when empty; the first two within PRINT_BOUNDS.
 * @param {Record<string, any>} profile as state.js toProfile makes it
 * @param {InputsContext} c
 * @returns {InputGroup[]}
 */
export function inputGroups(profile, c) {
  const { t, num, unit, lang } = c
  /** @type {InputGroup[]} */
  const groups = []
  const add = (title, items) => {
    if (items.length) groups.push({ title, items })
  }
  // "name: value", with the language's colon ("nom : valeur").
  const item = (name, v) => t('inputs.item', { name, value: v })
  // A number as typed, not rounded (a report of what was entered), with its unit as the
  // explanations write it ("92.5 %"); a yes-or-no fact as yes or no.
  const value = (v, u) => {
    if (u === 'boolean') return t(v ? 'inputs.yes' : 'inputs.no')
    return `${num(v, 6)} ${unit(u, v)}`.trimEnd()
  }
  add(t('certs.counts'), bounded(Object.entries(profile.certifications || {})
    .map(([id, n]) => item(c.certCode(id), `${num(n, 0)} ${unit('people', n)}`)), c))
  add(t('people.title'), bounded((profile.people || []).map((p, i) =>
    item(p.id || t('people.person', { n: i + 1 }), (p.certifications || []).map(c.certCode).join(', ') || '–')), c))
  const facts = profile.facts || {}
  const known = [...c.facts.keys()].filter((id) => id in facts)
  const others = Object.keys(facts).filter((id) => !c.facts.has(id))
  add(t('inputs.figures'), [...known, ...others].map((id) => {
    const f = c.facts.get(id)
    return item(loc(f?.label, lang) || id, value(facts[id], f?.unit || ''))
  }))
  const params = profile.parameters || {}
  add(t('model.parameters'), (c.version?.parameters || []).filter((p) => p.id in params)
    .map((p) => item(loc(p.label, lang) || p.id, value(params[p.id], p.unit || ''))))
  const areas = new Map((c.version?.areas || []).map((a) => [a.id, a]))
  add(t('inputs.tracks'), Object.entries(profile.tracks || {}).map(([area, track]) => {
    const a = areas.get(area)
    const tr = (a?.tracks || []).find((x) => x.id === track)
    return item(loc(a?.name, lang) || area, loc(tr?.name, lang) || track)
  }))
  add(t('inputs.costs'), Object.entries(profile.plan?.costs || {}).map(([key, cost]) => {
    const f = c.facts.get(key)
    return item(f ? loc(f.label, lang) : c.certCode(key), num(cost, 6))
  }))
  return groups
}
