// PartnerScore's browser simulator: loads the engine (WebAssembly) with a progress bar,
// builds the form from the program data, evaluates the profile on every keystroke, and keeps
// the whole state in the URL and in localStorage.

// boot.js first: it starts the engine when it runs, and in the bundle of ./build.sh build
// (tests/js/build-site.mjs) the modules run in the order they are imported.
import { startEngine } from './boot.js'
import { Catalog, certLabel } from './catalog.js'
import { h, setText } from './dom.js'
import './elements/define.js'
import { evaluateAll } from './evaluate.js'
import { inputGroups } from './inputs.js'
import { ProfileForm } from './form.js'
import { csvDialect, formatNumber, formatShown, gotText, resultToCSV, todayUTC, unitText } from './format.js'
import { negotiate, t as translate } from './messages.js'
import { certAreas, dependencyFacts, formLayout, formVersion, groupPrograms, loc } from './program.js'
import { ResultsView } from './results.js'
import { TimeView } from './history.js'
import {
  MAX_CERT_COUNT, PROFILE_FILE_MAX, emptyState, loadStored, normalizeState, pointer, readHash, readProfile, saveStored, setAt, stateHash, toCell, toProfile,
} from './state.js'

const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id))

const els = {
  loading: $('loading'),
  progress: $('progress'),
  progressFill: $('progress-fill'),
  loadError: $('load-error'),
  retry: $('retry'),
  main: $('main'),
  lang: /** @type {HTMLSelectElement} */ ($('lang')),
  form: /** @type {HTMLFormElement} */ ($('profile-form')),
  notice: $('notice'),
  errors: $('errors'),
  status: $('status'),
  staleNotice: $('stale'),
  body: $('result-body'),
  toast: $('toast'),
  copy: $('copy-link'),
  json: $('export-json'),
  save: $('save-profile'),
  open: $('open-profile'),
  file: /** @type {HTMLInputElement} */ ($('open-file')),
  csv: $('export-csv'),
  print: $('print'),
  reset: $('reset'),
  undo: $('undo'),
}

/** localStorage and sessionStorage, when the browser lets the page use them. */
const [storage, session] = ['localStorage', 'sessionStorage'].map((name) => {
  try {
    return /** @type {Storage} */ (globalThis[name])
  } catch {
    return undefined
  }
})

const today = todayUTC()
const browserLang = negotiate(navigator.languages, navigator.language)
let startNotice = ''

/** @type {import('./state.js').State} */
let state = initialState()

/** @type {any} */
let engine = null
/** @type {Map<string, any[]>} */
let programs = new Map()
/** @type {Catalog} */
let catalog = new Catalog([])
/** @type {{version: any, inForce: boolean, layout: any, certAreas: Map<string, string[]>, facts: Map<string, any>, key: string}|null} */
let view = null
/** The result on screen and the profile that gave it. */
let shown = null
let shownProfile = null
/** The programs selected (state.programs, joined) when shown was evaluated. */
let shownPrograms = ''

let firstResult = true

const form = new ProfileForm(els.form, { onEdit, onMutate })
const results = new ResultsView({ errors: els.errors, status: els.status, body: els.body, notice: els.staleNotice })
const timeView = new TimeView($('time'))

function initialState() {
  const defaults = { lang: browserLang, asOf: today }
  // A reload starts from this tab's last state: the address it reloads may predate the last
  // keystrokes (the URL is written at most every 100 ms; sessionStorage on leaving).
  const nav = /** @type {PerformanceNavigationTiming|undefined} */ (performance.getEntriesByType?.('navigation')[0])
  if (nav?.type === 'reload') {
    const tab = loadStored(session)
    if (tab !== undefined) return normalizeState(tab, defaults)
  }
  const fromHash = readHash(location.hash)
  if (fromHash.found && fromHash.value !== undefined) return normalizeState(fromHash.value, defaults)
  if (fromHash.found) startNotice = 'hash.bad'
  const stored = loadStored(storage)
  if (stored !== undefined) return normalizeState(stored, defaults)
  return emptyState(browserLang, today)
}

/** @param {string} key @param {Record<string, unknown>} [params] */
function t(key, params) {
  return translate(state.lang, key, params)
}

// --- static text, language ---

function applyStatic() {
  document.documentElement.lang = state.lang
  for (const e of document.querySelectorAll('[data-i18n]')) {
    const text = t(e.getAttribute('data-i18n') || '')
    if (e.textContent !== text) e.textContent = text
  }
  document.title = `${t('app.title')}: ${t('app.tagline')}`
  els.lang.value = state.lang
  els.progress.setAttribute('aria-label', t('load.label'))
  els.notice.textContent = startNotice ? t(startNotice) : ''
  els.notice.hidden = !startNotice
}

els.lang.addEventListener('change', () => {
  state.lang = els.lang.value === 'fr' ? 'fr' : 'en'
  applyStatic()
  if (engine) {
    rebuild()
    evaluate()
  }
  persist()
})

// --- engine ---

/**
 * About how many bytes partnerscore.wasm has once decoded (4.5 MB when this was written). A
 * compressed response gives no total for the decoded bytes, so the bar measures against this
 * and stops at 95% until the download ends; its text says the bytes actually received.
 */
const WASM_BYTES_ESTIMATE = 4_600_000

function onProgress(loaded, total) {
  const known = typeof total === 'number' && total > 0
  const pct = known ? (loaded / total) * 100 : Math.min(95, (loaded / WASM_BYTES_ESTIMATE) * 100)
  const now = Math.max(0, Math.min(100, Math.round(pct)))
  els.progress.setAttribute('aria-valuenow', String(now))
  els.progress.setAttribute('aria-valuetext', t('load.bytes', { pct: now, mb: formatNumber(loaded / 1e6, state.lang, 1) }))
  els.progressFill.style.width = `${now}%`
}

async function start() {
  els.loadError.hidden = true
  els.retry.hidden = true
  els.loading.hidden = false
  els.progress.setAttribute('aria-valuenow', '0')
  els.progressFill.style.width = '0%'
  try {
    engine = await startEngine(onProgress)
  } catch (e) {
    els.loadError.textContent = t('load.failed', { error: e instanceof Error ? e.message : String(e) })
    els.loadError.hidden = false
    els.retry.hidden = false
    els.progress.hidden = true
    return
  }
  onProgress(1, 1)
  performance.mark('ps:engine-ready')
  programs = groupPrograms(engine.programs())
  catalog = new Catalog(engine.certifications())
  ensureProgram()
  els.loading.hidden = true
  els.main.hidden = false
  rebuild()
  evaluate()
  // The address bar shows the permalink from the start (a state restored from storage too),
  // written in the next task, once the first result is drawn: a page's first write to
  // storage can take longer than the evaluation and drawing together.
  setTimeout(() => {
    flush()
    document.body.dataset.ready = 'true'
  }, 0)
}

els.retry.addEventListener('click', () => {
  els.progress.hidden = false
  start()
})

function ensureProgram() {
  if (!programs.has(state.programs[0] || '')) {
    const first = programs.keys().next().value
    state.programs = first ? [first] : []
  }
}

// --- form ---

/** The program version the form shows, recomputed only when the program or date changes. */
function currentView() {
  const versions = programs.get(state.programs[0]) || []
  const { version, inForce } = formVersion(versions, state.asOf.trim() || today)
  const key = `${version?.id}/${version?.version}/${inForce}`
  if (view?.key === key) return view
  view = {
    key, version, inForce,
    layout: formLayout(version),
    certAreas: certAreas(version),
    facts: new Map([...dependencyFacts(version, programs, state.asOf.trim() || today), ...(version?.facts || [])].map((f) => [f.id, f])),
  }
  return view
}

/** @param {string} [focusKey] */
function rebuild(focusKey) {
  const v = currentView()
  if (!v.version) return
  form.render({
    state, lang: state.lang, t, programs, catalog,
    version: v.version, inForce: v.inForce, layout: v.layout, certAreas: v.certAreas,
  }, focusKey)
}

/** A field was edited: store its raw text (numbers as numbers when typed exactly so). */
function onEdit(ptr, value, opts = {}) {
  dropUndo()
  const numeric = /^\/(facts|parameters|certifications|plan\/costs)\//.test(ptr)
  setAt(state, ptr, value === undefined ? undefined : numeric ? toCell(String(value)) : String(value))
  const before = view?.key
  if (opts.rebuild || ptr === '/asOf') {
    if (currentView().key !== before || opts.rebuild) rebuild(ptr)
  }
  if (/^\/people\/\d+\/id$/.test(ptr)) {
    // The person's legend shows the name: refresh it without rebuilding the form.
    const input = /** @type {HTMLInputElement|null} */ (els.form.querySelector(`input[name="${ptr}"]`))
    const legend = input?.closest('fieldset')?.querySelector('legend')
    const n = Number(ptr.split('/')[2]) + 1
    if (legend) legend.textContent = String(value).trim() ? `${t('people.person', { n })} · ${String(value).trim()}` : t('people.person', { n })
  }
  persist()
  evaluate()
}

/** A row was added or removed. */
function onMutate(fn, focusKey) {
  dropUndo()
  fn(state)
  rebuild(focusKey)
  persist()
  evaluate()
}

// --- evaluation ---

/**
 * The bounds of the number field at an error's path: a fact's or a parameter's of the form's
 * version, a certification count's; null elsewhere.
 * @param {string} path
 * @returns {{min: number, max: number}|null}
 */
function boundsAt(path) {
  const [, base, ...rest] = path.split('/')
  const id = rest.join('/').replace(/~1/g, '/').replace(/~0/g, '~')
  const def = base === 'facts' ? view?.facts.get(id)
    : base === 'parameters' ? view?.version?.parameters?.find((/** @type {any} */ p) => p.id === id)
      : base === 'certifications' ? { min: 0, max: MAX_CERT_COUNT } : null
  return def && typeof def.min === 'number' && typeof def.max === 'number' ? { min: def.min, max: def.max } : null
}

/** A field error in the page's language: the engine's numbers written as the page writes them. */
function errorText(e) {
  const n = (x) => formatNumber(x, state.lang, 6)
  const got = gotText(e.got, state.lang)
  switch (e.code) {
    case 'number':
      return t('err.number')
    case 'integer':
      return t('err.integer', { got })
    case 'range': {
      // A plan's cost per unit is above zero (the engine's only bound on it).
      if (e.path.startsWith('/plan/costs/')) return t('err.positive', { got })
      const b = boundsAt(e.path)
      if (b && b.min === 0 && Number(e.got) < 0) return t('err.negative', { got })
      if (b) return t('err.rangeFact', { min: n(b.min), max: n(b.max), got })
      return t('err.range', { expected: e.expected ?? '', got })
    }
    case 'unknown':
      return [t('err.unknown', { got }), e.suggestion ? t('err.suggest', { suggestion: `“${e.suggestion}”` }) : '']
        .filter(Boolean).join(' ')
    case 'no-rules': {
      // When the program's rules apply: the dates to choose from.
      const vs = programs.get(state.programs[0]) || []
      const to = vs.length && !vs.some((v) => !v.effectiveTo) ? vs.map((v) => v.effectiveTo).sort().at(-1) : ''
      if (vs.length) return t(to ? 'err.no-rules.span' : 'err.no-rules.from', { from: vs[0].effectiveFrom, to })
      return t('err.no-rules')
    }
    case 'date':
      return t(`err.${e.code}`)
    case 'duplicate':
      // A person's name given twice (the page sends nothing else twice).
      if (/^\/people\/\d+\/id$/.test(e.path)) return t('err.duplicate')
      // falls through
    default:
      return t('err.other', { message: e.message || e.code })
  }
}

/** The engine's own words for an error, as the CLI prints them. */
function engineText(e) {
  let s = e.message || ''
  const ex = [e.expected ? `expected ${e.expected}` : '', e.got ? `got ${e.got}` : ''].filter(Boolean).join(', ')
  if (ex) s += ` (${ex})`
  if (e.suggestion) s += `; did you mean "${e.suggestion}"?`
  return s
}

function context() {
  const lang = state.lang
  return {
    lang, t,
    num: (n, d = 2, below) => formatShown(n, lang, d, below),
    unit: (u, n) => unitText(t, u, n),
    factLabel: (id) => loc(view?.facts.get(id)?.label, lang) || id,
    certName: (id) => {
      const c = catalog.resolve(id)
      return c ? certLabel(c, lang) : id
    },
    certCode: (id) => {
      const c = catalog.resolve(id)
      return c?.exams?.length ? c.exams.join('/') : c ? certLabel(c, lang) : id
    },
  }
}

/** The engine's profile of the state: only the facts and parameters of the version in force are sent. */
function profileOf() {
  const v = currentView()
  return toProfile(state, { facts: new Set(v.facts.keys()), parameters: new Set((v.version?.parameters || []).map((p) => p.id)) })
}

function evaluate() {
  if (!engine) return
  const { profile, errors: local } = profileOf()
  // Every error at once; the result leaves the bad values out, and so do the report's profile
  // and the over-time panel (scored is the profile without them).
  const { result, errors, profile: scored } = evaluateAll(engine, profile)
  /** @type {any[]} */
  const errs = [...local, ...errors]
  let notice = ''
  const programsKey = state.programs.join(' ')
  if (shown && !result && shownPrograms !== programsKey) {
    // The last valid values were another program's: their results are not this one's.
    shown = null
    shownProfile = null
  }
  if (result) {
    shown = result
    shownProfile = scored
    shownPrograms = programsKey
    if (errs.length) notice = t('res.partial')
  } else if (shown) {
    notice = t('res.stale')
    if (shownProfile && shownProfile.lang !== state.lang) {
      // Keep the results on screen in the page's language.
      const again = engine.evaluate({ ...shownProfile, lang: state.lang })
      if (again.ok) {
        shown = again.result
        shownProfile = { ...shownProfile, lang: state.lang }
      }
    }
  }
  const texts = errs.map((e) => ({
    // "No rules in force" names the program filter; the date is what to change.
    path: e.code === 'no-rules' ? '/asOf' : e.path || '',
    text: errorText(e),
    engine: e.code === 'number' ? '' : engineText(e),
  }))
  const placed = inFormOrder(form.setErrors(texts))
  results.render({ result: shown, errors: placed, notice, context: context() })
  drawInputs()
  showPeek()
  // The panel offers dates from the first day of the program's first rules.
  const since = (programs.get(state.programs[0]) || [])[0]?.effectiveFrom
  drawTime({
    engine, profile: result ? scored : null, lang: state.lang, certName: context().certName, unitName: (u, n) => unitText(t, u, n), since,
    dates: state.compare,
    onDates: (from, to) => {
      state.compare = { from, to }
      persist()
    },
  })
  for (const b of [els.json, els.csv, els.print]) /** @type {HTMLButtonElement} */ (b).disabled = !shown
  if (firstResult && shown) {
    firstResult = false
    // After the cards' own render (queued microtasks run in order).
    queueMicrotask(() => performance.mark('ps:first-result'))
  }
}

let inputsKey = ''

/**
 * The printed report's "profile entered" (hidden on screen): the profile that gave the results
 * shown, drawn anew when it changes (its link is set with the address, in flush).
 */
function drawInputs() {
  const key = `${state.lang}\n${JSON.stringify(shownProfile)}`
  if (key === inputsKey) return
  inputsKey = key
  const v = currentView()
  const certCode = (id) => {
    const c = catalog.resolve(id)
    return c?.exams?.[0] || loc(c?.name, state.lang) || id
  }
  const groups = shownProfile ? inputGroups(shownProfile, { ...context(), facts: v.facts, version: v.version, certCode }) : []
  $('inputs-body').replaceChildren(...(groups.length
    ? groups.map((g) => h('p', {}, h('strong', { text: t('inputs.item', { name: g.title, value: '' }).trimEnd() }), ' ', g.items.join(t('inputs.sep'))))
    : [h('p', { text: t('inputs.none') })]))
}

/** @type {Parameters<TimeView['render']>[0] | null} the time panel's next drawing, when one is queued */
let timeNext = null

/**
 * Draws the "over time" panel (a comparison, and a projection with the people's departures)
 * in the next task, after the results are drawn: a keystroke's results do not wait for it,
 * and keystrokes within one task draw it once, for the latest profile.
 * @param {Parameters<TimeView['render']>[0]} p
 */
function drawTime(p) {
  const queued = timeNext !== null
  timeNext = p
  if (queued) return
  setTimeout(() => {
    const q = timeNext
    timeNext = null
    if (q) timeView.render(q)
  }, 0)
}

// The printed report: the panel drawn for the latest profile, with every departure.
addEventListener('beforeprint', () => {
  const q = timeNext
  timeNext = null
  if (q) timeView.render(q)
  timeView.prepareForPrint()
})

/** Sorts errors in the order of their fields on the page; those without a field come first. */
function inFormOrder(errors) {
  const at = (e) => (e.target?.id ? document.getElementById(e.target.id) : null)
  return errors
    .map((e, i) => ({ e, i, el: at(e) }))
    .sort((a, b) => {
      if (!a.el || !b.el) return (a.el ? 1 : 0) - (b.el ? 1 : 0) || a.i - b.i
      if (a.el === b.el) return a.i - b.i
      return a.el.compareDocumentPosition(b.el) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1
    })
    .map((x) => x.e)
}

// --- URL and storage ---

let persistTimer = 0
let lastWrite = 0
let lastHash = ''

/**
 * Writes the state to the URL and storage: at once, then at most every 100 ms while typing
 * goes on (Chrome throttles history.replaceState), and always when the page is left.
 */
function persist() {
  if (persistTimer) return
  const wait = lastWrite + 100 - performance.now()
  if (wait <= 0) flush()
  else persistTimer = setTimeout(flush, wait)
}

function flush() {
  clearTimeout(persistTimer)
  persistTimer = 0
  lastWrite = performance.now()
  const hash = stateHash(state)
  if (hash !== location.hash) history.replaceState(history.state, '', hash)
  lastHash = location.hash
  // The printed report's link back to the profile.
  $('inputs-link').setAttribute('href', location.href)
  saveStored(storage, state)
  saveStored(session, state)
}

addEventListener('pagehide', flush)
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') flush()
})

addEventListener('hashchange', () => {
  if (location.hash === lastHash) return
  const r = readHash(location.hash)
  if (!r.found) {
    // An in-page link took the hash: put the permalink back.
    if (engine) flush()
    return
  }
  startNotice = r.value === undefined ? 'hash.bad' : ''
  if (r.value !== undefined) {
    dropUndo()
    state = normalizeState(r.value, { lang: state.lang, asOf: today })
    ensureProgram()
    view = null
  }
  applyStatic()
  if (engine && r.value !== undefined) {
    rebuild()
    evaluate()
    flush()
  }
})

// --- tools ---

// The skip link and the phone's results bar move focus without touching the hash (which
// holds the permalink).
for (const link of document.querySelectorAll('.skip-link, .peek')) {
  link.addEventListener('click', (e) => {
    e.preventDefault()
    const target = document.getElementById('results')
    if (!target || target.closest('[hidden]')) return
    target.focus()
    target.scrollIntoView({ block: 'start' })
  })
}

// On a phone the results come after the form: a bar at the bottom of the screen keeps their
// one-line summary in sight while the form is (CSS shows it on narrow screens only), and goes
// when the results are on screen.
let resultsInView = false
function showPeek() {
  const peek = $('peek')
  setText($('peek-status'), els.status.textContent || '')
  peek.hidden = resultsInView || els.main.hidden || !els.status.textContent
}
new IntersectionObserver((entries) => {
  resultsInView = entries.some((e) => e.isIntersecting)
  showPeek()
}).observe(/** @type {HTMLElement} */ ($('results')))

/**
 * Says text beside the buttons, until the next message.
 * @param {string} text
 * @param {boolean} [bad] a failure, shown as one
 */
function toast(text, bad = false) {
  els.toast.classList.toggle('toast-bad', bad)
  els.toast.textContent = ''
  // A new text node so that screen readers announce the same message twice in a row.
  els.toast.append(text)
}

function download(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const a = h('a', { attrs: { href: url, download: name }, hidden: true })
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

function fileBase() {
  return `partnerscore-${shown?.asOf || state.asOf || today}`
}

els.copy.addEventListener('click', async () => {
  flush()
  try {
    await navigator.clipboard.writeText(location.href)
    toast(t('tools.copied'))
  } catch {
    toast(t('tools.copyFailed'))
  }
})

els.json.addEventListener('click', () => {
  if (shown) download(`${fileBase()}.json`, 'application/json', `${JSON.stringify(shown, null, 2)}\n`)
})

els.csv.addEventListener('click', () => {
  // A byte order mark so that spreadsheets read the accents of French names as UTF-8; in
  // French, semicolons and decimal commas, which a French spreadsheet opens in columns.
  if (shown) download(`${fileBase()}.csv`, 'text/csv;charset=utf-8', `\ufeff${resultToCSV(shown, csvDialect(state.lang))}`)
})

els.print.addEventListener('click', () => print())

/**
 * Puts a new state in place of the page's: the form, the results and the permalink follow.
 * @param {import('./state.js').State} next
 */
function replaceProfile(next) {
  state = next
  // A notice about the link the page was opened with no longer applies.
  startNotice = ''
  ensureProgram()
  view = null
  shown = null
  shownProfile = null
  applyStatic()
  rebuild()
  evaluate()
  flush()
}

/** @type {import('./state.js').State|null} the state before the last Start over or Open profile, while Undo can bring it back */
let undoState = null
/** @type {HTMLElement|null} the button that replaced it, which takes the focus back */
let undoFocus = null

/** Offers Undo of a replacement of the state prev, made with the button from. */
function offerUndo(prev, from) {
  undoState = prev
  undoFocus = from
  els.undo.hidden = false
}

/** Undo is offered until the profile is edited or replaced. */
function dropUndo() {
  if (!undoState) return
  undoState = null
  els.undo.hidden = true
}

els.undo.addEventListener('click', () => {
  const prev = undoState
  if (!prev) return
  dropUndo()
  replaceProfile(prev)
  toast(t('tools.undone'))
  undoFocus?.focus()
})

els.reset.addEventListener('click', () => {
  const prev = state
  dropUndo()
  replaceProfile(emptyState(state.lang, today))
  offerUndo(prev, els.reset)
  toast(t('tools.resetDone'))
})

// Save profile: the profile the engine is given, as a file the API and the CLI take
// (schemas/profile.schema.json); what is not a number is left out, and the toast says so.
els.save.addEventListener('click', () => {
  const { profile, errors } = profileOf()
  const name = `partnerscore-profile-${state.asOf.trim() || today}.json`
  download(name, 'application/json', `${JSON.stringify(profile, null, 2)}\n`)
  toast(errors.length ? t('tools.savedWithout', { name, list: errors.map((e) => e.path).join(', ') }) : t('tools.saved', { name }))
})

els.open.addEventListener('click', () => els.file.click())
els.file.addEventListener('change', () => {
  const file = els.file.files?.[0]
  // The same file may be chosen again.
  els.file.value = ''
  if (file) openProfile(file)
})

// A profile file dropped on the page opens too (text dropped into a field stays the field's).
addEventListener('dragover', (e) => {
  if (engine && e.dataTransfer?.types.includes('Files')) e.preventDefault()
})
addEventListener('drop', (e) => {
  const file = e.dataTransfer?.files[0]
  if (!engine || !file) return
  e.preventDefault()
  openProfile(file)
})

/**
 * Opens a profile file in place of the page's profile. A file that is not a profile changes
 * nothing and the toast (beside the buttons) says why; for one that is, it says what of it the
 * simulator left out (see readProfile), and which of its figures and parameters the rules in
 * force do not use.
 * @param {File} file
 */
async function openProfile(file) {
  const name = file.name
  if (file.size > PROFILE_FILE_MAX) {
    toast(t('open.tooLarge', { name, size: formatNumber(file.size / 1e6, state.lang, 1) }), true)
    return
  }
  let text
  try {
    text = await file.text()
  } catch (e) {
    toast(t('open.read', { name, detail: e instanceof Error ? e.message : String(e) }), true)
    return
  }
  const r = readProfile(text, { lang: state.lang, asOf: '' })
  if ('error' in r) {
    toast(t(`open.${r.error}`, { name, detail: r.detail ?? '' }), true)
    return
  }
  const next = r.state
  // The simulator shows one program: the first the file names (the others are left out), or
  // the page's own when it names none (every program in force, as the API reads it).
  const dropped = [...r.dropped, ...next.programs.slice(1).map((_, i) => `/programs/${i + 1}`)]
  next.programs = next.programs.length ? next.programs.slice(0, 1) : [...state.programs]
  if (!programs.has(next.programs[0] || '')) dropped.push('/programs/0')
  const prev = state
  dropUndo()
  replaceProfile(next)
  offerUndo(prev, els.open)
  const v = currentView()
  const unused = [
    ...Object.keys(state.facts).filter((id) => !v.facts.has(id)).map((id) => pointer('facts', id)),
    ...Object.keys(state.parameters || {}).filter((id) => !(v.version?.parameters || []).some((p) => p.id === id)).map((id) => pointer('parameters', id)),
  ]
  // The first ten pointers of a list, then how many more.
  const list = (ptrs) => ptrs.length > 10 ? t('open.more', { list: ptrs.slice(0, 10).join(', '), n: ptrs.length - 10 }) : ptrs.join(', ')
  const says = [dropped.length ? t('open.dropped', { name, list: list(dropped) }) : t('open.done', { name })]
  if (unused.length) says.push(t('open.unused', { date: state.asOf.trim() || today, list: list(unused) }))
  toast(says.join(' '))
}

applyStatic()
start()
