/*
 * portal-int.h: the public portal (portal.c) as the server sees it: which
 * URLs are the portal's, and the answer to one of them; and the worker
 * thread's store, which the portal opens as the API does (server.c).
 * SPDX-License-Identifier: MIT
 */
#ifndef FAZHI_PORTAL_INT_H
#define FAZHI_PORTAL_INT_H

#include <microhttpd.h>
#include <jansson.h>

#include "fazhi/err.h"

struct req;
struct store;

/* Is this URL the portal's (/portal, /portal/…)? */
int		 portal_path(const char *url);
/* Answer a GET or HEAD of the portal: HTML, CSS, open data or a file. */
enum MHD_Result	 portal_serve(struct req *);
/* The published annual reports: {"year", "title", "href"} each. */
enum fz_err	 portal_annual_list(struct store *, json_t **);

/* The body and type of a portal URL, as portal_serve() would answer it
 * (FZ_ENOTFOUND: its 404). For the fuzz target. */
struct buf;
enum fz_err	 portal_route(struct store *, const char *url, struct buf *,
		    const char **type);

struct store	*http_thread_store(void);

#endif
