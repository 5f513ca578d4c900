// findings.spec.mjs: 督察整改 in the browser. The 依法治县办 (duban, a
// supervisor of 县司法局) registers a finding against 县教体局 through
// the API; the bureau's clerk finds it under 督察整改, writes the 整改情况,
// attaches a file and submits; another unit's clerk does not see it; the
// supervisor checks it (核查通过) and closes it (销号) with the buttons his
// role shows, and the history lists every step in Chinese. 执行督办: a
// finding of 县公安局 14 working days overdue (2022-11-30 to the server's
// 2022-12-20, weekends only) is previewed as 提醒, 催办, 通报 and 拟约谈,
// run, and the 约谈 confirmed from the 督办记录. 修改: the supervisor
// edits a finding in the registration form; the history shows the edit.
import { test, newPage, signIn, title, assert, eq, BASE, Api } from './lib.mjs'

let id = 0

async function openFinding (p) {
  await p.goto(BASE + '/findings')
  await p.waitForSelector('[data-test=findings]')
  eq(await title(p), '督察整改', 'the page')
  await p.click(`[data-test=findings] button:has-text("${id}")`)
  await p.waitForSelector('[data-test=finding-detail] [data-test=history]')
}

export async function run () {
  await test('督察整改: a finding is registered and the unit rectifies it with evidence', async () => {
    const api = new Api()
    await api.login('duban')
    const units = (await api.get('/api/units')).body.units
    const jtj = units.find((u) => u.code === 'jtj')
    const r = await api.post('/api/findings', {
      source_kind: 'county', doc_no: '莘法督〔2022〕5号', found_on: '2022-12-01', deadline: '2022-12-31',
      description: '执法案卷归档不及时', requirement: '限期完成案卷归档并报送整改情况', units: [jtj.id]
    })
    eq(r.status, 200, 'registered: ' + JSON.stringify(r.body))
    id = r.body.finding.id
    const p = await newPage()
    try {
      await signIn(p, 'jtj_lly')
      await p.click('[data-test=menu] .el-menu-item:has-text("督察整改")')
      await openFinding(p)
      await p.fill('[data-test=rect-text] textarea', '已完成 2022 年执法案卷归档 126 卷')
      await p.setInputFiles('[data-test=rect-file]', { name: '归档清单.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% 归档清单\n') })
      await p.waitForSelector('[data-test=finding-detail] a:has-text("归档清单.pdf")')
      await p.click('[data-test=rect-submit]')
      await p.waitForSelector('[data-test=finding-detail] .el-tag:has-text("已提交")')
    } finally { await p.context().close() }
  })

  await test('督察整改: another unit does not see it', async () => {
    const api = new Api()
    await api.login('zfb_lly')
    const r = await api.get('/api/findings')
    eq(r.status, 200, 'the list')
    assert(!r.body.findings.some((f) => f.id === id), 'not listed to 县政府办')
    eq((await api.get(`/api/findings/${id}`)).status, 403, 'not readable by 县政府办')
  })

  await test('督察整改: the supervisor checks and closes it; the history shows each step', async () => {
    const p = await newPage()
    try {
      await signIn(p, 'duban')
      await openFinding(p)
      await p.click('[data-test=check-pass]')
      await p.click('[data-test=act-ok]')
      await p.waitForSelector('[data-test=finding-detail] [data-test=close]')
      await p.click('[data-test=close]')
      await p.click('[data-test=act-ok]')
      await p.waitForSelector('[data-test=finding-detail] [data-test=reopen]')
      const h = await (await p.waitForSelector('[data-test=history]')).textContent()
      for (const step of ['登记督察发现问题', '上传佐证材料', '提交整改情况', '核查通过', '销号']) {
        assert(h.includes(step), `the history has ${step}: ${h}`)
      }
      eq(await p.$('[data-test=finding-edit]'), null, 'no 修改 once 销号')
    } finally { await p.context().close() }
  })

  await test('督察整改: 执行督办 previews the ladder, runs it and the 约谈 is confirmed', async () => {
    const api = new Api()
    await api.login('duban')
    const gaj = (await api.get('/api/units')).body.units.find((u) => u.code === 'gaj')
    const r = await api.post('/api/findings', {
      source_kind: 'county', found_on: '2022-11-01', deadline: '2022-11-30',
      description: '行政处罚决定未按期公示', requirement: '限期公示', units: [gaj.id]
    })
    eq(r.status, 200, 'registered: ' + JSON.stringify(r.body))
    const fid = r.body.finding.id
    const mine = `督察发现问题第 ${fid} 号`
    const p = await newPage()
    try {
      await signIn(p, 'duban')
      await p.goto(BASE + '/findings')
      await p.waitForSelector('[data-test=escalations]')
      await p.click('[data-test=escalate]')
      await p.waitForSelector('[data-test=escalate-dialog] [data-test=escalate-summary]')
      assert((await p.textContent('[data-test=escalate-summary]')).includes('尚未记录'), 'a preview says nothing is recorded yet')
      const rows = async () => (await p.$$eval('[data-test=escalate-steps] .el-table__row', (els) => els.map((e) => e.textContent)))
        .filter((t) => t.includes(mine))
      const want = ['提醒', '催办', '通报', '拟约谈']
      const pre = await rows()
      eq(pre.length, 4, 'four steps for the finding: ' + pre.join(' | '))
      want.forEach((w, i) => assert(pre[i].includes(w) && pre[i].includes('县公安局') && pre[i].includes('已逾期 14 个工作日'), `step ${w}: ${pre[i]}`))
      eq((await api.get('/api/escalations')).body.escalations.filter((e) => e.finding_id === fid).length, 0, 'the preview records nothing')
      await p.click('[data-test=escalate-ok]')
      await p.waitForFunction(() => document.querySelector('[data-test=escalate-summary]')?.textContent.includes('已记录'))
      eq((await rows()).length, 4, 'the dialog lists what was done')
      const done = (await api.get('/api/escalations')).body.escalations.filter((e) => e.finding_id === fid)
      eq(done.map((e) => e.step + '/' + e.state).join(), 'remind/done,urge/done,bulletin/done,interview/proposed', 'recorded')
      await p.click('[data-test=escalate-dialog] .el-dialog__footer button:has-text("关闭")')
      const row = `[data-test=escalations] .el-table__row:has-text("${mine}"):has-text("拟约谈")`
      await p.click(`${row} [data-test=confirm-interview]`)
      await p.waitForSelector(row, { state: 'detached' })
      const iv = (await api.get('/api/escalations')).body.escalations.find((e) => e.finding_id === fid && e.step === 'interview')
      eq(iv.state, 'confirmed', 'the 约谈 is confirmed')
      eq(iv.confirmed_by, 'duban', 'by the supervisor')
    } finally { await p.context().close() }
  })

  await test('督察整改: the supervisor edits a finding before 销号; the history shows it', async () => {
    const api = new Api()
    await api.login('duban')
    const zfb = (await api.get('/api/units')).body.units.find((u) => u.code === 'zfb')
    const r = await api.post('/api/findings', {
      source_kind: 'county', found_on: '2022-12-01', deadline: '2022-12-30',
      description: '政务公开栏目更新不及时', requirement: '限期更新', units: [zfb.id]
    })
    eq(r.status, 200, 'registered: ' + JSON.stringify(r.body))
    id = r.body.finding.id
    const p = await newPage()
    try {
      await signIn(p, 'duban')
      await openFinding(p)
      await p.click('[data-test=finding-edit]')
      await p.waitForSelector('[data-test=finding-form] textarea[data-test=form-description]')
      eq(await p.inputValue('[data-test=finding-form] textarea[data-test=form-description]'), '政务公开栏目更新不及时', 'the form holds the finding')
      await p.fill('[data-test=finding-form] textarea[data-test=form-description]', '政务公开栏目更新不及时、内容不全')
      const d = p.locator('[data-test=finding-form] .el-form-item', { hasText: '整改期限' }).locator('input').first()
      await d.fill('2023-01-15')
      await d.press('Enter')
      await p.fill('[data-test=finding-form] input[data-test=edit-reason]', '督察组补充意见')
      await p.click('[data-test=finding-form] [data-test=add-ok]')
      await p.waitForFunction(() => document.querySelector('[data-test=history]')?.textContent.includes('修改督察发现问题'))
      const h = await p.textContent('[data-test=history]')
      assert(h.includes('整改期限由 2022-12-30 改为 2023-01-15'), `the history shows the new deadline: ${h}`)
      assert(h.includes('督察组补充意见'), 'and the reason')
      assert((await p.textContent('[data-test=finding-detail]')).includes('政务公开栏目更新不及时、内容不全'), 'the detail shows the new description')
      const f = (await api.get(`/api/findings/${id}`)).body.finding
      eq(f.deadline, '2023-01-15', 'stored')
    } finally { await p.context().close() }
  })
}
