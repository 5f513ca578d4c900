/*
 * text.c: small UTF-8 text helpers of the importer: Chinese and full-width
 * numerals, brackets, the spaces PDF line wraps leave between Chinese
 * characters, and half-width to full-width punctuation.
 * SPDX-License-Identifier: MIT
 */
#include <string.h>

#include "fazhi/util.h"
#include "import-int.h"
#include "fazhi/banned.h"

const char *
imp_skip(const char *s, const char *p)
{
	size_t	 n = strlen(p);

	return strncmp(s, p, n) == 0 ? s + n : NULL;
}

uint32_t
imp_cp(const char *s, size_t *len)
{
	uint32_t	 cp;
	size_t		 n;

	if ((unsigned char)*s < 0x80) {		/* ASCII, and the NUL */
		*len = *s != '\0';
		return (unsigned char)*s;
	}
	n = strnlen(s, 4);
	if (n == 0) {
		*len = 0;
		return 0;
	}
	if ((*len = utf8_decode(s, n, &cp)) == 0) {
		*len = 1;
		return 0xfffd;
	}
	return cp;
}

static int
cn_digit(uint32_t cp)
{
	static const struct {
		uint32_t	 cp;
		int		 v;
	} d[] = {
		{ 0x3007, 0 }, { 0x96f6, 0 }, { 0x4e00, 1 }, { 0x4e8c, 2 },
		{ 0x4e24, 2 }, { 0x4e09, 3 }, { 0x56db, 4 }, { 0x4e94, 5 },
		{ 0x516d, 6 }, { 0x4e03, 7 }, { 0x516b, 8 }, { 0x4e5d, 9 },
	};
	size_t	 i;

	for (i = 0; i < sizeof(d) / sizeof(d[0]); i++)
		if (d[i].cp == cp)
			return d[i].v;
	return -1;
}

int
imp_cn_number(const char *s, size_t *len)
{
	size_t		 w, off = 0;
	uint32_t	 cp;
	int		 v = 0, d, seen = 0, tens = 0;

	for (;;) {
		cp = imp_cp(s + off, &w);
		if (w == 0)
			break;
		if (cp == 0x5341) {		/* 十 */
			if (tens)
				break;
			v = (seen ? v : 1) * 10;
			tens = seen = 1;
			off += w;
			continue;
		}
		if ((d = cn_digit(cp)) < 0)
			break;
		if (seen && !tens)
			break;			/* 一二: not a number */
		v += d;
		seen = 1;
		off += w;
		if (tens)
			break;
	}
	if (!seen)
		return -1;
	*len = off;
	return v;
}

int
imp_digits(const char *s, size_t *len)
{
	size_t		 w, off = 0;
	uint32_t	 cp;
	int		 v = 0, n = 0;

	for (;;) {
		cp = imp_cp(s + off, &w);
		if (w == 0)
			break;
		if (cp >= '0' && cp <= '9')
			v = v * 10 + (int)(cp - '0');
		else if (cp >= 0xff10 && cp <= 0xff19)
			v = v * 10 + (int)(cp - 0xff10);
		else
			break;
		off += w;
		if (++n > 6)
			return -1;
	}
	if (n == 0)
		return -1;
	*len = off;
	return v;
}

int
imp_is_open(uint32_t cp)
{
	return cp == 0x3014 || cp == 0xff08 || cp == '(' || cp == '[' ||
	    cp == 0x3010 || cp == 0xff3b;
}

int
imp_is_close(uint32_t cp)
{
	return cp == 0x3015 || cp == 0xff09 || cp == ')' || cp == ']' ||
	    cp == 0x3011 || cp == 0xff3d;
}

static int
wide(uint32_t cp)
{
	return utf8_is_cjk(cp) || (cp >= '0' && cp <= '9');
}

char *
imp_squeeze(const char *s)
{
	struct buf	 b = BUF_INIT;
	size_t		 w, i = 0, j;
	uint32_t	 prev = 0, next, cp;

	while (s[i] != '\0') {
		if (s[i] == ' ' || s[i] == '\t') {
			j = i;
			while (s[j] == ' ' || s[j] == '\t')
				j++;
			next = imp_cp(s + j, &w);
			if (w == 0 || (prev && (utf8_is_cjk(prev) ||
			    utf8_is_cjk(next)) && wide(prev) && wide(next))) {
				i = j;
				continue;
			}
			buf_add(&b, s + i, j - i);
			i = j;
			continue;
		}
		cp = imp_cp(s + i, &w);
		buf_add(&b, s + i, w);
		prev = cp;
		i += w;
	}
	return buf_detach(&b, NULL);
}

void
imp_fullwidth(struct buf *b, const char *s)
{
	for (; *s != '\0'; s++) {
		switch (*s) {
		case '(':
			buf_addstr(b, "（");
			break;
		case ')':
			buf_addstr(b, "）");
			break;
		case ':':
			buf_addstr(b, "：");
			break;
		case ';':
			buf_addstr(b, "；");
			break;
		case ',':
			buf_addstr(b, "，");
			break;
		default:
			buf_addch(b, *s);
			break;
		}
	}
}
