// The second floor of tests/js/e2e/bench.mjs: load the engine with the site's own loader,
// evaluate an empty profile once (the first evaluation compiles the evaluation's functions),
// then mark the time.
import { loadEngine } from './js/engine.js'

const engine = await loadEngine()
const out = engine.evaluate({})
if (!out.ok) throw new Error(JSON.stringify(out.errors))
performance.mark('floor:done')
