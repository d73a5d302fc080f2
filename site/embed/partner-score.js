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

/** The few texts shown before the rest of the widget has loaded. */
const TEXT = {
  en: { title: 'Partner program simulator', wait: 'The simulator loads when it comes into view.', loading: 'Loading the scoring engine…', failed: 'The simulator could not be loaded: {error}', retry: 'Try again' },
  fr: { title: 'Simulateur de programme partenaire', wait: 'Le simulateur se charge lorsqu’il devient visible.', loading: 'Chargement du moteur de calcul…', failed: 'Le simulateur n’a pas pu être chargé : {error}', retry: 'Réessayer' },
}

/**
 * The registry of the widget's inner elements (ps-scorecard, ps-metric-bar): a scoped one
 * where the browser has them (nothing is added to the page's registry), else the page's.
 * @type {CustomElementRegistry|null}
 */
let inner = null

/** @returns {{registry: CustomElementRegistry, scoped: boolean}} */
export function innerRegistry() {
  if (!inner) {
    try {
      inner = new CustomElementRegistry()
    } catch {
      inner = customElements
    }
  }
  return { registry: inner, scoped: inner !== customElements }
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

export class PartnerScoreElement extends HTMLElement {
  static observedAttributes = ['program', 'areas', 'lang', 'layout', 'profile', 'base']

  /** @param {string} [tag] @param {CustomElementRegistry} [registry] */
  static define(tag = 'partner-score', registry = customElements) {
    registry.define(tag, this)
    return this
  }

  /** @type {ShadowRoot} */
  #shadow
  /** @type {HTMLElement} */
  #root
  /** @type {HTMLElement} */
  #status
  /** @type {HTMLProgressElement} */
  #progress
  /** @type {HTMLButtonElement} */
  #retry
  /** @type {IntersectionObserver|null} */
  #observer = null
  /** @type {Promise<void>|null} */
  #loading = null
  /** @type {any} the view (view.js), once loaded */
  #view = null
  /** The current profile, before and after the view exists. @type {Record<string, any>|null} */
  #profile = null
  /** @type {any} */
  #result = null
  #queued = false
  /** Counts the redraws asked for: the last one wins (texts of a language load first). */
  #drawn = 0

  constructor() {
    super()
    const { registry, scoped } = innerRegistry()
    this.#shadow = this.attachShadow(scoped ? { mode: 'open', customElementRegistry: registry } : { mode: 'open' })
    this.#shadow.adoptedStyleSheets = [sheet()]
    const doc = this.ownerDocument
    this.#root = doc.createElement('div')
    this.#root.className = 'root'
    this.#root.setAttribute('part', 'root')
    const box = doc.createElement('div')
    box.className = 'loading'
    box.setAttribute('part', 'loading')
    const title = doc.createElement('h2')
    title.className = 'title'
    this.#status = doc.createElement('p')
    this.#status.setAttribute('role', 'status')
    this.#progress = doc.createElement('progress')
    this.#progress.hidden = true
    this.#progress.setAttribute('part', 'progress')
    this.#retry = doc.createElement('button')
    this.#retry.type = 'button'
    this.#retry.hidden = true
    this.#retry.addEventListener('click', () => this.load().catch(() => {}))
    box.append(title, this.#status, this.#progress, this.#retry)
    this.#root.append(box)
    this.#shadow.append(this.#root)
    this.#text()
  }

  /** The program id (a program of the engine's data); the first program when empty. */
  get program() {
    return this.getAttribute('program') || ''
  }

  set program(v) {
    this.setAttribute('program', String(v))
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
    this.setAttribute('layout', String(v))
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
    url.search = ''
    url.hash = ''
    if (!url.pathname.endsWith('/')) url.pathname += '/'
    return url.href
  }

  set base(v) {
    this.setAttribute('base', String(v))
  }

  /**
   * The profile the widget evaluates (schemas/profile.schema.json): the `profile`
   * attribute's values, then what was typed. Setting it replaces the values and evaluates.
   * @returns {Record<string, any>}
   */
  get profile() {
    if (this.#view) return this.#view.profile()
    if (this.#profile) return structuredClone(this.#profile)
    try {
      return parseProfileAttr(this.getAttribute('profile')) || {}
    } catch {
      return {}
    }
  }

  set profile(v) {
    if (!v || typeof v !== 'object' || Array.isArray(v)) throw new TypeError('partner-score: profile must be an object')
    this.#profile = structuredClone(v)
    this.#view?.setProfile(this.#profile)
  }

  /** The last result (schemas/result.schema.json), or null before the first one. */
  get result() {
    return this.#result
  }

  /** Whether the engine is loaded and the widget drawn. */
  get ready() {
    return this.#view !== null
  }

  connectedCallback() {
    if (this.#view || this.#loading) return
    for (const type of ['pointerdown', 'focusin', 'keydown']) this.addEventListener(type, this.#wake, { once: true })
    if (typeof IntersectionObserver === 'function') {
      this.#observer = new IntersectionObserver((entries) => {
        if (entries.some((e) => e.isIntersecting)) this.#wake()
      }, { rootMargin: '100px' })
      this.#observer.observe(this)
    } else {
      this.#wake()
    }
  }

  disconnectedCallback() {
    this.#observer?.disconnect()
    this.#observer = null
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue === newValue) return
    if (name === 'profile') {
      try {
        const p = parseProfileAttr(newValue)
        this.#profile = p
        if (this.#view) this.#view.setProfile(p || {})
      } catch (err) {
        this.#fail('config', [{ path: '', code: 'syntax', message: `profile attribute: ${err instanceof Error ? err.message : err}` }])
      }
      return
    }
    if (this.#queued) return
    this.#queued = true
    queueMicrotask(() => {
      this.#queued = false
      this.#text()
      if (this.#view) this.#redraw()
    })
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
    this.#observer = null
    this.#retry.hidden = true
    this.#status.textContent = this.#t('loading')
    this.#status.classList.remove('failed')
    this.#progress.hidden = false
    this.#progress.removeAttribute('value')
    this.#root.setAttribute('aria-busy', 'true')
    const base = this.base
    this.#loading = (async () => {
      // The view's code and the texts of the widget's language, then the engine.
      const [{ sharedEngine, WidgetView }] = await Promise.all([import('./widget.js'), texts(this.language)])
      const engine = await sharedEngine(base, (loaded, total) => {
        if (total) {
          this.#progress.max = total
          this.#progress.value = loaded
        }
      })
      // The language may have changed meanwhile: draw with the texts of the current one.
      let words
      for (;;) {
        const lang = this.language
        words = await texts(lang)
        if (lang === this.language) break
      }
      const config = this.#config()
      this.#view = new WidgetView({
        shadow: this.#shadow,
        root: this.#root,
        engine,
        registry: innerRegistry().registry,
        onResult: (result) => {
          this.#result = result
          this.dispatchEvent(new CustomEvent('partnerscore:result', { detail: result, bubbles: true, composed: true }))
        },
        onError: (stage, errors) => this.#emitError(stage, errors),
      })
      this.#root.removeAttribute('aria-busy')
      let profile = this.#profile
      if (!profile) {
        try {
          profile = parseProfileAttr(this.getAttribute('profile'))
        } catch (err) {
          this.#emitError('config', [{ path: '', code: 'syntax', message: `profile attribute: ${err instanceof Error ? err.message : err}` }])
        }
      }
      this.#drawn++
      await this.#view.configure({ ...config, texts: words }, profile || {})
    })()
    this.#loading.catch((err) => {
      this.#loading = null
      this.#root.removeAttribute('aria-busy')
      this.#fail('load', [{ path: '', code: 'internal', message: err instanceof Error ? err.message : String(err) }])
    })
    return this.#loading
  }

  #config() {
    return { program: this.program, areas: this.areas, lang: this.language, layout: this.layout }
  }

  /** Draws the view again for the attributes, once their language's texts are loaded. */
  #redraw() {
    const n = ++this.#drawn
    const config = this.#config()
    texts(config.lang).then((words) => {
      if (n === this.#drawn) this.#view.configure({ ...config, texts: words })
    }, (err) => {
      if (n === this.#drawn) this.#emitError('load', [{ path: '', code: 'internal', message: err instanceof Error ? err.message : String(err) }])
    })
  }

  /** @param {string} key */
  #t(key) {
    return TEXT[this.language][key]
  }

  #text() {
    const title = this.#root.querySelector('.loading .title')
    if (!title) return
    title.textContent = this.#t('title')
    if (!this.#loading && !this.#status.classList.contains('failed')) this.#status.textContent = this.#t('wait')
    this.#retry.textContent = this.#t('retry')
    this.#progress.setAttribute('aria-label', this.#t('loading'))
    this.#root.lang = this.language
  }

  /** Shows a failure to load (the loading box stays until the engine runs). */
  #fail(stage, errors) {
    if (!this.#view) {
      this.#progress.hidden = true
      this.#status.textContent = this.#t('failed').replace('{error}', errors.map((e) => e.message).join('; '))
      this.#status.classList.add('failed')
      this.#retry.hidden = stage !== 'load'
    }
    this.#emitError(stage, errors)
  }

  #emitError(stage, errors) {
    this.dispatchEvent(new CustomEvent('partnerscore:error', { detail: { stage, errors }, bubbles: true, composed: true }))
  }
}
