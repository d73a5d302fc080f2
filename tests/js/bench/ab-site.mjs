// An A/B of two builds of the site: the time from navigation to the first result
// (performance.mark('ps:first-result')), for a first visit in a new browser profile and for
// two later visits, the builds taking turns (A B, then B A, …) so that the machine's load
// weighs on both alike. It prints each build's first visits, their median and the median of
// the later visits.
//
//   node tests/js/bench/ab-site.mjs DIR_A DIR_B [DIR_C …]      (RUNS=8 by default)
//
// Each DIR is a dist/site as ./build.sh build writes it (build the other one from another
// commit, e.g. in a git worktree). Served by cmd/serve on 127.0.0.1, visited in headless
// Chromium as the end-to-end tests are (tests/js/e2e/helpers.mjs).

import { launch, startServer } from '../e2e/helpers.mjs'

const dirs = process.argv.slice(2)
if (dirs.length < 2) {
  console.error('usage: node ab-site.mjs DIR_A DIR_B [DIR_C …]')
  process.exit(2)
}
const RUNS = Number(process.env.RUNS || 8)
const LATER = 2

const servers = await Promise.all(dirs.map((d) => startServer(d)))
const seen = dirs.map(() => ({ first: /** @type {number[]} */ ([]), later: /** @type {number[]} */ ([]) }))
try {
  for (let run = 0; run < RUNS; run++) {
    for (let i = 0; i < dirs.length; i++) {
      const k = run % 2 ? dirs.length - 1 - i : i
      const browser = await launch()
      try {
        const page = await browser.context.newPage()
        for (let visit = 0; visit <= LATER; visit++) {
          await page.goto(servers[k].url + (visit ? `?visit=${visit}` : ''))
          await page.waitForFunction(() => performance.getEntriesByName('ps:first-result').length > 0, null, { timeout: 30_000 })
          const t = await page.evaluate(() => performance.getEntriesByName('ps:first-result')[0].startTime)
          ;(visit ? seen[k].later : seen[k].first).push(t)
        }
      } finally {
        await browser.stop()
      }
    }
  }
} finally {
  for (const s of servers) await s.stop()
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
dirs.forEach((dir, i) => {
  const { first, later } = seen[i]
  console.log(`${dir}: first visit ${first.map((x) => x.toFixed(0)).join(' ')} ms, median ${median(first).toFixed(0)}; later visits median ${median(later).toFixed(0)} ms`)
})
