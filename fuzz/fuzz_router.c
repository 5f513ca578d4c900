/*
 * fuzz_router.c: libFuzzer target for the request router (router.c). The
 * input is "METHOD URL": the router's answer is compared with a plain
 * segment-by-segment matcher written here, the :id must fit its buffer,
 * be one non-empty segment and put back into the pattern give the URL,
 * and no two routes of one method may match one URL. Run by fuzz/run.sh.
 * SPDX-License-Identifier: MIT
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "http/http-int.h"
#include "fazhi/util.h"
#include "fazhi/banned.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* A copy of n bytes in a block of exactly n + 1, so ASan sees overreads. */
static char *
copy(const uint8_t *p, size_t n)
{
	char	*s = xmalloc(n + 1);

	memcpy(s, p, n);
	s[n] = '\0';
	return s;
}

/* The reference: split both at '/', compare segment by segment. */
static int
ref_match(const char *pattern, const char *url, size_t n)
{
	const char	*p = pattern, *u = url;
	size_t		 pl, ul;

	for (;;) {
		pl = strcspn(p, "/");
		ul = strcspn(u, "/");
		if (p[0] == ':') {
			if (ul == 0 || ul >= n)
				return 0;
		} else if (pl != ul || memcmp(p, u, pl) != 0)
			return 0;
		p += pl;
		u += ul;
		if (*p == '\0' || *u == '\0')
			return *p == '\0' && *u == '\0';
		p++;		/* both at '/' */
		u++;
	}
}

/* Is method one of the comma-separated methods in list? */
static int
listed(const char *list, const char *method)
{
	size_t	 n = strlen(method);

	while (*list != '\0') {
		size_t len = strcspn(list, ",");

		if (len == n && memcmp(list, method, n) == 0)
			return 1;
		list += len;
		list += strspn(list, ", ");
	}
	return 0;
}

/* The parameters of a pattern. */
static int
nparams(const char *path)
{
	int	 k = 0;

	for (; *path != '\0'; path++)
		k += *path == ':';
	return k;
}

/* Put the segments back into the pattern: ":reg" from reg, others from id. */
static void
fill(struct buf *b, const char *path, const char *id, const char *reg)
{
	while (*path != '\0') {
		size_t	 len = strcspn(path, "/");

		if (*path == ':')
			buf_addstr(b, len == 4 && strncmp(path, ":reg", 4) == 0 ?
			    reg : id);
		else
			buf_add(b, path, len);
		path += len;
		if (*path == '/') {
			buf_addch(b, '/');
			path++;
		}
	}
}

static void
check(const char *method, const char *url, size_t n)
{
	const struct route	*rt, *want = NULL;
	struct buf		 allow = BUF_INIT, want_allow = BUF_INIT;
	struct buf		 back = BUF_INIT;
	char			*param = xmalloc(n), *reg = xmalloc(n);
	size_t			 i, plen, rlen;

	rt = http_route_find(method, url, param, reg, n, &allow);
	plen = strnlen(param, n);
	rlen = strnlen(reg, n);
	if (plen >= n || rlen >= n)
		abort();		/* not terminated inside its buffer */
	for (i = 0; i < nroutes; i++) {
		if (!ref_match(routes[i].path, url, n))
			continue;
		if (want_allow.len == 0 || !listed(want_allow.ptr,
		    routes[i].method))
			buf_addf(&want_allow, "%s%s", want_allow.len ? ", " :
			    "", routes[i].method);
		if (!str_eq(routes[i].method, method))
			continue;
		/* Two routes alike in specificity for one request. */
		if (want != NULL && nparams(want->path) ==
		    nparams(routes[i].path))
			abort();
		if (want == NULL || nparams(routes[i].path) <
		    nparams(want->path))
			want = &routes[i];
	}
	if (rt != want || !str_eq(allow.ptr, want_allow.ptr))
		abort();
	if (rt == NULL) {
		if (plen != 0 || rlen != 0 || (allow.len > 0 &&
		    listed(allow.ptr, method)))
			abort();
		goto out;
	}
	if (!listed(allow.ptr, method))
		abort();
	/* Round trip: the pattern with the segments put back is the URL. */
	if ((strstr(rt->path, ":reg") != NULL) != (rlen != 0) ||
	    (nparams(rt->path) > (rlen != 0)) != (plen != 0) ||
	    strchr(param, '/') != NULL || strchr(reg, '/') != NULL)
		abort();
	fill(&back, rt->path, param, reg);
	if (!str_eq(back.ptr, url))
		abort();
out:
	free(param);
	free(reg);
	buf_release(&allow);
	buf_release(&want_allow);
	buf_release(&back);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t	*sp = memchr(data, ' ', size);
	size_t		 mlen = sp ? (size_t)(sp - data) : size;
	char		*method, *url;

	method = copy(data, mlen);
	url = sp ? copy(sp + 1, size - mlen - 1) : copy(data, 0);
	/* The server's buffer, and small ones that cut ids short. */
	check(method, url, ROUTE_PARAM_MAX);
	check(method, url, 1);
	check(method, url, 1 + size % 8);
	free(method);
	free(url);
	return 0;
}
