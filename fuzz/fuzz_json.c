/*
 * fuzz_json.c: libFuzzer target for the request input checks: the body
 * parsed as the dispatcher does (http_body_json), then every route's input
 * checks (the table's input column: what each handler reads from its :id,
 * query and JSON body before it acts), with no connection and no store.
 * Input: the :id on the first line, "k=v&k=v" on the second, the body
 * after. A check that passes must not have answered; one that fails must
 * have written a well-formed 400 error. Run by fuzz/run.sh.
 * SPDX-License-Identifier: MIT
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "http/http-int.h"
#include "fazhi/core.h"
#include "fazhi/registry.h"
#include "fazhi/util.h"
#include "fazhi/banned.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

#define MAXQ	16

/* A copy of n bytes in a block of exactly n + 1, so ASan sees overreads. */
static char *
copy(const uint8_t *p, size_t n)
{
	char	*s = xmalloc(n + 1);

	memcpy(s, p, n);
	s[n] = '\0';
	return s;
}

/* The next line of the input (without its '\n'), or all that is left. */
static char *
line(const uint8_t **p, size_t *n)
{
	const uint8_t	*nl = memchr(*p, '\n', *n);
	size_t		 len = nl ? (size_t)(nl - *p) : *n;
	char		*s = copy(*p, len);

	*p += len + (nl != NULL);
	*n -= len + (nl != NULL);
	return s;
}

/* An answer written by a failed check: {"error":{code,message[,field]}}. */
static void
check_error(struct req *r)
{
	json_t	*e, *f;
	char	*s;

	if (r->status != 400 || r->out == NULL)
		abort();
	e = json_object_get(r->out, "error");
	if (json_object_size(r->out) != 1 || !json_is_object(e) ||
	    !json_is_string(json_object_get(e, "code")) ||
	    !json_is_string(json_object_get(e, "message")))
		abort();
	f = json_object_get(e, "field");
	if (f != NULL && !json_is_string(f))
		abort();
	if ((s = json_dumps(r->out, JSON_COMPACT)) == NULL)
		abort();
	free(s);
	json_decref(r->out);
	r->out = NULL;
	r->status = 0;
}

/*
 * What core_file_name() promises: a last path component, non-empty, shorter
 * than its buffer, UTF-8, without control characters or characters Windows
 * forbids, not starting with a dot or a space nor ending with either.
 */
static void
check_file_name(const char *name, size_t n)
{
	size_t	 len = strnlen(name, n), i;

	if (len == 0 || len >= n || !utf8_valid(name, len, NULL) ||
	    name[0] == '.' || name[0] == ' ' || name[len - 1] == '.' ||
	    name[len - 1] == ' ')
		abort();
	for (i = 0; i < len; i++)
		if ((unsigned char)name[i] < 0x20 || name[i] == 0x7f ||
		    strchr("/\\<>:\"|?*", name[i]) != NULL)
			abort();
}

/* "k=v&k=v" split in place into key, value, …, NULL; "k" has value "". */
static void
split_query(char *s, const char **q, size_t max)
{
	char	*amp, *eq;
	size_t	 n = 0;

	while (*s != '\0' && n < max) {
		if ((amp = strchr(s, '&')) != NULL)
			*amp = '\0';
		q[2 * n] = s;
		q[2 * n + 1] = "";
		if ((eq = strchr(s, '=')) != NULL) {
			*eq = '\0';
			q[2 * n + 1] = eq + 1;
		}
		n++;
		if (amp == NULL)
			break;
		s = amp + 1;
	}
	q[2 * n] = NULL;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct req	 r;
	const char	*q[2 * MAXQ + 1];
	char		*param, *qs, *body, *slash, name[256];
	size_t		 i;
	const char	*v;

	param = line(&data, &size);
	qs = line(&data, &size);
	body = copy(data, size);

	split_query(qs, q, MAXQ);

	memset(&r, 0, sizeof(r));
	r.method = "POST";
	r.url = "/fuzz";
	r.query = q;
	/* "REG/ID" gives both segments; a bare ID goes with "normative". */
	if ((slash = strchr(param, '/')) != NULL) {
		*slash = '\0';
		/* An unknown registry is a 404 of the router's kind, not an
		 * input error: only known keys are tried. */
		r.reg = registry_find(param) != NULL ? param : "normative";
		r.param = slash[1] != '\0' ? slash + 1 : NULL;
	} else {
		r.reg = "normative";
		r.param = *param != '\0' ? param : NULL;
	}
	buf_init(&r.body);
	buf_init(&r.raw);
	buf_add(&r.body, body, size);

	if (http_body_json(&r) != 0)
		check_error(&r);
	else {
		if (r.out != NULL || (r.body.len > 0 &&
		    !json_is_object(r.json)))
			abort();
		for (i = 0; i < nroutes; i++) {
			if (routes[i].input == NULL)
				continue;
			if (routes[i].input(&r) != 0)
				check_error(&r);
			else if (r.out != NULL || r.status != 0)
				abort();
		}
	}
	/* The evidence route's file name, made safe by the core. */
	if ((v = http_query(&r, "name")) != NULL &&
	    core_file_name(v, name, sizeof(name)) == FZ_OK)
		check_file_name(name, sizeof(name));

	json_decref(r.json);
	json_decref(r.out);
	buf_release(&r.body);
	buf_release(&r.raw);
	free(param);
	free(qs);
	free(body);
	return 0;
}
