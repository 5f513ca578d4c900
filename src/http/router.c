/*
 * router.c: matching a request's method and path against the route table
 * of routes.c. Pure: no connection, no store, so fuzz/fuzz_router.c runs
 * it on arbitrary bytes. A pattern's ":id" matches one non-empty path
 * segment shorter than the caller's buffer; everything else is literal.
 * SPDX-License-Identifier: MIT
 */
#include <string.h>

#include "http-int.h"
#include "fazhi/util.h"
#include "fazhi/banned.h"

/*
 * Does the pattern match the URL? The segment under ":" must be non-empty
 * and shorter than n bytes; it is copied to param when param is not NULL.
 */
static int
path_match(const char *pattern, const char *url, char *param, size_t n)
{
	const char	*p = pattern, *u = url;

	while (*p != '\0' && *u != '\0') {
		if (*p == ':') {
			size_t len = strcspn(u, "/");

			if (len == 0 || len >= n)
				return 0;
			if (param != NULL) {
				memcpy(param, u, len);
				param[len] = '\0';
			}
			p += strcspn(p, "/");
			u += len;
			continue;
		}
		if (*p++ != *u++)
			return 0;
	}
	return *p == '\0' && *u == '\0';
}

const struct route *
http_route_find(const char *method, const char *url, char *param, size_t n,
    struct buf *allow)
{
	const struct route	*found = NULL;
	size_t			 i;

	param[0] = '\0';
	for (i = 0; i < nroutes; i++) {
		if (!path_match(routes[i].path, url, NULL, n))
			continue;
		if (allow != NULL)
			buf_addf(allow, "%s%s", allow->len ? ", " : "",
			    routes[i].method);
		if (str_eq(routes[i].method, method))
			found = &routes[i];
	}
	if (found != NULL)
		(void)path_match(found->path, url, param, n);
	return found;
}
