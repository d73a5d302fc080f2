// Forms and results of the program models beyond the scorecard (levels, calculator,
// timeline), generic over the program data: no program is named here.

import { h } from './dom.js'
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
  return (p.timeline || []).map((x) => `${x.name}: ${x.statusName}.`).join(' ')
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
      h('strong', { text: `${x.name}: ` }), h('span', { class: 'status', text: x.statusName || '—' }),
      h('p', { class: 'explanation', text: x.explanation }),
      h('ol', { class: 'periods' }, x.periods.map((pe) => h('li', { class: pe.current ? 'current' : '', text: `${pe.from} → ${pe.to || '…'}: ${pe.name}` })))))))
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
      h('ul', {}, lv.notModelled.map((n) => h('li', { text: `${n.name}: ${n.reason}` })))) : null)
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

const SVG = 'http://www.w3.org/2000/svg'

/** A small line chart of a table's chart columns (SVG, no script or style attributes). */
function chart(tb, { t, num }) {
  const cols = tb.columns.map((c, j) => ({ c, j })).filter((x) => x.c.chart)
  if (!cols.length || !tb.rows.length) return null
  const W = 320, H = 120, pad = 4
  const values = tb.rows.flatMap((r) => cols.map((x) => r[x.j]))
  const lo = Math.min(0, ...values), hi = Math.max(...values, lo + 1)
  const x = (i) => pad + (tb.rows.length === 1 ? 0 : (i * (W - 2 * pad)) / (tb.rows.length - 1))
  const y = (v) => H - pad - ((v - lo) * (H - 2 * pad)) / (hi - lo)
  const svg = document.createElementNS(SVG, 'svg')
  svg.setAttribute('viewBox', `0 0 ${W} ${H}`)
  svg.setAttribute('class', 'calc-chart')
  svg.setAttribute('role', 'img')
  const label = `${t('model.chart', { table: tb.name })}: ${cols.map((x) => `${x.c.name} ${num(tb.rows[tb.rows.length - 1][x.j])}`).join(', ')}`
  svg.setAttribute('aria-label', label)
  const title = document.createElementNS(SVG, 'title')
  title.textContent = label
  svg.append(title)
  cols.forEach((col, k) => {
    const line = document.createElementNS(SVG, 'polyline')
    line.setAttribute('points', tb.rows.map((r, i) => `${x(i).toFixed(1)},${y(r[col.j]).toFixed(1)}`).join(' '))
    line.setAttribute('class', `series series-${k}`)
    line.setAttribute('fill', 'none')
    line.dataset.column = col.c.id
    svg.append(line)
  })
  const legend = h('ul', { class: 'chart-legend' }, cols.map((col, k) => h('li', { class: `series-${k}`, text: col.c.name })))
  return h('figure', { class: 'chart' }, svg, legend)
}

function parameters(params, { t, num, unit }) {
  return h('details', { class: 'parameters' },
    h('summary', { text: t('model.parameters') }),
    h('ul', {}, params.map((p) => h('li', { data: { parameter: p.id, origin: p.origin } },
      `${p.name}: ${num(p.value)} ${unit(p.unit, p.value)} `,
      h('span', { class: `origin origin-${p.origin}`, text: p.origin === 'assumption' ? t('model.assumption') : p.origin === 'profile' ? t('model.fromProfile') : t('model.fromSource') })))))
}
