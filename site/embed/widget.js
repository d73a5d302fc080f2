// What a widget loads when it comes into view (partner-score.js imports it): the page's shared
// engine and the view. `./build.sh build` bundles it, with everything it imports, into one
// minified module, dist/site/embed/widget.js (tests/js/build-embed.mjs): the only script
// fetched after the loader, before partnerscore.wasm.
//
// go-runtime.js is not in site/: the build makes it from the toolchain's wasm_exec.js, wrapped
// in a function whose parameter named globalThis stands for the global object (engine.js,
// scope()), so that the runtime assigns no global of the page.

import { goRuntime } from './go-runtime.js'
import { scope, sharedEngine as engineFor } from './engine.js'

export { createView } from './view.js'
export { goRuntime, scope }

/**
 * The page's engine for the asset folder `base` (see engine.js), run by the wrapped runtime.
 * @param {string} base the folder holding partnerscore.wasm
 */
export const sharedEngine = (base) => engineFor(base, goRuntime)
