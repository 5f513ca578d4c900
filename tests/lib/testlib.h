/*
 * testlib.h: what the C tests share: cmocka, reading fixture files, and
 * json_subset(), which checks that every key of an expected JSON value
 * (written by hand) is in the actual one with an equal value.
 * SPDX-License-Identifier: MIT
 */
#ifndef FAZHI_TESTLIB_H
#define FAZHI_TESTLIB_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <jansson.h>

#include "fazhi/buf.h"
#include "fazhi/util.h"

/* Read a file of the repository (tests run from its top) or fail. */
static inline void
tl_read(const char *path, struct buf *b)
{
	struct buf	 err = BUF_INIT;

	if (file_read(path, 256u * 1024 * 1024, b, &err) != FZ_OK)
		fail_msg("cannot read %s: %s", path, err.ptr);
	buf_release(&err);
}

static inline int
tl_json_equal_scalar(const json_t *a, const json_t *b)
{
	if (json_is_number(a) && json_is_number(b))
		return json_number_value(a) == json_number_value(b);
	return json_equal((json_t *)(uintptr_t)a, (json_t *)(uintptr_t)b);
}

/*
 * Is every part of want in got? Objects: each key of want must be in got
 * and match; arrays: same length, element by element; scalars: equal.
 * On a mismatch the path and both values go to *why.
 */
static inline int
json_subset(const json_t *want, const json_t *got, const char *path,
    struct buf *why)
{
	const char	*key;
	json_t		*v;
	size_t		 i;
	char		 sub[512];

	if (json_is_object(want)) {
		if (!json_is_object(got)) {
			buf_addf(why, "%s: want an object\n", path);
			return 0;
		}
		json_object_foreach((json_t *)(uintptr_t)want, key, v) {
			json_t *g = json_object_get(got, key);

			snprintf(sub, sizeof(sub), "%s.%s", path, key);
			if (g == NULL) {
				buf_addf(why, "%s: missing\n", sub);
				return 0;
			}
			if (!json_subset(v, g, sub, why))
				return 0;
		}
		return 1;
	}
	if (json_is_array(want)) {
		if (!json_is_array(got) ||
		    json_array_size(got) != json_array_size(want)) {
			char *w = json_dumps(want, JSON_COMPACT);
			char *g = json_dumps(got, JSON_COMPACT);

			buf_addf(why, "%s: want %zu elements %s\n   got %s\n",
			    path, json_array_size(want), w ? w : "",
			    g ? g : "");
			free(w);
			free(g);
			return 0;
		}
		for (i = 0; i < json_array_size(want); i++) {
			snprintf(sub, sizeof(sub), "%s[%zu]", path, i);
			if (!json_subset(json_array_get(want, i),
			    json_array_get(got, i), sub, why))
				return 0;
		}
		return 1;
	}
	if (!tl_json_equal_scalar(want, got)) {
		char *w = json_dumps(want, JSON_ENCODE_ANY);
		char *g = json_dumps(got, JSON_ENCODE_ANY);

		buf_addf(why, "%s:\n  want %s\n   got %s\n", path, w ? w : "?",
		    g ? g : "?");
		free(w);
		free(g);
		return 0;
	}
	return 1;
}

#endif
