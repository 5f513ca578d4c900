// csp.spec.mjs: after all the other specs, no page broke the Content
// Security Policy (no inline script, no eval) and none threw.
import { test, assert, BASE } from './lib.mjs'
import { problems } from './lib.mjs'

export async function run () {
  await test('the CSP of the pages forbids eval and inline scripts', async () => {
    const res = await fetch(BASE + '/')
    const csp = res.headers.get('content-security-policy') || ''
    assert(csp.includes("default-src 'self'"), `default-src 'self' (${csp})`)
    assert(!csp.includes('unsafe-eval'), 'no unsafe-eval')
    assert(!/script-src[^;]*unsafe-inline/.test(csp), 'no inline scripts')
  })
  await test('no page broke the CSP or threw an uncaught error', async () => {
    assert(problems.length === 0, problems.slice(0, 10).join(' | '))
  })
}
