// UI strings in English and French. Rule labels (programs, areas, tracks, metrics, facts,
// certifications) never live here: they come from the program data. DOM-free.

/** @type {readonly string[]} */
export const LANGS = Object.freeze(['en', 'fr'])

const en = {
  'app.title': 'PartnerScore',
  'app.tagline': 'Partner program simulator: your score per designation, every point explained.',
  'app.skip': 'Skip to the results',
  'app.lang': 'Language',
  'app.private': 'Everything runs in this page: what you type never leaves your browser.',
  'app.noscript': 'PartnerScore needs JavaScript and WebAssembly.',
  'load.label': 'Loading the scoring engine',
  'load.bytes': '{pct}% ({mb} MB received)',
  'load.failed': 'The scoring engine could not be loaded: {error}',
  'load.retry': 'Try again',
  'hash.bad': 'The link could not be read; the last saved profile is shown instead.',

  'tools.label': 'Share and export',
  'tools.copy': 'Copy link',
  'tools.copied': 'Link copied to the clipboard.',
  'tools.copyFailed': 'Copy the address from the address bar: it holds the whole profile.',
  'tools.json': 'Export JSON',
  'tools.csv': 'Export CSV',
  'tools.print': 'Print',
  'tools.reset': 'Start over',
  'tools.resetDone': 'Profile cleared.',

  'form.title': 'Your profile',
  'form.programGroup': 'Program and date',
  'form.program': 'Program',
  'form.asOf': 'Evaluation date',
  'form.asOfHelp': 'The rules in force on this date apply. Leave empty for today.',
  'form.version': 'Rules {version}, in force from {from}; sources checked on {verified}.',
  'form.versionTo': 'Rules {version}, in force from {from} to {to}; sources checked on {verified}.',
  'form.noVersion': 'No rules of this program are in force on this date.',
  'form.selection': 'Track selection',
  'form.track': 'Track',
  'form.trackAuto': 'Automatic (program rule)',
  'form.sameAs': 'Uses the figures entered under {area}.',
  'form.alsoUses': 'Also uses figures entered under {area}.',
  'form.other': 'Other figures',
  'form.whole': 'Whole number',
  'form.number': 'Number',
  'form.between': '{kind} from {min} to {max}',
  'form.atLeast': '{kind}, {min} or more',

  'certs.title': 'Certified people',
  'certs.help': 'Give a number of people per certification, or name people with the certifications each holds. A person counts once per step, however many certifications they hold; counted people are taken as distinct from everyone else.',
  'certs.counts': 'People per certification',
  'certs.add': 'Add a certification (exam code or name)',
  'certs.placeholder': 'e.g. AZ-104 or Teams',
  'certs.count': 'People holding {cert}',
  'certs.remove': 'Remove {cert}',
  'certs.none': 'No certification counted yet.',
  'certs.countsFor': 'Counts for: {areas}',
  'certs.countsNowhere': 'Counts for no area of this program',
  'certs.retired': 'counts until {date}',
  'certs.noMatch': 'No certification matches “{q}”.',
  'certs.found': '{n} certifications found. Use the arrow keys to choose.',
  'certs.found1': '1 certification found. Use the arrow keys to choose.',
  'certs.unknown': 'unknown certification “{key}”',

  'people.title': 'Named people',
  'people.add': 'Add a person',
  'people.person': 'Person {n}',
  'people.name': 'Name or e-mail of person {n} (optional)',
  'people.addCert': 'Add a certification to person {n}',
  'people.remove': 'Remove person {n}',
  'people.removeCert': 'Remove {cert} from person {n}',
  'people.noCerts': 'No certification yet.',
  'people.holds': 'Certifications of person {n}',

  'plan.title': 'Plan to qualify',
  'plan.on': 'Show the gaps and the cheapest plan for each area',
  'plan.costs': 'Relative cost of one unit (optional: anything not listed costs 1).',
  'plan.addFact': 'Add a cost for a figure',
  'plan.addFactNone': 'Choose a figure…',
  'plan.addCert': 'Add a cost for a certification',
  'plan.add': 'Add',
  'plan.costFact': 'Cost of one unit: {label}',
  'plan.costCert': 'Cost of one more person certified: {cert}',
  'plan.remove': 'Remove this cost',

  'res.title': 'Results',
  'res.waiting': 'The results appear here as you type.',
  'res.program': '{program}: rules {version}, evaluated on {date}.',
  'res.qualifiedIn': 'Qualified in {n} of {total} areas: {list}.',
  'res.qualifiedNone': 'Not qualified in any of the {total} areas yet.',
  'res.errors': 'Fix these values to update the results:',
  'res.stale': 'The results below are those of the last valid values.',
  'res.partial': 'The values in error are left out of the results below.',
  'res.warnings': 'Warnings',
  'res.sources': 'Sources',
  'res.read': 'read on {date}',

  'card.qualified': 'Qualified',
  'card.notQualified': 'Not qualified',
  'card.scoreLabel': 'Score {score} out of {max}; {qualifying} qualifies',
  'card.threshold': 'Qualifying score: {n}, with every metric above zero.',
  'card.shortfall': '{n} points short.',
  'card.zero': 'Metrics at zero: {n} (each must be above zero).',
  'card.reached': 'Qualifying score reached.',
  'card.track': 'Track: {track}.',
  'card.whyBest': 'Both tracks are scored ({scores}); a qualifying track wins, then the higher score.',
  'card.whyFactHigh': '{fact} is {value}, at least {atLeast}.',
  'card.whyFactLow': '{fact} is {value}, below {atLeast}.',
  'card.whyFactMissing': '{fact} is not given, so it counts as 0 (below {atLeast}).',
  'card.whyProfile': 'Set in your profile.',
  'card.metrics': 'Metrics',
  'card.points': '{points} / {max} pts',
  'card.metricBar': '{name}: {points} of {max} points',
  'card.gates': 'Certification steps',
  'card.gate': '{certs}: {people} of {required} people',
  'card.gateMet': 'met',
  'card.gateNotMet': 'not met',
  'card.prereq': 'Needs {fact} of at least {atLeast} (now {value}): {state}.',
  'card.plan': 'Plan',
  'card.planDone': 'Already qualified: nothing to add.',
  'card.planReach': 'Cheapest plan: on the {track} track, reach {score} points for a cost of {cost}.',
  'card.planUnreachable': 'No addition can qualify this area: {reason}',
  'card.stepFact': 'Add {add} {unit}: {label} (cost {cost}).',
  'card.stepCert': 'Certify {add} more {unit} in {cert} (cost {cost}).',
  'card.gaps': 'Gaps',
  'card.gapMetric': 'Metric',
  'card.gapMeasure': 'Measure',
  'card.gapNow': 'Now',
  'card.gapAdd': 'To add',
  'card.gapPoints': 'More points',
  'card.gapPeople': 'people with {certs}',

  'cat.performance': 'Performance',
  'cat.skilling': 'Skilling',
  'cat.customer-success': 'Customer success',

  'unit.customers': 'customers',
  'unit.people': 'people',
  'unit.users': 'users',
  'unit.deployments': 'deployments',
  'unit.percent': '%',
  'unit.usd': 'USD',
  'unit.services': 'services',
  'unit.workloads': 'workloads',
  'unit.mcv': 'USD (MCV)',

  'err.number': 'Not a number: type digits, e.g. 12 or 2.5.',
  'err.integer': 'Enter a whole number (got {got}).',
  'err.range': 'Out of bounds: expected {expected} (got {got}).',
  'err.rangeFact': 'Must be between {min} and {max} (got {got}).',
  'err.unknown': 'Unknown value {got}.',
  'err.suggest': 'Did you mean {suggestion}?',
  'err.date': 'Not a valid date: use YYYY-MM-DD.',
  'err.no-rules': 'No rules are in force on this date.',
  'err.other': '{message}',
  'err.engine': 'Engine: {text}',
  'err.general': 'Profile',
}

const fr = {
  'app.title': 'PartnerScore',
  'app.tagline': 'Simulateur de programmes partenaires : votre score par désignation, chaque point expliqué.',
  'app.skip': 'Aller aux résultats',
  'app.lang': 'Langue',
  'app.private': 'Tout s’exécute dans cette page : ce que vous saisissez ne quitte pas votre navigateur.',
  'app.noscript': 'PartnerScore a besoin de JavaScript et de WebAssembly.',
  'load.label': 'Chargement du moteur de calcul',
  'load.bytes': '{pct} % ({mb} Mo reçus)',
  'load.failed': 'Le moteur de calcul n’a pas pu être chargé : {error}',
  'load.retry': 'Réessayer',
  'hash.bad': 'Le lien n’a pas pu être lu ; le dernier profil enregistré est affiché.',

  'tools.label': 'Partager et exporter',
  'tools.copy': 'Copier le lien',
  'tools.copied': 'Lien copié dans le presse-papiers.',
  'tools.copyFailed': 'Copiez l’adresse depuis la barre d’adresse : elle contient tout le profil.',
  'tools.json': 'Exporter en JSON',
  'tools.csv': 'Exporter en CSV',
  'tools.print': 'Imprimer',
  'tools.reset': 'Recommencer',
  'tools.resetDone': 'Profil effacé.',

  'form.title': 'Votre profil',
  'form.programGroup': 'Programme et date',
  'form.program': 'Programme',
  'form.asOf': 'Date d’évaluation',
  'form.asOfHelp': 'Les règles en vigueur à cette date s’appliquent. Laissez vide pour aujourd’hui.',
  'form.version': 'Règles {version}, en vigueur depuis le {from} ; sources vérifiées le {verified}.',
  'form.versionTo': 'Règles {version}, en vigueur du {from} au {to} ; sources vérifiées le {verified}.',
  'form.noVersion': 'Aucune règle de ce programme n’est en vigueur à cette date.',
  'form.selection': 'Choix du parcours',
  'form.track': 'Parcours',
  'form.trackAuto': 'Automatique (règle du programme)',
  'form.sameAs': 'Utilise les chiffres saisis sous {area}.',
  'form.alsoUses': 'Utilise aussi des chiffres saisis sous {area}.',
  'form.other': 'Autres chiffres',
  'form.whole': 'Nombre entier',
  'form.number': 'Nombre',
  'form.between': '{kind} de {min} à {max}',
  'form.atLeast': '{kind}, {min} ou plus',

  'certs.title': 'Personnes certifiées',
  'certs.help': 'Indiquez un nombre de personnes par certification, ou nommez des personnes avec les certifications de chacune. Une personne compte une fois par étape, quel que soit son nombre de certifications ; les personnes comptées sont tenues pour distinctes de toutes les autres.',
  'certs.counts': 'Personnes par certification',
  'certs.add': 'Ajouter une certification (code d’examen ou nom)',
  'certs.placeholder': 'p. ex. AZ-104 ou Teams',
  'certs.count': 'Personnes titulaires de {cert}',
  'certs.remove': 'Retirer {cert}',
  'certs.none': 'Aucune certification comptée pour l’instant.',
  'certs.countsFor': 'Compte pour : {areas}',
  'certs.countsNowhere': 'Ne compte pour aucun domaine de ce programme',
  'certs.retired': 'compte jusqu’au {date}',
  'certs.noMatch': 'Aucune certification ne correspond à « {q} ».',
  'certs.found': '{n} certifications trouvées. Choisissez avec les flèches.',
  'certs.found1': '1 certification trouvée. Choisissez avec les flèches.',
  'certs.unknown': 'certification inconnue « {key} »',

  'people.title': 'Personnes nommées',
  'people.add': 'Ajouter une personne',
  'people.person': 'Personne {n}',
  'people.name': 'Nom ou e-mail de la personne {n} (facultatif)',
  'people.addCert': 'Ajouter une certification à la personne {n}',
  'people.remove': 'Retirer la personne {n}',
  'people.removeCert': 'Retirer {cert} de la personne {n}',
  'people.noCerts': 'Aucune certification pour l’instant.',
  'people.holds': 'Certifications de la personne {n}',

  'plan.title': 'Plan pour se qualifier',
  'plan.on': 'Afficher les écarts et le plan le moins coûteux pour chaque domaine',
  'plan.costs': 'Coût relatif d’une unité (facultatif : tout ce qui n’est pas listé coûte 1).',
  'plan.addFact': 'Ajouter un coût pour un chiffre',
  'plan.addFactNone': 'Choisissez un chiffre…',
  'plan.addCert': 'Ajouter un coût pour une certification',
  'plan.add': 'Ajouter',
  'plan.costFact': 'Coût d’une unité : {label}',
  'plan.costCert': 'Coût d’une personne certifiée de plus : {cert}',
  'plan.remove': 'Retirer ce coût',

  'res.title': 'Résultats',
  'res.waiting': 'Les résultats s’affichent ici pendant la saisie.',
  'res.program': '{program} : règles {version}, évaluation au {date}.',
  'res.qualifiedIn': 'Qualifié dans {n} domaines sur {total} : {list}.',
  'res.qualifiedNone': 'Pas encore qualifié dans aucun des {total} domaines.',
  'res.errors': 'Corrigez ces valeurs pour mettre à jour les résultats :',
  'res.stale': 'Les résultats ci-dessous sont ceux des dernières valeurs valides.',
  'res.partial': 'Les valeurs en erreur sont laissées de côté dans les résultats ci-dessous.',
  'res.warnings': 'Avertissements',
  'res.sources': 'Sources',
  'res.read': 'lu le {date}',

  'card.qualified': 'Qualifié',
  'card.notQualified': 'Non qualifié',
  'card.scoreLabel': 'Score {score} sur {max} ; {qualifying} qualifie',
  'card.threshold': 'Score de qualification : {n}, avec chaque critère au-dessus de zéro.',
  'card.shortfall': 'Il manque {n} points.',
  'card.zero': 'Critères à zéro : {n} (chacun doit être au-dessus de zéro).',
  'card.reached': 'Score de qualification atteint.',
  'card.track': 'Parcours : {track}.',
  'card.whyBest': 'Les deux parcours sont calculés ({scores}) ; un parcours qualifiant l’emporte, puis le score le plus haut.',
  'card.whyFactHigh': '{fact} vaut {value}, au moins {atLeast}.',
  'card.whyFactLow': '{fact} vaut {value}, moins de {atLeast}.',
  'card.whyFactMissing': '{fact} n’est pas renseigné et compte pour 0 (moins de {atLeast}).',
  'card.whyProfile': 'Fixé dans votre profil.',
  'card.metrics': 'Critères',
  'card.points': '{points} / {max} pts',
  'card.metricBar': '{name} : {points} points sur {max}',
  'card.gates': 'Étapes de certification',
  'card.gate': '{certs} : {people} personnes sur {required}',
  'card.gateMet': 'atteinte',
  'card.gateNotMet': 'non atteinte',
  'card.prereq': 'Demande {fact} d’au moins {atLeast} (actuellement {value}) : {state}.',
  'card.plan': 'Plan',
  'card.planDone': 'Déjà qualifié : rien à ajouter.',
  'card.planReach': 'Plan le moins coûteux : sur le parcours {track}, atteindre {score} points pour un coût de {cost}.',
  'card.planUnreachable': 'Aucun ajout ne peut qualifier ce domaine : {reason}',
  'card.stepFact': 'Ajouter {add} {unit} : {label} (coût {cost}).',
  'card.stepCert': 'Certifier {add} {unit} de plus en {cert} (coût {cost}).',
  'card.gaps': 'Écarts',
  'card.gapMetric': 'Critère',
  'card.gapMeasure': 'Mesure',
  'card.gapNow': 'Actuel',
  'card.gapAdd': 'À ajouter',
  'card.gapPoints': 'Points en plus',
  'card.gapPeople': 'personnes avec {certs}',

  'cat.performance': 'Performance',
  'cat.skilling': 'Compétences',
  'cat.customer-success': 'Réussite client',

  'unit.customers': 'clients',
  'unit.people': 'personnes',
  'unit.users': 'utilisateurs',
  'unit.deployments': 'déploiements',
  'unit.percent': '%',
  'unit.usd': 'USD',
  'unit.services': 'services',
  'unit.workloads': 'charges de travail',
  'unit.mcv': 'USD (MCV)',

  'err.number': 'Ce n’est pas un nombre : saisissez des chiffres, p. ex. 12 ou 2,5.',
  'err.integer': 'Saisissez un nombre entier (reçu : {got}).',
  'err.range': 'Hors limites : attendu {expected} (reçu : {got}).',
  'err.rangeFact': 'Doit être entre {min} et {max} (reçu : {got}).',
  'err.unknown': 'Valeur inconnue : {got}.',
  'err.suggest': 'Vouliez-vous dire {suggestion} ?',
  'err.date': 'Date invalide : utilisez AAAA-MM-JJ.',
  'err.no-rules': 'Aucune règle n’est en vigueur à cette date.',
  'err.other': '{message}',
  'err.engine': 'Moteur : {text}',
  'err.general': 'Profil',
}

/** @type {Readonly<Record<string, Readonly<Record<string, string>>>>} */
export const messages = Object.freeze({ en: Object.freeze(en), fr: Object.freeze(fr) })

/**
 * Returns the closed-set language for a tag ("fr-CA" → "fr"), or "" when not supported.
 * @param {unknown} tag
 */
export function langOf(tag) {
  if (typeof tag !== 'string') return ''
  const base = tag.trim().toLowerCase().split(/[-_]/)[0]
  return LANGS.includes(base) ? base : ''
}

/**
 * Picks the UI language from the browser's preferences (first supported), English otherwise.
 * @param {readonly string[]|undefined} preferred navigator.languages
 * @param {string|undefined} single navigator.language
 */
export function negotiate(preferred, single) {
  for (const tag of [...(preferred || []), single]) {
    const l = langOf(tag)
    if (l) return l
  }
  return 'en'
}

/**
 * Translates key into lang, filling {name} placeholders from params. A missing key falls back
 * to English, then to the key itself, so a gap shows up instead of breaking the page.
 * @param {string} lang
 * @param {string} key
 * @param {Record<string, unknown>} [params]
 */
export function t(lang, key, params) {
  const table = messages[lang] || messages.en
  const text = table[key] ?? messages.en[key] ?? key
  if (!params) return text
  return text.replace(/\{(\w+)\}/g, (m, name) => (name in params ? String(params[name]) : m))
}
