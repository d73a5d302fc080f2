// Builds the embeddable widget (site/embed) into minified ES modules with esbuild:
//
//   OUT/partnerscore-embed.js  the loader a page includes: partnerscore-embed.js,
//                              partner-score.js and styles.js; it imports ./widget.js and the
//                              texts of the widget's language when a widget comes into view or
//                              is first used
//   OUT/widget.js              everything else before the wasm: widget.js, engine.js, view.js,
//                              the simulator's modules they use (js/engine.js, program.js,
//                              format.js, the two inner elements) and Go's wasm_exec.js
//                              wrapped as go-runtime.js
//   OUT/widget-models.js       what the view imports only to show a program of another model
//                              (levels, calculator, timeline): models-view.js, js/models.js
//   OUT/texts-<lang>.js        the widget's texts in one language (messages.js's table(lang))
//
// (and a source map of each bundle, not linked from it). Made here rather than read from site/:
//   - go-runtime.js: the toolchain's wasm_exec.js wrapped in `export function
//     goRuntime(globalThis) { … return globalThis.Go }`, so that the stand-in object passed as
//     globalThis gets every global it assigns (see site/embed/engine.js); its one bare global
//     (fs, in runtime.wasmWrite) is bound to the stand-in's too;
//   - messages.js, as the loader sees it: texts(lang) imports ./texts-<lang>.js, instead of
//     the simulator's whole js/messages.js.
//
//   node tests/js/build-embed.mjs SITE_DIR OUT_DIR WASM_EXEC_JS     (./build.sh build runs it)

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import * as esbuild from 'esbuild'

const [site, out, wasmExec] = process.argv.slice(2).map((p) => p && path.resolve(p))
if (!site || !out || !wasmExec) {
  console.error('usage: node tests/js/build-embed.mjs SITE_DIR OUT_DIR WASM_EXEC_JS')
  process.exit(2)
}

const EMBED = path.join(site, 'embed')
const MESSAGES = path.join(EMBED, 'messages.js')

/** messages.js in the bundles: each language's table is a module of its own. */
const texts = {
  name: 'widget-texts',
  setup(b) {
    b.onLoad({ filter: /[\\/]messages\.js$/ }, (args) => (args.path === MESSAGES
      ? { contents: 'export const texts = (lang) => import(new URL(`texts-${lang}.js`, import.meta.url).href).then((m) => m.default)', loader: 'js' }
      : undefined))
  },
}

/** Options of both bundles. */
const common = {
  bundle: true,
  format: /** @type {const} */ ('esm'),
  platform: /** @type {const} */ ('browser'),
  target: 'es2022',
  minify: true,
  sourcemap: /** @type {const} */ ('external'),
  legalComments: /** @type {const} */ ('inline'),
  outdir: out,
  logLevel: /** @type {const} */ ('warning'),
  metafile: true,
  pure: ['Object.freeze'],
}

/** The loader: ./widget.js stays a separate module, imported on demand. */
const loader = await esbuild.build({
  ...common,
  entryPoints: { 'partnerscore-embed': path.join(EMBED, 'partnerscore-embed.js') },
  plugins: [texts, {
    name: 'widget-external',
    setup(b) {
      b.onResolve({ filter: /^\.\/widget\.js$/ }, (args) => {
        if (args.importer !== path.join(EMBED, 'partner-score.js')) return undefined
        return { path: './widget.js', external: true }
      })
    },
  }],
})

/** The widget: one module, the Go runtime included. */
const widget = await esbuild.build({
  ...common,
  entryPoints: { widget: path.join(EMBED, 'widget.js') },
  plugins: [{
    name: 'go-runtime',
    setup(b) {
      b.onResolve({ filter: /^\.\/go-runtime\.js$/ }, (args) =>
        args.importer === path.join(EMBED, 'widget.js') ? { path: 'wasm_exec.js', namespace: 'go-runtime' } : undefined)
      b.onLoad({ filter: /.*/, namespace: 'go-runtime' }, () => ({
        contents: goRuntime(readFileSync(wasmExec, 'utf8')),
        loader: 'js',
        resolveDir: EMBED,
      }))
    },
  }, texts, {
    name: 'models-external',
    setup(b) {
      b.onResolve({ filter: /^\.\/models-view\.js$/ }, (args) =>
        args.importer === path.join(EMBED, 'view.js') ? { path: './widget-models.js', external: true } : undefined)
    },
  }],
})

/** What the view imports only for programs of the other models (levels, calculator, timeline). */
const models = await esbuild.build({
  ...common,
  entryPoints: { 'widget-models': path.join(EMBED, 'models-view.js') },
})

// The texts, one module per language.
const { LANGS, messages } = await import(pathToFileURL(path.join(site, 'js/messages.js')).href)
const { KEYS, table } = await import(pathToFileURL(MESSAGES).href)
for (const k of KEYS) {
  if (!Object.keys(messages.en).some((key) => (k.endsWith('.') ? key.startsWith(k) : key === k))) throw new Error(`site/embed/messages.js: ${k} matches no key of js/messages.js`)
}
mkdirSync(out, { recursive: true })
for (const lang of LANGS) {
  const file = path.join(out, `texts-${lang}.js`)
  writeFileSync(file, `export default ${JSON.stringify(table(lang))};\n`)
  console.log(`${path.relative(process.cwd(), file)}: ${Buffer.byteLength(readFileSync(file))} bytes`)
}

for (const r of [loader, widget, models]) {
  for (const [file, o] of Object.entries(r.metafile.outputs)) {
    if (!file.endsWith('.js')) continue
    console.log(`${path.relative(process.cwd(), file)}: ${o.bytes} bytes, from ${Object.keys(o.inputs).length} modules`)
    // PS_EMBED_VERBOSE=1: the bytes of each module in it.
    if (process.env.PS_EMBED_VERBOSE) for (const [i, x] of Object.entries(o.inputs)) console.log(`  ${x.bytesInOutput}\t${i}`)
  }
}

/**
 * go-runtime.js: wasm_exec.js as a function of the global object it is to see.
 * @param {string} src the toolchain's wasm_exec.js
 */
function goRuntime(src) {
  const notice = src.match(/^\/\/ (Copyright .*)\n\/\/ (Use of this source code .*)\n\/\/ (.*LICENSE file\.)/)
  if (!notice) throw new Error(`${wasmExec}: no copyright notice where expected`)
  return [
    `/*! Go's wasm_exec.js: ${notice[1]} ${notice[2]} ${notice[3]} (https://go.dev/LICENSE) */`,
    'export function goRuntime(globalThis) {',
    src,
    'const fs = globalThis.fs;',
    'return globalThis.Go;',
    '}',
  ].join('\n')
}
