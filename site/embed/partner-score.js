// <partner-score program="…" areas="…" lang="fr" layout="compact" profile='{"facts":{…}}'
//   base="https://…/partnerscore/">: the embeddable PartnerScore simulator (see
// site/embed/README.md). It draws into its own shadow root, shows a loading state, and
// loads the engine (partnerscore.wasm) only when it comes into view or is first used;
// every widget of the page shares one engine. This module has no side effects:
// partnerscore-embed.js registers the element.
//
// Safe by construction: text only (textContent), no storage, no cookies, no request but
// its own assets, no global (the Go runtime runs against a stand-in global object, see
// engine.js), and no inline script or style (a constructable stylesheet).

import { texts } from './messages.js'
import { sheet } from './styles.js'

const HTMLElement = globalThis.HTMLElement || /** @type {any} */ (class {})

/** The layouts, the first being the default. */
export const LAYOUTS = Object.freeze(['full', 'compact'])

/** The languages, the first being the default. */
export const LANGS = Object.freeze(['en', 'fr'])

/** The few texts shown before the rest of the widget has loaded: the title, the wait, the
 * loading, the failure ({error}: what failed) and the retry button. */
const TEXT = {
  en: ['Partner program simulator', 'The simulator loads when it comes into view.', 'Loading the scoring engine…', 'The simulator could not be loaded: {error}', 'Try again'],
  fr: ['Simulateur de programme partenaire', 'Le simulateur se charge lorsqu\'il devient visible.', 'Chargement du moteur de calcul…', 'Le simulateur n\'a pas pu être chargé : {error}', 'Réessayer'],
}

/**
 * The registry the widget's inner tags (ps-scorecard, ps-metric-bar) are created from: a
 * scoped one where the browser has them, which defines nothing, so that no definition of the
 * page's upgrades them; else the page's. The widget itself defines no element there: it draws
 * them (ps-scorecard.js's renderCard, ps-metric-bar.js's drawBar).
 * @type {CustomElementRegistry|null}
 */
let inner = null

/** @returns {CustomElementRegistry} */
export function innerRegistry() {
  if (!inner) {
    try {
      inner = new CustomElementRegistry()
    } catch {
      inner = customElements
    }
  }
  return inner
}

/**
 * Reads the `profile` attribute: a JSON object, or null (empty). Throws on anything else.
 * @param {string|null} text
 */
export function parseProfileAttr(text) {
  if (text === null || text.trim() === '') return null
  const v = JSON.parse(text)
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw new TypeError('the profile attribute must hold a JSON object')
  return v
}

/**
 * Splits an `areas` attribute (ids separated by spaces or commas).
 * @param {string|null} text
 * @returns {string[]}
 */
export function parseList(text) {
  return (text || '').split(/[\s,]+/).filter(Boolean)
}

/** One error of the widget's own, as the engine's: no path, a code, the message. */
const problem = (code, err, prefix = '') => [{ path: '', code, message: prefix + (err instanceof Error ? err.message : String(err)) }]

export class PartnerScoreElement extends HTMLElement {
  static observedAttributes = ['program', 'areas', 'lang', 'layout', 'profile', 'base']

  /** @param {string} [tag] @param {CustomElementRegistry} [registry] */
  static define(tag = 'partner-score', registry = customElements) {
    registry.define(tag, this)
    return this
  }

  /** @type {HTMLElement} the root in the shadow root, the loading box until the view draws */
  #root
  /** The loading box's title, status, progress bar and retry button. @type {HTMLElement[]} */
  #box
  /** @type {IntersectionObserver|undefined} */
  #observer
  /** @type {Promise<void>|null} */
  #loading = null
  /** @type {import('./view.js').View|null} the view (view.js), once loaded */
  #view = null
  /** The current profile, before and after the view exists. @type {Record<string, any>|null} */
  #profile = null
  /** @type {any} */
  #result = null
  /** The `profile` attribute's error (not a JSON object) until the next profile, or null. */
  #bad = null
  /** The stage that failed while loading ('load' or 'config'), or ''. */
  #failed = ''
  #queued = false
  /** @type {Record<string, any>|undefined} the profile the next drawing starts from */
  #pending
  /** Counts the redraws asked for: the last one wins (texts of a language load first). */
  #drawn = 0
  /** The latest drawing, which load() waits for when attributes changed meanwhile. */
  #drawing = null
  /** Set once load()'s first drawing is done (a program of another model loads its view's
   * code first: the view exists before its first result). */
  #ready = false

  constructor() {
    super()
    const registry = innerRegistry()
    const shadow = this.attachShadow(registry === customElements ? { mode: 'open' } : { mode: 'open', customElementRegistry: registry })
    shadow.adoptedStyleSheets = [sheet()]
    const el = (tag, props) => Object.assign(this.ownerDocument.createElement(tag), props)
    this.#box = [el('h2', { className: 'title' }), el('p'), el('progress', { hidden: true, part: 'progress' }), el('button', { type: 'button', hidden: true })]
    this.#box[1].setAttribute('role', 'status')
    this.#box[3].addEventListener('click', this.#wake)
    const box = el('div', { className: 'loading', part: 'loading' })
    box.append(...this.#box)
    this.#root = el('div', { className: 'root', part: 'root' })
    this.#root.append(box)
    shadow.append(this.#root)
    this.#text()
  }

  /** The program id (a program of the engine's data); the first program when empty. */
  get program() {
    return this.getAttribute('program') || ''
  }

  set program(v) {
    this.setAttribute('program', v)
  }

  /** The area ids shown, in order; every area of the program when empty. */
  get areas() {
    return parseList(this.getAttribute('areas'))
  }

  set areas(v) {
    this.setAttribute('areas', (Array.isArray(v) ? v : parseList(String(v))).join(' '))
  }

  /** `full` (form and detailed scorecards side by side) or `compact` (one column). */
  get layout() {
    const v = (this.getAttribute('layout') || '').trim().toLowerCase()
    return LAYOUTS.includes(v) ? v : LAYOUTS[0]
  }

  set layout(v) {
    this.setAttribute('layout', v)
  }

  /** The language of the widget and of the engine's explanations: the element's `lang`
   * (or its closest ancestor's) when supported, else English. */
  get language() {
    const tag = this.closest('[lang]')?.getAttribute('lang') || ''
    const base = tag.trim().toLowerCase().split(/[-_]/)[0]
    return LANGS.includes(base) ? base : LANGS[0]
  }

  /** The folder holding partnerscore.wasm (read when the engine loads); by default the
   * folder above this script's. A folder given without its final slash gets one. */
  get base() {
    const b = (this.getAttribute('base') || '').trim()
    let url
    try {
      url = new URL(b || '../', b ? this.ownerDocument.baseURI : import.meta.url)
    } catch {
      url = new URL('../', import.meta.url)
    }
    url.search = url.hash = ''
    if (!url.pathname.endsWith('/')) url.pathname += '/'
    return url.href
  }

  set base(v) {
    this.setAttribute('base', v)
  }

  /**
   * The profile the widget evaluates (schemas/profile.schema.json): the `profile`
   * attribute's values, then what was typed. Setting it replaces the values and evaluates.
   * @returns {Record<string, any>}
   */
  get profile() {
    if (this.#view) return this.#view.profile()
    try {
      return structuredClone(this.#profile || parseProfileAttr(this.getAttribute('profile')) || {})
    } catch {
      return {}
    }
  }

  set profile(v) {
    if (!v || typeof v !== 'object' || Array.isArray(v)) throw new TypeError('partner-score: profile must be an object')
    this.#profile = structuredClone(v)
    this.#bad = null
    this.#view?.setProfile(this.#profile)
  }

  /** The last result (schemas/result.schema.json), or null before the first one. */
  get result() {
    return this.#result
  }

  /** Whether the engine is loaded and the widget drawn, its first result out. */
  get ready() {
    return this.#ready
  }

  connectedCallback() {
    if (this.#view || this.#loading) return
    for (const type of ['pointerdown', 'focusin', 'keydown']) this.addEventListener(type, this.#wake, { once: true })
    this.#observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) this.#wake()
    }, { rootMargin: '100px' })
    this.#observer.observe(this)
  }

  disconnectedCallback() {
    this.#observer?.disconnect()
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue === newValue) return
    if (name === 'profile') {
      try {
        this.#profile = parseProfileAttr(newValue)
        this.#bad = null
        this.#view?.setProfile(this.#profile || {})
      } catch (err) {
        // The values stay as they were; the error is shown, and sent once the widget is drawn.
        this.#fail('config', (this.#bad = problem('syntax', err, 'profile attribute: ')))
      }
    } else if (!this.#queued) {
      this.#queued = true
      queueMicrotask(() => {
        this.#queued = false
        this.#text()
        if (this.#view) this.#drawing = this.#draw()
      })
    }
  }

  #wake = () => {
    this.load().catch(() => {})
  }

  /**
   * Loads the engine and draws the widget now (it otherwise happens when the widget comes
   * into view or is first used). Resolves once the first result is out.
   * @returns {Promise<void>}
   */
  load() {
    if (this.#loading) return this.#loading
    this.#observer?.disconnect()
    this.#failed = ''
    this.#root.setAttribute('aria-busy', 'true')
    const base = this.base
    this.#loading = (async () => {
      // The view's code and the texts of the widget's language, then the engine.
      const [{ sharedEngine, createView }] = await Promise.all([import('./widget.js'), texts(this.language)])
      const engine = await sharedEngine(base)
      // The profile attribute was read when set (attributeChangedCallback); its error is sent now.
      this.#view = createView({
        root: this.#root,
        engine,
        registry: innerRegistry(),
        onResult: (result) => this.#emit('result', (this.#result = result)),
        onError: (stage, errors) => this.#emit('error', { stage, errors }),
      })
      if (this.#bad) this.#fail('config', this.#bad)
      this.#root.removeAttribute('aria-busy')
      this.#pending = this.#profile || {}
      // A drawing asked for meanwhile (an attribute changed) supersedes this one: wait for
      // the latest, so that load() resolves once the first result is out.
      let drawing = (this.#drawing = this.#draw())
      while (await drawing, drawing !== this.#drawing) drawing = this.#drawing
      this.#ready = true
    })()
    this.#text()
    this.#loading.catch((err) => {
      this.#loading = null
      this.#root.removeAttribute('aria-busy')
      this.#fail('load', problem('internal', err))
    })
    return this.#loading
  }

  /**
   * Draws the view for the attributes (from the pending profile, the first time), once their
   * language's texts are loaded; of overlapping drawings, the last one asked for wins.
   */
  async #draw() {
    const n = ++this.#drawn
    const lang = this.language
    try {
      const words = await texts(lang)
      if (n !== this.#drawn) return
      const profile = this.#pending
      this.#pending = undefined
      await this.#view?.configure({ program: this.program, areas: this.areas, lang, layout: this.layout, texts: words }, profile)
    } catch (err) {
      if (n === this.#drawn) this.#emit('error', { stage: 'load', errors: problem('internal', err) })
    }
  }

  /** The loading box's texts, in the widget's language. @param {string} [error] a failure to load */
  #text(error) {
    if (this.#view) return
    const [title, wait, loading, failed, retry] = TEXT[this.language]
    const [h, status, progress, button] = this.#box
    h.textContent = title
    if (error !== undefined) status.textContent = failed.replace('{error}', error)
    else if (!this.#failed) status.textContent = this.#loading ? loading : wait
    status.className = this.#failed ? 'failed' : ''
    progress.hidden = !this.#loading || !!this.#failed
    progress.setAttribute('aria-label', loading)
    button.textContent = retry
    button.hidden = this.#failed !== 'load'
    this.#root.lang = this.language
  }

  /** Shows a failure (in the loading box until the engine runs, then in the widget's list) and
   * tells the page: at once when the engine could not load, once drawn for the others (as the
   * view sends an unknown program or area). */
  #fail(stage, errors) {
    if (this.#view) this.#view.note(errors)
    else {
      this.#failed = stage
      this.#text(errors.map((e) => e.message).join('; '))
    }
    if (this.#view || stage === 'load') this.#emit('error', { stage, errors })
  }

  /** @param {'result'|'error'} type @param {any} detail */
  #emit(type, detail) {
    this.dispatchEvent(new CustomEvent(`partnerscore:${type}`, { detail, bubbles: true, composed: true }))
  }
}
