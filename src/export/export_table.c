/*
 * export_table.c: a table of cell texts with one header row, as CSV (UTF-8
 * with BOM so Excel and WPS open it, RFC 4180 quoting, a leading = + - @
 * defused) or XLSX (libxlsxwriter: dates as Excel dates in yyyy-mm-dd,
 * integers as numbers, text as text). The registries export their records
 * this way, in the columns their import reads.
 * SPDX-License-Identifier: MIT
 */
#include <stdlib.h>
#include <string.h>

#include <xlsxwriter.h>

#include "fazhi/export.h"
#include "fazhi/util.h"
#include "fazhi/banned.h"

static void
field(struct buf *b, const char *s)
{
	buf_addch(b, '"');
	if (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@')
		buf_addch(b, '\'');
	for (; *s != '\0'; s++) {
		if (*s == '"')
			buf_addch(b, '"');
		buf_addch(b, *s);
	}
	buf_addch(b, '"');
}

enum fz_err
export_table_csv(const struct export_table *t, struct buf *out)
{
	size_t	 r, c;

	buf_addstr(out, "\xef\xbb\xbf");
	for (c = 0; c < t->ncols; c++) {
		if (c > 0)
			buf_addch(out, ',');
		buf_addstr(out, t->headers[c]);
	}
	buf_addstr(out, "\r\n");
	for (r = 0; r < t->nrows; r++) {
		for (c = 0; c < t->ncols; c++) {
			if (c > 0)
				buf_addch(out, ',');
			field(out, t->cells[r * t->ncols + c]);
		}
		buf_addstr(out, "\r\n");
	}
	return FZ_OK;
}

/* A plain decimal ("-12", "87.50"): digits, at most one point. */
static int
dec_parse(const char *s, double *d)
{
	const char	*p = s;
	char		*end;
	int		 digits = 0, points = 0;

	if (*p == '-')
		p++;
	for (; *p != '\0'; p++)
		if (*p >= '0' && *p <= '9')
			digits++;
		else if (*p == '.' && points++ == 0)
			continue;
		else
			return 0;
	if (digits == 0 || digits > 15)
		return 0;
	*d = strtod(s, &end);
	return *end == '\0';
}

enum fz_err
export_table_xlsx(const struct export_table *t, const char *path,
    struct buf *err)
{
	lxw_workbook_options	 wo = { .constant_memory = LXW_FALSE,
				    .tmpdir = NULL };
	lxw_workbook		*wb;
	lxw_worksheet		*ws;
	lxw_format		*head, *text, *date, *dec2;
	lxw_error		 e;
	size_t			 r, c;

	if ((wb = workbook_new_opt(path, &wo)) == NULL) {
		buf_addf(err, "无法创建“%s”", path);
		return FZ_EIO;
	}
	ws = workbook_add_worksheet(wb, t->sheet);
	head = workbook_add_format(wb);
	format_set_bold(head);
	format_set_border(head, LXW_BORDER_THIN);
	format_set_bg_color(head, 0xD9D9D9);
	format_set_font_name(head, "宋体");
	text = workbook_add_format(wb);
	format_set_border(text, LXW_BORDER_THIN);
	format_set_font_name(text, "宋体");
	format_set_num_format(text, "@");
	date = workbook_add_format(wb);
	format_set_border(date, LXW_BORDER_THIN);
	format_set_font_name(date, "宋体");
	format_set_num_format(date, "yyyy-mm-dd");
	dec2 = workbook_add_format(wb);
	format_set_border(dec2, LXW_BORDER_THIN);
	format_set_font_name(dec2, "宋体");
	format_set_num_format(dec2, "0.00");
	for (c = 0; c < t->ncols; c++) {
		worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c,
		    t->widths ? t->widths[c] : 16, NULL);
		worksheet_write_string(ws, 0, (lxw_col_t)c, t->headers[c],
		    head);
	}
	for (r = 0; r < t->nrows; r++) {
		for (c = 0; c < t->ncols; c++) {
			const char *s = t->cells[r * t->ncols + c];
			lxw_row_t row = (lxw_row_t)(r + 1);
			long days, y;
			long long n;
			double d;

			if (*s == '\0')
				worksheet_write_blank(ws, row, (lxw_col_t)c,
				    t->kinds[c] == EXPORT_COL_DATE ? date :
				    text);
			else if (t->kinds[c] == EXPORT_COL_DATE &&
			    date_days(s, &days) == FZ_OK) {
				lxw_datetime dt = { 0, 0, 0, 0, 0, 0 };

				y = strtol(s, NULL, 10);
				dt.year = (int)y;
				dt.month = (int)strtol(s + 5, NULL, 10);
				dt.day = (int)strtol(s + 8, NULL, 10);
				worksheet_write_datetime(ws, row, (lxw_col_t)c,
				    &dt, date);
			} else if (t->kinds[c] == EXPORT_COL_INT &&
			    str_toint(s, -1000000000LL, 1000000000LL, &n) ==
			    FZ_OK)
				worksheet_write_number(ws, row, (lxw_col_t)c,
				    (double)n, NULL);
			else if (t->kinds[c] == EXPORT_COL_DEC2 &&
			    dec_parse(s, &d))
				worksheet_write_number(ws, row, (lxw_col_t)c,
				    d, dec2);
			else
				worksheet_write_string(ws, row, (lxw_col_t)c, s,
				    text);
		}
	}
	worksheet_freeze_panes(ws, 1, 0);
	if ((e = workbook_close(wb)) != LXW_NO_ERROR) {
		buf_addf(err, "写入“%s”失败：%s", path, lxw_strerror(e));
		return FZ_EIO;
	}
	return FZ_OK;
}
