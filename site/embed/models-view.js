// How the widget draws the programs of the other models (levels, calculator, timeline): the
// simulator's js/models.js and the styles of what it draws. The view (view.js) imports this
// module only when it shows such a program, so that a scorecard widget never fetches it: the
// build (tests/js/build-embed.mjs) bundles it as dist/site/embed/widget-models.js.

export { modelStatus, renderModel } from '../js/models.js'

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
.model .series-0{stroke:var(--accent);color:var(--accent)}
.model .series-1{stroke:#b5541c;color:#b5541c}
.model .series-2{stroke:var(--ok);color:var(--ok)}
.model .chart-legend{display:flex;gap:1em;list-style:none;font-size:.82em}
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
