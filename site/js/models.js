// Forms and results of the program models beyond the scorecard (levels, calculator,
// timeline), generic over the program data: no program is named here.

import { h, svg } from './dom.js'
import { formatNumber, unitText } from './format.js'
import { loc } from './program.js'
import { pointer } from './state.js'

/**
 * The parameters of a program version as number fields (empty: the default is used).
 * @param {any} m the form model
 * @param {(ptr: string, label: string, field: HTMLElement) => void} register
 * @param {(cell: any) => string} cellText
 */
export function parameterSection(m, register, cellText) {
  const params = m.state.parameters || {}
  return h('fieldset', { class: 'group group-parameters' },
    h('legend', { text: m.t('model.parameters') }),
    h('p', { class: 'group-help', text: m.t('model.parametersHelp') }),
    m.version.parameters.map((p) => {
      const ptr = pointer('parameters', p.id)
      const field = document.createElement('ps-fact-field')
      field.setAttribute('name', ptr)
      field.setAttribute('label', loc(p.label, m.lang) || p.id)
      field.setAttribute('unit', unitText(m.t, p.unit))
      field.setAttribute('help', loc(p.help, m.lang))
      const hint = [m.t('model.default', { value: `${formatNumber(p.default, m.lang, 6)} ${unitText(m.t, p.unit, p.default)}`.trimEnd() })]
      if (p.assumption) hint.push(m.t('model.assumption'))
      field.setAttribute('hint', hint.join(' · '))
      field.setAttribute('min', String(p.min))
      field.setAttribute('max', String(p.max))
      if (p.integer) field.setAttribute('integer', '')
      field.dataset.parameter = p.id
      field.value = cellText(params[p.id])
      register(ptr, field.getAttribute('label') || p.id, field)
      return field
    }))
}

/**
 * One line saying a model program's outcome, for the results summary.
 * @param {any} p a ProgramResult with a model
 * @param {(k: string, params?: any) => string} t
 */
export function modelStatus(p, t) {
  if (p.levels) {
    const name = (id) => p.levels.levels.find((l) => l.id === id)?.name || id
    if (p.levels.ordered) return p.levels.reached ? t('model.reached', { level: name(p.levels.reached) }) : t('model.reachedNone')
    return p.qualified.length ? t('model.eligible', { list: p.qualified.map(name).join(', ') }) : t('model.eligibleNone')
  }
  if (p.calculator) return t('model.calculated', { list: p.calculator.tables.map((x) => x.name).join(', ') })
  return (p.timeline || []).map((x) => `${t('model.item', { name: x.name, value: x.statusName })}.`).join(' ')
}

/**
 * The result of a levels, calculator or timeline program.
 * @param {any} p a ProgramResult with a model
 * @param {{lang: string, t: (k: string, params?: any) => string, num: (n: number, d?: number) => string, unit: (u: string, n?: number) => string}} ctx
 */
export function renderModel(p, ctx) {
  const parts = []
  if (p.timeline?.length) parts.push(timeline(p.timeline, ctx))
  if (p.levels) parts.push(levels(p, ctx))
  if (p.calculator) parts.push(calculator(p.calculator, ctx))
  if (p.parameters?.length) parts.push(parameters(p.parameters, ctx))
  return h('div', { class: `model model-kind-${p.model}`, data: { model: p.model } }, parts)
}

function timeline(items, { t }) {
  return h('section', { class: 'model-timeline' },
    h('h3', { text: t('model.timeline') }),
    h('ul', {}, items.map((x) => h('li', { data: { item: x.id, status: x.status } },
      h('strong', { text: t('model.item', { name: x.name, value: '' }) }), h('span', { class: 'status', text: x.statusName || '—' }),
      h('p', { class: 'explanation', text: x.explanation }),
      h('ol', { class: 'periods' }, x.periods.map((pe) => h('li', { class: pe.current ? 'current' : '', text: t('model.item', { name: `${pe.from} → ${pe.to || '…'}`, value: pe.name }) })))))))
}

function requirementList(reqs, ctx) {
  return h('ul', { class: 'requirements' }, reqs.map((r) => h('li', { class: r.met ? 'met' : 'unmet', data: { requirement: r.id, met: String(r.met) } },
    h('span', { class: 'badge', text: r.met ? ctx.t('model.met') : ctx.t('model.notMet') }), ' ',
    h('span', { text: r.explanation }),
    r.any?.length ? requirementList(r.any, ctx) : null)))
}

function levels(p, ctx) {
  const { t } = ctx
  const lv = p.levels
  const next = lv.levels.find((l) => l.id === lv.next)
  const head = []
  if (next) head.push(h('p', { class: 'next-level', text: t('model.next', { level: next.name, missing: next.requirements.filter((r) => !r.met).map((r) => r.name).join(', ') }) }))
  return h('section', { class: 'model-levels', data: { reached: lv.reached || '' } },
    head,
    lv.levels.map((l) => h('article', { class: `level ${l.met ? 'met' : 'unmet'}`, data: { level: l.id, met: String(l.met) } },
      h('h3', {}, l.name, ' ', h('span', { class: 'badge', text: l.met ? t('model.met') : t('model.notMet') })),
      requirementList(l.requirements, ctx))),
    lv.competencies.length ? h('details', { class: 'competencies' },
      h('summary', { text: `${t('model.competencies')} (${lv.competencies.filter((c) => c.earned).length}/${lv.competencies.length})` }),
      h('ul', {}, lv.competencies.map((c) => h('li', { data: { competency: c.id, earned: String(c.earned) } },
        h('strong', { text: c.name }), ` — ${c.earned ? t('model.earned') : t('model.notEarned')}`,
        requirementList(c.requirements, ctx))))) : null,
    lv.notModelled?.length ? h('details', { class: 'not-modelled' },
      h('summary', { text: t('model.notModelled') }),
      h('ul', {}, lv.notModelled.map((n) => h('li', { text: t('model.item', { name: n.name, value: n.reason }) })))) : null)
}

function calculator(c, ctx) {
  const { t, num, unit } = ctx
  return h('section', { class: 'model-calculator' },
    c.tables.map((tb) => h('article', { class: 'calc-table', data: { table: tb.id } },
      h('h3', { text: tb.name }),
      chart(tb, ctx),
      // Scrolls sideways on a narrow screen: focusable, so that keys scroll it too.
      h('div', { class: 'table-scroll', attrs: { tabindex: 0, role: 'region', 'aria-label': tb.name } }, h('table', {},
        h('thead', {}, h('tr', {}, h('th', { attrs: { scope: 'col' }, text: t(`model.period.${tb.period}`) }),
          tb.columns.map((col) => h('th', { attrs: { scope: 'col', title: col.formula }, text: `${col.name} (${unit(col.unit)})` })))),
        h('tbody', {}, tb.rows.map((row, i) => h('tr', {}, h('th', { attrs: { scope: 'row' }, text: String(i + 1) }),
          row.map((v) => h('td', { text: num(v) }))))),
        tb.columns.some((col) => col.total) ? h('tfoot', {}, h('tr', {}, h('th', { attrs: { scope: 'row' }, text: t('model.total') }),
          tb.totals.map((v, j) => h('td', { text: tb.columns[j].total ? num(v) : '' })))) : null)))),
    c.figures.length ? h('dl', { class: 'figures' }, c.figures.flatMap((f) => [
      h('dt', { text: f.name }), h('dd', { data: { figure: f.id }, attrs: { title: f.formula }, text: `${num(f.value)} ${unit(f.unit, f.value)}` })])) : null)
}

/**
 * The ticks of a chart's value axis: multiples of a round step (1, 2, 2.5 or 5 times a power of
 * ten) from the first at or below lo to the first at or above hi, so that zero is one of them
 * whenever lo ≤ 0 ≤ hi; about four steps.
 * @param {number} lo @param {number} hi
 * @returns {number[]}
 */
export function axisTicks(lo, hi) {
  if (!(hi > lo)) hi = lo + 1
  const raw = (hi - lo) / 4
  const mag = 10 ** Math.floor(Math.log10(raw))
  const step = mag * ([1, 2, 2.5, 5].find((k) => raw <= k * mag * (1 + 1e-9)) ?? 10)
  const first = Math.floor(lo / step + 1e-9), last = Math.ceil(hi / step - 1e-9)
  const ticks = []
  // Each tick from its own multiple, rounded to the step's decimals: no drift from adding.
  const decimals = Math.max(0, -Math.floor(Math.log10(step)) + 1)
  for (let k = first; k <= last; k++) ticks.push(Number((k * step).toFixed(decimals)) + 0)
  return ticks
}

/**
 * A small line chart of a table's chart columns (SVG, no script or style attributes): the value
 * axis with round ticks (and their grid lines, zero's darker), the periods under it, and a
 * legend naming each line and its unit.
 */
function chart(tb, { t, num, unit }) {
  const cols = tb.columns.map((c, j) => ({ c, j })).filter((x) => x.c.chart)
  if (!cols.length || !tb.rows.length) return null
  const values = tb.rows.flatMap((r) => cols.map((x) => r[x.j])).filter(Number.isFinite)
  const ticks = axisTicks(Math.min(0, ...values), Math.max(0, ...values))
  const lo = ticks[0], hi = ticks[ticks.length - 1]
  const labels = ticks.map((v) => num(v))
  const period = t(`model.period.${tb.period}`)
  // Text is 9 units high; a digit is about 5.2 units wide, a letter up to 6. The value labels
  // and the periods' name (under them, clear of the first period's number) fit left of the plot.
  const W = 320, H = 140, top = 7, right = 8, bottom = 16
  const left = Math.round(Math.max(period.length * 6 + 10, Math.max(...labels.map((s) => s.length)) * 5.2 + 8))
  const n = tb.rows.length
  const x = (i) => left + (n === 1 ? (W - right - left) / 2 : (i * (W - right - left)) / (n - 1))
  const y = (v) => H - bottom - ((v - lo) * (H - bottom - top)) / (hi - lo)
  const label = `${t('model.chart', { table: tb.name })}: ${cols.map((x) => `${x.c.name} ${num(tb.rows[n - 1][x.j])}`).join(', ')}`
  const plot = svg('svg', { viewBox: `0 0 ${W} ${H}`, class: 'calc-chart', role: 'img', 'aria-label': label }, svg('title', {}, label))
  const axis = svg('g', { class: 'axis', 'aria-hidden': 'true' })
  ticks.forEach((v, k) => {
    const at = y(v).toFixed(1)
    axis.append(svg('line', { class: v === 0 ? 'grid zero' : 'grid', x1: left, x2: W - right, y1: at, y2: at, 'data-value': v }),
      svg('text', { class: 'tick', x: left - 4, y: at, dy: '.32em', 'text-anchor': 'end' }, labels[k]))
  })
  // Every period's number when they fit (12 or fewer), else every few and the last.
  const every = Math.ceil(n / 12)
  for (let i = 0; i < n; i++) {
    if (i % every && i !== n - 1) continue
    axis.append(svg('text', { class: 'period', x: x(i).toFixed(1), y: H - 4, 'text-anchor': 'middle' }, String(i + 1)))
  }
  axis.append(svg('text', { class: 'period-name', x: left - 8, y: H - 4, 'text-anchor': 'end' }, period))
  plot.append(axis)
  cols.forEach((col, k) => {
    const line = svg('polyline', {
      points: tb.rows.map((r, i) => `${x(i).toFixed(1)},${y(r[col.j]).toFixed(1)}`).join(' '),
      class: `series series-${k}`, fill: 'none',
    })
    line.dataset.column = col.c.id
    plot.append(line)
  })
  const legend = h('ul', { class: 'chart-legend' }, cols.map((col, k) => h('li', { class: `series-${k}`, text: col.c.unit ? `${col.c.name} (${unit(col.c.unit)})` : col.c.name })))
  return h('figure', { class: 'chart' }, plot, legend)
}

function parameters(params, { t, num, unit }) {
  return h('details', { class: 'parameters' },
    h('summary', { text: t('model.parameters') }),
    h('ul', {}, params.map((p) => h('li', { data: { parameter: p.id, origin: p.origin } },
      `${t('model.item', { name: p.name, value: `${num(p.value)} ${unit(p.unit, p.value)}`.trimEnd() })} `,
      h('span', { class: `origin origin-${p.origin}`, text: p.origin === 'assumption' ? t('model.assumption') : p.origin === 'profile' ? t('model.fromProfile') : t('model.fromSource') })))))
}
