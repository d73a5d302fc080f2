// Builds the embeddable widget (site/embed) into two minified ES modules with esbuild:
//
//   OUT/partnerscore-embed.js  the loader a page includes: partnerscore-embed.js,
//                              partner-score.js and styles.js; it imports ./widget.js when a
//                              widget comes into view or is first used
//   OUT/widget.js              everything else before the wasm: widget.js, engine.js, view.js,
//                              messages.js, the simulator's modules they use (js/engine.js,
//                              program.js, format.js, the two inner elements) and Go's
//                              wasm_exec.js wrapped as go-runtime.js
//
// (and a source map of each, not linked from the modules). Two things are made here rather
// than read from site/:
//   - go-runtime.js: the toolchain's wasm_exec.js wrapped in `export function
//     goRuntime(globalThis) { … return globalThis.Go }`, so that the stand-in object passed as
//     globalThis gets every global it assigns (see site/embed/engine.js); its one bare global
//     (fs, in runtime.wasmWrite) is bound to the stand-in's too;
//   - js/messages.js, as the widget sees it: the same exports with the tables cut down to the
//     keys site/embed/messages.js lists (KEYS), instead of every text of the simulator.
//
//   node tests/js/build-embed.mjs SITE_DIR OUT_DIR WASM_EXEC_JS     (./build.sh build runs it)

import { readFileSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import * as esbuild from 'esbuild'

const [site, out, wasmExec] = process.argv.slice(2).map((p) => p && path.resolve(p))
if (!site || !out || !wasmExec) {
  console.error('usage: node tests/js/build-embed.mjs SITE_DIR OUT_DIR WASM_EXEC_JS')
  process.exit(2)
}

const EMBED = path.join(site, 'embed')
const MESSAGES = path.join(site, 'js/messages.js')

/** Options of both builds: browsers with scoped custom element registries' peers (2023+). */
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
}

/** The loader: ./widget.js stays a separate module, imported on demand. */
const loader = await esbuild.build({
  ...common,
  entryPoints: { 'partnerscore-embed': path.join(EMBED, 'partnerscore-embed.js') },
  plugins: [{
    name: 'widget-external',
    setup(b) {
      b.onResolve({ filter: /^\.\/widget\.js$/ }, (args) => {
        if (args.importer !== path.join(EMBED, 'partner-score.js')) return undefined
        return { path: './widget.js', external: true }
      })
    },
  }],
})

/** The widget: one module, the Go runtime and the cut-down messages included. */
const widget = await esbuild.build({
  ...common,
  entryPoints: { widget: path.join(EMBED, 'widget.js') },
  plugins: [{
    name: 'go-runtime',
    setup(b) {
      b.onResolve({ filter: /^\.\/go-runtime\.js$/ }, (args) =>
        args.importer === path.join(EMBED, 'widget.js') ? { path: wasmExec, namespace: 'go-runtime' } : undefined)
      b.onLoad({ filter: /.*/, namespace: 'go-runtime' }, (args) => ({
        contents: goRuntime(readFileSync(args.path, 'utf8')),
        loader: 'js',
        resolveDir: EMBED,
      }))
    },
  }, {
    name: 'widget-messages',
    setup(b) {
      b.onLoad({ filter: /[\\/]messages\.js$/ }, async (args) => (args.path === MESSAGES
        ? { contents: await widgetMessages(), loader: 'js' }
        : undefined))
    },
  }],
})

for (const r of [loader, widget]) {
  for (const [file, o] of Object.entries(r.metafile.outputs)) {
    if (file.endsWith('.js')) console.log(`${path.relative(process.cwd(), file)}: ${o.bytes} bytes, from ${Object.keys(o.inputs).length} modules`)
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

/**
 * js/messages.js as the widget sees it: the same exports, its functions as they are, the
 * tables holding only the keys site/embed/messages.js keeps. The functions must read no
 * module binding but the exports (messages, LANGS…), which are redefined here.
 */
async function widgetMessages() {
  const all = await import(pathToFileURL(MESSAGES).href)
  const { KEYS, kept } = await import(pathToFileURL(path.join(EMBED, 'messages.js')).href)
  const en = Object.keys(all.messages.en)
  for (const k of KEYS) {
    if (!en.some((key) => (k.endsWith('.') ? key.startsWith(k) : key === k))) throw new Error(`site/embed/messages.js: ${k} matches no key of js/messages.js`)
  }
  const lines = []
  for (const [name, value] of Object.entries(all)) {
    if (typeof value === 'function') {
      const text = value.toString()
      if (!/^(async\s+)?function[\s*]/.test(text)) throw new Error(`js/messages.js: ${name} is not a function declaration`)
      lines.push(`export ${text}`)
    } else if (name === 'messages') {
      const tables = Object.fromEntries(Object.entries(value).map(([lang, table]) =>
        [lang, Object.fromEntries(Object.entries(table).filter(([key]) => kept(key)))]))
      lines.push(`export const messages = ${JSON.stringify(tables)};`)
    } else {
      const json = JSON.stringify(value)
      if (json === undefined || JSON.stringify(JSON.parse(json)) !== json) throw new Error(`js/messages.js: ${name} is not plain data`)
      lines.push(`export const ${name} = ${json};`)
    }
  }
  return lines.join('\n')
}
