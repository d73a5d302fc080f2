// Builds the embeddable widget (site/embed) into minified ES modules with esbuild:
//
//   OUT/partnerscore-embed.js  the loader a page includes: partnerscore-embed.js,
//                              partner-score.js and styles.js; it imports ./widget.js and the
//                              texts of the widget's language when a widget comes into view or
//                              is first used
//   OUT/widget.js              everything else before the wasm: widget.js, engine.js (the
//                              widget's own lean loader, not the simulator's js/engine.js),
//                              view.js, the simulator's modules it uses (js/program.js,
//                              js/format.js, the scorecard and metric-bar elements) and Go's
//                              wasm_exec.js wrapped as go-runtime.js
//   OUT/widget-models.js       what the view imports only to show a program of another model
//                              (levels, calculator, timeline): models-view.js, js/models.js
//                              and the model.* texts of every language (messages.js's
//                              modelTable, inlined)
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
//   node tests/js/build-embed.mjs SITE_DIR OUT_DIR WASM_EXEC_JS [WASM]   (./build.sh build runs it)
//
// Given WASM (the partnerscore.wasm served beside the widget), the Go runtime keeps only the
// gojs functions that module imports, and the build fails if it imports one the runtime lacks.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import * as esbuild from 'esbuild'

const [site, out, wasmExec, wasm] = process.argv.slice(2).map((p) => p && path.resolve(p))
if (!site || !out || !wasmExec) {
  console.error('usage: node tests/js/build-embed.mjs SITE_DIR OUT_DIR WASM_EXEC_JS [WASM]')
  process.exit(2)
}

/** The gojs functions the engine imports (null: keep every one of wasm_exec.js). */
const imported = wasm
  ? new Set(WebAssembly.Module.imports(new WebAssembly.Module(readFileSync(wasm))).filter((i) => i.module === 'gojs').map((i) => i.name))
  : null

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

/** The stylesheets' text (const CSS = `…` in styles.js and models-view.js), minified. */
const css = {
  name: 'widget-css',
  setup(b) {
    b.onLoad({ filter: /[\\/]embed[\\/](styles|models-view)\.js$/ }, async (args) => {
      const src = readFileSync(args.path, 'utf8')
      const m = src.match(/^const CSS = `([^`]*)`$/m)
      if (!m || m[1].includes('${')) throw new Error(`${args.path}: no const CSS = \`…\` to minify`)
      const text = new Function(`return \`${m[1]}\``)()
      const { code } = await esbuild.transform(text, { loader: 'css', minify: true })
      return { contents: src.replace(m[0], () => `const CSS = ${JSON.stringify(code.trim())}`), loader: 'js' }
    })
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
  // Module scripts are always read as UTF-8: no \u escapes for the texts' accents.
  charset: /** @type {const} */ ('utf8'),
}

/** The loader: ./widget.js stays a separate module, imported on demand. */
const loader = await esbuild.build({
  ...common,
  entryPoints: { 'partnerscore-embed': path.join(EMBED, 'partnerscore-embed.js') },
  plugins: [texts, css, {
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
  // The Go runtime's own state, which nothing outside it reads (the Go program reads only
  // _pendingEvent and calls _makeFuncWrapper, which keep their names).
  mangleProps: /^_(inst|values|goRefCounts|ids|idPool|scheduledTimeouts|nextCallbackTimeoutID|exitPromise|resolveExitPromise|resume)$/,
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
  }, texts, css, {
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
  plugins: [css, {
    // messages.js, as models-view.js sees it: the model.* texts of every language, inlined.
    name: 'model-texts',
    setup(b) {
      b.onLoad({ filter: /[\\/]messages\.js$/ }, async (args) => {
        if (args.path !== MESSAGES) return undefined
        const { modelTable } = await import(pathToFileURL(MESSAGES).href)
        const { LANGS } = await import(pathToFileURL(path.join(site, 'js/messages.js')).href)
        const all = Object.fromEntries(LANGS.map((lang) => [lang, modelTable(lang)]))
        return { contents: `const T = ${JSON.stringify(all)}; export const modelTable = (lang) => T[lang]`, loader: 'js' }
      })
    },
  }],
})

// The texts, one module per language.
const { LANGS, messages } = await import(pathToFileURL(path.join(site, 'js/messages.js')).href)
const { KEYS, MODEL_KEYS, table } = await import(pathToFileURL(MESSAGES).href)
for (const k of [...KEYS, ...MODEL_KEYS]) {
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
 * go-runtime.js: wasm_exec.js as a function of the global object it is to see, trimmed of
 * what a browser page never runs (see lean()).
 * @param {string} src the toolchain's wasm_exec.js
 */
function goRuntime(src) {
  const notice = src.match(/^\/\/ (Copyright .*)\n\/\/ (Use of this source code .*)\n\/\/ (.*LICENSE file\.)/)
  if (!notice) throw new Error(`${wasmExec}: no copyright notice where expected`)
  return [
    `/*! Go's wasm_exec.js: ${notice[1]} ${notice[2]} ${notice[3]} (https://go.dev/LICENSE) */`,
    'export function goRuntime(globalThis) {',
    lean(src),
    'const fs = globalThis.fs;',
    'return globalThis.Go;',
    '}',
  ].join('\n')
}

/**
 * wasm_exec.js without what the widget's Go program never uses in a browser, each edit
 * checked (a toolchain whose wasm_exec.js differs fails the build here, not in a page):
 *   - given the wasm, the gojs functions it does not import (valueDelete, copyBytesToJS…);
 *   - the file-system stand-in's methods that only answer ENOSYS (chmod, open, stat…: some
 *     twenty) are one Proxy fallback that answers the same; constants, writeSync (the
 *     runtime's output, to the console), write and fsync stay as they are;
 *   - the process and path stand-ins, which only package syscall reads (the engine does not
 *     import it: build.sh's check_wasm_deps fails the build if it ever does);
 *   - the checks that crypto, performance, TextEncoder and TextDecoder exist (every browser
 *     the widget runs in has them: it needs custom elements and shadow roots);
 *   - the _gotest imports (only Go's own tests of the linker import them);
 *   - run's checks of its argument and of the command line's length: the widget's engine
 *     passes run an Instance it has just made, and sets neither argv nor env (["js"], {}).
 * Every import the Go program may ask of gojs stays.
 * @param {string} src
 */
function lean(src) {
  /** @param {RegExp} re @param {string} to @param {number} [min] */
  const edit = (re, to, min = 1) => {
    const n = (src.match(new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`)) || []).length
    if (n < min || (!re.flags.includes('g') && n !== 1)) throw new Error(`${wasmExec}: expected ${min}${re.flags.includes('g') ? '+' : ''} match(es) of ${re}, found ${n}`)
    src = src.replace(re, to)
  }
  edit(/^\t+\w+\([\w, ]*\) \{ callback\(enosys\(\)\); \},\n/gm, '', 20)
  edit(/globalThis\.fs = \{\n/, 'globalThis.fs = new Proxy({\n')
  edit(/(\t\t\tfsync\(fd, callback\) \{ callback\(null\); \},\n\t\t)\};/, '$1}, { get: (t, k) => k in t ? t[k] : (...a) => a.at(-1)(enosys()) });')
  edit(/^\tif \(!globalThis\.(process|path)\) \{\n\t\tglobalThis\.\1 = \{\n[\s\S]*?^\t\t\}\n\t\}\n\n/gm, '', 2)
  edit(/^\tif \(!globalThis\.(crypto|performance|TextEncoder|TextDecoder)\) \{\n\t\tthrow new Error\([^\n]*\n\t\}\n\n/gm, '', 4)
  edit(/\t+_gotest: \{\n\t+add: \(a, b\) => a \+ b,\n\t+callExport: testCallExport,\n\t+\},\n/, '')
  edit(/\t+const testCallExport = \(a, b\) => \{\n[^}]*\}\n\n/, '')
  edit(/\t+if \(!\(instance instanceof WebAssembly\.Instance\)\) \{\n[^\n]*\n\t+\}\n/, '')
  edit(/\t+const wasmMinDataAddr = 4096 \+ 8192;\n\t+if \(offset >= wasmMinDataAddr\) \{\n[^\n]*\n\t+\}\n/, '')
  if (imported) {
    // Each function: its comment lines, "name": (sp) => { … }, up to its closing brace.
    const fn = /^(\t+)(?:\/\/[^\n]*\n\1)*"([\w/.]+)": \(\w+\) => \{\n[\s\S]*?^\1\},\n/gm
    const names = [...src.matchAll(fn)].map((m) => m[2])
    const missing = [...imported].filter((n) => !names.includes(n))
    if (names.length < 20 || missing.length) throw new Error(`${wasmExec}: ${names.length} gojs functions found; the wasm also imports ${missing.join(', ') || '(none)'}`)
    src = src.replace(fn, (m, _indent, name) => (imported.has(name) ? m : ''))
  }
  return src
}
