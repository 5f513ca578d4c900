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
#include "fazhi/work.h"

enum route_auth {
	AUTH_NONE = 0,		/* anyone */
	AUTH_SESSION,		/* a signed-in account */
	AUTH_SUPERVISOR,	/* 依法治县办 or a system administrator */
	AUTH_READER,		/* reads everything: + county leaders */
	AUTH_ADMIN,		/* a system administrator */
};

struct req {
	struct MHD_Connection	*conn;		/* NULL in the fuzz harness */
	const char *const	*query;		/* without conn: key, value, …,
						   NULL */
	const char		*method;
	const char		*url;
	struct buf		 body;
	int			 too_big;
	json_t			*json;		/* parsed body, or NULL */
	const char		*param;		/* :id of the path, or NULL */
	const char		*reg;		/* :reg of the path, or NULL */
	struct store		*st;
	struct session		 session;	/* when signed in */
	const char		*token;		/* the session cookie */
	struct account		 account;	/* when signed in */
	struct actor		 actor;
	char			 today[11];
	size_t			 limit;		/* body limit of the route */
	/* the response */
	unsigned		 status;
	json_t			*out;
	char			*set_cookie;
	char			*allow;		/* for a 405 */
	char			*text;		/* the JSON answer as text */
	char			*cache_key;	/* to keep the answer under */
	int64_t			 version;	/* of the data it was made from */
	int			 have_version;
	struct buf		 raw;		/* a file instead of JSON */
	const char		*raw_type;
	char			*raw_name;	/* attachment file name */
};

typedef void	(*route_fn)(struct req *);
typedef int	(*route_input_fn)(struct req *);

struct route {
	const char		*method;
	const char		*path;		/* "/api/plans/:id" */
	route_fn		 fn;
	enum route_auth		 auth;
	int			 csrf;		/* unsafe method: check token */
	size_t			 max_body;
	int			 raw;		/* body is a file, not JSON */
	route_input_fn		 input;		/* the handler's input checks
						   alone, or NULL */
};

extern const struct route	 routes[];
extern const size_t		 nroutes;

/* The longest :id the router accepts, with its NUL. */
#define ROUTE_PARAM_MAX	64

/*
 * Router (router.c): the route for method and url, or NULL. Of the
 * routes of the method whose path matches, the one with the fewest
 * parameters wins (a literal segment beats a parameter:
 * "/api/registries/:reg/export" over "/api/registries/:reg/:id").
 * param and reg (n > 0 bytes each) receive the route's ":reg" segment and
 * its other parameter (":id", ":key", ":year"), "" when it has none;
 * allow, unless NULL, gets the methods of every route whose path matches
 * ("GET, PUT"), for a 405.
 */
const struct route *http_route_find(const char *method, const char *url,
	    char *param, char *reg, size_t n, struct buf *allow);

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

/* The mapping for a core error with its diags: message and field. */
void	 http_fail_diags(struct req *, enum fz_err, const struct diags *);
/* A core result: its JSON (or {"ok":true}) on success, else the mapped
 * error with the diagnostics' field, taking ownership of o. */
void	 http_answer(struct req *, enum fz_err, json_t *o,
	    const struct diags *);
/* Answer with bytes (copied) as an attachment named name. */
void	 http_file(struct req *, const char *type, const char *name,
	    const void *, size_t);
/* A query argument, or NULL. */
const char *http_query(struct req *, const char *);

/*
 * Input (input.c): each returns -1 after answering 400 naming the field.
 * http_body_json: the body as a JSON object into r->json (400 BAD_JSON).
 * http_id: the path's :id; http_qint: a query integer (0 if absent);
 * http_str/int/bool: body fields (NULL/0/def if absent and not required);
 * http_ids: an array of ids (caller frees).
 */
int	 http_body_json(struct req *);
int	 http_id(struct req *, int64_t *);
int	 http_qint(struct req *, const char *, long long max, int64_t *);
const char *http_qstr(struct req *, const char *, size_t max, int *bad);
int	 http_str(struct req *, const char *, size_t max, int required,
	    const char **);
int	 http_int(struct req *, const char *, int required, int64_t *);
int	 http_bool(struct req *, const char *, int def, int *);
int	 http_ids(struct req *, const char *, size_t max, int64_t **,
	    size_t *, int *present);

/* Answers kept per thread by key and data version (cache.c). */
const char *http_cache_get(const char *key, int64_t version, size_t *len);
void	 http_cache_put(const char *key, int64_t version, const char *body,
	    size_t len);

/* Sessions kept per thread (cache.c): the account of a token while the
 * data version holds, or NULL; keep takes the account over. */
const struct account *http_session_cached(const char *token, int64_t version,
	    struct session *);
const struct account *http_session_keep(const char *token, int64_t version,
	    const struct session *, struct account *);

long	 http_session_ttl(void);
int	 http_secure_cookie(void);

#endif
