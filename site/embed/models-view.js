// How the widget shows the programs of the other models (levels, calculator, timeline): their
// fields (the facts of the version and of the programs it depends on, its parameters, the
// certifications its competencies count), the simulator's js/models.js drawing of the result,
// the styles of what it draws and the model.* texts. The view (view.js) imports this module
// only when it shows such a program, so that a scorecard widget never fetches it: the build
// (tests/js/build-embed.mjs) bundles it as dist/site/embed/widget-models.js, with the model
// texts of every language in it.

import { modelStatus, renderModel } from '../js/models.js'
import { certAreas, dependencyFacts, loc } from '../js/program.js'
import { formatNumber, todayUTC, unitText } from '../js/format.js'
import { modelTable } from './messages.js'

export { modelStatus, renderModel }

/** The model.* texts of a language (js/messages.js's). @param {string} lang */
export const texts = (lang) => modelTable(lang)

/**
 * Builds the form and the result's place of a model program into body. Compact: the result,
 * then the figures behind a disclosure.
 * @param {{version: any, programs: Map<string, any[]>, asOf: string, facts: Map<string, any>, lang: string,
 *   el: (tag: string, cls?: string, text?: string, part?: string) => any, t: (key: string, params?: any) => string,
 *   w: (key: string, params?: any) => string,
 *   field: (parent: HTMLElement, kind: string, id: string, def?: any, more?: string[]) => void,
 *   landmark: (name: string) => string}} o
 *   facts: the view's facts shown, to which those of the dependencies are added; landmark: the
 *   name of the widget's landmarks from the program's (numbered when another widget has it)
 * @param {HTMLElement} body
 * @param {boolean} compact
 * @returns {[HTMLElement, HTMLElement]} the status line and the box the result is drawn in
 */
export function modelBody({ version, programs, asOf, facts, lang, el, t, w, field, landmark }, body, compact) {
  for (const f of dependencyFacts(version, programs, asOf || todayUTC())) if (!facts.has(f.id)) facts.set(f.id, f)
  const form = el('form', 'form', undefined, 'form')
  form.addEventListener('submit', (ev) => ev.preventDefault())
  /** @param {string} legend @param {string} help @param {[string, any?, string[]?][]} list */
  const group = (legend, help, kind, list) => {
    if (!list.length) return
    const set = el('fieldset', 'area-fields')
    set.append(el('legend', '', legend))
    if (help) set.append(el('p', 'hint', help))
    for (const [id, def, more] of list) field(set, kind, id, def, more)
    form.append(set)
  }
  group(w('figures'), '', 'facts', [...facts.keys()].map((id) => [id]))
  group(t('model.parameters'), t('model.parametersHelp'), 'parameters', (version.parameters || []).map((p) => [p.id, p,
    [t('model.default', { value: `${formatNumber(p.default, lang, 6)} ${unitText(t, p.unit, p.default)}`.trimEnd() }), p.assumption ? t('model.assumption') : '']]))
  group(w('certs'), '', 'certifications', [...certAreas(version).keys()].map((id) => [id]))
  // Landmarks named after the program, so that several widgets on a page stay distinct.
  const name = landmark(loc(version.name, lang))
  form.setAttribute('aria-label', t('inputs.item', { name: w('figures'), value: name }))
  const results = el('section', 'results', undefined, 'results')
  results.setAttribute('aria-label', t('inputs.item', { name: t('res.title'), value: name }))
  const status = el('p', 'status')
  status.setAttribute('aria-live', 'polite')
  const box = el('div', 'model-result')
  results.append(status, box)
  if (!form.childElementCount) body.append(results)
  else if (!compact) body.append(form, results)
  else {
    const more = el('details', 'figures')
    more.append(el('summary', '', w('figures')), form)
    body.append(results, more)
  }
  return [status, box]
}

/**
 * Draws a model program's result in box (js/models.js), keeping the disclosures that were
 * open, and its one-line status; adopts the models' stylesheet in box's shadow root.
 * @param {HTMLElement} status @param {HTMLElement} box
 * @param {any} prog the ProgramResult, or undefined
 * @param {any} ctx the drawing context (lang, t, num, unit, factLabel, certName)
 */
export function drawModel(status, box, prog, ctx) {
  const shadow = /** @type {ShadowRoot} */ (box.getRootNode())
  const sheet = modelSheet()
  if (shadow.adoptedStyleSheets && !shadow.adoptedStyleSheets.includes(sheet)) shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, sheet]
  const open = [...box.querySelectorAll('details')].map((d) => d.open)
  box.replaceChildren(...(prog ? [renderModel(prog, ctx)] : []))
  box.querySelectorAll('details').forEach((d, i) => { if (open[i]) d.open = true })
  const s = prog ? modelStatus(prog, ctx.t) : ''
  if (status.textContent !== s) status.textContent = s
}

const CSS = `
.model section,.model article{margin:0 0 .9em}
.model h3{margin:.4em 0 .2em}
.model .badge{padding:0 .45em;border:1px solid currentColor}
.model .met>h3 .badge,.model li.met>.badge{color:var(--ok);background:var(--ok-soft)}
.model .unmet>h3 .badge,.model li.unmet>.badge{color:var(--bad);background:var(--bad-soft)}
.model .requirements{margin:.2em 0;padding-left:1.1em;font-size:.88em}
.model .requirements li{margin:.15em 0}
.model .next-level{font-weight:600;font-size:.9em;margin-bottom:.4em}
.model details>summary{cursor:pointer;font-size:.88em;padding:.2em 0}
.model .periods{font-size:.82em;color:var(--muted);padding-left:1.1em}
.model .periods .current{font-weight:600;color:var(--ink)}
.model .explanation{font-size:.88em}
.model .table-scroll{overflow-x:auto}
.model table{border-collapse:collapse;font-size:.82em;font-variant-numeric:tabular-nums}
.model th,.model td{border-bottom:1px solid var(--line);padding:.15em .5em;text-align:right}
.model .figures{display:grid;grid-template-columns:auto auto;gap:.2em 1em;margin:0;font-size:.9em}
.model .figures dd{margin:0;font-weight:600}
.model .chart{margin:.25em 0}
.model .calc-chart{width:100%;max-width:24em;height:auto;border:1px solid var(--line)}
.model .calc-chart .series{stroke-width:2}
.model .calc-chart .grid{stroke:var(--line);stroke-width:1}
.model .calc-chart .grid.zero{stroke:var(--muted)}
.model .calc-chart text{font-size:9px;fill:var(--muted);font-variant-numeric:tabular-nums}
.model .series-0{stroke:var(--accent);color:var(--accent)}
.model .series-1{stroke:#b5541c;color:#b5541c}
.model .series-2{stroke:var(--ok);color:var(--ok)}
.model .chart-legend{display:flex;flex-wrap:wrap;gap:.2em 1em;list-style:none;font-size:.82em}
.model .origin-assumption{color:#8a5a00;font-style:italic}
.model .parameters ul{list-style:none;font-size:.85em}
`

/** @type {CSSStyleSheet|null} */
let shared = null

/** The models' stylesheet, built on first use and shared by every widget. */
export function modelSheet() {
  if (!shared) {
    shared = new CSSStyleSheet()
    shared.replaceSync(CSS)
  }
  return shared
}
