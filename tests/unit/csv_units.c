/*
 * csv_units.c: the CSV reader (quoting, CRLF, BOM, GB18030, errors by
 * line) and the unit-directory rules built on it (required columns, kinds,
 * duplicate codes and names, parents), with nothing half-read on error.
 * SPDX-License-Identifier: MIT
 */
#include "testlib.h"

#include "fazhi/core.h"
#include "fazhi/csv.h"

static void
test_quoting(void **state)
{
	static const char in[] = "a,\"b,c\",\"d\"\"e\"\r\n\"多\n行\",,x\n\n";
	struct csv	 c;
	struct diags	 dg = { 0 };

	(void)state;
	assert_int_equal(csv_parse(in, sizeof(in) - 1, &c, &dg), FZ_OK);
	assert_int_equal(c.nrows, 2);
	assert_int_equal(c.rows[0].n, 3);
	assert_string_equal(c.rows[0].f[1], "b,c");
	assert_string_equal(c.rows[0].f[2], "d\"e");
	assert_string_equal(c.rows[1].f[0], "多\n行");
	assert_string_equal(c.rows[1].f[1], "");
	assert_int_equal(c.rows[1].line, 2);
	csv_release(&c);
	diags_release(&dg);
}

static void
test_encodings(void **state)
{
	/* 莘县司法局 in UTF-8 with BOM, and in GB18030 (GBK range). */
	static const char bom[] = "\xef\xbb\xbf" "名称\n莘县司法局\n";
	static const char gb[] = "\xc3\xfb\xb3\xc6\n\xdd\xb7\xcf\xd8\xcb\xbe"
	    "\xb7\xa8\xbe\xd6\n";
	struct csv	 c;
	struct diags	 dg = { 0 };

	(void)state;
	assert_int_equal(csv_parse(bom, sizeof(bom) - 1, &c, &dg), FZ_OK);
	assert_string_equal(c.rows[0].f[0], "名称");
	assert_string_equal(c.rows[1].f[0], "莘县司法局");
	assert_string_equal(c.encoding, "UTF-8");
	csv_release(&c);
	assert_int_equal(csv_parse(gb, sizeof(gb) - 1, &c, &dg), FZ_OK);
	assert_string_equal(c.encoding, "GB18030");
	assert_string_equal(c.rows[0].f[0], "名称");
	assert_string_equal(c.rows[1].f[0], "莘县司法局");
	csv_release(&c);
	diags_release(&dg);
}

static void
expect_error(const char *in, const char *code, int line)
{
	struct csv	 c;
	struct diags	 dg = { 0 };

	assert_int_not_equal(csv_parse(in, strlen(in), &c, &dg), FZ_OK);
	assert_int_equal(c.nrows, 0);
	assert_true(dg.n >= 1);
	assert_string_equal(dg.v[0].code, code);
	assert_int_equal(dg.v[0].line, line);
	diags_release(&dg);
}

static void
test_errors(void **state)
{
	(void)state;
	expect_error("a,b\n\"open,c\n", "unclosed_quote", 2);
	expect_error("a,b\nx\"y,c\n", "stray_quote", 2);
	expect_error("a,b\n\"q\"x,c\n", "stray_quote", 2);
	expect_error("a\nb\n\xff\xfe\xe8\x8e\x98\n", "bad_encoding", 3);
}

static const char header[] =
    "编码,名称,简称,别名,类型,行政执法主体,上级单位,区划代码\n";

static enum fz_err
units(const char *rows, struct unit_dir *dir, struct diags *dg)
{
	struct buf	 b = BUF_INIT;
	enum fz_err	 rc;

	buf_addstr(&b, header);
	buf_addstr(&b, rows);
	rc = core_units_parse(b.ptr, b.len, NULL, dir, dg);
	buf_release(&b);
	return rc;
}

static void
test_units_ok(void **state)
{
	struct unit_dir	 dir;
	struct diags	 dg = { 0 };

	(void)state;
	assert_int_equal(units("xzf,莘县人民政府,县政府,,其他,否,,371522\n"
	    "sfj,莘县司法局,县司法局、司法局,,政府部门,是,xzf,371522\n",
	    &dir, &dg), FZ_OK);
	assert_int_equal(dir.n, 2);
	assert_int_equal(dir.v[1].kind, UNIT_DEPARTMENT);
	assert_int_equal(dir.v[1].enforcement, 1);
	assert_int_equal(dir.v[1].nshorts, 2);
	assert_string_equal(dir.v[1].shorts[1], "司法局");
	assert_string_equal(dir.v[1].parent, "xzf");
	unit_dir_release(&dir);
	diags_release(&dg);
}

/* A bad directory fails whole, with the line of each bad row. */
static void
expect_units_error(const char *rows, const char *code, int line)
{
	struct unit_dir	 dir;
	struct diags	 dg = { 0 };
	size_t		 i;
	int		 found = 0;

	assert_int_equal(units(rows, &dir, &dg), FZ_EINVAL);
	assert_int_equal(dir.n, 0);
	for (i = 0; i < dg.n; i++)
		if (str_eq(dg.v[i].code, code) && (line == 0 ||
		    dg.v[i].line == line))
			found = 1;
	if (!found)
		fail_msg("no %s at line %d for %s", code, line, rows);
	diags_release(&dg);
}

static void
test_units_errors(void **state)
{
	(void)state;
	expect_units_error("sfj,莘县司法局,,,政府部门,是,,\nx,y\n", "bad_row",
	    3);
	expect_units_error("sfj,莘县司法局,,,部委,是,,\n", "bad_field", 2);
	expect_units_error("sfj,莘县司法局,,,政府部门,也许,,\n", "bad_field",
	    2);
	expect_units_error("s f,莘县司法局,,,政府部门,是,,\n", "bad_field", 2);
	expect_units_error("sfj,莘县司法局,,,政府部门,是,,\n"
	    "sfj,莘县公安局,,,政府部门,是,,\n", "duplicate", 3);
	expect_units_error("sfj,莘县司法局,县司法局,,政府部门,是,,\n"
	    "gaj,莘县公安局,县司法局,,政府部门,是,,\n", "duplicate", 3);
	expect_units_error("sfj,莘县司法局,,,政府部门,是,nope,\n",
	    "bad_parent", 0);
	expect_units_error("", "empty", 0);
}

static void
test_missing_column(void **state)
{
	static const char in[] = "编码,名称\nsfj,莘县司法局\n";
	struct unit_dir	 dir;
	struct diags	 dg = { 0 };

	(void)state;
	assert_int_equal(core_units_parse(in, sizeof(in) - 1, NULL, &dir, &dg),
	    FZ_EINVAL);
	assert_string_equal(dg.v[0].code, "bad_header");
	assert_non_null(strstr(dg.v[0].message, "类型"));
	diags_release(&dg);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_quoting),
		cmocka_unit_test(test_encodings),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_units_ok),
		cmocka_unit_test(test_units_errors),
		cmocka_unit_test(test_missing_column),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
