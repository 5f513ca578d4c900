// router.js: the pages, who may open them (meta.roles; 'admin' is the
// system administrator), and the guard that restores the session from
// /api/me before the first page and sends strangers to 登录. History mode:
// fazhi serve answers every page path with index.html.
import { createRouter, createWebHistory } from 'vue-router'
import { session, restore, allowed } from './session.js'
import { whenUnauthenticated } from './api.js'
import Login from './views/Login.vue'
import Todo from './views/Todo.vue'

const ALL = []
const routes = [
  { path: '/login', component: Login, meta: { title: '登录', public: true } },
  { path: '/', redirect: '/todo' },
  { path: '/todo', component: Todo, meta: { title: '我的待办', roles: ALL } },
  { path: '/plan', component: () => import('./views/Plan.vue'), meta: { title: '工作计划', roles: ALL } },
  { path: '/tasks/:id', component: () => import('./views/Task.vue'), meta: { title: '任务详情', roles: ALL } },
  { path: '/reports', component: () => import('./views/Reports.vue'), meta: { title: '填报进度', roles: ALL } },
  // One record for a new report and a saved one, kept mounted (meta.stable)
  // when saving the new one moves the address to /reports/:id.
  { path: '/reports/:id(new|\\d+)', component: () => import('./views/ReportForm.vue'), meta: { title: '进展报告', roles: ALL, stable: true } },
  { path: '/review', component: () => import('./views/Review.vue'), meta: { title: '审核', roles: ['supervisor'] } },
  { path: '/dashboard', component: () => import('./views/Dashboard.vue'), meta: { title: '督办看板', roles: ['supervisor', 'leader', 'admin'] } },
  { path: '/periods', component: () => import('./views/Periods.vue'), meta: { title: '报送期', roles: ['supervisor', 'admin'] } },
  { path: '/extensions', component: () => import('./views/Extensions.vue'), meta: { title: '延期申请', roles: ['supervisor', 'unit_leader', 'clerk'] } },
  { path: '/accounts', component: () => import('./views/Accounts.vue'), meta: { title: '用户', roles: ['admin'] } },
  { path: '/units', component: () => import('./views/Units.vue'), meta: { title: '单位', roles: ['admin', 'supervisor'] } },
  { path: '/registries/:reg', component: () => import('./views/Registry.vue'), meta: { title: '台账', roles: ALL } },
  { path: '/indicators', component: () => import('./views/Indicators.vue'), meta: { title: '指标', roles: ALL } },
  { path: '/audit', component: () => import('./views/Audit.vue'), meta: { title: '操作日志', roles: ['admin', 'supervisor'] } },
  { path: '/findings', component: () => import('./views/Findings.vue'), meta: { title: '督察整改', roles: ALL } },
  { path: '/publication', component: () => import('./views/Publication.vue'), meta: { title: '信息公开', roles: ['admin', 'supervisor'] } },
  { path: '/annual-report', component: () => import('./views/AnnualReport.vue'), meta: { title: '年度报告', roles: ['supervisor', 'leader', 'unit_leader', 'clerk'] } },
  { path: '/assessment', component: () => import('./views/Assessment.vue'), meta: { title: '考核', roles: ['supervisor', 'leader'] } },
  { path: '/:rest(.*)*', component: () => import('./views/NotFound.vue'), meta: { title: '页面不存在', roles: ALL } }
]

const router = createRouter({ history: createWebHistory(), routes })

router.beforeEach(async (to) => {
  await restore()
  if (to.meta.public) return session.account && to.path === '/login' ? '/todo' : true
  if (!session.account) return { path: '/login', query: to.fullPath !== '/todo' ? { next: to.fullPath } : {} }
  if (!allowed(to.meta.roles)) return { path: '/todo', query: { denied: to.meta.title } }
  return true
})

router.afterEach((to) => {
  document.title = `${to.meta.title || ''} - 法治政府建设工作计划管理`
})

whenUnauthenticated(() => {
  session.account = null
  const here = router.currentRoute.value
  if (!here.meta.public) router.replace({ path: '/login', query: { next: here.fullPath, expired: '1' } })
})

export default router
