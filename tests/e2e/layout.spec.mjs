// layout.spec.mjs: every page fits a 1366×768 office screen and a
// 390×844 phone with no horizontal scroll of the page (wide tables scroll
// inside their own box); on the phone the side menu is a drawer. With
// E2E_SHOTS=DIR, a screenshot of each page is written there.
import path from 'node:path'
import { test, newPage, signIn, pageOverflow, assert, eq, BASE, Api } from './lib.mjs'

const SCREENS = [
  ['1366×768', { width: 1366, height: 768 }, false],
  ['390×844 phone', { width: 390, height: 844 }, true]
]

async function settle (p) {
  await p.waitForLoadState('networkidle').catch(() => {})
  await p.waitForSelector('[data-test=page-title]')
  await p.waitForTimeout(300)
}

export async function run () {
  const api = new Api()
  await api.login('duban')
  const plans = (await api.get('/api/plans')).body.plans
  const plan = (await api.get(`/api/plans/${plans[0].id}`)).body.plan
  const task7 = plan.tasks.find((t) => t.number === 7)

  const pages = {
    duban: ['/todo', '/plan', `/tasks/${task7.id}`, '/reports', '/review', '/dashboard', '/periods', '/extensions', '/units', '/audit', '/registries/normative', '/registries/activity', '/registries/proof', '/indicators', '/findings'],
    admin: ['/accounts'],
    jtj_lly: ['/todo', `/reports/new?task=${task7.id}`, '/extensions', '/registries/normative', '/indicators', '/findings']
  }

  for (const [name, viewport, mobile] of SCREENS) {
    await test(`no horizontal page scroll at ${name} on every page`, async () => {
      const bad = []
      for (const [login, paths] of Object.entries(pages)) {
        const p = await newPage(viewport, { mobile })
        try {
          await signIn(p, login)
          for (const url of paths) {
            await p.goto(BASE + url)
            await settle(p)
            const over = await pageOverflow(p)
            if (over > 1) bad.push(`${login} ${url}: ${over}px too wide`)
            if (process.env.E2E_SHOTS) {
              const file = `${name.replace(/\D+/g, 'x')}-${login}-${url.replace(/[^a-z0-9]+/gi, '_')}.png`
              await p.screenshot({ path: path.join(process.env.E2E_SHOTS, file), fullPage: false })
            }
          }
        } finally { await p.context().close() }
      }
      assert(bad.length === 0, bad.join('; '))
    })
  }

  await test('on a phone the menu is a drawer that opens and navigates', async () => {
    const p = await newPage({ width: 390, height: 844 }, { mobile: true })
    try {
      await signIn(p, 'duban')
      assert(!(await p.isVisible('.fz-aside')), 'no fixed side menu on a phone')
      await p.click('[data-test=menu-toggle]')
      await p.click('.el-drawer [data-test=menu] .el-menu-item:has-text("工作计划")')
      await p.waitForURL(/\/plan$/)
      await p.waitForSelector('[data-test=task]')
      eq(await pageOverflow(p) <= 1, true, 'the plan fits the phone')
    } finally { await p.context().close() }
  })

  await test('on the office screen the side menu collapses and expands', async () => {
    const p = await newPage()
    try {
      await signIn(p, 'duban')
      const wide = await p.$eval('.fz-aside', (e) => e.getBoundingClientRect().width)
      await p.click('button[aria-label="收起菜单"]')
      await p.waitForTimeout(400)
      const narrow = await p.$eval('.fz-aside', (e) => e.getBoundingClientRect().width)
      assert(wide >= 180 && narrow <= 70, `menu ${wide}px, collapsed ${narrow}px`)
    } finally { await p.context().close() }
  })
}
