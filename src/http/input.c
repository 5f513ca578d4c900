/*
 * input.c: reading a request's input for the handlers: the :id of the
 * path, query arguments and fields of the JSON body, each checked for type
 * and range; a bad one answers 400 naming the field, and the handler
 * stops.
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "http-int.h"
#include "fazhi/util.h"
#include "fazhi/banned.h"

static void
bad_field(struct req *r, const char *key, const char *what)
{
	char	 msg[160];

	snprintf(msg, sizeof(msg), "字段“%s”%s", key, what);
	http_error(r, 400, "INVALID", msg, key);
}

/* The body, when there is one, must be a JSON object. */
int
http_body_json(struct req *r)
{
	json_error_t	 je;
	char		 msg[256];

	if (r->body.len == 0)
		return 0;
	r->json = json_loadb(r->body.ptr, r->body.len, 0, &je);
	if (r->json == NULL) {
		snprintf(msg, sizeof(msg), "请求内容不是有效的 JSON 对象"
		    "（第 %d 行第 %d 列）", je.line, je.column);
		http_error(r, 400, "BAD_JSON", msg, NULL);
		return -1;
	}
	if (!json_is_object(r->json)) {
		http_error(r, 400, "BAD_JSON", "请求内容应为 JSON 对象", NULL);
		return -1;
	}
	return 0;
}

int
http_id(struct req *r, int64_t *id)
{
	long long	 v;

	if (r->param == NULL || str_toint(r->param, 1, INT64_MAX, &v) !=
	    FZ_OK) {
		http_error(r, 400, "INVALID", "地址中的编号应为正整数", "id");
		return -1;
	}
	*id = v;
	return 0;
}

int
http_qint(struct req *r, const char *key, long long max, int64_t *out)
{
	const char	*s = http_query(r, key);
	long long	 v;

	*out = 0;
	if (s == NULL || *s == '\0')
		return 0;
	if (str_toint(s, 0, max, &v) != FZ_OK) {
		char msg[160];

		snprintf(msg, sizeof(msg), "查询参数“%s”应为 0 到 %lld 的整数",
		    key, max);
		http_error(r, 400, "INVALID", msg, key);
		return -1;
	}
	*out = v;
	return 0;
}

const char *
http_qstr(struct req *r, const char *key, size_t max, int *bad)
{
	const char	*s = http_query(r, key);

	if (s != NULL && (strlen(s) > max || !utf8_valid(s, strlen(s),
	    NULL))) {
		char msg[160];

		snprintf(msg, sizeof(msg), "查询参数“%s”过长或不是 UTF-8", key);
		http_error(r, 400, "INVALID", msg, key);
		*bad = 1;
		return NULL;
	}
	return s;
}

int
http_str(struct req *r, const char *key, size_t max, int required,
    const char **out)
{
	json_t	*v = r->json ? json_object_get(r->json, key) : NULL;

	*out = NULL;
	if (v == NULL || json_is_null(v)) {
		if (required) {
			bad_field(r, key, "不能为空");
			return -1;
		}
		return 0;
	}
	if (!json_is_string(v)) {
		bad_field(r, key, "应为字符串");
		return -1;
	}
	if (json_string_length(v) > max) {
		bad_field(r, key, "过长");
		return -1;
	}
	if (strlen(json_string_value(v)) != json_string_length(v)) {
		bad_field(r, key, "含有空字符");
		return -1;
	}
	if (required && json_string_length(v) == 0) {
		bad_field(r, key, "不能为空");
		return -1;
	}
	*out = json_string_value(v);
	return 0;
}

int
http_int(struct req *r, const char *key, int required, int64_t *out)
{
	json_t	*v = r->json ? json_object_get(r->json, key) : NULL;

	*out = 0;
	if (v == NULL || json_is_null(v)) {
		if (required) {
			bad_field(r, key, "不能为空");
			return -1;
		}
		return 0;
	}
	if (!json_is_integer(v) || json_integer_value(v) < 0) {
		bad_field(r, key, "应为非负整数");
		return -1;
	}
	*out = json_integer_value(v);
	return 0;
}

int
http_bool(struct req *r, const char *key, int def, int *out)
{
	json_t	*v = r->json ? json_object_get(r->json, key) : NULL;

	*out = def;
	if (v == NULL || json_is_null(v))
		return 0;
	if (!json_is_boolean(v)) {
		bad_field(r, key, "应为 true 或 false");
		return -1;
	}
	*out = json_is_true(v);
	return 0;
}

/* An array of positive integers, at most max of them. */
int
http_ids(struct req *r, const char *key, size_t max, int64_t **out,
    size_t *n, int *present)
{
	json_t	*v = r->json ? json_object_get(r->json, key) : NULL, *x;
	size_t	 i;

	*out = NULL;
	*n = 0;
	*present = v != NULL && !json_is_null(v);
	if (!*present)
		return 0;
	if (!json_is_array(v) || json_array_size(v) > max) {
		bad_field(r, key, "应为编号的数组");
		return -1;
	}
	*out = xcalloc(json_array_size(v) + 1, sizeof(**out));
	json_array_foreach(v, i, x) {
		if (!json_is_integer(x) || json_integer_value(x) <= 0) {
			free(*out);
			*out = NULL;
			bad_field(r, key, "应为正整数编号的数组");
			return -1;
		}
		(*out)[(*n)++] = json_integer_value(x);
	}
	return 0;
}
