/*
 * export.c: the 任务分工表 of a plan as XLSX (libxlsxwriter), CSV (UTF-8
 * with BOM, RFC 4180 quoting, formula-like cells defused) and Markdown.
 * One row per task: 序号, 任务, 牵头单位, 责任单位, 指标, 时限; the units
 * are written as the document states them, 待明确 marked.
 * SPDX-License-Identifier: MIT
 */
#include <stdlib.h>
#include <string.h>

#include <xlsxwriter.h>

#include "fazhi/export.h"
#include "fazhi/util.h"
#include "fazhi/banned.h"

static const char *const headers[] = {
	"序号", "任务", "牵头单位", "责任单位", "指标", "时限",
};
#define NCOLS	(sizeof(headers) / sizeof(headers[0]))

int
export_format_parse(const char *s, enum export_format *f)
{
	if (str_eq(s, "xlsx"))
		*f = EXPORT_XLSX;
	else if (str_eq(s, "csv"))
		*f = EXPORT_CSV;
	else if (str_eq(s, "md") || str_eq(s, "markdown"))
		*f = EXPORT_MD;
	else
		return 0;
	return 1;
}

static char *
refs_text(const struct task *t, enum ref_role role)
{
	struct buf	 b = BUF_INIT;
	size_t		 i;

	for (i = 0; i < t->nrefs[role]; i++) {
		const struct unit_ref *r = &t->refs[role][i];

		if (i > 0)
			buf_addstr(&b, "，");
		buf_addstr(&b, r->phrase);
		if (r->kind == REF_DESIGNATE)
			buf_addstr(&b, "（待明确）");
		else if (r->kind == REF_UNKNOWN)
			buf_addstr(&b, "（未识别）");
	}
	return buf_detach(&b, NULL);
}

static void
ind_text(struct buf *b, const struct indicator *in)
{
	if (in->name != NULL)
		buf_addf(b, "%s：", in->name);
	if (in->kind == IND_DEADLINE)
		buf_addf(b, "%s前完成（%s）", in->target_date, in->phrase);
	else
		buf_addf(b, "%s%g%s（%s）", str_eq(in->comparator, ">=") ? "≥" :
		    str_eq(in->comparator, "<=") ? "≤" : "=", in->target,
		    in->unit ? in->unit : "", in->phrase);
}

void
export_row_make(const struct plan *p, const struct task *t,
    struct export_row *r)
{
	struct buf	 b = BUF_INIT;
	size_t		 i;

	(void)p;
	memset(r, 0, sizeof(*r));
	buf_addf(&b, "%d", t->number);
	r->no = buf_detach(&b, NULL);
	r->task = xstrdup(t->text ? t->text : "");
	r->lead = refs_text(t, ROLE_LEAD);
	r->resp = refs_text(t, ROLE_RESP);
	for (i = 0; i < t->ninds; i++) {
		if (i > 0)
			buf_addstr(&b, "；");
		ind_text(&b, &t->inds[i]);
	}
	r->indicators = buf_detach(&b, NULL);
	if (t->deadline_text != NULL)
		buf_addstr(&b, t->deadline_text);
	else
		for (i = 0; i < t->ninds; i++)
			if (t->inds[i].kind == IND_DEADLINE) {
				buf_addstr(&b, t->inds[i].phrase);
				break;
			}
	r->deadline = buf_detach(&b, NULL);
}

void
export_row_release(struct export_row *r)
{
	if (r == NULL)
		return;
	free(r->no);
	free(r->task);
	free(r->lead);
	free(r->resp);
	free(r->indicators);
	free(r->deadline);
	memset(r, 0, sizeof(*r));
}

static const char *
row_cell(const struct export_row *r, size_t c)
{
	const char *const v[NCOLS] = {
		r->no, r->task, r->lead, r->resp, r->indicators, r->deadline
	};

	return v[c];
}

/* One CSV field; a leading = + - @ is quoted away from formula use. */
static void
csv_field(struct buf *b, const char *s)
{
	int	 formula = s[0] == '=' || s[0] == '+' || s[0] == '-' ||
	    s[0] == '@';

	buf_addch(b, '"');
	if (formula)
		buf_addch(b, '\'');
	for (; *s != '\0'; s++) {
		if (*s == '"')
			buf_addch(b, '"');
		buf_addch(b, *s);
	}
	buf_addch(b, '"');
}

enum fz_err
export_csv(const struct plan *p, struct buf *out)
{
	struct export_row	 r;
	size_t			 i, c;

	buf_addstr(out, "\xef\xbb\xbf");
	for (c = 0; c < NCOLS; c++) {
		if (c > 0)
			buf_addch(out, ',');
		buf_addstr(out, headers[c]);
	}
	buf_addstr(out, "\r\n");
	for (i = 0; i < p->ntasks; i++) {
		export_row_make(p, &p->tasks[i], &r);
		for (c = 0; c < NCOLS; c++) {
			if (c > 0)
				buf_addch(out, ',');
			csv_field(out, row_cell(&r, c));
		}
		buf_addstr(out, "\r\n");
		export_row_release(&r);
	}
	return FZ_OK;
}

/* A Markdown table cell: | escaped, line breaks as spaces. */
static void
md_cell(struct buf *b, const char *s)
{
	for (; *s != '\0'; s++) {
		if (*s == '|')
			buf_addstr(b, "\\|");
		else if (*s == '\n' || *s == '\r')
			buf_addch(b, ' ');
		else
			buf_addch(b, *s);
	}
}

enum fz_err
export_md(const struct plan *p, struct buf *out)
{
	struct export_row	 r;
	size_t			 i, c, s;

	buf_addf(out, "# %s任务分工表\n\n", p->title);
	if (p->doc_no != NULL)
		buf_addf(out, "文号：%s\n\n", p->doc_no);
	for (s = 0; s < p->nsections; s++) {
		int n = 0;

		for (i = 0; i < p->ntasks; i++)
			if (p->tasks[i].section == p->sections[s].order)
				n++;
		if (n == 0)
			continue;
		buf_addf(out, "## %s、%s\n\n", p->sections[s].numeral,
		    p->sections[s].title);
		buf_addstr(out, "|");
		for (c = 0; c < NCOLS; c++)
			buf_addf(out, " %s |", headers[c]);
		buf_addstr(out, "\n|");
		for (c = 0; c < NCOLS; c++)
			buf_addstr(out, "---|");
		buf_addch(out, '\n');
		for (i = 0; i < p->ntasks; i++) {
			if (p->tasks[i].section != p->sections[s].order)
				continue;
			export_row_make(p, &p->tasks[i], &r);
			buf_addch(out, '|');
			for (c = 0; c < NCOLS; c++) {
				buf_addch(out, ' ');
				md_cell(out, row_cell(&r, c));
				buf_addstr(out, " |");
			}
			buf_addch(out, '\n');
			export_row_release(&r);
		}
		buf_addch(out, '\n');
	}
	return FZ_OK;
}

/*
 * Lines a cell needs at a column width (in Excel's character units, where
 * a Chinese character takes two). Excel does not size rows of wrapped text
 * in files it did not write, and LibreOffice and WPS follow the file.
 */
static int
cell_lines(const char *s, double width)
{
	double		 units = 0, per = width > 2 ? width - 1 : 1;
	int		 lines = 1;
	uint32_t	 cp;
	size_t		 w, n = strlen(s);

	while (n > 0 && (w = utf8_decode(s, n, &cp)) > 0) {
		if (cp == '\n') {
			lines += (int)(units / per);
			lines++;
			units = 0;
		} else
			units += cp >= 0x2e80 ? 2.0 : 1.1;
		s += w;
		n -= w;
	}
	return lines + (int)(units / per);
}

enum fz_err
export_xlsx(const struct plan *p, const char *path, struct buf *err)
{
	static const double widths[NCOLS] = { 6, 70, 24, 30, 30, 14 };
	lxw_workbook_options	 wo = { .constant_memory = LXW_FALSE,
				    .tmpdir = NULL };
	lxw_workbook		*wb;
	lxw_worksheet		*ws;
	lxw_format		*title, *head, *cell, *center;
	lxw_error		 e;
	struct export_row	 r;
	struct buf		 t = BUF_INIT;
	size_t			 i, c;
	lxw_row_t		 row = 2;

	if ((wb = workbook_new_opt(path, &wo)) == NULL) {
		buf_addf(err, "无法创建“%s”", path);
		return FZ_EIO;
	}
	ws = workbook_add_worksheet(wb, "任务分工表");
	title = workbook_add_format(wb);
	format_set_bold(title);
	format_set_font_size(title, 16);
	format_set_align(title, LXW_ALIGN_CENTER);
	format_set_align(title, LXW_ALIGN_VERTICAL_CENTER);
	format_set_font_name(title, "宋体");
	head = workbook_add_format(wb);
	format_set_bold(head);
	format_set_border(head, LXW_BORDER_THIN);
	format_set_align(head, LXW_ALIGN_CENTER);
	format_set_align(head, LXW_ALIGN_VERTICAL_CENTER);
	format_set_bg_color(head, 0xD9D9D9);
	format_set_font_name(head, "宋体");
	cell = workbook_add_format(wb);
	format_set_text_wrap(cell);
	format_set_border(cell, LXW_BORDER_THIN);
	format_set_align(cell, LXW_ALIGN_VERTICAL_TOP);
	format_set_font_name(cell, "宋体");
	center = workbook_add_format(wb);
	format_set_border(center, LXW_BORDER_THIN);
	format_set_align(center, LXW_ALIGN_CENTER);
	format_set_align(center, LXW_ALIGN_VERTICAL_TOP);
	format_set_font_name(center, "宋体");

	buf_addf(&t, "%s任务分工表", p->title);
	worksheet_merge_range(ws, 0, 0, 0, NCOLS - 1, t.ptr, title);
	worksheet_set_row(ws, 0, 30, NULL);
	for (c = 0; c < NCOLS; c++) {
		worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, widths[c],
		    NULL);
		worksheet_write_string(ws, 1, (lxw_col_t)c, headers[c], head);
	}
	for (i = 0; i < p->ntasks; i++, row++) {
		int lines = 1;

		export_row_make(p, &p->tasks[i], &r);
		worksheet_write_number(ws, row, 0, p->tasks[i].number, center);
		for (c = 1; c < NCOLS; c++) {
			int n = cell_lines(row_cell(&r, c), widths[c]);

			if (n > lines)
				lines = n;
			worksheet_write_string(ws, row, (lxw_col_t)c,
			    row_cell(&r, c), cell);
		}
		worksheet_set_row(ws, row, 15.0 * lines + 3, NULL);
		export_row_release(&r);
	}
	worksheet_freeze_panes(ws, 2, 0);
	worksheet_repeat_rows(ws, 1, 1);
	worksheet_set_landscape(ws);
	worksheet_set_paper(ws, 9);	/* A4 */
	worksheet_fit_to_pages(ws, 1, 0);
	if (p->doc_no != NULL) {
		static char author[] = "fazhi";
		lxw_doc_properties props = { 0 };

		props.title = t.ptr;
		props.subject = p->doc_no;
		props.author = author;
		workbook_set_properties(wb, &props);
	}
	if ((e = workbook_close(wb)) != LXW_NO_ERROR) {
		buf_addf(err, "写入“%s”失败：%s", path, lxw_strerror(e));
		buf_release(&t);
		return FZ_EIO;
	}
	buf_release(&t);
	return FZ_OK;
}
