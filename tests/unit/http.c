/*
 * http.c: the parts of the HTTP server that need no network: the router
 * (404, 405 with its Allow list, the :id and its length limit), the input
 * checks on a request without a connection (query arguments from an
 * array), error bodies whose message snprintf cut inside a character, and
 * evidence file names (both cases found by the fuzz targets).
 * SPDX-License-Identifier: MIT
 */
#include "testlib.h"
#include "http/http-int.h"
#include "http/routes-int.h"
#include "fazhi/core.h"

static char	 reg[ROUTE_PARAM_MAX];

static const struct route *
find(const char *method, const char *url, char *param, struct buf *allow)
{
	buf_reset(allow);
	return http_route_find(method, url, param, reg, ROUTE_PARAM_MAX,
	    allow);
}

static void
test_router(void **state)
{
	const struct route	*rt;
	struct buf		 allow = BUF_INIT;
	char			 param[ROUTE_PARAM_MAX], url[128];

	(void)state;
	rt = find("GET", "/api/plans/5/tasks", param, &allow);
	assert_non_null(rt);
	assert_string_equal(rt->path, "/api/plans/:id/tasks");
	assert_string_equal(param, "5");
	rt = find("PUT", "/api/reports/12", param, &allow);
	assert_non_null(rt);
	assert_string_equal(rt->path, "/api/reports/:id");
	assert_string_equal(allow.ptr, "GET, PUT");
	rt = find("GET", "/api/me", param, &allow);
	assert_non_null(rt);
	assert_string_equal(param, "");
	assert_string_equal(reg, "");
	/* Two parameters: the registry's key and the record's id. */
	rt = find("PUT", "/api/registries/normative/7", param, &allow);
	assert_non_null(rt);
	assert_string_equal(rt->path, "/api/registries/:reg/:id");
	assert_string_equal(reg, "normative");
	assert_string_equal(param, "7");
	/* A literal segment beats a parameter, whatever the table's order. */
	rt = find("GET", "/api/registries/normative/export", param, &allow);
	assert_non_null(rt);
	assert_string_equal(rt->path, "/api/registries/:reg/export");
	assert_string_equal(reg, "normative");
	assert_string_equal(param, "");
	assert_string_equal(allow.ptr, "GET, PUT");	/* each once */
	rt = find("POST", "/api/indicators/compute", param, &allow);
	assert_non_null(rt);
	assert_string_equal(rt->path, "/api/indicators/compute");
	rt = find("PUT", "/api/indicators/compute", param, &allow);
	assert_non_null(rt);
	assert_string_equal(rt->path, "/api/indicators/:key");
	assert_string_equal(param, "compute");
	/* 405: the path is known, the method is not. */
	assert_null(find("DELETE", "/api/plans", param, &allow));
	assert_string_equal(allow.ptr, "GET");
	/* 404 */
	assert_null(find("GET", "/nowhere", param, &allow));
	assert_int_equal(allow.len, 0);
	assert_null(find("GET", "/api/plans//tasks", param, &allow));
	assert_null(find("GET", "/api/plans/1/", param, &allow));
	/* The :id fills at most ROUTE_PARAM_MAX - 1 bytes. */
	snprintf(url, sizeof(url), "/api/reports/%063d", 7);
	assert_non_null(find("GET", url, param, &allow));
	assert_int_equal(strlen(param), ROUTE_PARAM_MAX - 1);
	snprintf(url, sizeof(url), "/api/reports/%064d", 7);
	assert_null(find("GET", url, param, &allow));
	buf_release(&allow);
}

static void
req_init(struct req *r, const char *param, const char *const *query,
    const char *body)
{
	memset(r, 0, sizeof(*r));
	r->param = param;
	r->query = query;
	buf_init(&r->body);
	buf_init(&r->raw);
	buf_addstr(&r->body, body);
}

static void
req_release(struct req *r)
{
	json_decref(r->json);
	json_decref(r->out);
	buf_release(&r->body);
	buf_release(&r->raw);
}

static const char *
err(const struct req *r, const char *key)
{
	return json_string_value(json_object_get(json_object_get(r->out,
	    "error"), key));
}

static void
test_input(void **state)
{
	static const char *const q[] = { "period", "3", "state", "overdue",
	    NULL };
	static const char *const badq[] = { "per_page", "201", NULL };
	struct req	 r;

	(void)state;
	req_init(&r, "1", q, "");
	assert_int_equal(http_body_json(&r), 0);
	assert_string_equal(http_query(&r, "state"), "overdue");
	assert_null(http_query(&r, "unit"));
	assert_int_equal(in_tasks(&r), 0);
	assert_null(r.out);
	req_release(&r);

	req_init(&r, "1", badq, "");
	assert_int_equal(in_tasks(&r), -1);
	assert_int_equal(r.status, 400);
	assert_string_equal(err(&r, "field"), "per_page");
	req_release(&r);

	req_init(&r, "9", NULL, "{\"decision\":\"maybe\"}");
	assert_int_equal(http_body_json(&r), 0);
	assert_int_equal(in_report_review(&r), -1);
	assert_string_equal(err(&r, "code"), "INVALID");
	assert_string_equal(err(&r, "field"), "decision");
	req_release(&r);

	req_init(&r, NULL, NULL, "[1]");
	assert_int_equal(http_body_json(&r), -1);
	assert_string_equal(err(&r, "code"), "BAD_JSON");
	req_release(&r);
}

/* fuzz/corpus/json/crash-settings-key-message-cut-in-utf8 */
static void
test_error_cut_message(void **state)
{
	struct req	 r;
	struct buf	 b = BUF_INIT;
	const char	*m;
	int		 i;

	(void)state;
	buf_addstr(&b, "{\"");
	for (i = 0; i < 60; i++)
		buf_addstr(&b, "设置");
	buf_addstr(&b, "\":\"一\"}");
	req_init(&r, NULL, NULL, b.ptr);
	assert_int_equal(http_body_json(&r), 0);
	assert_int_equal(in_settings_put(&r), -1);
	m = err(&r, "message");
	assert_non_null(m);
	assert_true(utf8_valid(m, strlen(m), NULL));
	assert_true(strncmp(m, "设置“设置设置", strlen("设置“设置设置")) == 0);
	assert_non_null(err(&r, "field"));
	req_release(&r);
	buf_release(&b);
}

static void
named(const char *in, const char *want)
{
	char	 out[256];

	assert_int_equal(core_file_name(in, out, sizeof(out)), FZ_OK);
	assert_string_equal(out, want);
}

/* fuzz/corpus/json/crash-file-name-control-then-dots */
static void
test_file_name(void **state)
{
	char	 out[256];

	(void)state;
	named("../../etc/聘书.pdf", "聘书.pdf");
	named("..\\a\\b.doc", "b.doc");
	named("\f..%.%2Fx.pdf", "%.%2Fx.pdf");
	named("\x01.htaccess", "htaccess");
	named(" . a?b.pdf. ", "a_b.pdf");
	assert_int_equal(core_file_name("...", out, sizeof(out)), FZ_EINVAL);
	assert_int_equal(core_file_name("\x01\x02", out, sizeof(out)),
	    FZ_EINVAL);
	assert_int_equal(core_file_name("a\xff.pdf", out, sizeof(out)),
	    FZ_EINVAL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_router),
		cmocka_unit_test(test_input),
		cmocka_unit_test(test_error_cut_message),
		cmocka_unit_test(test_file_name),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
