/*
 * server.c: the HTTP server on libmicrohttpd: one daemon with a pool of
 * worker threads, each with its own store connection; the dispatcher that
 * finds the route (404, 405 with Allow), limits the body (413), parses JSON
 * (400), checks the session (401) and the CSRF token (403), calls the
 * handler and writes the JSON answer with the security headers. Every
 * other GET goes to the web application's files (static.c).
 * SPDX-License-Identifier: MIT
 */
#include <sys/socket.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "http-int.h"
#include "portal-int.h"
#include "fazhi/core.h"
#include "fazhi/http.h"
#include "fazhi/util.h"
#include "fazhi/banned.h"

#define DEFAULT_BODY	(1024 * 1024)

static struct http_config	 cfg;
static pthread_key_t		 store_key;

long
http_session_ttl(void)
{
	return cfg.session_ttl;
}

int
http_secure_cookie(void)
{
	return cfg.secure_cookie;
}

static void
close_store(void *p)
{
	store_close(p);
}

/* This worker thread's store, opened on its first request. */
static struct store *
thread_store(void)
{
	struct store	*st = pthread_getspecific(store_key);

	if (st != NULL)
		return st;
	if (store_open(cfg.dsn, 0, &st) != FZ_OK) {
		fprintf(stderr, "fazhi serve: cannot open store: %s\n",
		    store_errmsg(st));
		store_close(st);
		return NULL;
	}
	pthread_setspecific(store_key, st);
	return st;
}

struct store *
http_thread_store(void)
{
	return thread_store();
}

void
http_json(struct req *r, unsigned status, json_t *j)
{
	r->status = status;
	json_decref(r->out);
	r->out = j;
}

/*
 * A message cut short by snprintf can end inside a character, which jansson
 * refuses (the key would be missing): keep the whole characters before it.
 */
static json_t *
text(const char *s)
{
	size_t	 n = s != NULL ? strlen(s) : 0, bad;
	json_t	*j;

	if (n > 0 && !utf8_valid(s, n, &bad))
		n = bad;
	if (n == 0 || (j = json_stringn(s, n)) == NULL)
		j = json_string("");
	return j;
}

void
http_error(struct req *r, unsigned status, const char *code,
    const char *message, const char *field)
{
	json_t	*e = json_object(), *o = json_object();

	json_object_set_new(e, "code", json_string(code));
	json_object_set_new(e, "message", text(message));
	if (field != NULL)
		json_object_set_new(e, "field", text(field));
	json_object_set_new(o, "error", e);
	http_json(r, status, o);
}

void
http_fail(struct req *r, enum fz_err rc, const char *message)
{
	static const struct {
		unsigned	 status;
		const char	*code;
	} map[FZ_ERR__MAX] = {
		[FZ_OK] = { 200, "OK" },
		[FZ_EINVAL] = { 400, "INVALID" },
		[FZ_ENOTFOUND] = { 404, "NOT_FOUND" },
		[FZ_ECONFLICT] = { 409, "CONFLICT" },
		[FZ_EPERM] = { 403, "FORBIDDEN" },
		[FZ_EDB] = { 500, "INTERNAL" },
		[FZ_EIO] = { 500, "INTERNAL" },
		[FZ_ETOOBIG] = { 413, "TOO_BIG" },
		[FZ_EFORMAT] = { 400, "BAD_FORMAT" },
		[FZ_EVERSION] = { 500, "INTERNAL" },
		[FZ_EBUSY] = { 429, "TOO_MANY_ATTEMPTS" },
	};
	unsigned	 i = (unsigned)rc < FZ_ERR__MAX ? (unsigned)rc : FZ_EDB;

	if (map[i].status == 500) {
		/* Details go to the log, never to the client. */
		fprintf(stderr, "fazhi serve: %s %s: %s\n", r->method, r->url,
		    r->st ? store_errmsg(r->st) : fz_strerror(rc));
		message = "服务器内部错误，请稍后再试";
	}
	http_error(r, map[i].status, map[i].code, message ? message :
	    fz_strerror(rc), NULL);
}

void
http_answer(struct req *r, enum fz_err rc, json_t *o, const struct diags *dg)
{
	if (rc == FZ_OK)
		http_json(r, 200, o ? o : json_pack("{s:b}", "ok", 1));
	else {
		json_decref(o);
		if (dg != NULL && dg->nerrors > 0)
			http_fail_diags(r, rc, dg);
		else
			http_fail(r, rc, rc == FZ_ENOTFOUND ? "没有找到" : NULL);
	}
}

void
http_fail_diags(struct req *r, enum fz_err rc, const struct diags *dg)
{
	size_t	 i;

	for (i = 0; i < dg->n; i++)
		if (dg->v[i].is_error)
			break;
	if (i == dg->n || rc == FZ_EDB || rc == FZ_EIO) {
		http_fail(r, rc, NULL);
		return;
	}
	http_fail(r, rc, dg->v[i].message);
	if (!str_eq(dg->v[i].code, "error")) {
		json_t *e = json_object_get(r->out, "error");

		json_object_set_new(e, "field", json_string(dg->v[i].code));
	}
}

void
http_file(struct req *r, const char *type, const char *name,
    const void *p, size_t n)
{
	r->status = 200;
	buf_reset(&r->raw);
	buf_add(&r->raw, p, n);
	r->raw_type = type;
	free(r->raw_name);
	r->raw_name = xstrdup(name);
}

const char *
http_query(struct req *r, const char *key)
{
	const char *const	*q;

	if (r->conn != NULL)
		return MHD_lookup_connection_value(r->conn,
		    MHD_GET_ARGUMENT_KIND, key);
	for (q = r->query; q != NULL && q[0] != NULL; q += 2)
		if (str_eq(q[0], key))
			return q[1];
	return NULL;
}

/*
 * A GET whose answer depends only on the data, the actor, the date and
 * the URL: every signed-in GET but /api/me (it carries the session's
 * expiry) and files.
 */
static int
cacheable(const struct req *r, const struct route *rt)
{
	return str_eq(r->method, "GET") && rt->auth != AUTH_NONE &&
	    !rt->raw && !str_eq(rt->path, "/api/me") &&
	    !str_eq(rt->path, "/api/evidence/:id");
}

static enum MHD_Result
add_arg(void *cls, enum MHD_ValueKind kind, const char *key,
    const char *value)
{
	struct buf	*b = cls;

	(void)kind;
	buf_addf(b, "&%s=%s", key, value ? value : "");
	return MHD_YES;
}

/* Answer from the cache if it holds this request's answer at the data's
 * current version; else note the key and version for after the handler. */
static int
cached(struct req *r)
{
	struct buf	 key = BUF_INIT;
	const char	*body;
	size_t		 len;

	if (!r->have_version && store_data_version(r->st, &r->version) !=
	    FZ_OK)
		return 0;
	buf_addf(&key, "%lld|%s|%s?", (long long)r->actor.account_id,
	    r->today, r->url);
	MHD_get_connection_values(r->conn, MHD_GET_ARGUMENT_KIND, add_arg,
	    &key);
	if ((body = http_cache_get(key.ptr, r->version, &len)) != NULL) {
		r->status = 200;
		r->text = xstrndup(body, len);
		buf_release(&key);
		return 1;
	}
	r->cache_key = buf_detach(&key, NULL);
	return 0;
}

static void
dispatch(struct req *r)
{
	const struct route	*rt;
	struct buf		 allow = BUF_INIT;
	char			 param[ROUTE_PARAM_MAX];
	char			 reg[ROUTE_PARAM_MAX];
	const char		*csrf;
	const struct account	*acc;

	rt = http_route_find(r->method, r->url, param, reg, sizeof(param),
	    &allow);
	r->param = param[0] != '\0' ? param : NULL;
	r->reg = reg[0] != '\0' ? reg : NULL;
	if (rt == NULL) {
		if (allow.len > 0) {
			http_error(r, 405, "METHOD_NOT_ALLOWED",
			    "不支持此请求方法", NULL);
			r->allow = xstrdup(allow.ptr);
		} else
			http_error(r, 404, "NOT_FOUND", "没有这个地址", NULL);
		goto out;
	}
	if (r->too_big || r->body.len > (rt->max_body ? rt->max_body :
	    DEFAULT_BODY)) {
		/* The body was not read: close rather than read it. */
		http_error(r, 413, "TOO_BIG", "请求内容过大", NULL);
		goto out;
	}
	if (!rt->raw && http_body_json(r))
		goto out;
	if ((r->st = thread_store()) == NULL) {
		http_error(r, 503, "UNAVAILABLE", "数据库暂时不可用", NULL);
		goto out;
	}
	date_today(r->today);
	if (rt->auth != AUTH_NONE) {
		r->token = MHD_lookup_connection_value(r->conn,
		    MHD_COOKIE_KIND, "fz_session");
		if (store_data_version(r->st, &r->version) != FZ_OK) {
			http_fail(r, FZ_EDB, NULL);
			goto out;
		}
		r->have_version = 1;
		if (r->token != NULL && (acc = http_session_cached(r->token,
		    r->version, &r->session)) != NULL)
			core_actor_of(acc, &r->actor);
		else if (r->token == NULL || core_session_check(r->st,
		    r->token, cfg.session_ttl, &r->session) != FZ_OK) {
			http_error(r, 401, "UNAUTHENTICATED",
			    "未登录或会话已过期，请重新登录", NULL);
			goto out;
		} else if (core_actor_load(r->st, r->session.account_id,
		    &r->account, &r->actor) != FZ_OK) {
			http_error(r, 401, "UNAUTHENTICATED",
			    "账号不可用，请重新登录", NULL);
			goto out;
		} else {
			acc = http_session_keep(r->token, r->version,
			    &r->session, &r->account);
			core_actor_of(acc, &r->actor);
		}
		if (rt->csrf) {
			csrf = MHD_lookup_connection_value(r->conn,
			    MHD_HEADER_KIND, "X-CSRF-Token");
			if (csrf == NULL || strlen(csrf) !=
			    strlen(r->session.csrf) || sodium_memcmp(csrf,
			    r->session.csrf, strlen(csrf)) != 0) {
				http_error(r, 403, "CSRF",
				    "请求缺少有效的 CSRF 令牌", NULL);
				goto out;
			}
		}
		if ((rt->auth == AUTH_ADMIN && !r->actor.is_admin) ||
		    (rt->auth == AUTH_SUPERVISOR && !r->actor.is_admin &&
		    !core_actor_supervises(&r->actor)) ||
		    (rt->auth == AUTH_READER &&
		    !core_actor_reads_all(&r->actor))) {
			http_error(r, 403, "FORBIDDEN", rt->auth == AUTH_ADMIN ?
			    "需要系统管理员权限" : "当前角色无权进行此操作",
			    NULL);
			goto out;
		}
	}
	if (cacheable(r, rt) && cached(r))
		goto out;
	rt->fn(r);
	if (r->cache_key != NULL && r->status == 200 && r->out != NULL &&
	    r->raw_type == NULL) {
		r->text = json_dumps(r->out, JSON_COMPACT | JSON_PRESERVE_ORDER);
		if (r->text != NULL)
			http_cache_put(r->cache_key, r->version, r->text,
			    strlen(r->text));
	}
out:
	buf_release(&allow);
}

/* RFC 5987 percent-encoding of a UTF-8 file name. */
static char *
url_encode(const char *s)
{
	struct buf	 b = BUF_INIT;

	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
		    (c >= '0' && c <= '9') || strchr("-._~", c) != NULL)
			buf_addch(&b, c);
		else
			buf_addf(&b, "%%%02X", c);
	}
	return buf_detach(&b, NULL);
}

enum MHD_Result
http_respond(struct req *r)
{
	struct MHD_Response	*resp;
	char			*s;
	enum MHD_Result		 ret;

	if (r->raw_type != NULL) {
		char	 cd[800], *enc;

		resp = MHD_create_response_from_buffer(r->raw.len, r->raw.ptr,
		    MHD_RESPMEM_MUST_COPY);
		MHD_add_response_header(resp, "Content-Type", r->raw_type);
		if (r->raw_name != NULL) {
			enc = url_encode(r->raw_name);
			snprintf(cd, sizeof(cd), "attachment; filename=\"file\";"
			    " filename*=UTF-8''%s", enc);
			free(enc);
			MHD_add_response_header(resp, "Content-Disposition",
			    cd);
		}
	} else {
		if (r->text != NULL) {
			s = r->text;
			r->text = NULL;
		} else
			s = json_dumps(r->out ? r->out : json_object(),
			    JSON_COMPACT | JSON_PRESERVE_ORDER);
		if (s == NULL)
			s = xstrdup("{}");
		resp = MHD_create_response_from_buffer(strlen(s), s,
		    MHD_RESPMEM_MUST_FREE);
		MHD_add_response_header(resp, "Content-Type",
		    "application/json; charset=utf-8");
	}
	MHD_add_response_header(resp, "Cache-Control", "no-store");
	MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(resp, "X-Frame-Options", "DENY");
	MHD_add_response_header(resp, "Referrer-Policy", "no-referrer");
	MHD_add_response_header(resp, "Content-Security-Policy",
	    "default-src 'self'; frame-ancestors 'none'");
	if (r->set_cookie != NULL)
		MHD_add_response_header(resp, "Set-Cookie", r->set_cookie);
	if (r->allow != NULL)
		MHD_add_response_header(resp, "Allow", r->allow);
	ret = MHD_queue_response(r->conn, r->status ? r->status : 200, resp);
	MHD_destroy_response(resp);
	return ret;
}

/*
 * How much body to keep for this request: the route's limit, or none for
 * an unknown route or a route that needs a session when no session cookie
 * came (a stranger cannot make the server buffer a large body).
 */
static size_t
body_limit(struct req *r)
{
	const struct route	*rt;
	char			 param[ROUTE_PARAM_MAX];
	char			 reg[ROUTE_PARAM_MAX];
	size_t			 lim = 0;

	rt = http_route_find(r->method, r->url, param, reg, sizeof(param),
	    NULL);
	if (rt == NULL)
		return 0;
	if (rt->auth != AUTH_NONE && MHD_lookup_connection_value(r->conn,
	    MHD_COOKIE_KIND, "fz_session") == NULL)
		return 4096;
	lim = rt->max_body ? rt->max_body : DEFAULT_BODY;
	return lim;
}

static enum MHD_Result
on_request(void *cls, struct MHD_Connection *c, const char *url,
    const char *method, const char *version, const char *upload,
    size_t *upload_size, void **con_cls)
{
	struct req	*r = *con_cls;

	(void)cls;
	(void)version;
	if (r == NULL) {
		/* Answer on a later call: answering on the first makes
		 * libmicrohttpd close the connection. */
		r = xcalloc(1, sizeof(*r));
		r->conn = c;
		r->method = method;
		r->url = url;
		buf_init(&r->body);
		buf_init(&r->raw);
		r->limit = body_limit(r);
		*con_cls = r;
		return MHD_YES;
	}
	if (*upload_size > 0) {
		if (r->body.len + *upload_size > r->limit)
			r->too_big = 1;
		else if (!r->too_big)
			buf_add(&r->body, upload, *upload_size);
		*upload_size = 0;
		return MHD_YES;
	}
	if (portal_path(r->url))
		return portal_serve(r);
	if (http_static_path(r->url))
		return http_static(r);
	dispatch(r);
	return http_respond(r);
}

/*
 * Percent-decoding of the path and of query arguments, in place. The
 * same as libmicrohttpd's own, except that an encoded NUL ("%00") and a
 * malformed escape are left as they are: a decoded NUL would cut the
 * path short ("/index.html%00.png" read as "/index.html"), and a '%' left
 * in a path is refused by the static files and by the API's id checks.
 */
static int
hexval(char ch)
{
	if (ch >= '0' && ch <= '9')
		return ch - '0';
	if (ch >= 'a' && ch <= 'f')
		return ch - 'a' + 10;
	if (ch >= 'A' && ch <= 'F')
		return ch - 'A' + 10;
	return -1;
}

static size_t
unescape(void *cls, struct MHD_Connection *c, char *s)
{
	char	*r = s, *w = s;
	int	 hi, lo;

	(void)cls;
	(void)c;
	while (*r != '\0') {
		if (r[0] == '%' && (hi = hexval(r[1])) != -1 &&
		    (lo = hexval(r[2])) != -1 && (hi | lo) != 0) {
			*w++ = (char)(hi << 4 | lo);
			r += 3;
		} else
			*w++ = *r++;
	}
	*w = '\0';
	return (size_t)(w - s);
}

static void
on_done(void *cls, struct MHD_Connection *c, void **con_cls,
    enum MHD_RequestTerminationCode toe)
{
	struct req	*r = *con_cls;

	(void)cls;
	(void)c;
	(void)toe;
	if (r == NULL)
		return;
	buf_release(&r->body);
	json_decref(r->json);
	json_decref(r->out);
	free(r->set_cookie);
	free(r->allow);
	buf_release(&r->raw);
	free(r->raw_name);
	free(r->text);
	free(r->cache_key);
	account_release(&r->account);
	free(r);
	*con_cls = NULL;
}

int
http_serve(const struct http_config *c)
{
	struct MHD_Daemon	*d;
	struct sockaddr_in	 sa;
	sigset_t		 set;
	int			 sig;

	cfg = *c;
	if (sodium_init() < 0)
		return -1;
	if (cfg.web != NULL && http_static_open(cfg.web) == -1) {
		fprintf(stderr, "fazhi serve: 无法打开网页目录“%s”\n", cfg.web);
		return -1;
	}
	memset(&sa, 0, sizeof(sa));
	sa.sin_family = AF_INET;
	sa.sin_port = htons(cfg.port);
	if (inet_pton(AF_INET, cfg.addr, &sa.sin_addr) != 1) {
		fprintf(stderr, "fazhi serve: 监听地址“%s”无效\n", cfg.addr);
		return -1;
	}
	pthread_key_create(&store_key, close_store);
	/* Workers inherit a mask without SIGINT and SIGTERM. */
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	d = MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL |
	    MHD_USE_ERROR_LOG, 0, NULL, NULL, on_request, NULL,
	    MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&sa,
	    MHD_OPTION_THREAD_POOL_SIZE, (unsigned)(cfg.threads > 0 ?
	    cfg.threads : 2),
	    MHD_OPTION_NOTIFY_COMPLETED, on_done, NULL,
	    MHD_OPTION_UNESCAPE_CALLBACK, unescape, NULL,
	    MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)30,
	    MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(256 * 1024),
	    MHD_OPTION_END);
	if (d == NULL) {
		fprintf(stderr, "fazhi serve: 无法在 %s:%u 上监听（端口已被占用"
		    "或无权限）\n", cfg.addr, (unsigned)cfg.port);
		return -1;
	}
	printf("fazhi 正在 http://%s:%u/ 提供服务（Ctrl-C 停止）\n",
	    cfg.addr, (unsigned)cfg.port);
	if (cfg.web != NULL)
		printf("网页目录：%s\n", cfg.web);
	else
		printf("未找到网页目录，只提供 JSON API（用 --web 指定）\n");
	fflush(stdout);
	sigwait(&set, &sig);
	MHD_stop_daemon(d);
	printf("fazhi 已停止\n");
	return 0;
}
