// registry.spec.mjs: the 规范性文件 registry and the indicators in the
// browser: the supervisor types a document whose filing date is before
// its publication and is told which field is wrong, fixes it and saves,
// sees the record's history field by field and attaches a file;
// an import with a bad date lists the cell at fault and stores nothing;
// a good import is listed; the indicators are computed and the plan's
// task 9 and the dashboard show them with their light; a unit's clerk
// sees only its own; a clerk's report form offers the task's manual
// indicators.
import { test, choose, newPage, signIn, title, assert, eq, BASE, Api } from './lib.mjs'

const HEAD = '制定机关,文号,标题,公布日期,报送备案日期,审查完成日期,审查结论,有效期至,清理状态,备注\n'

async function pick (p, item, text) {
  await choose(p, `[data-test=record-form] .el-form-item:has-text("${item}") .el-select`, text)
}

// Type a date into the picker; on a loaded machine the picker can miss
// the first entry, so it is typed again until the input holds it.
async function date (p, item, value) {
  const input = p.locator(`[data-test=record-form] .el-form-item:has-text("${item}") input`)
  for (let i = 0; i < 5; i++) {
    await input.fill(value)
    await input.press('Enter')
    await p.waitForTimeout(200)
    if ((await input.inputValue()) === value) return
  }
  throw new Error(`the date picker ${item} does not take ${value}`)
}

export async function run () {
  await test('a contradictory record typed in the form names its field; fixed, it is saved', async () => {
    const p = await newPage()
    try {
      await signIn(p, 'duban')
      await p.click('[data-test=menu] .el-menu-item:has-text("规范性文件")')
      await p.waitForSelector('[data-test=records]')
      eq(await title(p), '行政规范性文件', 'the page')
      await p.click('[data-test=new]')
      await pick(p, '制定机关', '莘县司法局')
      await p.fill('[data-test=record-form] .el-form-item:has-text("文号") input', '莘司发〔2022〕8号')
      await p.fill('[data-test=record-form] .el-form-item:has-text("标题") input', '莘县法律顾问工作规则')
      await date(p, '公布日期', '2022-03-01')
      await date(p, '报送备案日期', '2022-02-20')
      await p.click('[data-test=save]')
      const err = await p.waitForSelector('[data-test=record-form] .el-form-item:has-text("报送备案日期") .el-form-item__error', { timeout: 30000 })
      assert((await err.textContent()).includes('早于公布日期'), 'the filing date is named: ' + await err.textContent())
      await date(p, '报送备案日期', '2022-03-20')
      await p.click('[data-test=save]')
      await p.waitForSelector('[data-test=records] td:has-text("莘司发〔2022〕8号")')
      // The saved record opens with its history, field by field, and
      // takes an evidence file.
      const h = await p.waitForSelector('[data-test=history]')
      assert((await h.textContent()).includes('文号：莘司发〔2022〕8号'), 'the history names the fields: ' + await h.textContent())
      await p.setInputFiles('[data-test=evidence-file]', { name: '备案报告.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% 备案报告\n') })
      await p.waitForSelector('.el-dialog a:has-text("备案报告.pdf")')
    } finally { await p.context().close() }
  })

  await test('an import with a bad date lists its cell and stores nothing; a good one is listed', async () => {
    const p = await newPage()
    try {
      await signIn(p, 'duban')
      await p.goto(BASE + '/registries/normative')
      await p.waitForSelector('[data-test=records]')
      await p.setInputFiles('[data-test=import-file]', { name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(HEAD + '县教体局,莘教发〔2022〕1号,甲,2022-02-30,,,,,,\n') })
      const e = await p.waitForSelector('[data-test=import-error]')
      assert((await e.textContent()).includes('第2行第4列（公布日期）'), 'line 2, column 4: ' + await e.textContent())
      await p.setInputFiles('[data-test=import-file]', { name: 'good.csv', mimeType: 'text/csv', buffer: Buffer.from(HEAD + '县教体局,莘教发〔2022〕1号,莘县中小学校园安全管理办法,2022-02-10,2022-02-28,,,,,\n') })
      await p.waitForSelector('[data-test=records] td:has-text("莘教发〔2022〕1号")')
    } finally { await p.context().close() }
  })

  await test('the indicators are computed and task 9 shows 报备率 with its light', async () => {
    const p = await newPage()
    try {
      await signIn(p, 'duban')
      await p.goto(BASE + '/indicators')
      await p.waitForSelector('[data-test=indicators] td:has-text("报备率")')
      await p.click('[data-test=compute]')
      await p.waitForSelector('[data-test=indicators] td:has-text("100.0%")')
      await p.goto(BASE + '/plan')
      const t = await p.waitForSelector('[data-test=task][data-number="9"] [data-test=targets]')
      const text = await t.textContent()
      assert(text.includes('报备率') && text.includes('100.0%'), 'task 9: ' + text)
      assert(await p.$('[data-test=task][data-number="9"] [data-test=targets] .target[data-light=green]'), 'a green light')
      await p.goto(BASE + '/dashboard')
      const d = await p.waitForSelector('[data-test=targets]')
      assert((await d.textContent()).includes('备案审查率'), 'the dashboard lists the computed targets')
    } finally { await p.context().close() }
  })

  await test('a unit\'s clerk sees only the unit\'s documents', async () => {
    const api = new Api()
    await api.login('jtj_lly')
    const r = await api.get('/api/registries/normative')
    eq(r.status, 200, 'the list')
    eq(r.body.records.map((x) => x.doc_no).join(','), '莘教发〔2022〕1号', '教体局 only')
    const p = await newPage()
    try {
      await signIn(p, 'jtj_lly')
      await p.goto(BASE + '/registries/normative')
      await p.waitForSelector('[data-test=records] td:has-text("莘教发〔2022〕1号")')
      assert(!(await p.$('[data-test=records] td:has-text("莘司发〔2022〕8号")')), 'not 司法局\'s')
    } finally { await p.context().close() }
  })

  await test('a clerk reports the task\'s manual indicator in the report form', async () => {
    const api = new Api()
    await api.login('jtj_lly')
    const plans = (await api.get('/api/plans')).body.plans
    const plan = (await api.get(`/api/plans/${plans[0].id}`)).body.plan
    const t13 = plan.tasks.find((t) => t.number === 13)
    const p = await newPage()
    try {
      await signIn(p, 'jtj_lly')
      await p.goto(BASE + `/reports/new?task=${t13.id}`)
      const box = await p.waitForSelector('[data-test=manual-indicators]')
      const text = await box.textContent()
      assert(text.includes('县乡两级执法协调监督工作体系'), 'task 13\'s 全覆盖 indicator is offered: ' + text)
    } finally { await p.context().close() }
  })
}
