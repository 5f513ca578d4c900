// errors.js: show an API error: the server's Chinese message as a toast,
// and the field it names highlighted in the form (fieldErrors[field]).
import { ElMessage } from 'element-plus'

export function showError (e, fieldErrors) {
  if (fieldErrors) {
    for (const k of Object.keys(fieldErrors)) delete fieldErrors[k]
    if (e && e.field) fieldErrors[e.field] = e.message
  }
  if (e && e.unavailable) ElMessage.warning('服务器尚未提供此功能')
  else ElMessage.error((e && e.message) || '操作失败')
}
