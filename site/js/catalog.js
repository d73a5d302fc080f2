// The certification catalog: lookup by id, exam code or name, and ranked search for the
// picker. DOM-free.

/**
 * @typedef {{id: string, name: {en: string, fr?: string}, exams?: string[], aliases?: string[],
 *   level?: string, retires?: string, countsUntil?: string}} Certification
 * @typedef {{cert: Certification, exams: string[], names: string[], hay: string}} Entry
 */

/**
 * Lower case, no accents, single spaces: what both sides of a comparison go through.
 * Printable ASCII has no accent to drop: it skips the Unicode normalization, whose first
 * use in a page is slow (the catalog folds every name as the first result is drawn).
 * @param {string} s
 */
export function fold(s) {
  let t = String(s)
  if (!PRINTABLE_ASCII.test(t)) t = t.normalize('NFD').replace(/[\u0300-\u036f]/g, '')
  return t.toLowerCase().replace(/\s+/g, ' ').trim()
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/

/** Folds and drops every separator: "AZ-104", "az 104" and "az104" meet. */
function compact(s) {
  return fold(s).replace(/[^a-z0-9]/g, '')
}

export class Catalog {
  /** @type {Entry[]} */
  #entries
  /** @type {Map<string, Certification>} */
  #byKey = new Map()

  /** @param {Certification[]} certs */
  constructor(certs) {
    this.#entries = (certs || []).map((cert) => {
      const exams = (cert.exams || []).map(compact)
      const names = [cert.name?.en, cert.name?.fr, ...(cert.aliases || [])].filter(Boolean).map(fold)
      return { cert, exams, names, hay: [fold(cert.id), ...exams, ...(cert.exams || []).map(fold), ...names].join(' | ') }
    })
    for (const { cert } of this.#entries) {
      for (const k of [cert.id, ...(cert.exams || []), cert.name?.en, ...(cert.aliases || [])]) {
        if (k && !this.#byKey.has(fold(k))) this.#byKey.set(fold(k), cert)
      }
    }
  }

  /** Every certification, in catalog order. */
  get all() {
    return this.#entries.map((e) => e.cert)
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
    this.#entries.forEach((e, i) => {
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
