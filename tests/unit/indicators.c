/*
 * indicators.c: the targets read from single sentences, one pattern at a
 * time: counts in digits and Chinese numerals, rates named before 达到,
 * N% with a verb, coverage, 件件有…, deadlines (年底前, YYYY年底前, M月底前,
 * 年内), periods and scope, and that quoted brand names are not targets.
 * SPDX-License-Identifier: MIT
 */
#include "testlib.h"

#include "fazhi/import.h"

static struct task	 t;

static void
scan(const char *sentence)
{
	task_release(&t);
	memset(&t, 0, sizeof(t));
	task_measure_add(&t, sentence);
	import_indicators(&t, 2023);
}

static void
test_counts(void **state)
{
	(void)state;
	scan("各镇（街道）每季度召开专题会议不少于一次。");
	assert_int_equal(t.ninds, 1);
	assert_int_equal(t.inds[0].kind, IND_COUNT);
	assert_string_equal(t.inds[0].phrase, "不少于一次");
	assert_true(t.inds[0].target == 1);
	assert_string_equal(t.inds[0].comparator, ">=");
	assert_string_equal(t.inds[0].unit, "次");
	assert_int_equal(t.inds[0].period, PERIOD_QUARTER);
	assert_int_equal(t.inds[0].per_unit, 1);

	scan("全年举办3场以上法治讲座。");
	assert_int_equal(t.ninds, 1);
	assert_string_equal(t.inds[0].phrase, "3场以上");
	assert_true(t.inds[0].target == 3);
	assert_string_equal(t.inds[0].unit, "场");
	assert_int_equal(t.inds[0].period, PERIOD_YEAR);
	assert_int_equal(t.inds[0].per_unit, 0);

	scan("至少开展两次应急演练。");
	assert_int_equal(t.ninds, 1);
	assert_string_equal(t.inds[0].phrase, "至少开展两次");
	assert_true(t.inds[0].target == 2);
}

static void
test_rates(void **state)
{
	(void)state;
	scan("行政执法公示率、法制审核率达到 95%。");
	assert_int_equal(t.ninds, 2);
	assert_string_equal(t.inds[0].name, "行政执法公示率");
	assert_string_equal(t.inds[1].name, "法制审核率");
	assert_true(t.inds[1].target == 95);
	assert_string_equal(t.inds[1].unit, "%");
	assert_int_equal(t.inds[1].kind, IND_RATE);

	scan("确保涉案部门负责人100%出庭应诉。");
	assert_int_equal(t.ninds, 1);
	assert_string_equal(t.inds[0].phrase, "100%出庭应诉");
	assert_string_equal(t.inds[0].name, "负责人出庭应诉率");

	scan("确保投诉件件有回复、有记录。");
	assert_int_equal(t.ninds, 2);
	assert_string_equal(t.inds[0].name, "投诉回复率");
	assert_string_equal(t.inds[1].name, "投诉记录率");
	assert_string_equal(t.inds[1].phrase, "件件有回复、有记录");
}

static void
test_coverage_and_quotes(void **state)
{
	(void)state;
	scan("实现村（社区）法律顾问全覆盖。");
	assert_int_equal(t.ninds, 1);
	assert_int_equal(t.inds[0].kind, IND_COVERAGE);
	assert_true(t.inds[0].target == 100);

	scan("打造“1个100%+3个全覆盖”行政应诉工作品牌。");
	assert_int_equal(t.ninds, 0);
}

static void
test_deadlines(void **state)
{
	(void)state;
	scan("年底前完成清理工作。");
	assert_int_equal(t.ninds, 1);
	assert_int_equal(t.inds[0].kind, IND_DEADLINE);
	assert_string_equal(t.inds[0].target_date, "2023-12-31");
	assert_string_equal(t.inds[0].comparator, "<=");
	assert_string_equal(t.inds[0].name, "完成清理工作");

	scan("2024年底前建成平台。");
	assert_string_equal(t.inds[0].target_date, "2024-12-31");
	assert_string_equal(t.inds[0].phrase, "2024年底前");

	scan("6月底前出台实施细则。");
	assert_string_equal(t.inds[0].target_date, "2023-06-30");

	scan("2月底前报送总结。");
	assert_string_equal(t.inds[0].target_date, "2023-02-28");

	scan("年内完成示范创建。");
	assert_int_equal(t.ninds, 1);
	assert_int_equal(t.inds[0].kind, IND_DEADLINE);
	assert_string_equal(t.inds[0].phrase, "年内");

	/* With a count, 年内 is the period, not a deadline. */
	scan("年内组织2次以上培训。");
	assert_int_equal(t.ninds, 1);
	assert_int_equal(t.inds[0].kind, IND_COUNT);
	assert_int_equal(t.inds[0].period, PERIOD_YEAR);
}

static int
teardown(void **state)
{
	(void)state;
	task_release(&t);
	return 0;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_counts),
		cmocka_unit_test(test_rates),
		cmocka_unit_test(test_coverage_and_quotes),
		cmocka_unit_test(test_deadlines),
	};

	return cmocka_run_group_tests(tests, NULL, teardown);
}
