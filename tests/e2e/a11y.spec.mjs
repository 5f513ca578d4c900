// a11y.spec.mjs: accessibility (GB/T 37668-2019, WCAG 2.1 AA) checked by
// axe-core (web/node_modules, never a CDN) on every portal page reachable
// from /portal/ without a session and on the staff pages, signed in as the
// supervisor, the administrator and a clerk, at 1366×768 and 390×844; then
// by hand what axe cannot see: the portal by keyboard alone (the skip link
// comes first and moves focus to the main content, focus is visible, no
// positive tabindex). Runs last: it only reads, publishing the plan first
// when nothing is published yet.
import fs from 'node:fs'
import path from 'node:path'
import { test, newPage, signIn, assert, eq, BASE, TOP, Api } from './lib.mjs'

const AXE = fs.readFileSync(path.join(TOP, 'web', 'node_modules', 'axe-core', 'axe.min.js'), 'utf8')
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']
const DESKTOP = { width: 1366, height: 768 }
const PHONE = { width: 390, height: 844 }

// Rules left out for exactly one selector each, because the markup at
// fault is Element Plus's own and cannot be changed from outside. Each
// entry: [rule id, CSS selector of the element axe names, why]. None
// today: every violation found was fixed in our own markup and styles.
const EXCLUDE = []

function excluded (rule, target) {
  return EXCLUDE.some(([r, sel]) => r === rule && target.some((t) => String(t) === sel))
}

// A page in a context of its own that ignores the CSP, so the auditing
// script can be added to the portal (which forbids every script); the
// other specs keep checking the CSP with their own contexts.
let browser = null
async function axePage (viewport = DESKTOP, mobile = false) {
  if (!browser) {
    const p = await newPage()
    browser = p.context().browser()
    await p.context().close()
  }
  const ctx = await browser.newContext({ viewport, locale: 'zh-CN', bypassCSP: true, isMobile: mobile, hasTouch: mobile })
  const page = await ctx.newPage()
  page.setDefaultTimeout(15000)
  return page
}

// Wait until no finite CSS animation or transition runs (a dialog fading
// in would give axe half-transparent colours), then run axe on the page.
async function audit (page, label) {
  await page.waitForFunction(() => document.getAnimations().every((a) =>
    a.playState !== 'running' || a.effect.getComputedTiming().endTime === Infinity))
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) await page.addScriptTag({ content: AXE })
  const res = await page.evaluate(async (tags) => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target), html: v.nodes.map((n) => n.html) }))
  }, TAGS)
  const out = []
  for (const v of res) {
    const keep = v.targets.map((t, i) => [t, v.html[i]]).filter(([t]) => !excluded(v.id, t))
    const targets = keep.map(([t]) => t)
    if (!targets.length) continue
    // The selectors, and the first element's markup when its selector is
    // a generated id that says nothing.
    let shown = targets.slice(0, 6).map((t) => t.join(' ')).join(', ')
    if (/^#el-id-/.test(targets[0].join(' '))) shown += ` (${keep[0][1].slice(0, 160)})`
    const more = targets.length > 6 ? ` and ${targets.length - 6} more` : ''
    out.push(`${label}: ${v.id} (${v.impact}) ${v.help}: ${shown}${more}`)
  }
  return out
}

// A staff page is ready when its title is there, its requests are done
// and nothing is loading.
async function settle (page) {
  await page.waitForSelector('[data-test=page-title]')
  await page.waitForLoadState('networkidle')
  await page.waitForFunction(() => !document.querySelector('.el-loading-mask'))
}

// Each violation as a TAP comment (the harness shows only the first lines
// of an error), then the failure.
function report (bad) {
  for (const b of bad) console.log(`# ${b}`)
  assert(bad.length === 0, `${bad.length} violation(s), listed above`)
}

export async function run () {
  const sup = new Api()
  await sup.login('duban')
  const plans = (await sup.get('/api/plans')).body.plans
  const planId = plans[0].id
  const plan = (await sup.get(`/api/plans/${planId}`)).body.plan
  const task = plan.tasks.find((t) => t.number === 7) || plan.tasks[0]

  await test('a11y: the portal pages have no WCAG 2.1 AA violation (axe)', async () => {
    // Publish the plan if no earlier spec did, so the pages have content.
    const pub = await sup.get('/api/publication')
    eq(pub.status, 200, 'the publication settings')
    const shown = (pub.body.plans || []).some((x) => x.published) && pub.body.enabled
    if (!shown) {
      const r = await sup.req('PUT', '/api/publication', { enabled: true, plan_id: planId, published: true, fields: ['task_text', 'units', 'status', 'progress', 'indicators'] })
      eq(r.status, 200, 'published')
    }
    const bad = []
    const p = await axePage()
    try {
      const seen = new Set()
      const todo = ['/portal/']
      while (todo.length && seen.size < 400) {
        const u = todo.shift()
        if (seen.has(u)) continue
        seen.add(u)
        if (/\.(json|csv)$/.test(u) || u.startsWith('/portal/files/')) continue
        const res = await p.goto(BASE + u)
        eq(res.status(), 200, u)
        bad.push(...await audit(p, u))
        const hrefs = await p.$$eval('a[href]', (as) => as.map((a) => a.getAttribute('href')))
        for (const h of hrefs) if (h.startsWith('/portal/') && !seen.has(h)) todo.push(h.replace(/#.*/, ''))
      }
      assert(seen.size > 10, `portal pages crawled: ${seen.size}`)
      // The home page once at phone size.
      await p.setViewportSize(PHONE)
      await p.goto(BASE + '/portal/')
      bad.push(...await audit(p, '/portal/ at 390×844'))
    } finally { await p.context().close() }
    report(bad)
  })

  await test('a11y: the portal works by keyboard alone', async () => {
    const p = await newPage()
    try {
      await p.goto(`${BASE}/portal/plans/${planId}`)
      eq(await p.locator('[tabindex]:not([tabindex="0"]):not([tabindex="-1"])').count(), 0, 'no positive tabindex')
      await p.keyboard.press('Tab')
      const skip = await p.evaluate(() => {
        const a = document.activeElement
        const r = a.getBoundingClientRect()
        return { cls: a.className, text: a.textContent.trim(), inView: r.left >= 0 && r.top >= 0 && r.right <= window.innerWidth && r.width > 0, outline: getComputedStyle(a).outlineStyle }
      })
      eq(skip.cls, 'skip', 'the first Tab reaches the skip link')
      eq(skip.text, '跳到正文', 'its text')
      assert(skip.inView, 'the focused skip link is shown on screen')
      assert(skip.outline !== 'none', 'and its focus is visible')
      await p.keyboard.press('Enter')
      await p.waitForFunction(() => document.activeElement && document.activeElement.id === 'main')
      // The next Tab goes into the main content, not back to the menu.
      await p.keyboard.press('Tab')
      eq(await p.evaluate(() => !!document.activeElement.closest('main')), true, 'Tab after the skip link lands inside main')
      // From the top, Tab walks the site name and the menu in reading
      // order, each with a visible focus ring.
      await p.goto(`${BASE}/portal/`)
      const order = []
      for (let i = 0; i < 5; i++) {
        await p.keyboard.press('Tab')
        order.push(await p.evaluate(() => {
          const a = document.activeElement
          return { text: a.textContent.trim(), outline: getComputedStyle(a).outlineStyle, width: getComputedStyle(a).outlineWidth }
        }))
      }
      eq(order.map((o) => o.text).join('|'), '跳到正文|法治政府建设信息公开|首页|年度报告|开放数据', 'the tab order')
      for (const o of order) assert(o.outline !== 'none' && parseFloat(o.width) >= 2, `the focus on ${o.text} is visible (${o.outline} ${o.width})`)
    } finally { await p.context().close() }
  })

  // The staff pages, per account: [path, label, what to do before the audit].
  const openNew = async (p) => {
    await p.click('[data-test=new]')
    await p.waitForSelector('[data-test=record-form]')
  }
  const openAdd = async (p) => {
    await p.click('button:has-text("添加用户")')
    await p.waitForSelector('.el-dialog:has-text("初始密码")')
  }
  const staff = {
    duban: [
      ['/todo'], ['/plan'], [`/tasks/${task.id}`], ['/reports'], ['/review'], ['/dashboard'], ['/audit'],
      ['/registries/normative'], ['/registries/normative', '新增 dialog', openNew],
      ['/indicators'], ['/units'], ['/findings'], ['/assessment'], ['/annual-report'], ['/publication']
    ],
    admin: [['/accounts'], ['/accounts', '添加用户 dialog', openAdd]],
    jtj_lly: [['/todo'], [`/reports/new?task=${task.id}`], ['/registries/normative']]
  }
  for (const [name, viewport, mobile] of [['1366×768', DESKTOP, false], ['390×844', PHONE, true]]) {
    await test(`a11y: the staff pages at ${name} have no WCAG 2.1 AA violation (axe)`, async () => {
      const bad = []
      const login = await axePage(viewport, mobile)
      try {
        await login.goto(BASE + '/login')
        await login.waitForSelector('[data-test=login]')
        bad.push(...await audit(login, '/login'))
        // And with the server's message for a wrong password.
        await login.fill('[data-test=login]', 'duban')
        await login.fill('[data-test=password]', 'not-the-password')
        await login.click('[data-test=submit]')
        await login.waitForSelector('[data-test=login-error]')
        bad.push(...await audit(login, '/login with an error'))
      } finally { await login.context().close() }
      for (const [who, pages] of Object.entries(staff)) {
        const p = await axePage(viewport, mobile)
        try {
          await signIn(p, who)
          for (const [url, what, before] of pages) {
            await p.goto(BASE + url)
            await settle(p)
            if (before) await before(p)
            bad.push(...await audit(p, `${who} ${url}${what ? ' ' + what : ''}`))
          }
          if (mobile) {
            // The account's menu, from a page with no dialog over it.
            await p.goto(BASE + '/todo')
            await settle(p)
            await p.click('[data-test=menu-toggle]')
            await p.waitForSelector('.el-drawer [data-test=menu]')
            bad.push(...await audit(p, `${who} the menu drawer`))
          }
        } finally { await p.context().close() }
      }
      report(bad)
    })
  }
}
