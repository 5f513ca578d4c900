// workflow.spec.mjs: the year's work through the browser, against the API
// contract: the clerk of a responsible unit (教体局) reports on task 7 with
// a file; the lead unit (县政府办公室) writes the consolidated report citing
// it; the supervisor returns it with a coded reason; it is resubmitted and
// accepted; the dashboard counts it; a clerk of another unit (公安局) is
// refused that report by URL and by API. Unit leaders approve their unit's
// reports when the server asks for it (state "pending"). Skipped, with a
// SKIP line, while the server has no /api/reports (the routes come from
// the main branch).
import { test, skip, choose, newPage, signIn, assert, eq, BASE, Api, missingRoute } from './lib.mjs'

const NAMES = [
  'workflow: a clerk of a responsible unit submits a report with a file',
  'workflow: the lead unit consolidates, citing the co-unit report',
  'workflow: the supervisor returns the consolidated report with a coded reason',
  'workflow: the lead unit resubmits and the supervisor accepts',
  'workflow: the dashboard counts the accepted report',
  'workflow: a clerk of another unit is refused the report by URL and by API'
]

// A small, well-formed PDF: the server accepts evidence by type.
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n')

async function stateOf (api, id) {
  const r = await api.get(`/api/reports/${id}`)
  assert(r.status === 200, `GET /api/reports/${id}: ${r.status} ${JSON.stringify(r.body)}`)
  return r.body.report
}

// The unit leader approves through the UI when the report waits for it.
async function approveIfPending (api, id, leader) {
  if ((await stateOf(api, id)).state !== 'pending') return
  const p = await newPage()
  try {
    await signIn(p, leader)
    await p.goto(`${BASE}/reports/${id}`)
    await p.click('[data-test=approve]')
    await p.waitForFunction(() => !document.querySelector('[data-test=approve]'))
  } finally { await p.context().close() }
  eq((await stateOf(api, id)).state, 'submitted', 'after the unit leader approves, it waits for review')
}

async function submitReport (p, narrative) {
  await p.click('[data-test=progress] label:has-text("推进中")')
  await p.fill('[data-test=narrative]', narrative)
  await p.click('[data-test=save]')
  await p.waitForURL(/\/reports\/\d+$/)
  return Number(p.url().match(/\/reports\/(\d+)$/)[1])
}

export async function run () {
  const sup = new Api()
  await sup.login('duban')
  const probe = await sup.get('/api/reports?per_page=1')
  if (missingRoute(probe)) {
    for (const n of NAMES) skip(n, 'the server has no /api/reports yet (404): the workflow routes are being built on main')
    return
  }
  const plan = (await sup.get('/api/plans')).body.plans[0]
  const task = (await sup.get(`/api/plans/${plan.id}`)).body.plan.tasks.find((t) => t.number === 7)
  const units = (await sup.get('/api/units')).body.units
  const jtj = units.find((u) => u.code === 'jtj').id
  const zfb = units.find((u) => u.code === 'zfb').id
  const dash0 = (await sup.get(`/api/plans/${plan.id}/dashboard`)).body
  const s = { ok: true }
  const step = async (name, fn) => {
    if (!s.ok) { skip(name, 'an earlier workflow step failed'); return }
    await test(name, async () => { try { await fn() } catch (e) { s.ok = false; throw e } })
  }
  const jtjApi = new Api(); await jtjApi.login('jtj_lly')
  const zfbApi = new Api(); await zfbApi.login('zfb_lly')

  await step(NAMES[0], async () => {
    const p = await newPage()
    try {
      await signIn(p, 'jtj_lly')
      await p.goto(`${BASE}/reports/new?task=${task.id}&unit=${jtj}`)
      await p.waitForSelector('[data-test=report-form]')
      s.unitReport = await submitReport(p, '教体局本季度在官网公开政策文件12件，组织政务公开培训1次，覆盖全部中小学。')
      await p.setInputFiles('[data-test=file]', { name: '政务公开培训签到表.pdf', mimeType: 'application/pdf', buffer: PDF })
      await p.waitForSelector('[data-test=evidence]:has-text("政务公开培训签到表.pdf")')
      await p.click('[data-test=submit]')
      await p.waitForSelector('[data-test=report-state]:has-text("待")')
    } finally { await p.context().close() }
    const r = await stateOf(jtjApi, s.unitReport)
    eq(r.evidence.length, 1, 'the file is attached')
    assert(['pending', 'submitted'].includes(r.state), `submitted (state ${r.state})`)
    await approveIfPending(jtjApi, s.unitReport, 'jtj_fzr')
  })

  await step(NAMES[1], async () => {
    const p = await newPage()
    try {
      await signIn(p, 'zfb_lly')
      await p.goto(`${BASE}/reports/new?task=${task.id}&unit=${zfb}&kind=consolidated`)
      await p.waitForSelector('[data-test=cite]:has-text("莘县教育和体育局")')
      await p.click('[data-test=cite]:has-text("莘县教育和体育局")')
      s.consolidated = await submitReport(p, '汇总：县政府各部门本季度共公开政策文件86件，教体局等单位完成政务公开培训。')
      await p.click('[data-test=submit]')
      await p.waitForSelector('[data-test=report-state]:has-text("待")')
    } finally { await p.context().close() }
    const r = await stateOf(zfbApi, s.consolidated)
    eq(r.kind, 'consolidated', 'a consolidated report')
    assert((r.cites || []).map((c) => (typeof c === 'object' ? c.id : c)).includes(s.unitReport), `it cites the 教体局 report (${JSON.stringify(r.cites)})`)
    await approveIfPending(zfbApi, s.consolidated, 'zfb_fzr')
  })

  await step(NAMES[2], async () => {
    const p = await newPage()
    try {
      await signIn(p, 'duban')
      await p.goto(`${BASE}/review`)
      const row = p.locator('[data-test=review-table] .el-table__row', { hasText: '莘县人民政府办公室' }).first()
      await row.locator('button:has-text("退回")').click()
      await choose(p, '.el-dialog .el-select')
      await p.fill('.el-dialog textarea', '请补充各部门公开文件清单。')
      await p.click('.el-dialog__footer button:has-text("退回")')
      // The dialog closes once the server has returned it (the toast that
      // says so lasts 3 s, too short to rely on under load); the state is
      // checked through the API below.
      await p.waitForSelector('.el-dialog__footer button:has-text("退回")', { state: 'hidden', timeout: 30000 })
    } finally { await p.context().close() }
    const r = await stateOf(sup, s.consolidated)
    eq(r.state, 'returned', 'returned')
    eq(r.return_count, 1, 'counted once')
    assert(r.history.some((h) => h.reason && h.comment === '请补充各部门公开文件清单。'), 'the reason and comment are in the history')
  })

  await step(NAMES[3], async () => {
    const p = await newPage()
    try {
      await signIn(p, 'zfb_lly')
      await p.goto(`${BASE}/reports/${s.consolidated}`)
      await p.fill('[data-test=narrative]', '汇总（补充）：县政府各部门共公开政策文件86件，清单见附件。')
      await p.click('[data-test=submit]')
      await p.waitForSelector('[data-test=report-state]:has-text("待")')
    } finally { await p.context().close() }
    await approveIfPending(zfbApi, s.consolidated, 'zfb_fzr')
    const q = await newPage()
    try {
      await signIn(q, 'duban')
      await q.goto(`${BASE}/reports/${s.consolidated}`)
      await q.click('[data-test=accept]')
      await q.waitForSelector('[data-test=report-state]:has-text("审核通过")')
    } finally { await q.context().close() }
    eq((await stateOf(sup, s.consolidated)).state, 'accepted', 'accepted')
  })

  await step(NAMES[4], async () => {
    const dash1 = (await sup.get(`/api/plans/${plan.id}/dashboard`)).body
    assert(dash1.totals.accepted > dash0.totals.accepted, `accepted ${dash0.totals.accepted} → ${dash1.totals.accepted}`)
    assert(dash1.totals.reported > dash0.totals.reported, `reported ${dash0.totals.reported} → ${dash1.totals.reported}`)
    const p = await newPage()
    try {
      await signIn(p, 'lingdao')
      await p.goto(`${BASE}/dashboard`)
      await p.waitForSelector('[data-test=total-accepted]')
      eq(Number((await p.textContent('[data-test=total-accepted]')).trim()), dash1.totals.accepted, 'the page shows it')
      await p.waitForSelector('canvas')
    } finally { await p.context().close() }
  })

  await step(NAMES[5], async () => {
    const other = new Api()
    await other.login('gaj_lly')
    const r = await other.get(`/api/reports/${s.unitReport}`)
    assert(r.status === 403 || r.status === 404, `the API refuses it (${r.status})`)
    const ev = (await stateOf(jtjApi, s.unitReport)).evidence[0]
    const e = await other.get(`/api/evidence/${ev.id}`)
    assert(e.status === 403 || e.status === 404, `and its file (${e.status})`)
    const p = await newPage()
    try {
      await signIn(p, 'gaj_lly')
      await p.goto(`${BASE}/reports/${s.unitReport}`)
      await p.waitForSelector('[data-test=load-error]')
      assert(!(await p.content()).includes('教体局本季度在官网公开政策文件'), 'the page shows nothing of it')
    } finally { await p.context().close() }
  })
}
