// lib.mjs: the end-to-end tests' tiny harness: test() and skip() print TAP
// lines for tests/run.sh; a headless Chromium (Debian's, never a
// downloaded one) driven by playwright-core from web/node_modules; a
// sign-in helper for the UI and a small API client with its own cookie.
import { createRequire } from 'node:module'
import path from 'node:path'

export const TOP = process.env.TOP
export const BASE = process.env.FAZHI_URL
export const PASSWORD = 'fazhi-demo-2022'
const require = createRequire(path.join(TOP, 'web', 'package.json'))
const { chromium } = require('playwright-core')

let n = 0
let failed = 0
const pattern = process.env.E2E_PATTERN || ''

export async function test (name, fn) {
  if (pattern && !name.includes(pattern)) return
  n++
  const id = n
  try {
    await fn()
    console.log(`ok ${id} - ${name}`)
  } catch (e) {
    failed++
    console.log(`not ok ${id} - ${name}`)
    for (const line of String((e && e.stack) || e).split('\n').slice(0, 8)) console.log(`# ${line}`)
  }
}

export function skip (name, why) {
  if (pattern && !name.includes(pattern)) return
  n++
  console.log(`ok ${n} - ${name} # SKIP ${why}`)
}

export function summary () {
  if (n === 0) console.log('ok 1 - no spec matched # SKIP')
  console.log(`1..${Math.max(n, 1)}`)
  return failed
}

export function assert (cond, msg) {
  if (!cond) throw new Error(msg || 'assertion failed')
}

export function eq (got, want, msg) {
  if (got !== want) throw new Error(`${msg || 'not equal'}: got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`)
}

// Every page's console errors, uncaught exceptions and CSP violations.
export const problems = []

let browser = null
export async function launch () {
  browser = await chromium.launch({
    executablePath: process.env.FAZHI_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--lang=zh-CN']
  })
  return browser
}
export async function close () { if (browser) await browser.close() }

export async function newPage (viewport = { width: 1366, height: 768 }, opts = {}) {
  const ctx = await browser.newContext({ viewport, locale: 'zh-CN', isMobile: !!opts.mobile, hasTouch: !!opts.mobile })
  const page = await ctx.newPage()
  page.setDefaultTimeout(15000)
  page.on('pageerror', (e) => problems.push(`pageerror on ${page.url()}: ${e.message}`))
  page.on('console', (m) => {
    const t = m.text()
    if (/Content[- ]Security[- ]Policy|Refused to (load|apply|execute|evaluate)/i.test(t)) problems.push(`CSP on ${page.url()}: ${t}`)
  })
  return page
}

// Sign in through the login form; resolves on 我的待办.
export async function signIn (page, login, password = PASSWORD) {
  await page.goto(BASE + '/login')
  await page.fill('[data-test=login]', login)
  await page.fill('[data-test=password]', password)
  await page.click('[data-test=submit]')
  await page.waitForURL((u) => !u.pathname.startsWith('/login'))
  await page.waitForSelector('[data-test=page-title]')
}

// Choose an option of an Element Plus select: open it, click the option
// (the first one when no text is given) and check that the select now
// shows a value. On a loaded machine the click can land while the
// dropdown is still opening and select nothing, so it is tried again.
export async function choose (page, select, text = null) {
  const sel = typeof select === 'string' ? page.locator(select) : select
  for (let i = 0; i < 5; i++) {
    await sel.click()
    const items = page.locator('.el-select-dropdown__item:visible')
    const item = text === null ? items.first() : items.filter({ hasText: text }).first()
    try {
      await item.waitFor({ state: 'visible', timeout: 5000 })
      await page.waitForTimeout(150)
      await item.click({ timeout: 5000 })
    } catch (e) { /* the dropdown did not open or moved: try again */ }
    await page.waitForTimeout(200)
    const shown = sel.locator('.el-select__placeholder:not(.is-transparent)')
    if (await shown.count() > 0 && (text === null || (await shown.first().textContent()).includes(text))) return
    await page.keyboard.press('Escape')
    await page.waitForTimeout(200)
  }
  throw new Error(`the select does not take ${text === null ? 'its first option' : text}`)
}

export async function title (page) {
  return (await page.textContent('[data-test=page-title]')).trim()
}

// No horizontal scroll of the page itself (a table may scroll in its box).
export async function pageOverflow (page) {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
}

// The API as one account: its own cookie and CSRF token.
export class Api {
  constructor () { this.cookie = ''; this.csrf = '' }
  async login (login, password = PASSWORD) {
    const r = await this.req('POST', '/api/login', { login, password })
    if (r.status !== 200) throw new Error(`login ${login}: ${r.status} ${JSON.stringify(r.body)}`)
    this.csrf = r.body.csrf
    return r.body
  }

  async req (method, url, body, headers = {}) {
    const h = { Accept: 'application/json', ...headers }
    if (this.cookie) h.Cookie = this.cookie
    if (method !== 'GET') h['X-CSRF-Token'] = this.csrf
    let data
    if (body instanceof Uint8Array || typeof body === 'string') data = body
    else if (body !== undefined) { h['Content-Type'] = 'application/json'; data = JSON.stringify(body) }
    const res = await fetch(BASE + url, { method, headers: h, body: data })
    const set = res.headers.get('set-cookie')
    if (set) this.cookie = set.split(';')[0]
    let parsed = {}
    try { parsed = await res.json() } catch { parsed = {} }
    return { status: res.status, body: parsed }
  }

  get (url) { return this.req('GET', url) }
  post (url, body) { return this.req('POST', url, body === undefined ? {} : body) }
}

// Does the server have this route yet? (404 "没有这个地址" or 405 = no)
export function missingRoute (r) {
  return r.status === 405 || (r.status === 404 && r.body && r.body.error && r.body.error.message === '没有这个地址')
}
