// A host page for the widget's tests and bench: a tiny HTTP server on a free port of
// 127.0.0.1, another origin than the widget's assets (cmd/serve), sending a strict
// Content-Security-Policy that allows scripts and connections to the asset origin only, and
// no inline script or style at all.

import http from 'node:http'

/**
 * The host page's policy: its own files and the asset origin's scripts and wasm; styles only
 * from itself (the widget needs none: its stylesheet is constructed).
 * @param {string} assetOrigin
 */
export function hostCSP(assetOrigin) {
  return `default-src 'none'; script-src 'self' ${assetOrigin} 'wasm-unsafe-eval'; style-src 'self'; ` +
    `connect-src ${assetOrigin}; img-src data:; base-uri 'none'; form-action 'none'; object-src 'none'`
}

/**
 * Serves files (path → {type, body}) with the policy above; anything else is a 404.
 * @param {string} assets the asset server's URL
 * @param {Record<string, {type: string, body: string | (() => string)}>} files
 * @returns {Promise<{url: string, stop: () => Promise<void>}>}
 */
export async function startHost(assets, files) {
  const csp = hostCSP(new URL(assets).origin)
  const server = http.createServer((req, res) => {
    const headers = { 'Content-Security-Policy': csp, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' }
    const f = files[new URL(req.url || '/', 'http://127.0.0.1').pathname]
    if (!f) {
      res.writeHead(404, headers)
      res.end()
      return
    }
    res.writeHead(200, { ...headers, 'Content-Type': f.type })
    res.end(typeof f.body === 'function' ? f.body() : f.body)
  })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)))
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address())
  return {
    url: `http://127.0.0.1:${port}/`,
    stop: () => new Promise((resolve) => {
      server.closeAllConnections?.()
      server.close(() => resolve())
    }),
  }
}
