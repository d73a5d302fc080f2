// Shared set-up of the end-to-end tests and the bench: the built site (dist/site, from
// ./build.sh build), the static server (cmd/serve), Debian's Chromium driven by
// playwright-core with no network beyond 127.0.0.1, and the CLI for expected results.

import { execFile, execFileSync, spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')
export const SITE = process.env.PS_SITE_DIR || path.join(ROOT, 'dist/site')
export const SCREENSHOTS = path.join(ROOT, 'dist/screenshots')

/**
 * A profile that qualifies in some areas (Modern Work, Infrastructure) and not in the others,
 * written as a person would for the CLI (exam codes). The end-to-end test types it; the bench
 * evaluates it.
 */
export const SAMPLE_PROFILE = Object.freeze({
  asOf: '2026-06-01',
  lang: 'en',
  programs: ['microsoft-ai-cloud-partner-program'],
  people: [
    { id: 'ana', certifications: ['MS-700', 'MS-102'] },
    { id: 'ben', certifications: ['SC-300', 'MS-102'] },
  ],
  certifications: { 'MD-102': 2, 'AZ-104': 1, 'AZ-305': 1, 'AZ-700': 2, 'AZ-800': 1, 'AZ-140': 2 },
  facts: {
    'mw.ent.netCustomerAdds': 4,
    'mw.ent.usageGrowth.cpor': 800,
    'mw.ent.usageGrowth.dpor': 2500,
    'mw.ent.deployments.cpor': 3,
    'azure.smbCustomerShare': 92.5,
    'azure.smb.netCustomerAdds': 3,
    'azure.usageGrowth': 15.4,
    'azure.acrTtm': 48000,
    'azure.deployments': 3,
  },
})

/** Chromium flags (shared/reference/platform.md): no sandbox, GPU or background traffic, and
 * every host name except 127.0.0.1 fails to resolve. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  '--disable-extensions',
  '--disable-default-apps',
  '--disable-domain-reliability',
  '--no-pings',
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
]

/** The Chromium binary, or '' when none is installed. */
export function chromiumPath() {
  for (const p of [process.env.CHROMIUM_PATH, '/usr/lib/chromium/chromium', '/usr/bin/chromium']) {
    if (p && existsSync(p)) return p
  }
  return ''
}

function newest(dir) {
  let t = 0
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name)
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs)
  }
  return t
}

/**
 * Makes sure dist/site is built and newer than site/ and the widget's build script (runs
 * ./build.sh build when not, unless PS_SITE_DIR points elsewhere).
 */
export function ensureSite() {
  if (process.env.PS_SITE_DIR) return SITE
  const index = path.join(SITE, 'index.html')
  const wasm = path.join(SITE, 'partnerscore.wasm')
  const stale = !existsSync(index) || !existsSync(wasm) ||
    statSync(index).mtimeMs < Math.max(newest(path.join(ROOT, 'site')), statSync(path.join(ROOT, 'tests/js/build-embed.mjs')).mtimeMs,
      statSync(path.join(ROOT, 'tests/js/build-site.mjs')).mtimeMs)
  if (stale) {
    execFileSync(path.join(ROOT, 'build.sh'), ['build'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] })
  }
  return SITE
}

/**
 * Starts cmd/serve on a free port of 127.0.0.1 and returns its URL and a stop function.
 * @param {string} dir
 */
export async function startServer(dir) {
  const bin = path.join(tmpdir(), `partnerscore-serve-${process.pid}`)
  await promisify(execFile)('go', ['build', '-trimpath', '-o', bin, './cmd/serve'], { cwd: ROOT })
  const child = spawn(bin, ['-addr', '127.0.0.1:0', '-dir', dir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`cmd/serve printed no URL in 60 s:\n${out}`)), 60_000)
    const read = (chunk) => {
      out += chunk
      const m = out.match(/http:\/\/127\.0\.0\.1:\d+\/?/)
      if (m) {
        clearTimeout(timer)
        resolve(m[0].endsWith('/') ? m[0] : `${m[0]}/`)
      }
    }
    child.stdout.on('data', read)
    child.stderr.on('data', read)
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`cmd/serve exited (${code}):\n${out}`))
    })
  })
  return {
    url,
    stop: async () => {
      if (child.exitCode === null) {
        const done = new Promise((r) => child.once('exit', r))
        child.kill('SIGTERM')
        await done
      }
      rmSync(bin, { force: true })
    },
  }
}

/**
 * Launches Chromium with a fresh profile directory; stop() closes it and removes the folder.
 * @param {import('playwright-core').BrowserContextOptions} [options]
 */
export async function launch(options = {}) {
  const { chromium } = await import('playwright-core')
  const dir = mkdtempSync(path.join(tmpdir(), 'partnerscore-chromium-'))
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: chromiumPath(),
    args: CHROMIUM_ARGS,
    headless: true,
    locale: 'en-US',
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
    ...options,
  })
  return {
    context,
    stop: async () => {
      await context.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/**
 * Builds the CLI once (into a temporary folder) and returns a function that evaluates a
 * profile with it, as `partnerscore evaluate` does.
 */
export async function cli() {
  const bin = path.join(tmpdir(), `partnerscore-cli-${process.pid}`)
  await promisify(execFile)('go', ['build', '-trimpath', '-o', bin, './cmd/partnerscore'], { cwd: ROOT })
  return {
    /** @param {object} profile */
    evaluate(profile) {
      const out = execFileSync(bin, ['evaluate', '-'], { input: JSON.stringify(profile) })
      return JSON.parse(out.toString('utf8'))
    },
    stop() {
      rmSync(bin, { force: true })
    },
  }
}

/** Makes dist/screenshots and returns the path of a file in it. */
export function screenshotPath(name) {
  mkdirSync(SCREENSHOTS, { recursive: true })
  return path.join(SCREENSHOTS, name)
}

/**
 * Scans the page with axe-core (injected on first use) in the light colour scheme, then in the
 * dark one (prefers-color-scheme emulated), and leaves the page light. Returns the violations,
 * each with the scheme it was found in.
 * @param {import('playwright-core').Page} page
 * @param {string} [selector] the element to scan; the whole document when absent
 */
export async function axeViolations(page, selector) {
  if (!(await page.evaluate(() => 'axe' in window))) {
    await page.evaluate(readFileSync(path.join(ROOT, 'tests/js/node_modules/axe-core/axe.min.js'), 'utf8'))
  }
  const found = []
  for (const scheme of /** @type {const} */ (['light', 'dark'])) {
    await page.emulateMedia({ colorScheme: scheme })
    const v = await page.evaluate(async (sel) => {
      const r = await /** @type {any} */ (window).axe.run(sel ? document.querySelector(sel) : document, { resultTypes: ['violations'] })
      return r.violations.map((x) => ({ id: x.id, impact: x.impact, help: x.help, nodes: x.nodes.slice(0, 5).map((n) => n.target.join(' ')) }))
    }, selector ?? '')
    found.push(...v.map((x) => ({ scheme, ...x })))
  }
  await page.emulateMedia({ colorScheme: 'light' })
  return found
}
