/*
 * reg_enforcement.c: the rules of the 行政执法 registries without a store:
 * 执法决定's dates (公示 not before 决定, 法制审核 not after it, an opinion
 * exactly with a review, nothing after today), two officers or more for
 * 处罚, 强制 and 检查 however the numbers are separated, and 执法人员's
 * term; each error names its row, column and field.
 * SPDX-License-Identifier: MIT
 */
#include "testlib.h"

#include "fazhi/csv.h"
#include "fazhi/registry.h"

static void
dir_make(struct unit_dir *dir)
{
	struct unit	 x;

	memset(dir, 0, sizeof(*dir));
	memset(&x, 0, sizeof(x));
	x.id = 25;
	x.code = xstrdup("scjg");
	x.name = xstrdup("莘县市场监督管理局");
	strv_add(&x.shorts, &x.nshorts, "县市场监管局");
	unit_dir_add(dir, &x);
	unit_release(&x);
}

/* Rows of a registry's CSV, checked as of 2023-06-30. */
static enum fz_err
rows(const char *reg, const char *text, struct diags *dg)
{
	const struct reg_desc	*d = registry_find(reg);
	struct reg_record	*r = NULL;
	struct unit_dir		 dir;
	struct csv		 tab;
	size_t			 n = 0;
	int			 colmap[REG_MAX_FIELDS], xlsx;
	enum fz_err		 rc;

	assert_non_null(d);
	dir_make(&dir);
	if ((rc = reg_table_read(text, strlen(text), &tab, &xlsx, dg)) ==
	    FZ_OK)
		rc = reg_rows_parse(d, &tab, xlsx, &dir, "2023-06-30", &r, &n,
		    colmap, dg);
	reg_records_free(r, n);
	csv_release(&tab);
	unit_dir_release(&dir);
	return rc;
}

/* Every column: a file of some columns only is checked against the
 * stored records when imported (core_reg_import), not here. The test's
 * rows leave 事项名称 and the 音像记录 columns empty and end with 备注. */
#define EHEAD	"执法主体,决定书文号,执法类别,当事人,决定日期,是否重大执法决定," \
		"法制审核日期,法制审核意见,公示日期,执法人员证号,事项名称," \
		"是否须全程音像记录,是否全程音像记录,备注\n"

static void
test_decisions(void **state)
{
	struct diags	 dg = { 0 };

	(void)state;
	/* Good rows: the review on the day of the decision, published the
	 * same day; officers separated by 、 ， , ; / and spaces; a 许可 by
	 * nobody named. */
	assert_int_equal(rows("enforcement", EHEAD
	    "scjg,A1,行政处罚,甲,2022-03-01,是,2022-03-01,同意,2022-03-01,"
	    "001、002,,,,\n"
	    "scjg,A2,行政处罚,甲,2022-03-01,否,,,,\"001，002\",,,,\n"
	    "scjg,A3,行政强制,甲,2022-03-01,否,,,,\"001, 002\",,,,\n"
	    "scjg,A4,行政检查,甲,2022-03-01,否,,,,001;002/003,,,,\n"
	    "scjg,A5,行政检查,甲,2022-03-01,否,,,,001　002,,,,\n"
	    "scjg,A6,行政许可,甲,2022-03-01,否,,,,,,,,\n"
	    "scjg,A7,行政处罚,甲,2022-03-01,是,,,,001、002,,,,\n"
	    "scjg,A8,行政处罚,甲,2022-03-01,是,2022-02-20,不同意,,001、002,,,,\n",
	    &dg), FZ_OK);
	assert_int_equal(dg.nerrors, 0);
	diags_release(&dg);

	/* Each rule, by row and column. */
	assert_int_equal(rows("enforcement", EHEAD
	    "scjg,B1,行政处罚,甲,2022-03-05,否,,,2022-03-04,001、002,,,,\n"
	    "scjg,B2,行政处罚,甲,2022-03-05,是,2022-03-06,同意,,001、002,,,,\n"
	    "scjg,B3,行政许可,甲,2022-03-05,否,2022-03-06,同意,,,,,,\n"
	    "scjg,B4,行政许可,甲,2022-03-05,否,,同意,,,,,,\n"
	    "scjg,B5,行政许可,甲,2022-03-05,否,2022-03-01,,,,,,,\n"
	    "scjg,B6,行政处罚,甲,2022-03-05,否,,,,001,,,,\n"
	    "scjg,B7,行政强制,甲,2022-03-05,否,,,,\"001 、001\",,,,\n"
	    "scjg,B8,行政检查,甲,2023-07-01,否,,,,001、002,,,,\n",
	    &dg), FZ_EINVAL);
	assert_int_equal(dg.nerrors, 8);
	assert_int_equal(dg.v[0].line, 2);
	assert_int_equal(dg.v[0].column, 9);
	assert_string_equal(dg.v[0].code, "published");
	assert_non_null(strstr(dg.v[0].message, "早于决定日期"));
	assert_int_equal(dg.v[1].column, 7);
	assert_string_equal(dg.v[1].code, "reviewed");
	assert_non_null(strstr(dg.v[1].message, "重大执法决定须在作出决定之前"));
	assert_string_equal(dg.v[2].code, "reviewed");
	assert_non_null(strstr(dg.v[2].message, "：执法决定须在"));
	assert_string_equal(dg.v[3].code, "opinion");
	assert_non_null(strstr(dg.v[3].message, "没有法制审核日期"));
	assert_string_equal(dg.v[4].code, "opinion");
	assert_int_equal(dg.v[4].column, 8);
	assert_string_equal(dg.v[5].code, "officers");
	assert_int_equal(dg.v[5].column, 10);
	assert_non_null(strstr(dg.v[5].message, "行政处罚应由两名以上"));
	assert_string_equal(dg.v[6].code, "officers");	/* one, twice */
	assert_int_equal(dg.v[7].line, 9);
	assert_string_equal(dg.v[7].code, "decided");
	assert_non_null(strstr(dg.v[7].message, "晚于今天（2023-06-30）"));
	diags_release(&dg);
}

static void
test_certificates(void **state)
{
	struct diags	 dg = { 0 };

	(void)state;
	assert_int_equal(rows("enforcer", "执法主体,执法证号,姓名,发证日期,"
	    "有效期至,状态,执法门类,发证机关,备注\n"
	    "scjg,001,甲,2019-03-01,2024-02-29,有效,,,\n"
	    "scjg,002,乙,2022-05-01,2022-05-01,,,,\n"
	    "scjg,003,丙,2023-07-01,2028-06-30,有效,,,\n"
	    "scjg,004,丁,2019-03-01,2024-02-29,过期,,,\n"
	    "scjg,001,戊,2019-03-01,2024-02-29,有效,,,\n", &dg), FZ_EINVAL);
	assert_int_equal(dg.nerrors, 4);
	assert_int_equal(dg.v[0].line, 3);
	assert_string_equal(dg.v[0].code, "expires");
	assert_non_null(strstr(dg.v[0].message, "不晚于发证日期"));
	assert_string_equal(dg.v[1].code, "issued");
	assert_string_equal(dg.v[2].code, "status");
	assert_non_null(strstr(dg.v[2].message, "有效、暂扣、注销、吊销"));
	assert_int_equal(dg.v[3].line, 6);
	assert_int_equal(dg.v[3].column, 2);
	assert_non_null(strstr(dg.v[3].message, "与第2行重复"));
	diags_release(&dg);
}

/* The descriptors agree with what the store and the indicators expect. */
static void
test_descriptors(void **state)
{
	const struct reg_desc	*p = registry_find("enforcer");
	const struct reg_desc	*e = registry_find("enforcement");

	(void)state;
	assert_non_null(p);
	assert_non_null(e);
	assert_true(p->fields[p->date].flags & REG_SINCE);
	assert_false(e->fields[e->date].flags & REG_SINCE);
	assert_string_equal(p->fields[p->expires].key, "expires");
	assert_string_equal(p->fields[p->key_field].key, "cert_no");
	assert_string_equal(e->fields[e->key_field].key, "doc_no");
	assert_int_equal(e->expires, -1);
	assert_true(e->nfields <= REG_MAX_FIELDS);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_decisions),
		cmocka_unit_test(test_certificates),
		cmocka_unit_test(test_descriptors),
	};

	return cmocka_run_group_tests_name("reg_enforcement", tests, NULL,
	    NULL);
}
