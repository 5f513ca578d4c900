// main.mjs: runs every spec of tests/e2e/ in order in one browser and
// prints TAP. Specs are modules exporting `run()`.
import { launch, close, summary } from './lib.mjs'

const specs = ['./login.spec.mjs', './plan.spec.mjs', './layout.spec.mjs', './workflow.spec.mjs', './registry.spec.mjs', './csp.spec.mjs', './findings.spec.mjs', './annual.spec.mjs', './portal.spec.mjs', './assessment.spec.mjs', './a11y.spec.mjs']

let failed = 0
try {
  await launch()
  for (const s of specs) await (await import(s)).run()
} catch (e) {
  console.log('not ok - the e2e runner stopped')
  for (const line of String(e.stack || e).split('\n').slice(0, 10)) console.log(`# ${line}`)
  failed = 1
} finally {
  await close()
}
failed += summary()
process.exit(failed ? 1 : 0)
