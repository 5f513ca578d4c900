// api.js: the one way the application talks to fazhi serve. JSON in and
// out, the session cookie sent by the browser, the CSRF token on every
// change, and errors as ApiError with the server's Chinese message and the
// field at fault. A route the server does not have yet (404 "没有这个地址",
// or 405) is marked `unavailable`, so pages can say so instead of failing.
let csrf = ''
let onUnauthenticated = null

export function setCsrf (token) { csrf = token || '' }
export function whenUnauthenticated (fn) { onUnauthenticated = fn }

export class ApiError extends Error {
  constructor (status, code, message, field) {
    super(message || '请求失败')
    this.status = status
    this.code = code || 'ERROR'
    this.field = field || null
  }

  // The server has no such route yet (being built on another branch).
  get unavailable () {
    return this.status === 405 || (this.status === 404 && this.code === 'NOT_FOUND' && this.message === '没有这个地址')
  }
}

export function qs (params) {
  const p = new URLSearchParams()
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== undefined && v !== null && v !== '') p.set(k, v)
  }
  const s = p.toString()
  return s ? '?' + s : ''
}

async function parse (res) {
  const type = res.headers.get('Content-Type') || ''
  if (!type.includes('application/json')) return {}
  try { return await res.json() } catch { return {} }
}

function toError (status, body) {
  const e = (body && body.error) || {}
  if (status === 0) return new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络后重试')
  const err = new ApiError(status, e.code, e.message || `请求失败（${status}）`, e.field)
  // Every error of an import, with its line and column.
  err.diagnostics = e.diagnostics || []
  return err
}

export async function request (method, url, body) {
  const headers = { Accept: 'application/json' }
  const init = { method, headers, credentials: 'same-origin' }
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json'
    init.body = JSON.stringify(body)
  }
  if (method !== 'GET' && method !== 'HEAD') headers['X-CSRF-Token'] = csrf
  let res
  try {
    res = await fetch(url, init)
  } catch {
    throw toError(0)
  }
  const data = await parse(res)
  if (!res.ok) {
    const err = toError(res.status, data)
    if (res.status === 401 && url !== '/api/login' && onUnauthenticated) onUnauthenticated(err)
    throw err
  }
  return data
}

export const api = {
  get: (url, params) => request('GET', url + qs(params)),
  post: (url, body) => request('POST', url, body === undefined ? {} : body),
  put: (url, body) => request('PUT', url, body),
  del: (url) => request('DELETE', url)
}

// Send a file as the raw request body, with progress (0-100) reported
// through onProgress. Resolves to the parsed JSON answer.
export function upload (url, file, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', url)
    xhr.withCredentials = true
    xhr.setRequestHeader('X-CSRF-Token', csrf)
    xhr.setRequestHeader('Content-Type', file.type || 'application/octet-stream')
    xhr.setRequestHeader('Accept', 'application/json')
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && onProgress) onProgress(Math.round((e.loaded / e.total) * 100))
    }
    xhr.onerror = () => reject(toError(0))
    xhr.onload = () => {
      let data = {}
      try { data = JSON.parse(xhr.responseText || '{}') } catch { data = {} }
      if (xhr.status >= 200 && xhr.status < 300) resolve(data)
      else reject(toError(xhr.status, data))
    }
    xhr.send(file)
  })
}
