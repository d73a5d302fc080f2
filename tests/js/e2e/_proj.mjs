import { SITE, launch, startServer } from './helpers.mjs'
const hash = process.argv[2], out = process.argv[3], scheme = process.argv[4] || 'light'
const srv = await startServer(SITE)
const b = await launch({ viewport: { width: 1280, height: 900 }, colorScheme: scheme })
const page = await b.context.newPage()
page.on('pageerror', (e) => console.log('pageerror', e.message))
page.on('console', (m) => console.log('console', m.text()))
await page.goto(srv.url + hash)
await page.waitForSelector('.departures-out li', { timeout: 15000 }).catch((e) => console.log(e.message))
await page.locator('.departures').screenshot({ path: out })
console.log(await page.locator('.departures').innerText())
await b.stop(); await srv.stop()
