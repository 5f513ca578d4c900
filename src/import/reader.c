/*
 * reader.c: the first stage of the importer. Detect a document's format,
 * check and decode its bytes (UTF-8, with or without BOM, or GB18030) and
 * split it into paragraphs with their line numbers, reading the few
 * Markdown marks plans carry: headings, rules, tables, emphasis.
 * SPDX-License-Identifier: MIT
 */
#include <stdlib.h>
#include <string.h>

#include "fazhi/import.h"
#include "fazhi/util.h"
#include "fazhi/banned.h"

static const char *const formats[DOC__MAX] = {
	[DOC_AUTO] = "auto", [DOC_MARKDOWN] = "markdown",
	[DOC_TEXT] = "text", [DOC_DOCX] = "docx",
};

const char *
doc_format_key(enum doc_format f)
{
	return (unsigned)f < DOC__MAX ? formats[f] : "auto";
}

int
doc_format_parse(const char *s, enum doc_format *f)
{
	int	 i;

	for (i = 0; i < DOC__MAX; i++)
		if (str_eq(s, formats[i])) {
			*f = (enum doc_format)i;
			return 1;
		}
	if (str_eq(s, "md")) {
		*f = DOC_MARKDOWN;
		return 1;
	}
	if (str_eq(s, "txt")) {
		*f = DOC_TEXT;
		return 1;
	}
	return 0;
}

enum doc_format
doc_format_detect(const char *name, const char *p, size_t n)
{
	if (n >= 4 && memcmp(p, "PK\003\004", 4) == 0)
		return DOC_DOCX;
	if (name != NULL) {
		if (str_endswith(name, ".docx") || str_endswith(name, ".DOCX"))
			return DOC_DOCX;
		if (str_endswith(name, ".txt") || str_endswith(name, ".TXT"))
			return DOC_TEXT;
	}
	return DOC_MARKDOWN;
}

void
paras_release(struct paras *ps)
{
	size_t	 i;

	if (ps == NULL)
		return;
	for (i = 0; i < ps->n; i++) {
		free(ps->v[i].text);
		strv_free(ps->v[i].cells, ps->v[i].ncells);
	}
	free(ps->v);
	memset(ps, 0, sizeof(*ps));
}

static struct para *
para_new(struct paras *ps, enum para_kind kind, int line)
{
	struct para	*p;

	VEC_GROW(ps->v, ps->n, ps->cap);
	p = &ps->v[ps->n++];
	memset(p, 0, sizeof(*p));
	p->kind = kind;
	p->line = line;
	return p;
}

/* Copy s[0..n) into b without Markdown emphasis marks (** and __). */
static void
add_unemphasised(struct buf *b, const char *s, size_t n)
{
	size_t	 i, run = 0;

	buf_grow(b, n);
	for (i = 0; i < n; i++) {
		if (i + 1 < n && ((s[i] == '*' && s[i + 1] == '*') ||
		    (s[i] == '_' && s[i + 1] == '_'))) {
			buf_add(b, s + run, i - run);
			run = ++i + 1;
		}
	}
	buf_add(b, s + run, n - run);
}

static int
is_rule(const char *s, size_t n)
{
	size_t	 i, cnt = 0;
	char	 c;

	if (n < 3)
		return 0;
	c = s[0];
	if (c != '-' && c != '*' && c != '_')
		return 0;
	for (i = 0; i < n; i++) {
		if (s[i] == c)
			cnt++;
		else if (s[i] != ' ')
			return 0;
	}
	return cnt >= 3;
}

static int
is_separator_cell(const char *s)
{
	size_t	 dashes = 0;

	for (; *s != '\0'; s++) {
		if (*s == '-')
			dashes++;
		else if (*s != ':' && *s != ' ')
			return 0;
	}
	return dashes > 0;
}

/* A Markdown table row: | a | b |. Returns 0 for the |---| separator. */
static int
split_row(struct para *p, const char *s, size_t n)
{
	size_t		 i, start;
	struct buf	 cell = BUF_INIT;
	int		 all_sep = 1;

	/* Skip the leading and trailing pipes. */
	start = 1;
	if (n > 1 && s[n - 1] == '|')
		n--;
	for (i = start; i <= n; i++) {
		if (i < n && s[i] != '|')
			continue;
		buf_reset(&cell);
		add_unemphasised(&cell, s + start, i - start);
		buf_trim(&cell);
		if (!is_separator_cell(cell.ptr))
			all_sep = 0;
		strv_add(&p->cells, &p->ncells, cell.ptr);
		start = i + 1;
	}
	buf_release(&cell);
	return !all_sep;
}

static void
split_lines(const char *s, size_t len, enum doc_format fmt,
    struct paras *ps)
{
	struct buf	 line = BUF_INIT;
	size_t		 i = 0, end, hl;
	int		 lineno = 0;

	while (i < len) {
		const char	*l = s + i;
		size_t		 n;
		struct para	*p;

		end = i;
		while (end < len && s[end] != '\n')
			end++;
		n = end - i;
		i = end + 1;
		lineno++;
		buf_reset(&line);
		buf_add(&line, l, n);
		buf_trim(&line);
		if (line.len == 0)
			continue;
		if (fmt == DOC_MARKDOWN) {
			if (is_rule(line.ptr, line.len)) {
				p = para_new(ps, PARA_RULE, lineno);
				p->text = xstrdup("");
				continue;
			}
			if (line.ptr[0] == '|') {
				p = para_new(ps, PARA_ROW, lineno);
				if (!split_row(p, line.ptr, line.len)) {
					strv_free(p->cells, p->ncells);
					ps->n--;
					continue;
				}
				p->text = xstrdup(line.ptr);
				continue;
			}
			hl = 0;
			while (hl < line.len && hl < 6 && line.ptr[hl] == '#')
				hl++;
			if (hl > 0 && hl < line.len && line.ptr[hl] == ' ') {
				struct buf t = BUF_INIT;

				add_unemphasised(&t, line.ptr + hl,
				    line.len - hl);
				buf_trim(&t);
				p = para_new(ps, PARA_TEXT, lineno);
				p->heading = (int)hl;
				p->text = buf_detach(&t, NULL);
				continue;
			}
			{
				struct buf t = BUF_INIT;

				add_unemphasised(&t, line.ptr, line.len);
				p = para_new(ps, PARA_TEXT, lineno);
				p->text = buf_detach(&t, NULL);
			}
			continue;
		}
		p = para_new(ps, PARA_TEXT, lineno);
		p->text = xstrdup(line.ptr);
	}
	buf_release(&line);
}

/* Does s hold any valid multi-byte UTF-8 sequence before offset lim? */
static int
has_utf8_multibyte(const char *s, size_t lim)
{
	size_t		 i = 0, w;
	uint32_t	 cp;

	while (i < lim) {
		if ((unsigned char)s[i] >= 0x80 &&
		    (w = utf8_decode(s + i, lim - i, &cp)) > 1)
			return 1;
		i++;
	}
	return 0;
}

/* Is s[0..n) the start of a UTF-8 sequence cut off by the end of file? */
static int
incomplete_tail(const char *s, size_t n)
{
	const unsigned char	*u = (const unsigned char *)s;
	size_t			 need, i;

	if (n == 0 || n > 3)
		return 0;
	if ((u[0] & 0xe0) == 0xc0)
		need = 2;
	else if ((u[0] & 0xf0) == 0xe0)
		need = 3;
	else if ((u[0] & 0xf8) == 0xf0)
		need = 4;
	else
		return 0;
	if (n >= need)
		return 0;
	for (i = 1; i < n; i++)
		if ((u[i] & 0xc0) != 0x80)
			return 0;
	return 1;
}

enum fz_err
import_paras(const char *data, size_t len, enum doc_format fmt,
    struct paras *ps, struct buf *text, struct diags *dg)
{
	size_t		 bad = 0, i;
	struct buf	 conv = BUF_INIT;
	enum fz_err	 rc = FZ_EFORMAT;

	if (len == 0) {
		diags_error(dg, 0, 0, "empty", "文件为空");
		return FZ_EINVAL;
	}
	if (fmt == DOC_AUTO)
		fmt = doc_format_detect(NULL, data, len);
	if (fmt == DOC_DOCX)
		return import_docx_paras(data, len, ps, text, dg);
	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0) {
		data += 3;
		len -= 3;
	}
	for (i = 0; i < len; i++)
		if (data[i] == '\0') {
			diags_error(dg, text_lineno(data, i), 0, "binary",
			    "第 %d 行含有二进制数据（NUL 字节），不是文本文件",
			    text_lineno(data, i));
			goto out;
		}
	if (!utf8_valid(data, len, &bad)) {
		if (incomplete_tail(data + bad, len - bad)) {
			diags_error(dg, text_lineno(data, bad), 0, "truncated",
			    "文件在第 %d 行中途结束（最后一个 UTF-8 字符不完整）："
			    "文件可能不完整", text_lineno(data, bad));
			goto out;
		}
		if (has_utf8_multibyte(data, bad) ||
		    text_from_gb18030(data, len, &conv) != FZ_OK) {
			diags_error(dg, text_lineno(data, bad), 0,
			    "bad_encoding", "第 %d 行（字节偏移 %zu）不是有效的 "
			    "UTF-8 编码，也不是 GB18030 编码的文本",
			    text_lineno(data, bad), bad);
			goto out;
		}
		data = conv.ptr;
		len = conv.len;
	}
	buf_add(text, data, len);
	split_lines(data, len, fmt, ps);
	rc = FZ_OK;
out:
	buf_release(&conv);
	return rc;
}
