// assessment.spec.mjs: the 考核 page. The 依法治县办 opens it from the menu,
// 重新计算 gives a ranking whose rows open to each unit's breakdown, with
// the rubric and the CSV export (教体局 has at least its manual 加分项,
// given here through the API with its evidence); a county leader reads it
// without the button; a unit's clerk gets only their own unit's row.
import { test, skip, newPage, signIn, title, pageOverflow, assert, eq, BASE, Api, missingRoute } from './lib.mjs'

const PDF = Buffer.from('%PDF-1.4\n% 示范项目命名文件\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n')
const NAMES = [
  'assessment: 重新计算 ranks the units with their breakdown and the rubric',
  'assessment: a county leader reads it without 重新计算',
  'assessment: a clerk gets only their own unit from the API',
  'assessment: the page fits a 390×844 phone'
]

export async function run () {
  const sup = new Api()
  await sup.login('duban')
  if (missingRoute(await sup.get('/api/assessment/rubric'))) {
    for (const n of NAMES) skip(n, 'the server has no /api/assessment')
    return
  }

  await test(NAMES[0], async () => {
    const units = (await sup.get('/api/units')).body.units
    const jtj = units.find((u) => u.code === 'jtj').id
    const m = await sup.req('POST', `/api/assessment/manual?unit_id=${jtj}&item=bonus&points=5&reason=${encodeURIComponent('获评示范项目')}&name=award.pdf`,
      new Uint8Array(PDF), { 'Content-Type': 'application/pdf' })
    eq(m.status, 200, 'a manual score with its evidence')
    const p = await newPage()
    try {
      await signIn(p, 'duban')
      await p.goto(BASE + '/assessment')
      await p.waitForSelector('[data-test=rubric]')
      eq(await title(p), '考核', 'the page')
      assert((await p.textContent('[data-test=menu]')).includes('考核'), 'in the menu')
      const rubric = await p.textContent('[data-test=rubric]')
      for (const item of ['报送及时', '一次通过', '指标达标', '督察整改', '加分项']) assert(rubric.includes(item), `the rubric's ${item}`)
      await p.click('[data-test=recompute]')
      await p.waitForSelector('[data-test=ranking] .el-table__row')
      assert((await p.textContent('[data-test=run-info]')).includes('统计截至'), 'the run\'s date')
      eq(await p.getAttribute('[data-test=export]', 'href'), '/api/assessment?format=csv', 'the export link')
      await p.click('[data-test=ranking] .el-table__expand-icon')
      await p.waitForSelector('[data-test=breakdown]')
      assert((await p.textContent('[data-test=breakdown]')).includes('报送及时'), 'a unit\'s breakdown')
      eq(await p.getAttribute('[data-test=export-xlsx]', 'href'), '/api/assessment?format=xlsx', 'the Excel export link')
      // 教体局's 加分项 links its evidence file, which downloads as sent
      const jtjRow = p.locator('[data-test=ranking] .el-table__row', { hasText: '教育' }).first()
      if (!(await p.$('[data-test=breakdown] a[data-test=evidence]'))) await jtjRow.locator('.el-table__expand-icon').click()
      const link = await p.waitForSelector('[data-test=breakdown] a[data-test=evidence]:has-text("award.pdf")')
      const href = await link.getAttribute('href')
      assert(/^\/api\/assessment\/manual\/\d+\/evidence$/.test(href), `the evidence link (${href})`)
      const f = await sup.get(href)
      eq(f.status, 200, 'the evidence downloads')
    } finally { await p.context().close() }
  })

  await test(NAMES[1], async () => {
    const p = await newPage()
    try {
      await signIn(p, 'lingdao')
      await p.goto(BASE + '/assessment')
      await p.waitForSelector('[data-test=rubric]')
      assert((await p.textContent('[data-test=menu]')).includes('考核'), 'in the leader\'s menu')
      eq(await p.$('[data-test=recompute]'), null, 'no 重新计算 for a leader')
    } finally { await p.context().close() }
  })

  await test(NAMES[2], async () => {
    const units = (await sup.get('/api/units')).body.units
    const jtj = units.find((u) => u.code === 'jtj').id
    const clerk = new Api(); await clerk.login('jtj_lly')
    const r = await clerk.get('/api/assessment')
    eq(r.status, 200, 'GET /api/assessment')
    eq(r.body.units.map((u) => u.unit_id).join(), String(jtj), 'only 教体局')
    eq((await clerk.post('/api/assessment/run', {})).status, 403, 'a clerk may not recompute')
  })

  await test(NAMES[3], async () => {
    const p = await newPage({ width: 390, height: 844 }, { mobile: true })
    try {
      await signIn(p, 'duban')
      await p.goto(BASE + '/assessment')
      await p.waitForSelector('[data-test=rubric]')
      await p.waitForLoadState('networkidle').catch(() => {})
      const over = await pageOverflow(p)
      assert(over <= 1, `${over}px too wide`)
    } finally { await p.context().close() }
  })
}
