// The widget's styles, as one constructable stylesheet shared by every <partner-score> of the
// page (adoptedStyleSheets: no <style> element, no inline style, nothing a Content Security
// Policy's style-src has to allow). Everything is inside the shadow root: no rule reaches the
// host page, and the host page's rules reach only what it themes on purpose, through the
// custom properties below and ::part(). The build minifies the text (tests/js/build-embed.mjs);
// it stays in the loader, whose loading state needs part of it (split between the loader and
// widget.js, it compresses worse).
//
// Sizes are in em of the widget's own font size (never rem: the host page's root font size
// must not change the widget).

const CSS = `
:host{display:var(--ps-display,block)!important;min-width:0}
:host([hidden]),[hidden]{display:none!important}
.root{all:initial;display:block;box-sizing:border-box;
--ink:var(--ps-ink,#1b1f24);--muted:var(--ps-muted,#4f5863);--line:var(--ps-line,#c9d0d8);
--paper:var(--ps-paper,#fff);--accent:var(--ps-accent,#0b5cad);
--ok:var(--ps-ok,#1e7a3a);--ok-soft:var(--ps-ok-soft,#e3f3e8);--bad:var(--ps-bad,#b3261e);
--bad-soft:var(--ps-bad-soft,#fbe9e7);--focus:var(--ps-focus,#ffbf47);--radius:var(--ps-radius,6px);
font-family:var(--ps-font,system-ui,sans-serif);
font-size:var(--ps-font-size,16px);line-height:1.45;color:var(--ink);background:var(--paper);
border:1px solid var(--line);border-radius:var(--radius);padding:.9em 1em;text-align:start;min-height:8em;direction:ltr;unicode-bidi:isolate}
*,::before,::after{box-sizing:border-box}
h2,h3,h4,p,ul,ol,fieldset,legend{margin:0;padding:0}
h2,h3{font-size:1.15em;line-height:1.25}
.loading{display:grid;gap:.5em;align-content:start}
progress{width:100%;height:.6em;accent-color:var(--accent)}
.failed{color:var(--bad);font-weight:600}
button{font:inherit;font-size:.9em;padding:.3em .8em;border:1px solid var(--accent);border-radius:var(--radius);background:var(--paper);color:var(--accent);cursor:pointer}
:focus-visible{outline:3px solid var(--focus);outline-offset:1px}
h3{font-size:1.02em}
h4,.sub-head,.card-sub{font-size:.8em;text-transform:uppercase;letter-spacing:.03em;color:var(--muted);margin-top:.6em}
.head{display:flex;flex-wrap:wrap;gap:.2em .8em;align-items:baseline;margin-bottom:.6em}
.sub,.hint,.metric-cat,.score-max,.card-why,.foot{color:var(--muted)}
.sub,.hint,.metric-cat,.foot{font-size:.8em}
.status{font-size:.9em;margin:.2em 0 .6em}
.cols,.cards,.areas,.metrics,fieldset{display:grid;gap:.75em}
.full .cols{grid-template-columns:repeat(auto-fit,minmax(min(100%,18em),1fr));align-items:start}
.full .results{position:sticky;top:.5em}
fieldset{border:0;min-width:0;gap:.55em;margin-bottom:.8em}
legend{font-weight:700;margin-bottom:.3em}
.field{display:grid;gap:.15em}
label,.metric-name,.metric-points,.plan-summary{font-size:.9em;font-weight:600}
input{font:inherit;font-size:.95em;width:100%;max-width:14em;padding:.3em .45em;border:1px solid var(--muted);border-radius:var(--radius);background:var(--paper);color:var(--ink)}
input[aria-invalid=true]{border:2px solid var(--bad)}
.error,.errors{font-size:.85em;color:var(--bad);font-weight:600}
.errors{margin:.4em 0;padding-left:1.1em}
.card,.area{padding:.7em .85em;border:1px solid var(--line);border-top:5px solid var(--bad);border-radius:var(--radius);background:var(--paper)}
.is-qualified{border-top-color:var(--ok)}
.card-head{display:flex;gap:.5em;justify-content:space-between;align-items:flex-start}
.badge{flex:none;padding:.1em .55em;border-radius:999px;font-size:.8em;font-weight:700;background:var(--bad-soft);color:var(--bad);border:1px solid}
.badge-yes{background:var(--ok-soft);color:var(--ok)}
.badge-yes::before{content:"\\2713  "}
.card-score{margin:.2em 0}
.score-num{font-size:1.6em;font-weight:700}
.score-num,.metric-points,.num{font-variant-numeric:tabular-nums}
.card-status,.card-track,.metric-explanation,.gates,.prereq,.plan-steps{font-size:.88em;margin-top:.2em}
ps-metric-bar{display:block}
.bar{display:block;width:100%;height:.6em;overflow:visible}
.area-bar .bar{height:1em;margin:.3em 0 .45em}
.bar-track{fill:var(--ps-bar-track,#e4e8ed)}
.bar-fill{fill:var(--accent)}
.is-over{fill:var(--ok)}
.is-under{fill:var(--bad)}
.bar-mark{stroke:var(--ink);stroke-width:2;stroke-dasharray:3 2}
.metrics,.gates{list-style:none}
.metrics{gap:.55em}
.metric-head{display:flex;flex-wrap:wrap;gap:.2em .5em;align-items:baseline}
.metric-points{margin-left:auto}
.is-zero .metric-points,.prereq.is-not-met,.is-not-met .gate-mark{color:var(--bad)}
.is-met .gate-mark{color:var(--ok)}
.plan-steps{padding-left:1.2em}
summary{cursor:pointer;font-size:.88em;padding:.2em 0}
.gaps-table{width:100%;border-collapse:collapse;font-size:.78em}
th,td{border-bottom:1px solid var(--line);padding:.2em .3em;text-align:left;vertical-align:top}
.num{text-align:right;white-space:nowrap}
.figures{margin-top:.4em}
.figures>fieldset{margin:.4em 0 0}
.is-stale .cards,.is-stale .summary{opacity:.6}
.foot{margin-top:.6em}
`

/** @type {CSSStyleSheet|null} */
let shared = null

/** The stylesheet, built on first use and shared by every widget. */
export function sheet() {
  if (!shared) {
    shared = new CSSStyleSheet()
    shared.replaceSync(CSS)
  }
  return shared
}
