// session.js: who is signed in, with which roles in which units; the CSRF
// token; the directory of units and the current plan. One reactive object
// shared by every page. On a page reload /api/me restores the session.
import { reactive, computed } from 'vue'
import { api, setCsrf } from './api.js'
import { ROLE_NAMES } from './util.js'

export const session = reactive({
  loaded: false,
  account: null,
  units: [],
  plans: [],
  planId: null
})

function normalizeRoles (account) {
  return (account.roles || []).map((r) => {
    const code = r.unit_code || r.unit
    const unit = session.units.find((u) => (r.unit_id && u.id === r.unit_id) || u.code === code)
    return {
      unitId: r.unit_id || (unit && unit.id) || null,
      unitCode: code,
      unitName: r.unit_name || (unit && unit.name) || code,
      role: r.role,
      roleName: r.role_name || ROLE_NAMES[r.role] || r.role
    }
  })
}

export const roles = computed(() => (session.account ? normalizeRoles(session.account) : []))
export const isAdmin = computed(() => !!(session.account && (session.account.is_admin || session.account.admin)))
export const has = (role) => roles.value.some((r) => r.role === role)
export const unitsWith = (...want) => roles.value.filter((r) => want.includes(r.role))
export const myUnitIds = computed(() => [...new Set(roles.value.map((r) => r.unitId).filter(Boolean))])

// The roles of the signed-in person as words, for the header.
export const roleSummary = computed(() => {
  const parts = roles.value.map((r) => r.role === 'supervisor' || r.role === 'leader' ? r.roleName : `${r.unitName}·${r.roleName}`)
  if (isAdmin.value) parts.unshift(ROLE_NAMES.admin)
  return parts.join('，')
})

// Does the signed-in person hold one of these roles ('admin' included)?
export function allowed (want) {
  if (!want || want.length === 0) return true
  if (want.includes('admin') && isAdmin.value) return true
  return want.some((w) => w !== 'admin' && has(w))
}

async function loadDirectory () {
  try {
    const [u, p] = await Promise.all([api.get('/api/units'), api.get('/api/plans')])
    session.units = u.units || []
    session.plans = (p.plans || []).slice().sort((a, b) => (b.year - a.year) || (b.id - a.id))
    const saved = Number(localStorage.getItem('fazhi.plan'))
    session.planId = session.plans.some((x) => x.id === saved) ? saved : (session.plans[0] && session.plans[0].id) || null
  } catch {
    session.units = []
    session.plans = []
  }
}

export function choosePlan (id) {
  session.planId = id
  localStorage.setItem('fazhi.plan', String(id))
}

function accept (account, csrf) {
  session.account = account
  setCsrf(csrf)
}

// Restore the session from the cookie, once per page load.
export async function restore () {
  if (session.loaded) return session.account
  try {
    const me = await api.get('/api/me')
    accept(me, me.csrf)
    await loadDirectory()
  } catch {
    session.account = null
  }
  session.loaded = true
  return session.account
}

export async function login (loginName, password) {
  const res = await api.post('/api/login', { login: loginName, password })
  accept(res.account, res.csrf)
  await loadDirectory()
  // /api/me has the full account (with unit ids) where login does not
  try { const me = await api.get('/api/me'); accept(me, me.csrf || res.csrf) } catch { /* keep login's */ }
  session.loaded = true
}

export async function logout (everywhere = false) {
  try { await api.post('/api/logout', everywhere ? { everywhere: true } : undefined) } catch { /* the cookie may be gone already */ }
  forget()
}

export function forget () {
  session.account = null
  session.units = []
  session.plans = []
  setCsrf('')
}

export function unitName (id) {
  const u = session.units.find((x) => x.id === id)
  return u ? u.name : (id == null ? '—' : `单位 ${id}`)
}
