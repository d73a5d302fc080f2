// PartnerScore's embeddable simulator: the one script a page includes,
//
//   <script type="module" src="https://…/embed/partnerscore-embed.js"></script>
//   <partner-score program="microsoft-ai-cloud-partner-program" lang="fr"></partner-score>
//
// It registers <partner-score> (see partner-score.js and README.md) and nothing else: no
// other global, no storage, no request until a widget comes into view. A tag already
// defined (the script included twice) is left as it is.

import { PartnerScoreElement } from './partner-score.js'

try {
  PartnerScoreElement.define()
} catch (e) {
  if (!(e instanceof DOMException && e.name === 'NotSupportedError')) throw e
}

export { PartnerScoreElement }
