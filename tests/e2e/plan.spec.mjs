// plan.spec.mjs: the 工作计划 page shows the reference plan as the
// document has it. The expected counts are read from the document
// (data/plans/shenxian-2022.md), not from the program.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { test, newPage, signIn, title, assert, eq, BASE, TOP } from './lib.mjs'

function fromDocument () {
  const md = readFileSync(path.join(TOP, 'data/plans/shenxian-2022.md'), 'utf8').split('\n')
  const sections = md.filter((l) => /^#{1,6}\s*[一二三四五六七八九十]+、/.test(l)).map((l) => l.replace(/^#+\s*/, '').trim())
  const tasks = md.filter((l) => /^\d+\.\s*\S/.test(l)).map((l) => Number(l.match(/^(\d+)\./)[1]))
  return { sections, tasks }
}

export async function run () {
  const doc = fromDocument()

  await test(`the plan page shows the document's ${doc.sections.length} sections and ${doc.tasks.length} tasks`, async () => {
    assert(doc.sections.length === 9 && doc.tasks.length === 22, `the document has 9 sections and 22 tasks (read ${doc.sections.length}, ${doc.tasks.length})`)
    const p = await newPage()
    try {
      await signIn(p, 'jtj_lly')
      await p.click('[data-test=menu] .el-menu-item:has-text("工作计划")')
      await p.waitForSelector('[data-test=task]')
      eq(await title(p), '工作计划', 'the page')
      eq((await p.textContent('[data-test=plan-title]')).trim(), '莘县2022年法治政府建设工作计划', 'the plan title')
      const heads = await p.$$eval('[data-test=section] h2', (els) => els.map((e) => e.textContent.trim()))
      eq(heads.length, doc.sections.length, 'sections')
      for (let i = 0; i < heads.length; i++) eq(heads[i].replace(/\s+/g, ''), doc.sections[i].replace(/\s+/g, ''), `section ${i + 1}`)
      const numbers = await p.$$eval('[data-test=task]', (els) => els.map((e) => Number(e.dataset.number)))
      eq(numbers.join(','), doc.tasks.join(','), 'tasks, in the order of the document')
      const t9 = await p.textContent('[data-test=task][data-number="9"]')
      assert(t9.includes('牵头单位：县司法局'), 'task 9 names its lead unit')
      assert(t9.includes('待明确'), 'a 县政府有关部门 phrase is shown as 待明确')
    } finally { await p.context().close() }
  })

  await test('the plan page filters by text and by section', async () => {
    const p = await newPage()
    try {
      await signIn(p, 'lingdao')
      await p.goto(BASE + '/plan')
      await p.waitForSelector('[data-test=task]')
      await p.fill('input[placeholder="搜索任务、单位"]', '行政复议')
      await p.waitForFunction(() => document.querySelectorAll('[data-test=task]').length < 22)
      const numbers = await p.$$eval('[data-test=task]', (els) => els.map((e) => Number(e.dataset.number)))
      assert(numbers.includes(18), `task 18 (行政复议) is found (got ${numbers})`)
    } finally { await p.context().close() }
  })

  await test('a task opens from the plan (任务详情)', async () => {
    const p = await newPage()
    try {
      await signIn(p, 'duban')
      await p.goto(BASE + '/plan')
      await p.click('[data-test=task][data-number="7"] a')
      await p.waitForURL(/\/tasks\/\d+$/)
      eq(await title(p), '任务详情', 'the page')
      await p.waitForSelector('h2:has-text("深入推进政务公开")')
    } finally { await p.context().close() }
  })
}
