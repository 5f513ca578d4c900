/*
 * csv.c: the CSV reader (RFC 4180) behind every spreadsheet import:
 * encoding detection (UTF-8, BOM, GB18030), quoted fields, CRLF, and
 * clear errors for unclosed quotes, stray quotes and binary data.
 * SPDX-License-Identifier: MIT
 */
#include <stdlib.h>
#include <string.h>

#include "fazhi/csv.h"
#include "fazhi/util.h"
#include "fazhi/banned.h"

void
csv_release(struct csv *c)
{
	size_t	 i;

	if (c == NULL)
		return;
	for (i = 0; i < c->nrows; i++)
		strv_free(c->rows[i].f, c->rows[i].n);
	free(c->rows);
	memset(c, 0, sizeof(*c));
}

static int
has_multibyte(const char *s, size_t lim)
{
	size_t		 i;
	uint32_t	 cp;

	for (i = 0; i < lim; i++)
		if ((unsigned char)s[i] >= 0x80 &&
		    utf8_decode(s + i, lim - i, &cp) > 1)
			return 1;
	return 0;
}

enum fz_err
csv_parse(const char *data, size_t len, struct csv *c, struct diags *dg)
{
	struct buf	 conv = BUF_INIT, field = BUF_INIT;
	struct csv_row	*row = NULL;
	size_t		 i, bad;
	int		 line = 1, quoted = 0, qline = 0, after_quote = 0;
	enum fz_err	 rc = FZ_EFORMAT;

	memset(c, 0, sizeof(*c));
	c->encoding = "UTF-8";
	if (len > CSV_MAX_BYTES) {
		diags_error(dg, 0, 0, "too_big", "文件过大（%zu 字节），上限为 "
		    "%u 字节", len, CSV_MAX_BYTES);
		return FZ_ETOOBIG;
	}
	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0) {
		data += 3;
		len -= 3;
	}
	for (i = 0; i < len; i++)
		if (data[i] == '\0') {
			diags_error(dg, text_lineno(data, i), 0, "binary",
			    "第 %d 行含有二进制数据，不是 CSV 文本文件",
			    text_lineno(data, i));
			goto out;
		}
	if (!utf8_valid(data, len, &bad)) {
		if (has_multibyte(data, bad) ||
		    text_from_gb18030(data, len, &conv) != FZ_OK) {
			diags_error(dg, text_lineno(data, bad), 0,
			    "bad_encoding", "第 %d 行既不是 UTF-8 也不是 GB18030 "
			    "编码", text_lineno(data, bad));
			goto out;
		}
		data = conv.ptr;
		len = conv.len;
		c->encoding = "GB18030";
	}
	for (i = 0; i <= len; i++) {
		char ch = i < len ? data[i] : '\n';

		if (row == NULL) {
			if (i == len)
				break;
			VEC_GROW(c->rows, c->nrows, c->cap);
			row = &c->rows[c->nrows++];
			memset(row, 0, sizeof(*row));
			row->line = line;
		}
		if (quoted) {
			if (i == len) {
				diags_error(dg, qline, 0, "unclosed_quote",
				    "第 %d 行的引号没有闭合", qline);
				goto out;
			}
			if (ch == '"') {
				if (i + 1 < len && data[i + 1] == '"') {
					buf_addch(&field, '"');
					i++;
				} else {
					quoted = 0;
					after_quote = 1;
				}
				continue;
			}
			if (ch == '\n')
				line++;
			buf_addch(&field, ch);
			continue;
		}
		if (ch == '"' && field.len == 0 && !after_quote) {
			quoted = 1;
			qline = line;
			continue;
		}
		if (ch == ',' || ch == '\n' || (ch == '\r' && i + 1 < len &&
		    data[i + 1] == '\n')) {
			if (ch == '\r')
				i++;
			strv_add(&row->f, &row->n, field.ptr);
			buf_reset(&field);
			after_quote = 0;
			if (ch != ',') {
				line++;
				row = NULL;
			}
			continue;
		}
		if (after_quote || ch == '"') {
			diags_error(dg, line, 0, "stray_quote",
			    "第 %d 行：引号位置不正确（字段中的引号须写成两个"
			    "引号，并用引号括起整个字段）", line);
			goto out;
		}
		buf_addch(&field, ch);
	}
	/* Drop blank lines: a record of one empty field. */
	{
		size_t j, k = 0;

		for (j = 0; j < c->nrows; j++) {
			if (c->rows[j].n == 1 && c->rows[j].f[0][0] == '\0') {
				strv_free(c->rows[j].f, c->rows[j].n);
				continue;
			}
			c->rows[k++] = c->rows[j];
		}
		c->nrows = k;
	}
	rc = FZ_OK;
out:
	if (rc != FZ_OK)
		csv_release(c);
	buf_release(&conv);
	buf_release(&field);
	return rc;
}
