// Bundles the simulator's page (site/index.html and the module graph of js/app.js) into one
// minified module with esbuild, in a copy of site/ that ./build.sh build has made:
//
//   OUT/js/app.js       js/app.js and every module it imports (js/boot.js, which starts the
//                       engine, first), minified, with a linked source map (js/app.js.map,
//                       which names the modules as OUT/js has them)
//   OUT/index.html      site/index.html with its module preloads and scripts replaced by the
//                       bundle's: <link rel="modulepreload" href="js/app.js"> before the
//                       wasm's preload, and one <script type="module" src="js/app.js">
//
// One module rather than twenty: the page's first visit waits for none of the requests of
// its import graph, which compete with the wasm's download (measured with
// tests/js/bench/ab-site.mjs: about 100 ms less to the first result on a first visit, 20 ms on
// later ones). The modules stay in OUT/js, unbundled, for the tests and benchmarks that load
// one of them (js/engine.js) into a page of their own; the page loads none of them.
//
//   node tests/js/build-site.mjs SITE_DIR OUT_DIR      (./build.sh build runs it)

import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import * as esbuild from 'esbuild'

const [site, out] = process.argv.slice(2).map((p) => p && path.resolve(p))
if (!site || !out) {
  console.error('usage: node tests/js/build-site.mjs SITE_DIR OUT_DIR')
  process.exit(2)
}

await esbuild.build({
  entryPoints: [path.join(site, 'js/app.js')],
  outfile: path.join(out, 'js/app.js'),
  bundle: true,
  format: 'esm',
  minify: true,
  sourcemap: 'linked',
  sourcesContent: true,
  target: 'es2022',
  allowOverwrite: true,
  logLevel: 'warning',
})

// The map names the sources as the served folder has them (OUT/js keeps the modules), so
// that a browser's developer tools find them beside the bundle.
const mapFile = path.join(out, 'js/app.js.map')
const map = JSON.parse(readFileSync(mapFile, 'utf8'))
map.sources = map.sources.map((s) => path.relative(path.join(site, 'js'), path.resolve(path.join(out, 'js'), s)).split(path.sep).join('/'))
writeFileSync(mapFile, JSON.stringify(map))

const MODULE_PRELOAD = /^<link rel="modulepreload" href="(js\/[^"]+)">\n/gm
const SCRIPT = /^<script type="module"[^>]*><\/script>\n/gm
const WASM_PRELOAD = '<link rel="preload" href="partnerscore.wasm"'

let html = readFileSync(path.join(site, 'index.html'), 'utf8')
const before = html
for (const [re, what] of [[MODULE_PRELOAD, 'module preloads of js/'], [SCRIPT, 'module scripts']]) {
  if (!re.test(html)) throw new Error(`build-site: site/index.html has no ${what}`)
  html = html.replace(re, '')
}
if (!html.includes(WASM_PRELOAD)) throw new Error("build-site: site/index.html does not preload the wasm")
html = html.replace(WASM_PRELOAD, `<link rel="modulepreload" href="js/app.js">\n${WASM_PRELOAD}`)
html = html.replace('</head>', '<script type="module" src="js/app.js"></script>\n</head>')
if (html === before) throw new Error('build-site: index.html unchanged')
writeFileSync(path.join(out, 'index.html'), html)
