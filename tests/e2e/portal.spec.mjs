// portal.spec.mjs: the public portal as a stranger sees it. Through the
// API, 教体局's clerk reports on a task naming herself (an account's name),
// a mobile and an ID card number, with two files; the report is returned
// with an internal comment, then accepted; another unit leaves a draft.
// The 依法治县办 publishes the plan and one file. Then a browser without a
// session crawls every portal link from the home page: no page holds a
// secret, none loads or contains a script, each has one h1 and a skip
// link; data files and downloads are checked too; the staff API answers
// 401 without a session.
import { test, skip, newPage, signIn, title, assert, eq, BASE, Api, missingRoute } from './lib.mjs'

const PDF = (s) => Buffer.from(`%PDF-1.4\n% ${s}\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n`)
const NAME = '陈联络员'
const PHONE = '13912345678'
const IDNO = '371522198001011234'
const COMMENT = '内部意见门户不得公开'
const DRAFT = '草稿门户不得公开'
const PRIVATE_FILE = '内部名单底稿.pdf'
const SECRETS = [NAME, PHONE, IDNO, COMMENT, DRAFT, PRIVATE_FILE, '刘局长', '张督办']
const NAMES = [
  'portal: a report with personal data is accepted and the plan published',
  'portal: a crawl without a session finds no secret and no script',
  'portal: published values appear, masked',
  'portal: the staff API refuses a stranger',
  'portal: 信息公开 page for the supervisor, with 预览门户'
]

// Create a report on the first task the unit may report on.
async function report (api, plan, period, unit, narrative, progress) {
  for (const t of plan.tasks) {
    const r = await api.req('POST', '/api/reports', { period_id: period, task_id: t.id, unit_id: unit, progress, narrative })
    if (r.status === 200) return { id: r.body.report.id, task: t }
  }
  throw new Error('no task to report on')
}

export async function run () {
  const sup = new Api()
  await sup.login('duban')
  const probe = await sup.get('/api/publication')
  if (missingRoute(probe)) {
    for (const n of NAMES) skip(n, 'the server has no /api/publication')
    return
  }
  const s = { ok: false }

  await test(NAMES[0], async () => {
    const planId = (await sup.get('/api/plans')).body.plans[0].id
    const plan = (await sup.get(`/api/plans/${planId}`)).body.plan
    const periods = (await sup.get(`/api/plans/${planId}/periods`)).body.periods
    const period = periods.filter((p) => p.starts <= '2022-12-20').pop().id
    const units = (await sup.get('/api/units')).body.units
    const jtj = units.find((u) => u.code === 'jtj').id
    const zfb = units.find((u) => u.code === 'zfb').id
    const clerk = new Api(); await clerk.login('jtj_lly')
    const leader = new Api(); await leader.login('jtj_fzr')
    const other = new Api(); await other.login('zfb_lly')
    const r = await report(clerk, plan, period, jtj, `本季度完成普法宣传3次。联络员${NAME}，电话${PHONE}，身份证${IDNO}。`, 'in_progress')
    s.task = r.task.number
    s.plan = planId
    const up = async (name, body) => {
      const x = await clerk.req('POST', `/api/reports/${r.id}/evidence?name=${encodeURIComponent(name)}`, new Uint8Array(body), { 'Content-Type': 'application/pdf' })
      eq(x.status, 200, `upload ${name}`)
      return x.body.evidence.id
    }
    s.pubFile = await up('普法宣传通知.pdf', PDF('public'))
    s.privFile = await up(PRIVATE_FILE, PDF('private'))
    const submit = async () => {
      eq((await clerk.post(`/api/reports/${r.id}/submit`)).status, 200, 'submitted')
      const a = await leader.post(`/api/reports/${r.id}/approve`, {})
      assert([200, 409].includes(a.status), `approved (${a.status})`)
    }
    await submit()
    eq((await sup.post(`/api/reports/${r.id}/review`, { decision: 'return', reason: 'R02', comment: COMMENT })).status, 200, 'returned')
    await submit()
    const acc = await sup.post(`/api/reports/${r.id}/review`, { decision: 'accept' })
    eq(acc.body.report && acc.body.report.state, 'accepted', 'accepted')
    await report(other, plan, period, zfb, DRAFT, 'in_progress')
    eq((await sup.req('PUT', '/api/publication', { enabled: true, plan_id: planId, published: true, fields: ['task_text', 'units', 'status', 'progress', 'indicators'] })).status, 200, 'published')
    eq((await sup.req('PUT', `/api/evidence/${s.pubFile}/public`, { public: true })).status, 200, 'file made public')
    s.ok = true
  })
  if (!s.ok) {
    for (const n of NAMES.slice(1, 3)) skip(n, 'the setup failed')
  } else {
    await test(NAMES[1], async () => {
      const p = await newPage()
      const scripts = []
      p.on('request', (q) => { if (q.resourceType() === 'script') scripts.push(q.url()) })
      const seen = new Set()
      const todo = ['/portal/']
      let pages = 0
      let files = 0
      try {
        while (todo.length && seen.size < 300) {
          const u = todo.shift()
          if (seen.has(u)) continue
          seen.add(u)
          if (/\.(json|csv)$/.test(u) || u.startsWith('/portal/files/')) {
            const res = await fetch(BASE + u)
            eq(res.status, 200, u)
            const text = await res.text()
            for (const x of SECRETS) assert(!text.includes(x), `${u} holds “${x}”`)
            files++
            continue
          }
          const res = await p.goto(BASE + u)
          eq(res.status(), 200, u)
          const html = await p.content()
          for (const x of SECRETS) assert(!html.includes(x), `${u} holds “${x}”`)
          eq(await p.locator('script').count(), 0, `${u}: no script element`)
          eq(await p.locator('h1').count(), 1, `${u}: one h1`)
          eq(await p.getAttribute('html', 'lang'), 'zh-CN', `${u}: lang`)
          eq(await p.getAttribute('a.skip', 'href'), '#main', `${u}: skip link`)
          pages++
          const hrefs = await p.$$eval('a[href]', (as) => as.map((a) => a.getAttribute('href')))
          for (const h of hrefs) if (h.startsWith('/portal/') && !seen.has(h)) todo.push(h)
        }
        assert(pages > 30, `pages crawled: ${pages}`)
        assert(files >= 5, `data files and downloads fetched: ${files}`)
        eq(scripts.length, 0, `scripts requested: ${scripts.join(' ')}`)
        assert(!seen.has(`/portal/files/${s.privFile}`), 'the private file is never linked')
        eq((await fetch(`${BASE}/portal/files/${s.privFile}`)).status, 404, 'nor downloadable')
        // The first Tab reaches the skip link.
        await p.goto(BASE + '/portal/')
        await p.keyboard.press('Tab')
        eq(await p.evaluate(() => document.activeElement.className), 'skip', 'skip link first')
      } finally { await p.context().close() }
    })

    await test(NAMES[2], async () => {
      const p = await newPage()
      try {
        await p.goto(`${BASE}/portal/plans/${s.plan}/tasks/${s.task}`)
        const html = await p.content()
        assert(html.includes('139****5678'), 'the mobile number masked')
        assert(html.includes('本季度完成普法宣传3次'), 'the accepted progress')
        assert(html.includes('普法宣传通知.pdf'), 'the public file listed')
        await p.goto(`${BASE}/portal/plans/${s.plan}`)
        assert((await p.textContent('h1')).includes('莘县2022年法治政府建设工作计划'), 'the plan title as in the document')
        assert((await p.content()).includes('莘政办发〔2022〕5号'), 'its 文号')
      } finally { await p.context().close() }
    })
  }

  await test(NAMES[3], async () => {
    for (const u of ['/api/plans', '/api/reports', '/api/publication', '/api/audit', '/api/me', `/api/evidence/${s.privFile || 1}`, '/api/plans/1/dashboard']) {
      const res = await fetch(BASE + u)
      eq(res.status, 401, u)
    }
    const put = await fetch(BASE + '/api/publication', { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: '{"enabled":false}' })
    eq(put.status, 401, 'PUT /api/publication')
  })

  await test(NAMES[4], async () => {
    const p = await newPage()
    try {
      await signIn(p, 'duban')
      await p.goto(BASE + '/publication')
      await p.waitForSelector('[data-test=portal-state]')
      eq(await title(p), '信息公开', 'the page')
      eq(await p.getAttribute('[data-test=portal-preview]', 'href'), '/portal/', 'the preview link')
      assert((await p.textContent('[data-test=menu]')).includes('信息公开'), 'in the menu')
      if (s.ok) await p.waitForSelector('[data-test=files] :text("普法宣传通知.pdf")')
    } finally { await p.context().close() }
  })
}
