/*
 * util.c: the buffer's invariants and trimming (including the case the
 * CSV fuzzer found: a space three bytes from the end), UTF-8 decoding of
 * bad and overlong sequences, GB18030 conversion and SHA-256 vectors.
 * SPDX-License-Identifier: MIT
 */
#include "testlib.h"

static void
trimmed(const char *in, const char *want)
{
	struct buf	 b = BUF_INIT;

	buf_addstr(&b, in);
	buf_trim(&b);
	assert_string_equal(b.ptr, want);
	assert_int_equal(b.len, strlen(want));
	buf_release(&b);
}

static void
test_trim(void **state)
{
	(void)state;
	trimmed("  abc \t\r\n", "abc");
	trimmed("\xe3\x80\x80全角空格\xe3\x80\x80", "全角空格");
	trimmed("ab cd", "ab cd");
	trimmed("提高 5%", "提高 5%");
	trimmed("e\r\r[", "e\r\r[");
	trimmed("   ", "");
	trimmed("", "");
}

static void
test_buf(void **state)
{
	struct buf	 b = BUF_INIT;
	char		*p;
	size_t		 n;

	(void)state;
	assert_non_null(b.ptr);
	assert_string_equal(b.ptr, "");
	buf_addf(&b, "%d 项任务", 22);
	buf_addch(&b, '!');
	assert_string_equal(b.ptr, "22 项任务!");
	assert_true(b.len < b.cap);
	buf_truncate(&b, 2);
	assert_string_equal(b.ptr, "22");
	p = buf_detach(&b, &n);
	assert_int_equal(n, 2);
	assert_string_equal(p, "22");
	assert_string_equal(b.ptr, "");	/* reusable after detach */
	free(p);
	buf_release(&b);
	buf_release(&b);		/* twice is harmless */
}

static void
test_utf8(void **state)
{
	uint32_t	 cp;
	size_t		 bad;

	(void)state;
	assert_int_equal(utf8_decode("莘", 3, &cp), 3);
	assert_int_equal(cp, 0x8398);
	assert_int_equal(utf8_decode("\xf0\xa0\x80\x80", 4, &cp), 4);
	assert_int_equal(cp, 0x20000);
	assert_int_equal(utf8_decode("\xc0\xaf", 2, &cp), 0);	/* overlong */
	assert_int_equal(utf8_decode("\xed\xa0\x80", 3, &cp), 0); /* surrogate */
	assert_int_equal(utf8_decode("\xe8\x8e", 2, &cp), 0);	/* cut */
	assert_false(utf8_valid("ab\xff" "cd", 5, &bad));
	assert_int_equal(bad, 2);
	assert_true(utf8_valid("法治", 6, NULL));
	assert_int_equal(text_lineno("a\nb\nc", 4), 3);
}

static void
test_gb18030_and_sha256(void **state)
{
	struct buf	 b = BUF_INIT;
	char		 hex[65];

	(void)state;
	/* 法治 in GB18030 */
	assert_int_equal(text_from_gb18030("\xb7\xa8\xd6\xce", 4, &b), FZ_OK);
	assert_string_equal(b.ptr, "法治");
	buf_release(&b);
	assert_int_equal(text_from_gb18030("\x81", 1, &b), FZ_EFORMAT);
	buf_release(&b);
	/* FIPS 180-2 test vector */
	sha256_hex("abc", 3, hex);
	assert_string_equal(hex, "ba7816bf8f01cfea414140de5dae2223"
	    "b00361a396177a9cb410ff61f20015ad");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_trim),
		cmocka_unit_test(test_buf),
		cmocka_unit_test(test_utf8),
		cmocka_unit_test(test_gb18030_and_sha256),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
