// The simulator's texts (../js/messages.js) that the widget shows: the scorecard's (card.*,
// the metric categories, the units), the results' summary and the field errors. The widget's
// bundle keeps only these keys of the simulator's tables (tests/js/build-embed.mjs): a key the
// widget uses must be listed here, which a test checks against view.js and ps-scorecard.js.

export { t } from '../js/messages.js'

/** The keys kept: a name ending in "." keeps every key it starts. */
export const KEYS = [
  'card.', 'cat.', 'unit.',
  'res.title', 'res.qualifiedIn', 'res.qualifiedNone',
  'err.number', 'err.integer', 'err.range', 'err.rangeFact', 'err.other',
]

/**
 * Whether the widget keeps a key.
 * @param {string} key
 */
export function kept(key) {
  return KEYS.some((k) => (k.endsWith('.') ? key.startsWith(k) : key === k))
}
