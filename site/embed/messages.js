// The widget's texts once it is drawn, one table per language: the simulator's texts it shows
// (../js/messages.js: the scorecard's card.*, the metric categories, the units, the results'
// summary and the field errors, as KEYS lists them) and its own (WIDGET, as widget.*).
//
// The build (tests/js/build-embed.mjs) writes each language's table as its own module,
// dist/site/embed/texts-<lang>.js, and replaces this module in the bundles by one whose
// texts(lang) imports it: a widget fetches the texts of its own language only, along with
// widget.js. The loading state's few texts are in partner-score.js.

import { LANGS, messages } from '../js/messages.js'

/** The simulator's keys kept: a name ending in "." keeps every key it starts. */
export const KEYS = [
  'card.', 'cat.', 'unit.',
  'res.title', 'res.qualifiedIn', 'res.qualifiedNone', 'inputs.item',
  'err.number', 'err.integer', 'err.range', 'err.rangeFact', 'err.other',
]

/** The simulator's keys only the programs of the other models show (their texts, and the
 * units of their facts, parameters and figures): models-view.js holds them (modelTable), the
 * texts of a scorecard widget do not. */
export const MODEL_KEYS = ['model.', 'unit.months', 'unit.years', 'unit.seats', 'unit.offers', 'unit.competencies', 'unit.projects', 'unit.boolean']

/** The widget's own texts (as widget.<key> in the tables). */
export const WIDGET = {
  en: {
    figures: 'Your figures',
    certs: 'Certified people',
    people: 'people holding it',
    rules: 'Rules {version}, in force from {from}; sources checked on {verified}.',
    program: 'unknown program “{id}” (known: {known})',
    area: 'unknown area “{id}” of {program} (known: {known})',
    none: 'This program has no rules in force.',
    stale: 'Fix the highlighted values to update the results.',
    by: 'PartnerScore: runs in your browser; nothing you type leaves this page.',
  },
  fr: {
    figures: 'Vos chiffres',
    certs: 'Personnes certifiées',
    people: 'personnes la détenant',
    rules: 'Règles {version}, en vigueur depuis le {from} ; sources vérifiées le {verified}.',
    program: 'programme inconnu « {id} » (connus : {known})',
    area: 'domaine inconnu « {id} » de {program} (connus : {known})',
    none: 'Aucune règle de ce programme n\'est en vigueur.',
    stale: 'Corrigez les valeurs signalées pour mettre à jour les résultats.',
    by: 'PartnerScore : tout se calcule dans votre navigateur ; rien de ce que vous saisissez ne quitte cette page.',
  },
}

/**
 * Whether the widget keeps a key of the simulator's: a key of keys, or its singular (key.one).
 * @param {string} key
 */
export function kept(key, keys = KEYS) {
  return keys.some((k) => (k.endsWith('.') ? key.startsWith(k) : key === k || key === `${k}.one`))
}

/**
 * The widget's table of a language (en or fr): every key in it, English where the simulator
 * has no translation.
 * @param {string} lang
 * @returns {Record<string, string>}
 */
export function table(lang) {
  if (!LANGS.includes(lang)) throw new RangeError(`partner-score: no texts in ${lang}`)
  const out = {}
  for (const [key, text] of Object.entries(messages.en)) {
    if (kept(key) && !kept(key, MODEL_KEYS)) out[key] = messages[lang][key] ?? text
  }
  for (const [key, text] of Object.entries(WIDGET.en)) out[`widget.${key}`] = WIDGET[lang][key] ?? text
  return out
}

/**
 * The simulator's texts of a language that only the programs of the other models show
 * (MODEL_KEYS), English where it has no translation. In the bundle: widget-models.js holds
 * them for every language.
 * @param {string} lang
 * @returns {Record<string, string>}
 */
export function modelTable(lang) {
  if (!LANGS.includes(lang)) throw new RangeError(`partner-score: no texts in ${lang}`)
  const out = {}
  for (const [key, text] of Object.entries(messages.en)) {
    if (kept(key, MODEL_KEYS)) out[key] = messages[lang][key] ?? text
  }
  return out
}

/**
 * The table of a language, as the widget loads it (in the bundle: texts-<lang>.js).
 * @param {string} lang
 * @returns {Promise<Record<string, string>>}
 */
export async function texts(lang) {
  return table(lang)
}
