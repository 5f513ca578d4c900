/*
 * http-int.h: what the HTTP server's files share: the request as handlers
 * see it, the route table's row, and the response helpers. One place maps
 * enum fz_err to an HTTP status and a stable error code.
 * SPDX-License-Identifier: MIT
 */
#ifndef FAZHI_HTTP_INT_H
#define FAZHI_HTTP_INT_H

#include <microhttpd.h>
#include <jansson.h>

#include "fazhi/buf.h"
#include "fazhi/err.h"
#include "fazhi/model.h"
#include "fazhi/store.h"

enum route_auth {
	AUTH_NONE = 0,		/* anyone */
	AUTH_SESSION,		/* a signed-in account */
};

struct req {
	struct MHD_Connection	*conn;
	const char		*method;
	const char		*url;
	struct buf		 body;
	int			 too_big;
	json_t			*json;		/* parsed body, or NULL */
	const char		*param;		/* :id of the path, or NULL */
	struct store		*st;
	struct session		 session;	/* when signed in */
	const char		*token;		/* the session cookie */
	/* the response */
	unsigned		 status;
	json_t			*out;
	char			*set_cookie;
	char			*allow;		/* for a 405 */
};

typedef void	(*route_fn)(struct req *);

struct route {
	const char		*method;
	const char		*path;		/* "/api/plans/:id" */
	route_fn		 fn;
	enum route_auth		 auth;
	int			 csrf;		/* unsafe method: check token */
	size_t			 max_body;
};

extern const struct route	 routes[];
extern const size_t		 nroutes;

/* Answer with JSON (taking ownership of it). */
void	 http_json(struct req *, unsigned status, json_t *);
/* Answer with {"error":{"code","message","field"}}. */
void	 http_error(struct req *, unsigned status, const char *code,
	    const char *message, const char *field);
/* The one mapping from fz_err to status and code. */
void	 http_fail(struct req *, enum fz_err, const char *message);

/* Queue the JSON answer of r with the security headers. */
enum MHD_Result	 http_respond(struct req *);

/* static.c: the web application's files. */
/* Open the web root (NULL: none); -1 with errno if it cannot be opened. */
int		 http_static_open(const char *dir);
/* Is this URL for a file rather than the API? */
int		 http_static_path(const char *url);
/* Answer a request for a file (or its error). */
enum MHD_Result	 http_static(struct req *);

long	 http_session_ttl(void);
int	 http_secure_cookie(void);

#endif
