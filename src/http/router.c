/*
 * router.c: matching a request's method and path against the route table
 * of routes.c. Pure: no connection, no store, so fuzz/fuzz_router.c runs
 * it on arbitrary bytes. A pattern's ":name" matches one non-empty path
 * segment shorter than the caller's buffer; everything else is literal.
 * SPDX-License-Identifier: MIT
 */
#include <string.h>

#include "http-int.h"
#include "fazhi/util.h"
#include "fazhi/banned.h"

/*
 * Does the pattern match the URL? Each segment under ":" must be non-empty
 * and shorter than n bytes. When param is not NULL, the segment under
 * ":reg" is copied to reg and any other to param.
 */
static int
path_match(const char *pattern, const char *url, char *param, char *reg,
    size_t n)
{
	const char	*p = pattern, *u = url;

	while (*p != '\0' && *u != '\0') {
		if (*p == ':') {
			size_t	 len = strcspn(u, "/");
			size_t	 name = strcspn(p, "/");
			char	*to;

			if (len == 0 || len >= n)
				return 0;
			to = name == 4 && strncmp(p, ":reg", 4) == 0 ? reg :
			    param;
			if (param != NULL) {
				memcpy(to, u, len);
				to[len] = '\0';
			}
			p += name;
			u += len;
			continue;
		}
		if (*p++ != *u++)
			return 0;
	}
	return *p == '\0' && *u == '\0';
}

/* The parameters of a route's path: fewer means more specific. */
static int
nparams(const char *path)
{
	int	 k = 0;

	for (; *path != '\0'; path++)
		k += *path == ':';
	return k;
}

/* Is method one of the ", "-separated methods in list? */
static int
listed(const char *list, const char *method)
{
	size_t	 n = strlen(method);

	while (*list != '\0') {
		size_t	 len = strcspn(list, ",");

		if (len == n && memcmp(list, method, n) == 0)
			return 1;
		list += len;
		list += strspn(list, ", ");
	}
	return 0;
}

const struct route *
http_route_find(const char *method, const char *url, char *param, char *reg,
    size_t n, struct buf *allow)
{
	const struct route	*found = NULL;
	size_t			 i;

	param[0] = reg[0] = '\0';
	for (i = 0; i < nroutes; i++) {
		if (!path_match(routes[i].path, url, NULL, NULL, n))
			continue;
		if (allow != NULL && !listed(allow->len ? allow->ptr : "",
		    routes[i].method))
			buf_addf(allow, "%s%s", allow->len ? ", " : "",
			    routes[i].method);
		if (str_eq(routes[i].method, method) && (found == NULL ||
		    nparams(routes[i].path) < nparams(found->path)))
			found = &routes[i];
	}
	if (found != NULL)
		(void)path_match(found->path, url, param, reg, n);
	return found;
}
