// util.js: the official names of states, progress, roles and lights, and
// small formatting helpers shared by the pages.
export const ROLE_NAMES = {
  admin: '系统管理员',
  supervisor: '依法治县办',
  leader: '县领导',
  unit_leader: '单位负责人',
  clerk: '联络员'
}

export const TASK_STATES = {
  assigned: '交办',
  claimed: '领办',
  reported: '反馈',
  returned: '退回',
  accepted: '审核通过',
  closed: '办结',
  overdue: '逾期',
  claim_overdue: '领办逾期'
}

export const PROGRESS = {
  not_started: '未开始',
  in_progress: '推进中',
  done: '已完成',
  blocked: '受阻'
}

export const REPORT_STATES = {
  draft: '草稿',
  pending: '待负责人审批',
  submitted: '待审核',
  returned: '已退回',
  accepted: '审核通过'
}

export const LIGHTS = {
  green: '绿灯',
  yellow: '黄灯',
  red: '红灯'
}

export const LIGHT_HINTS = {
  green: '按期推进',
  yellow: '临近截止或进度滞后',
  red: '已逾期'
}

export const EXTENSION_STATES = {
  pending: '待审批',
  approved: '已批准',
  refused: '未批准'
}

// Shown when the server has no /api/return-reasons yet.
export const DEFAULT_RETURN_REASONS = [
  { code: 'incomplete', name: '内容不完整' },
  { code: 'no_evidence', name: '缺少佐证材料' },
  { code: 'mismatch', name: '与任务要求不符' },
  { code: 'data_error', name: '数据有误' },
  { code: 'other', name: '其他' }
]

export function tagType (state) {
  return {
    accepted: 'success', closed: 'success', done: 'success', approved: 'success',
    submitted: 'primary', reported: 'primary', in_progress: 'primary', claimed: 'primary', pending: 'warning',
    returned: 'danger', overdue: 'danger', blocked: 'danger', refused: 'danger',
    draft: 'info', assigned: 'info', not_started: 'info'
  }[state] || 'info'
}

export function fmtDate (s) {
  if (!s) return '—'
  return String(s).replace('T', ' ').replace(/(\d{2}:\d{2}):\d{2}.*$/, '$1').replace(/Z$/, '')
}

export function fmtSize (n) {
  if (n == null) return ''
  if (n < 1024) return n + ' B'
  if (n < 1024 * 1024) return (n / 1024).toFixed(1) + ' KB'
  return (n / 1024 / 1024).toFixed(1) + ' MB'
}

// Rates come from the server as percentages (0-100), null when undefined.
export function pct (x) {
  if (x == null || Number.isNaN(x)) return '—'
  return Number(x).toFixed(1) + '%'
}

// "莘县人民政府办公室、莘县司法局" from a plan task's unit references.
export function refNames (refs) {
  return (refs || []).map((r) => r.phrase).join('，')
}
