/*
 * publish.c: the masking of personal data in the free text the public
 * portal shows (docs/ARCHITECTURE.md, "The public portal"): mobile numbers
 * (1[3-9] and 9 more digits), 18-character ID card numbers and names after
 * the words that introduce a person, each case worked out by hand from
 * the rule; and the public field list.
 * SPDX-License-Identifier: MIT
 */
#include "testlib.h"

#include "fazhi/core.h"

static void
is_redacted(const char *in, const char *want)
{
	struct buf	 b = BUF_INIT;

	core_redact(NULL, in, &b);
	assert_string_equal(b.ptr, want);
	buf_release(&b);
}

static void
test_numbers(void **state)
{
	(void)state;
	is_redacted("电话13812345678。", "电话138****5678。");
	is_redacted("13912345678", "139****5678");
	/* 12 digits, or starting 12: not a mobile number */
	is_redacted("编号138123456789", "编号138123456789");
	is_redacted("12345678901", "12345678901");
	is_redacted("身份证371522199001011234。",
	    "身份证******************。");
	is_redacted("身份证37152219900101123X号",
	    "身份证******************号");
	is_redacted("37152219900101123x", "******************");
	/* figures of a report stay */
	is_redacted("聘任监督员12名，覆盖率100%。", "聘任监督员12名，覆盖率100%。");
	is_redacted("2022年4月8日", "2022年4月8日");
}

static void
test_names(void **state)
{
	(void)state;
	is_redacted("联络员王小明，电话", "联络员＊＊＊，电话");
	is_redacted("联系人：李四。", "联系人：＊＊。");
	is_redacted("经办人: 欧阳小明等", "经办人: ＊＊＊＊等");
	is_redacted("负责人：张三", "负责人：＊＊");
	/* 负责人 without a colon is a role, not a name */
	is_redacted("主要负责人履行第一责任人职责", "主要负责人履行第一责任人职责");
	/* at most four characters; 的 and 等 end a name */
	is_redacted("填报人王的报告", "填报人＊的报告");
	is_redacted("", "");
}

static void
test_fields(void **state)
{
	(void)state;
	assert_true(core_pub_field_valid("status"));
	assert_true(core_pub_field_valid("indicators"));
	assert_false(core_pub_field_valid("names"));
	assert_false(core_pub_field_valid("comment"));
	assert_false(core_pub_field_valid(""));
	assert_true(core_pub_has("task_text,status", "status"));
	assert_true(core_pub_has("task_text,status", "task_text"));
	assert_false(core_pub_has("task_text,status", "text"));
	assert_false(core_pub_has("task_textx", "task_text"));
	assert_false(core_pub_has("", "status"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_numbers),
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_fields),
	};

	return cmocka_run_group_tests_name("publish", tests, NULL, NULL);
}
