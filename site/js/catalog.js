// The certification catalog: lookup by id, exam code or name, and ranked search for the
// picker. DOM-free.

/**
 * @typedef {{id: string, name: {en: string, fr?: string}, exams?: string[], aliases?: string[],
 *   level?: string, retires?: string, countsUntil?: string}} Certification
 * @typedef {{cert: Certification, exams: string[], names: string[], hay: string}} Entry
 */

/**
 * Lower case, no accents, single spaces: what both sides of a comparison go through.
 * @param {string} s
 */
export function fold(s) {
  return String(s).normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\s+/g, ' ').trim()
}

/** Folds and drops every separator: "AZ-104", "az 104" and "az104" meet. */
function compact(s) {
  return fold(s).replace(/[^a-z0-9]/g, '')
}

export class Catalog {
  /** @type {Certification[]} */
  #certs
  /** @type {Entry[] | null} what search compares, made on the first search */
  #entries = null
  /** @type {Map<string, Certification>} */
  #byKey = new Map()

  /**
   * Indexes the names resolve takes; search's folded names wait for the first search (the
   * catalog is made as the page draws its first result, the picker searches later).
   * @param {Certification[]} certs
   */
  constructor(certs) {
    this.#certs = certs || []
    for (const cert of this.#certs) {
      for (const k of [cert.id, ...(cert.exams || []), cert.name?.en, ...(cert.aliases || [])]) {
        if (!k) continue
        const f = fold(k)
        if (!this.#byKey.has(f)) this.#byKey.set(f, cert)
      }
    }
  }

  /** @returns {Entry[]} */
  #index() {
    this.#entries ??= this.#certs.map((cert) => {
      const exams = (cert.exams || []).map(compact)
      const names = [cert.name?.en, cert.name?.fr, ...(cert.aliases || [])].filter(Boolean).map(fold)
      return { cert, exams, names, hay: [fold(cert.id), ...exams, ...(cert.exams || []).map(fold), ...names].join(' | ') }
    })
    return this.#entries
  }

  /** Every certification, in catalog order. */
  get all() {
    return [...this.#certs]
  }

  /**
   * Finds the certification a profile key names (id, exam code or English name, any case),
   * as the engine does; undefined when none.
   * @param {string} key
   */
  resolve(key) {
    return this.#byKey.get(fold(key))
  }

  /**
   * Ranks the certifications that match a query: exam code first, then names.
   * An empty query lists them all.
   * @param {string} query
   * @param {number} [limit]
   * @returns {Certification[]}
   */
  search(query, limit = 60) {
    const q = fold(query)
    if (q === '') return this.all.slice(0, limit)
    const qc = compact(query)
    const words = q.split(' ')
    /** @type {{cert: Certification, score: number, i: number}[]} */
    const hits = []
    this.#index().forEach((e, i) => {
      let score = 0
      if (qc && e.exams.includes(qc)) score = 100
      else if (fold(e.cert.id) === q) score = 95
      else if (qc && e.exams.some((x) => x.startsWith(qc))) score = 80
      else if (e.names.some((n) => n === q)) score = 75
      else if (e.names.some((n) => n.startsWith(q))) score = 60
      else if (e.names.some((n) => n.includes(q))) score = 50
      else if (words.every((w) => e.hay.includes(w))) score = 40
      if (score) hits.push({ cert: e.cert, score, i })
    })
    hits.sort((a, b) => b.score - a.score || a.i - b.i)
    return hits.slice(0, limit).map((h) => h.cert)
  }
}

/**
 * The name of a certification in lang.
 * @param {Certification} cert
 * @param {string} lang
 */
export function certName(cert, lang) {
  return (lang === 'fr' && cert.name?.fr) || cert.name?.en || cert.id
}

/**
 * "AZ-104 · Microsoft Certified: Azure Administrator Associate", or the name alone.
 * @param {Certification} cert
 * @param {string} lang
 */
export function certLabel(cert, lang) {
  const exams = (cert.exams || []).join(', ')
  return exams ? `${exams} · ${certName(cert, lang)}` : certName(cert, lang)
}
