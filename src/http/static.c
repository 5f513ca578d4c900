/*
 * static.c: the built staff web application served as files from one web
 * root: every GET or HEAD outside /api/ and /healthz. Paths are checked
 * segment by segment and opened with openat(O_NOFOLLOW) below a directory
 * descriptor, so "..", encoded tricks and symlinks cannot leave the root;
 * ETag and Last-Modified give 304s; unknown page paths get index.html
 * (client-side routing), a missing file under /assets/ is a real 404.
 * SPDX-License-Identifier: MIT
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "http-int.h"
#include "fazhi/util.h"
#include "fazhi/banned.h"

#define MAX_PATH_LEN	1024
#define MAX_SEGMENTS	16

/*
 * The policy of the application's pages. Vue templates are compiled at
 * build time, so no 'unsafe-eval'; no inline scripts. Element Plus and
 * ECharts position popups through inline style attributes, which only
 * 'unsafe-inline' in style-src allows (styles cannot run code).
 */
#define APP_CSP	"default-src 'self'; script-src 'self'; " \
	"style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " \
	"font-src 'self' data:; connect-src 'self'; object-src 'none'; " \
	"base-uri 'self'; form-action 'self'; frame-ancestors 'none'"

static int	 root_fd = -1;

static const struct {
	const char	*ext;
	const char	*type;
} mime[] = {
	{ "html", "text/html; charset=utf-8" },
	{ "js", "text/javascript; charset=utf-8" },
	{ "mjs", "text/javascript; charset=utf-8" },
	{ "css", "text/css; charset=utf-8" },
	{ "json", "application/json; charset=utf-8" },
	{ "map", "application/json; charset=utf-8" },
	{ "webmanifest", "application/manifest+json" },
	{ "txt", "text/plain; charset=utf-8" },
	{ "svg", "image/svg+xml" },
	{ "png", "image/png" },
	{ "jpg", "image/jpeg" },
	{ "jpeg", "image/jpeg" },
	{ "gif", "image/gif" },
	{ "webp", "image/webp" },
	{ "ico", "image/x-icon" },
	{ "woff", "font/woff" },
	{ "woff2", "font/woff2" },
	{ "ttf", "font/ttf" },
};

int
http_static_open(const char *dir)
{
	if (root_fd != -1)
		close(root_fd);
	root_fd = -1;
	if (dir == NULL)
		return -1;
	root_fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	return root_fd == -1 ? -1 : 0;
}

int
http_static_path(const char *url)
{
	return !str_startswith(url, "/api/") && !str_eq(url, "/api") &&
	    !str_eq(url, "/healthz");
}

/* The file's extension, or "" when the last segment has none. */
static const char *
extension(const char *path)
{
	const char	*slash = strrchr(path, '/'), *dot;

	dot = strrchr(slash ? slash : path, '.');
	return dot ? dot + 1 : "";
}

static const char *
mime_type(const char *path)
{
	const char	*ext = extension(path);
	size_t		 i;

	for (i = 0; i < sizeof(mime) / sizeof(mime[0]); i++)
		if (strcasecmp(ext, mime[i].ext) == 0)
			return mime[i].type;
	return "application/octet-stream";
}

/*
 * Check the decoded URL path and split it into segments in buf. Refuses
 * (400) what no file of the application is called: "." and "..",
 * backslashes, control bytes, a '%' left by the decoder (an encoded NUL
 * or a bad escape, see server.c) and overlong paths. Dot files are not
 * served (404).
 */
static unsigned
path_split(const char *url, char *buf, size_t bufsz, char **seg, int *nseg)
{
	const unsigned char	*u;
	char			*p, *s;
	size_t			 len = strlen(url);

	*nseg = 0;
	if (url[0] != '/' || len >= bufsz || len > MAX_PATH_LEN)
		return 400;
	for (u = (const unsigned char *)url; *u != '\0'; u++)
		if (*u < 0x20 || *u == 0x7f || *u == '\\' || *u == '%')
			return 400;
	memcpy(buf, url + 1, len);	/* with the NUL */
	for (p = buf; p != NULL; p = s) {
		if ((s = strchr(p, '/')) != NULL)
			*s++ = '\0';
		if (*p == '\0')
			continue;
		if (str_eq(p, ".") || str_eq(p, ".."))
			return 400;
		if (*p == '.' || *nseg == MAX_SEGMENTS)
			return 404;
		seg[(*nseg)++] = p;
	}
	return 0;
}

/*
 * Open seg[0]/…/seg[n-1] below the root, refusing symlinks at every step.
 * Returns an open descriptor of a regular file, or -1 with errno: ENOENT
 * when it is missing, EISDIR for a directory, ELOOP for a symlink.
 */
static int
open_below_root(char **seg, int n, const char *suffix, struct stat *sb)
{
	char		 name[256];
	const char	*part;
	int		 dir = root_fd, fd = -1, i, saved;

	if (n == 0) {
		errno = EISDIR;
		return -1;
	}
	for (i = 0; i < n; i++) {
		part = seg[i];
		if (i == n - 1 && suffix != NULL) {
			if ((size_t)snprintf(name, sizeof(name), "%s%s",
			    seg[i], suffix) >= sizeof(name)) {
				if (dir != root_fd)
					close(dir);
				errno = ENAMETOOLONG;
				fd = -1;
				break;
			}
			part = name;
		}
		fd = openat(dir, part, O_RDONLY | O_NOFOLLOW | O_CLOEXEC |
		    O_NONBLOCK | (i < n - 1 ? O_DIRECTORY : 0));
		saved = errno;
		if (dir != root_fd)
			close(dir);
		dir = root_fd;
		errno = saved;
		if (fd == -1)
			break;
		if (i < n - 1) {
			dir = fd;
			fd = -1;
		}
	}
	if (fd == -1)
		return -1;
	if (fstat(fd, sb) == -1)
		saved = ENOENT;
	else if (S_ISDIR(sb->st_mode))
		saved = EISDIR;
	else if (!S_ISREG(sb->st_mode))
		saved = ENOENT;
	else
		return fd;
	close(fd);
	errno = saved;
	return -1;
}

/* Does a comma-separated If-None-Match list hold this entity tag? */
static int
etag_matches(const char *list, const char *etag)
{
	const char	*p = list, *e;
	size_t		 n;

	while (*p != '\0') {
		p += strspn(p, " \t,");
		if (*p == '\0')
			break;
		e = p + strcspn(p, ",");
		n = (size_t)(e - p);
		while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\t'))
			n--;
		if (n == 1 && *p == '*')
			return 1;
		if (n > 2 && strncmp(p, "W/", 2) == 0) {
			p += 2;
			n -= 2;
		}
		if (n == strlen(etag) && memcmp(p, etag, n) == 0)
			return 1;
		p = e;
	}
	return 0;
}

static void
http_date(time_t t, char *out, size_t n)
{
	struct tm	 tm;

	if (gmtime_r(&t, &tm) == NULL ||
	    strftime(out, n, "%a, %d %b %Y %H:%M:%S GMT", &tm) == 0)
		out[0] = '\0';
}

/* Not modified since the client's copy? (If-None-Match wins.) */
static int
not_modified(struct MHD_Connection *c, const char *etag, time_t mtime)
{
	const char	*inm, *ims, *end;
	struct tm	 tm;

	inm = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
	    MHD_HTTP_HEADER_IF_NONE_MATCH);
	if (inm != NULL)
		return etag_matches(inm, etag);
	ims = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
	    MHD_HTTP_HEADER_IF_MODIFIED_SINCE);
	if (ims == NULL)
		return 0;
	memset(&tm, 0, sizeof(tm));
	end = strptime(ims, "%a, %d %b %Y %H:%M:%S GMT", &tm);
	if (end == NULL || *end != '\0')
		return 0;
	return mtime <= timegm(&tm);
}

/* Does the client take gzip? (A token in Accept-Encoding, not q=0.) */
static int
accepts_gzip(struct MHD_Connection *c)
{
	const char	*ae = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
			    MHD_HTTP_HEADER_ACCEPT_ENCODING);
	const char	*p;

	if (ae == NULL || (p = strstr(ae, "gzip")) == NULL)
		return 0;
	p += 4;
	p += strspn(p, " \t");
	return !(str_startswith(p, ";q=0") && !str_startswith(p, ";q=0."));
}

static void
security_headers(struct MHD_Response *resp)
{
	MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(resp, "X-Frame-Options", "DENY");
	MHD_add_response_header(resp, "Referrer-Policy", "no-referrer");
	MHD_add_response_header(resp, "Content-Security-Policy", APP_CSP);
}

/* A static error: the same JSON body and headers as the API's. */
static enum MHD_Result
fail(struct req *r, unsigned status, const char *message)
{
	const char	*code = status == 400 ? "BAD_PATH" : status == 404 ?
			    "NOT_FOUND" : status == 405 ? "METHOD_NOT_ALLOWED" :
			    "UNAVAILABLE";

	http_error(r, status, code, message, NULL);
	if (status == 405)
		r->allow = xstrdup("GET, HEAD");
	return http_respond(r);
}

enum MHD_Result
http_static(struct req *r)
{
	struct MHD_Response	*resp;
	struct stat		 sb;
	char			 buf[MAX_PATH_LEN + 1], *seg[MAX_SEGMENTS + 1];
	char			 etag[96], date[64];
	char			 index_name[] = "index.html";
	char			*index[] = { index_name };
	const char		*type;
	unsigned		 status;
	int			 nseg, fd = -1, asset, fallback = 0, gz = 0;
	enum MHD_Result		 ret;

	if (!str_eq(r->method, "GET") && !str_eq(r->method, "HEAD"))
		return fail(r, 405, "不支持此请求方法");
	if ((status = path_split(r->url, buf, sizeof(buf), seg, &nseg)) != 0)
		return fail(r, status, status == 400 ? "地址无效" :
		    "没有这个文件");
	if (root_fd == -1)
		return fail(r, 404, "网页未安装：请用 fazhi serve --web 目录 "
		    "指定网页目录");
	asset = nseg > 0 && str_eq(seg[0], "assets");
	if (accepts_gzip(r->conn) && nseg > 0)
		gz = (fd = open_below_root(seg, nseg, ".gz", &sb)) != -1;
	if (fd == -1 && (fd = open_below_root(seg, nseg, NULL, &sb)) == -1) {
		/*
		 * A page of the application (a route of the client-side
		 * router, or a directory) gets index.html; a missing file
		 * with an extension, anything under /assets/, a symlink and
		 * a file taken for a folder (or a symlink to one) are 404s.
		 */
		if (errno == ELOOP || errno == ENOTDIR || asset || (errno != EISDIR &&
		    nseg > 0 && extension(seg[nseg - 1])[0] != '\0'))
			return fail(r, 404, "没有这个文件");
		if ((fd = open_below_root(index, 1, NULL, &sb)) ==
		    -1)
			return fail(r, 404, "网页未安装：网页目录中没有 "
			    "index.html");
		fallback = 1;
	}
	type = fallback ? mime[0].type : mime_type(seg[nseg - 1]);
	snprintf(etag, sizeof(etag), "\"%jx-%jx-%lx%s\"", (uintmax_t)sb.st_size,
	    (uintmax_t)sb.st_mtim.tv_sec, (unsigned long)sb.st_mtim.tv_nsec,
	    gz ? "-gz" : "");
	http_date(sb.st_mtim.tv_sec, date, sizeof(date));
	if (not_modified(r->conn, etag, sb.st_mtim.tv_sec)) {
		close(fd);
		resp = MHD_create_response_from_buffer(0, NULL,
		    MHD_RESPMEM_PERSISTENT);
		status = MHD_HTTP_NOT_MODIFIED;
	} else {
		/* Takes the descriptor, closed with the response. */
		resp = MHD_create_response_from_fd((uint64_t)sb.st_size, fd);
		if (resp == NULL) {
			close(fd);
			return fail(r, 503, "暂时无法读取文件");
		}
		MHD_add_response_header(resp, "Content-Type", type);
		if (gz)
			MHD_add_response_header(resp, "Content-Encoding",
			    "gzip");
		status = MHD_HTTP_OK;
	}
	MHD_add_response_header(resp, "ETag", etag);
	if (date[0] != '\0')
		MHD_add_response_header(resp, "Last-Modified", date);
	MHD_add_response_header(resp, "Cache-Control", asset && !fallback ?
	    "public, max-age=31536000, immutable" : "no-cache");
	MHD_add_response_header(resp, "Vary", "Accept-Encoding");
	security_headers(resp);
	ret = MHD_queue_response(r->conn, status, resp);
	MHD_destroy_response(resp);
	return ret;
}
