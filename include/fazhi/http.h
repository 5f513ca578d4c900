/*
 * http.h: fazhi serve, the HTTP server (libmicrohttpd): a route table and
 * one dispatcher that does body limits, JSON parsing, sessions, CSRF and
 * error mapping, in front of thin handlers that call core/.
 * SPDX-License-Identifier: MIT
 */
#ifndef FAZHI_HTTP_H
#define FAZHI_HTTP_H

#include <stdint.h>

struct http_config {
	const char	*dsn;		/* the store */
	const char	*addr;		/* IPv4 address to listen on */
	uint16_t	 port;
	int		 threads;	/* worker threads, each with its store */
	long		 session_ttl;	/* seconds */
	int		 secure_cookie;	/* behind TLS: add Secure */
	const char	*web;		/* the web application, or NULL */
};

/* Serve until SIGINT or SIGTERM; 0 on a clean stop, -1 on error. */
int	 http_serve(const struct http_config *);

#endif
