// login.spec.mjs: each role signs in and lands on 我的待办 showing its
// role and the menu it should have; a wrong password shows the server's
// Chinese message; a reload keeps the session (GET /api/me); signing out
// returns to 登录.
import { test, newPage, signIn, title, assert, eq, BASE } from './lib.mjs'

// login, role as 我的待办 names it, a menu entry it has, one it must not
const ROLES = [
  ['admin', '系统管理员', '用户', '审核'],
  ['duban', '依法治县办', '审核', '用户'],
  ['lingdao', '县领导', '督办看板', '审核'],
  ['zfb_fzr', '单位负责人', '填报进度', '用户'],
  ['jtj_lly', '联络员', '填报进度', '督办看板']
]

export async function run () {
  const page = await newPage()

  await test('a wrong password shows the Chinese error and stays on 登录', async () => {
    await page.goto(BASE + '/login')
    await page.fill('[data-test=login]', 'duban')
    await page.fill('[data-test=password]', 'not-the-password')
    await page.click('[data-test=submit]')
    const err = await page.waitForSelector('[data-test=login-error]')
    const text = (await err.textContent()).trim()
    eq(text, '登录名或密码错误', 'the message of the server')
    assert(new URL(page.url()).pathname === '/login', 'still on the login page')
  })

  await test('an empty password is caught by the form, field highlighted', async () => {
    await page.goto(BASE + '/login')
    await page.fill('[data-test=login]', 'duban')
    await page.click('[data-test=submit]')
    await page.waitForSelector('.el-form-item.is-error .el-form-item__error:has-text("请输入密码")')
  })

  await test('a page asked for before signing in comes back after it', async () => {
    await page.context().clearCookies()
    await page.goto(BASE + '/plan')
    await page.waitForURL(/\/login\?next=(%2F|\/)plan/)
    await page.fill('[data-test=login]', 'lingdao')
    await page.fill('[data-test=password]', 'fazhi-demo-2022')
    await page.click('[data-test=submit]')
    await page.waitForURL(/\/plan$/)
    eq(await title(page), '工作计划', 'the page asked for')
  })
  await page.context().close()

  for (const [login, role, has, hasNot] of ROLES) {
    await test(`${login} (${role}) signs in and sees 我的待办`, async () => {
      const p = await newPage()
      try {
        await signIn(p, login)
        eq(await title(p), '我的待办', 'lands on 我的待办')
        const roles = await p.$$eval('[data-test=role]', (els) => els.map((e) => e.textContent.trim()))
        assert(roles.includes(role), `shows the role ${role} (got ${roles.join(',')})`)
        const menu = await p.$$eval('[data-test=menu] .el-menu-item', (els) => els.map((e) => e.textContent.trim()))
        assert(menu.includes('我的待办') && menu.includes('工作计划'), 'everyone has 我的待办 and 工作计划')
        assert(menu.includes(has), `the menu has ${has}`)
        assert(!menu.includes(hasNot), `the menu has no ${hasNot}`)
        await p.reload()
        await p.waitForSelector('[data-test=page-title]')
        eq(await title(p), '我的待办', 'a reload keeps the session')
        assert((await p.textContent('[data-test=who]')).length > 0, 'the header names the person')
        await p.click('[data-test=logout]')
        await p.waitForURL(/\/login/)
        await p.goto(BASE + '/todo')
        await p.waitForURL(/\/login/)
      } finally { await p.context().close() }
    })
  }

  await test('a clerk who opens an admin page is sent back with a notice', async () => {
    const p = await newPage()
    try {
      await signIn(p, 'jtj_lly')
      await p.goto(BASE + '/accounts')
      await p.waitForURL(/\/todo\?denied=/)
      assert((await p.textContent('.el-alert')).includes('没有“用户”的权限'), 'says which page is refused')
    } finally { await p.context().close() }
  })
}
