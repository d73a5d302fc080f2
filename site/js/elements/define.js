// Registers PartnerScore's custom elements. The element modules have no side effects; this
// module is the one that defines the tags. A tag already defined (the module loaded twice,
// or a page that defined its own) is left as it is.

import { CertPickerElement } from './ps-cert-picker.js'
import { FactFieldElement } from './ps-fact-field.js'
import { MetricBarElement } from './ps-metric-bar.js'
import { ScorecardElement } from './ps-scorecard.js'

for (const el of [MetricBarElement, FactFieldElement, CertPickerElement, ScorecardElement]) {
  try {
    el.define()
  } catch (e) {
    if (!(e instanceof DOMException && e.name === 'NotSupportedError')) throw e
  }
}

export { CertPickerElement, FactFieldElement, MetricBarElement, ScorecardElement }
