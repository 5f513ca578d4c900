/*
 * import_golden.c: the importer against the golden files written by hand
 * from the documents (tests/import/expected/): the reference plan from
 * Markdown, plain text and DOCX, the variants of other counties' plans,
 * the revision diff, and the bad inputs that must fail with a clear code.
 * SPDX-License-Identifier: MIT
 */
#include "testlib.h"

#include "fazhi/core.h"
#include "fazhi/csv.h"
#include "fazhi/import.h"

static struct unit_dir	 dir;

static int
setup(void **state)
{
	struct buf	 b = BUF_INIT;
	struct diags	 dg = { 0 };

	(void)state;
	tl_read("data/units/shenxian.csv", &b);
	if (core_units_parse(b.ptr, b.len, NULL, &dir, &dg) != FZ_OK)
		return -1;
	buf_release(&b);
	diags_release(&dg);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	unit_dir_release(&dir);
	return 0;
}

/* Import a fixture into p (resolved); the import must succeed. */
static void
import_ok(const char *path, struct plan *p, struct diags *dg)
{
	struct buf	 b = BUF_INIT;
	enum fz_err	 rc;
	size_t		 i;

	tl_read(path, &b);
	rc = import_plan(b.ptr, b.len, path, DOC_AUTO, p, dg);
	if (rc != FZ_OK) {
		for (i = 0; i < dg->n; i++)
			print_message("# %s:%d: %s\n", path, dg->v[i].line,
			    dg->v[i].message);
		fail_msg("import of %s failed: %s", path, fz_errcode(rc));
	}
	core_plan_resolve(p, &dir, dg);
	buf_release(&b);
}

static void
check_golden(const char *fixture, const char *expected)
{
	struct plan	 p;
	struct diags	 dg = { 0 };
	json_error_t	 je;
	json_t		*want, *got;
	struct buf	 why = BUF_INIT;

	import_ok(fixture, &p, &dg);
	want = json_load_file(expected, 0, &je);
	if (want == NULL)
		fail_msg("%s:%d: %s", expected, je.line, je.text);
	got = json_object();
	json_object_set_new(got, "plan", core_plan_json(&p));
	if (!json_subset(want, got, "", &why))
		fail_msg("%s against %s:\n%s", fixture, expected, why.ptr);
	json_decref(want);
	json_decref(got);
	buf_release(&why);
	plan_release(&p);
	diags_release(&dg);
}

static void
test_reference_md(void **state)
{
	(void)state;
	check_golden("data/plans/shenxian-2022.md",
	    "tests/import/expected/shenxian-2022.json");
}

static void
test_reference_txt(void **state)
{
	(void)state;
	check_golden("tests/import/fixtures/shenxian-2022.txt",
	    "tests/import/expected/shenxian-2022.json");
}

static void
test_reference_docx(void **state)
{
	(void)state;
	check_golden("tests/import/fixtures/shenxian-2022.docx",
	    "tests/import/expected/shenxian-2022.json");
}

static void
test_variant1(void **state)
{
	(void)state;
	check_golden("tests/import/fixtures/variant-1-numbered-per-section.md",
	    "tests/import/expected/variant-1-numbered-per-section.json");
}

static void
test_variant2(void **state)
{
	(void)state;
	check_golden("tests/import/fixtures/variant-2-resp-line.txt",
	    "tests/import/expected/variant-2-resp-line.json");
}

static void
test_variant3(void **state)
{
	(void)state;
	check_golden("tests/import/fixtures/variant-3-trailing-paren.md",
	    "tests/import/expected/variant-3-trailing-paren.json");
}

static void
test_variant4(void **state)
{
	(void)state;
	check_golden("tests/import/fixtures/variant-4-table.md",
	    "tests/import/expected/variant-4-table.json");
}

static void
test_variant4_docx(void **state)
{
	(void)state;
	check_golden("tests/import/fixtures/variant-4-table.docx",
	    "tests/import/expected/variant-4-table.json");
}

static void
test_variant5(void **state)
{
	(void)state;
	check_golden("tests/import/fixtures/variant-5-halfwidth.txt",
	    "tests/import/expected/variant-5-halfwidth.json");
}

static void
test_variant6(void **state)
{
	(void)state;
	check_golden("tests/import/fixtures/variant-6-portal-metadata.md",
	    "tests/import/expected/variant-6-portal-metadata.json");
}

static void
test_variant7(void **state)
{
	(void)state;
	check_golden("tests/import/fixtures/variant-7-general-requirements.md",
	    "tests/import/expected/variant-7-general-requirements.json");
}

/* No task text keeps a page break: no newline, no split unit names. */
static void
test_page_breaks(void **state)
{
	struct plan	 p;
	struct diags	 dg = { 0 };
	size_t		 i;

	(void)state;
	import_ok("data/plans/shenxian-2022.md", &p, &dg);
	for (i = 0; i < p.ntasks; i++) {
		assert_null(strchr(p.tasks[i].text, '\n'));
		if (p.tasks[i].annotation != NULL)
			assert_null(strchr(p.tasks[i].annotation, '\n'));
	}
	assert_non_null(strstr(p.tasks[1].annotation, "县政府各部门，"));
	assert_non_null(strstr(p.tasks[17].annotation, "县司法局"));
	assert_non_null(strstr(p.tasks[21].text, "“数据保险箱”"));
	assert_non_null(strstr(p.tasks[5].text, "做好承接落实市级行政权力工作"));
	assert_non_null(strstr(p.tasks[9].text,
	    "法律顾问管理制度。推进政府部门公职律师工作。"));
	assert_non_null(strstr(p.tasks[14].text, "完善公共舆情应对和引导机制"));
	/* 18 and 19 are closed with "]", which is recognised. */
	assert_true(str_endswith(p.tasks[18].annotation, "]"));
	assert_int_equal(p.tasks[18].nrefs[ROLE_RESP], 2);
	plan_release(&p);
	diags_release(&dg);
}

/* Count the directory rows of a kind, reading the CSV independently. */
static size_t
csv_count(const char *kind, int enforcement_only)
{
	struct buf	 b = BUF_INIT;
	struct csv	 c;
	struct diags	 dg = { 0 };
	size_t		 i, n = 0;

	tl_read("data/units/shenxian.csv", &b);
	assert_int_equal(csv_parse(b.ptr, b.len, &c, &dg), FZ_OK);
	for (i = 1; i < c.nrows; i++)
		if (str_eq(c.rows[i].f[4], kind) && (!enforcement_only ||
		    str_eq(c.rows[i].f[5], "是")))
			n++;
	csv_release(&c);
	buf_release(&b);
	diags_release(&dg);
	return n;
}

static void
test_group_expansion(void **state)
{
	struct plan	 p;
	struct diags	 dg = { 0 };
	struct unit_ref	*r;

	(void)state;
	import_ok("data/plans/shenxian-2022.md", &p, &dg);
	/* Task 1: 县政府各部门，各镇人民政府（街道办事处） */
	r = &p.tasks[0].refs[ROLE_RESP][0];
	assert_int_equal(r->kind, REF_GROUP);
	assert_int_equal(r->nunits, csv_count("政府部门", 0));
	r = &p.tasks[0].refs[ROLE_RESP][1];
	assert_int_equal(r->kind, REF_GROUP);
	assert_int_equal(r->nunits, 24);	/* 4 街道 + 20 镇 */
	/* Task 12: 县政府各行政执法部门 */
	r = &p.tasks[11].refs[ROLE_RESP][0];
	assert_int_equal(r->kind, REF_GROUP);
	assert_int_equal(r->nunits, csv_count("政府部门", 1));
	/* Task 20: 县直各部门 = government and party departments */
	r = &p.tasks[19].refs[ROLE_RESP][0];
	assert_int_equal(r->kind, REF_GROUP);
	assert_int_equal(r->nunits, csv_count("政府部门", 0) +
	    csv_count("党委部门", 0));
	/* Task 8: 县有关部门 stays to be designated, never "all" */
	r = &p.tasks[7].refs[ROLE_RESP][0];
	assert_int_equal(r->kind, REF_DESIGNATE);
	assert_int_equal(r->nunits, 0);
	plan_release(&p);
	diags_release(&dg);
}

static void
test_unknown_unit_warns(void **state)
{
	struct plan	 p;
	struct diags	 dg = { 0 };
	size_t		 i, unknown = 0;

	(void)state;
	import_ok("tests/import/fixtures/variant-1-numbered-per-section.md",
	    &p, &dg);
	for (i = 0; i < dg.n; i++)
		if (str_eq(dg.v[i].code, "unknown_unit")) {
			unknown++;
			assert_true(dg.v[i].task > 0);
			assert_non_null(strstr(dg.v[i].message, "县海洋渔业局"));
		}
	assert_int_equal(unknown, 1);
	plan_release(&p);
	diags_release(&dg);
}

static void
test_revision_diff(void **state)
{
	struct plan	 a, b;
	struct diags	 dg = { 0 };
	struct plan_diff d;
	json_t		*want, *got;
	json_error_t	 je;
	struct buf	 why = BUF_INIT;

	(void)state;
	import_ok("data/plans/shenxian-2022.md", &a, &dg);
	import_ok("tests/import/fixtures/shenxian-2022-rev.md", &b, &dg);
	core_plan_diff(&a, &b, &d);
	want = json_load_file("tests/import/expected/shenxian-2022-rev.diff.json",
	    0, &je);
	assert_non_null(want);
	got = core_diff_json(&d);
	if (!json_subset(want, got, "", &why))
		fail_msg("diff:\n%s", why.ptr);
	json_decref(want);
	json_decref(got);
	buf_release(&why);
	plan_diff_release(&d);
	plan_release(&a);
	plan_release(&b);
	diags_release(&dg);
}

/* A bad file fails with an error of this code, at this line if > 0. */
static void
check_bad(const char *path, const char *code, int line)
{
	struct buf	 b = BUF_INIT;
	struct plan	 p;
	struct diags	 dg = { 0 };
	size_t		 i;
	int		 found = 0;

	tl_read(path, &b);
	assert_int_not_equal(import_plan(b.ptr, b.len, path, DOC_AUTO, &p,
	    &dg), FZ_OK);
	for (i = 0; i < dg.n; i++)
		if (dg.v[i].is_error && str_eq(dg.v[i].code, code) &&
		    (line == 0 || dg.v[i].line == line))
			found = 1;
	if (!found) {
		for (i = 0; i < dg.n; i++)
			print_message("# %s %d %s\n", dg.v[i].code,
			    dg.v[i].line, dg.v[i].message);
		fail_msg("%s: no error %s at line %d", path, code, line);
	}
	plan_release(&p);
	diags_release(&dg);
	buf_release(&b);
}

static void
test_bad_inputs(void **state)
{
	(void)state;
	check_bad("tests/import/fixtures/bad-empty.md", "empty", 0);
	check_bad("tests/import/fixtures/bad-binary.md", "binary", 0);
	check_bad("tests/import/fixtures/bad-notzip.docx", "bad_docx", 0);
	check_bad("tests/import/fixtures/bad-no-tasks.md", "no_tasks", 0);
	check_bad("tests/import/fixtures/bad-truncated.md", "truncated", 0);
	check_bad("tests/import/fixtures/bad-invalid-utf8.md", "bad_encoding",
	    40);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_reference_md),
		cmocka_unit_test(test_reference_txt),
		cmocka_unit_test(test_reference_docx),
		cmocka_unit_test(test_variant1),
		cmocka_unit_test(test_variant2),
		cmocka_unit_test(test_variant3),
		cmocka_unit_test(test_variant4),
		cmocka_unit_test(test_variant4_docx),
		cmocka_unit_test(test_variant5),
		cmocka_unit_test(test_variant6),
		cmocka_unit_test(test_variant7),
		cmocka_unit_test(test_page_breaks),
		cmocka_unit_test(test_group_expansion),
		cmocka_unit_test(test_unknown_unit_warns),
		cmocka_unit_test(test_revision_diff),
		cmocka_unit_test(test_bad_inputs),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
