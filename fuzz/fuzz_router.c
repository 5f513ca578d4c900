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

static void
check(const char *method, const char *url, size_t n)
{
	const struct route	*rt, *want = NULL;
	struct buf		 allow = BUF_INIT, want_allow = BUF_INIT;
	struct buf		 back = BUF_INIT;
	char			*param = xmalloc(n);
	const char		*colon;
	size_t			 i, plen;

	rt = http_route_find(method, url, param, n, &allow);
	plen = strnlen(param, n);
	if (plen >= n)
		abort();		/* not terminated inside its buffer */
	for (i = 0; i < nroutes; i++) {
		if (!ref_match(routes[i].path, url, n))
			continue;
		buf_addf(&want_allow, "%s%s", want_allow.len ? ", " : "",
		    routes[i].method);
		if (str_eq(routes[i].method, method)) {
			if (want != NULL)
				abort();	/* two routes for one request */
			want = &routes[i];
		}
	}
	if (rt != want || !str_eq(allow.ptr, want_allow.ptr))
		abort();
	if (rt == NULL) {
		if (plen != 0 || (allow.len > 0 && listed(allow.ptr, method)))
			abort();
		goto out;
	}
	if (!listed(allow.ptr, method))
		abort();
	/* Round trip: the pattern with the :id put back is the URL. */
	if ((colon = strchr(rt->path, ':')) == NULL) {
		if (plen != 0 || !str_eq(rt->path, url))
			abort();
		goto out;
	}
	if (plen == 0 || strchr(param, '/') != NULL)
		abort();
	buf_add(&back, rt->path, (size_t)(colon - rt->path));
	buf_addstr(&back, param);
	buf_addstr(&back, colon + strcspn(colon, "/"));
	if (!str_eq(back.ptr, url))
		abort();
out:
	free(param);
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
