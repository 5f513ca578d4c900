// annual.spec.mjs: the 年度报告 page: the 依法治县办 generates the county's
// draft of the plan's year, sees the five statutory parts with the
// claims no accepted report supports highlighted (待核实), deletes one
// (a new version with one flag fewer) and submits it for review. He may
// not approve what he submitted (职责分离: the button is disabled and the
// API refuses with 403); a second supervisor (duban2) approves it.
import { test, newPage, signIn, title, assert, eq, BASE, Api } from './lib.mjs'

let id = 0

const PARTS = ['一、主要举措和成效', '二、存在的不足和原因', '三、党政主要负责人履行推进法治建设第一责任人职责情况',
  '四、下一年度主要安排', '五、其他需要报告的情况']

export async function run () {
  await test('the 依法治县办 drafts, edits and submits the annual report', async () => {
    const p = await newPage()
    try {
      await signIn(p, 'duban')
      await p.goto(BASE + '/annual-report')
      await p.waitForSelector('[data-test=annual-generate]')
      eq(await title(p), '年度报告', 'the page')
      await p.click('[data-test=annual-generate]')
      await p.waitForSelector('[data-test=annual-report] .annual-doc')
      eq((await p.textContent('.annual-title')).trim(), '莘县人民政府关于2022年度法治政府建设情况的报告', 'the title')
      const parts = await p.$$eval('.annual-h1', (els) => els.map((e) => e.textContent.trim()))
      eq(parts.join('|'), PARTS.join('|'), 'the five statutory parts')
      eq((await p.textContent('[data-test=annual-state]')).trim(), '草稿', 'a draft')
      const flagged = await p.$$('[data-test=annual-flagged]')
      assert(flagged.length > 0, 'claims without accepted reports are highlighted')
      const before = Number((await p.textContent('[data-test=annual-flags]')).replace(/\D/g, ''))
      await flagged[0].click()
      await p.click('.el-dialog button:has-text("删除此句")')
      await p.waitForFunction((n) => {
        const t = document.querySelector('[data-test=annual-flags]')
        return t && Number(t.textContent.replace(/\D/g, '')) === n - 1
      }, before)
      await p.click('[data-test=annual-submit]')
      await p.waitForFunction(() => document.querySelector('[data-test=annual-state]').textContent.includes('待审核'))
      const docx = await p.getAttribute('[data-test=annual-docx]', 'href')
      assert(/\/api\/annual-reports\/\d+\/file\?format=docx$/.test(docx), `a DOCX link (${docx})`)
      assert(await p.isDisabled('[data-test=annual-approve]'), 'the submitter\'s 审核通过 is disabled')
      assert((await p.textContent('[data-test=annual-sod]')).includes('职责分离'), 'saying why')
      id = Number(docx.match(/annual-reports\/(\d+)\//)[1])
    } finally { await p.context().close() }
  })

  await test('the annual report is approved by a supervisor other than the one who submitted it', async () => {
    const api = new Api()
    await api.login('duban')
    const r = await api.post(`/api/annual-reports/${id}/approve`, {})
    eq(r.status, 403, 'the submitter is refused by the API')
    assert(r.body.error.message.includes('不能审核通过本人提交的年度报告'), r.body.error.message)
    const p = await newPage()
    try {
      await signIn(p, 'duban2')
      await p.goto(BASE + '/annual-report')
      await p.click('[data-test=annual-list] .el-table__row:has-text("全县")')
      await p.waitForSelector('[data-test=annual-approve]')
      eq(await p.$('[data-test=annual-sod]'), null, 'no separation-of-duties hint for another supervisor')
      await p.click('[data-test=annual-approve]')
      await p.waitForFunction(() => document.querySelector('[data-test=annual-state]').textContent.includes('已审核'))
    } finally { await p.context().close() }
  })
}
