/*
 * plan_parse.c: the second stage of the importer. From paragraphs, find
 * the wrapper (红头, 文号, 通知 title, 主送, signature, 公开 flag, 抄送),
 * the plan title and preamble, the sections and the numbered tasks; repair
 * page breaks by joining continuation paragraphs; split each task into its
 * text, measures and unit annotation; read tables of tasks.
 * SPDX-License-Identifier: MIT
 */
#include <stdlib.h>
#include <string.h>

#include "fazhi/import.h"
#include "fazhi/util.h"
#include "import-int.h"
#include "fazhi/banned.h"

enum label_kind {
	LABEL_NONE = 0,
	LABEL_ARABIC,		/* 1. 1、 1． */
	LABEL_PAREN,		/* （一） */
};

/* Column roles in a table of tasks. */
enum col {
	COL_NO, COL_TASK, COL_LEAD, COL_RESP, COL_DEADLINE, COL__MAX
};

struct parser {
	const struct paras	*ps;
	struct plan		*p;
	struct diags		*dg;
	enum label_kind		 mode;
	struct task		*cur;		/* the open task, or NULL */
	struct buf		 body;		/* its text as joined */
	struct buf		 ann;		/* annotation lines */
	int			 cur_closed;	/* annotation seen */
	int			 section_tasks;	/* current section carries tasks */
	int			 col[COL__MAX];	/* table columns, -1 if none */
	int			 in_tail;	/* after 抄送 / 印发 */
	char			*title_hint;	/* from 《…》 in the notice */
	char			*portal_issuer;
	char			*portal_doc_no;
	int			 last_label;	/* last arabic label number */
};

/* Section titles that carry requirements, not tasks. */
static const char *const prose_sections[] = {
	"总体要求", "指导思想", "基本原则", "工作目标", "主要目标",
	"总体目标", "目标要求",
};

static int
is_prose_section(const char *title)
{
	size_t	 i;

	for (i = 0; i < sizeof(prose_sections) / sizeof(prose_sections[0]);
	    i++)
		if (strstr(title, prose_sections[i]) == title)
			return 1;
	return 0;
}

/* "一、标题": the numeral and where the title starts, or 0. */
static int
section_heading(const char *s, char **numeral, const char **title)
{
	size_t		 len, w;
	const char	*t;
	uint32_t	 cp;
	size_t		 nchars = 0;

	if (imp_cn_number(s, &len) < 0)
		return 0;
	t = s + len;
	if ((t = imp_skip(t, "、")) == NULL)
		return 0;
	while (*t == ' ')
		t++;
	if (*t == '\0')
		return 0;
	/* A heading is short and is not a sentence. */
	for (const char *q = t; *q != '\0'; q += w) {
		cp = imp_cp(q, &w);
		if (cp == 0x3002 && q[w] != '\0')
			return 0;
		nchars++;
	}
	if (nchars > 50)
		return 0;
	*numeral = xstrndup(s, len);
	*title = t;
	return 1;
}

/* The task label at the start of s: its kind, length and number. */
static enum label_kind
task_label(const char *s, size_t *plen, int *num)
{
	size_t		 len, w;
	int		 v;
	uint32_t	 cp;
	const char	*t;

	if ((v = imp_digits(s, &len)) >= 0) {
		cp = imp_cp(s + len, &w);
		if (cp != '.' && cp != 0xff0e && cp != 0x3001)
			return LABEL_NONE;
		t = s + len + w;
		cp = imp_cp(t, &w);
		if (cp >= '0' && cp <= '9')
			return LABEL_NONE;	/* 1.5 */
		*plen = (size_t)(t - s);
		*num = v;
		return LABEL_ARABIC;
	}
	cp = imp_cp(s, &w);
	if (cp == 0xff08 || cp == '(') {
		t = s + w;
		if ((v = imp_cn_number(t, &len)) < 0)
			return LABEL_NONE;
		cp = imp_cp(t + len, &w);
		if (cp != 0xff09 && cp != ')')
			return LABEL_NONE;
		*plen = (size_t)(t + len + w - s);
		*num = v;
		return LABEL_PAREN;
	}
	return LABEL_NONE;
}

/* A line that is only a unit annotation: 牵头单位：… or 责任单位：… */
static int
is_annotation_line(const char *s)
{
	size_t		 w;
	uint32_t	 cp = imp_cp(s, &w);
	const char	*t = s;

	if (imp_is_open(cp))
		t = s + w;
	while (*t == ' ')
		t++;
	return imp_skip(t, "牵头单位") != NULL ||
	    imp_skip(t, "责任单位") != NULL ||
	    imp_skip(t, "配合单位") != NULL ||
	    imp_skip(t, "协办单位") != NULL ||
	    imp_skip(t, "主责单位") != NULL;
}

/* YYYY年M月D日 as the whole line: ISO date into out[11]. */
static int
date_line(const char *s, char out[11], const char **rest)
{
	size_t	 len;
	int	 y, m, d;

	while (*s == ' ')
		s++;
	if ((y = imp_digits(s, &len)) < 1900 || y > 2999 || len != 4)
		return 0;
	s += len;
	while (*s == ' ')
		s++;
	if ((s = imp_skip(s, "年")) == NULL)
		return 0;
	while (*s == ' ')
		s++;
	if ((m = imp_digits(s, &len)) < 1 || m > 12)
		return 0;
	s += len;
	while (*s == ' ')
		s++;
	if ((s = imp_skip(s, "月")) == NULL)
		return 0;
	while (*s == ' ')
		s++;
	if ((d = imp_digits(s, &len)) < 1 || d > 31)
		return 0;
	s += len;
	while (*s == ' ')
		s++;
	if ((s = imp_skip(s, "日")) == NULL)
		return 0;
	snprintf(out, 11, "%04d-%02d-%02d", y, m, d);
	if (rest != NULL)
		*rest = s;
	else if (*s != '\0')
		return 0;
	return 1;
}

/*
 * A 文号 such as 莘政办发〔2022〕5号, alone on the line: normalised to
 * 〔〕 brackets, or NULL.
 */
static int
docno_open(uint32_t cp)
{
	return cp == 0x3014 || cp == '[' || cp == 0xff3b || cp == 0x3010 ||
	    cp == '(' || cp == 0xff08 || cp == 0x3008 || cp == 0x3016;
}

static int
docno_close(uint32_t cp)
{
	return cp == 0x3015 || cp == ']' || cp == 0xff3d || cp == 0x3011 ||
	    cp == ')' || cp == 0xff09 || cp == 0x3009 || cp == 0x3017;
}

static char *
doc_number(const char *s)
{
	const char	*q, *t;
	size_t		 w = 0, len;
	uint32_t	 cp = 0;
	struct buf	 b = BUF_INIT;
	int		 year, n;

	for (q = s; *q != '\0'; q += w) {
		cp = imp_cp(q, &w);
		if (cp == ' ' || cp == 0x3000)
			return NULL;
		if (docno_open(cp))
			break;
	}
	if (*q == '\0' || q == s)
		return NULL;
	t = q + w;
	year = imp_digits(t, &len);
	if (year < 1900 || year > 2999 || len != 4)
		return NULL;
	t += len;
	cp = imp_cp(t, &w);
	if (!docno_close(cp))
		return NULL;
	t += w;
	if ((n = imp_digits(t, &len)) < 0)
		return NULL;
	t += len;
	if (!str_eq(t, "号"))
		return NULL;
	buf_add(&b, s, (size_t)(q - s));
	buf_addf(&b, "〔%d〕%d号", year, n);
	return buf_detach(&b, NULL);
}

static char *
strip_colon(const char *s)
{
	struct buf	 b = BUF_INIT;

	buf_addstr(&b, s);
	buf_trim(&b);
	if (str_endswith(b.ptr, "："))
		buf_truncate(&b, b.len - strlen("："));
	else if (str_endswith(b.ptr, ":"))
		buf_truncate(&b, b.len - 1);
	if (str_endswith(b.ptr, "。"))
		buf_truncate(&b, b.len - strlen("。"));
	buf_trim(&b);
	return buf_detach(&b, NULL);
}

static int
is_public_line(const char *s, int *pub)
{
	struct buf	 b = BUF_INIT;
	int		 r = 1;

	imp_fullwidth(&b, s);
	if (str_eq(b.ptr, "（此件公开发布）") ||
	    str_eq(b.ptr, "（此件主动公开）"))
		*pub = 1;
	else if (str_eq(b.ptr, "（此件不公开）") ||
	    str_eq(b.ptr, "（此件依申请公开）") ||
	    str_eq(b.ptr, "（此件不予公开）"))
		*pub = 0;
	else
		r = 0;
	buf_release(&b);
	return r;
}

/* Portal metadata "索引号：…" lines: the value for the keys we use. */
static int
portal_line(struct parser *ps, const char *s)
{
	static const char *const keys[] = {
		"索引号", "发布机构", "发文机关", "发文日期", "成文日期",
		"发布日期", "主题分类", "文号", "发文字号", "标题",
		"有效性", "公开方式", "信息来源", "组配分类", "体裁分类",
	};
	const char	*v = NULL;
	size_t		 i;

	for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		const char *t = imp_skip(s, keys[i]);

		if (t == NULL)
			continue;
		while (*t == ' ')
			t++;
		if ((v = imp_skip(t, "：")) == NULL &&
		    (v = imp_skip(t, ":")) == NULL)
			continue;
		while (*v == ' ')
			v++;
		if (*v == '\0')
			return 0;
		if ((i == 1 || i == 2) && ps->portal_issuer == NULL)
			ps->portal_issuer = xstrdup(v);
		if ((i == 7 || i == 8) && ps->portal_doc_no == NULL)
			ps->portal_doc_no = doc_number(v);
		return 1;
	}
	return 0;
}

static int
looks_like_title(const char *s)
{
	size_t		 n = 0, w;
	const char	*q;

	if (strstr(s, "关于") != NULL || str_endswith(s, "。") ||
	    str_endswith(s, "：") || str_endswith(s, ":") ||
	    str_startswith(s, "《"))
		return 0;
	for (q = s; *q != '\0'; q += w) {
		imp_cp(q, &w);
		n++;
	}
	if (n > 60)
		return 0;
	return strstr(s, "计划") || strstr(s, "方案") || strstr(s, "要点") ||
	    strstr(s, "清单") || strstr(s, "安排") || strstr(s, "任务");
}

/* The title inside 《…》 of the notice body. */
static char *
bracket_title(const char *s)
{
	const char	*a = strstr(s, "《"), *b;

	if (a == NULL)
		return NULL;
	a += strlen("《");
	if ((b = strstr(a, "》")) == NULL)
		return NULL;
	return xstrndup(a, (size_t)(b - a));
}

static void
parse_wrapper(struct parser *ps, size_t end)
{
	struct plan	*p = ps->p;
	char		 date[11];
	char		*dn;
	size_t		 i;
	int		 pub;

	for (i = 0; i < end; i++) {
		const struct para	*pa = &ps->ps->v[i];
		const char		*s = pa->text;

		if (pa->kind != PARA_TEXT)
			continue;
		if (p->doc_no == NULL && p->issuer == NULL &&
		    portal_line(ps, s))
			continue;
		if (p->doc_no == NULL && (dn = doc_number(s)) != NULL) {
			p->doc_no = dn;
			continue;
		}
		if (p->issuer == NULL && p->doc_no == NULL &&
		    str_endswith(s, "文件")) {
			char *t = xstrndup(s, strlen(s) - strlen("文件"));

			p->issuer = imp_squeeze(t);
			free(t);
			continue;
		}
		if (p->notice_title == NULL && strstr(s, "关于") != NULL &&
		    str_endswith(s, "通知")) {
			p->notice_title = imp_squeeze(s);
			continue;
		}
		if (p->recipients == NULL && p->notice_title != NULL &&
		    (str_endswith(s, "：") || str_endswith(s, ":"))) {
			p->recipients = strip_colon(s);
			continue;
		}
		if (ps->title_hint == NULL && strstr(s, "印发") != NULL)
			ps->title_hint = bracket_title(s);
		if (p->issue_date == NULL && date_line(s, date, NULL)) {
			p->issue_date = xstrdup(date);
			continue;
		}
		if (is_public_line(s, &pub)) {
			p->is_public = pub;
			continue;
		}
	}
	if (p->issuer == NULL && ps->portal_issuer != NULL)
		p->issuer = xstrdup(ps->portal_issuer);
	if (p->doc_no == NULL && ps->portal_doc_no != NULL)
		p->doc_no = xstrdup(ps->portal_doc_no);
}

/* Tail lines: 抄送 and 印发. Returns 1 if s was one. */
static int
tail_line(struct parser *ps, const char *s)
{
	const char	*t;
	char		 date[11];
	const char	*rest;

	if ((t = imp_skip(s, "抄送")) != NULL) {
		while (*t == ' ')
			t++;
		if ((t = imp_skip(t, "：")) != NULL ||
		    (t = imp_skip(s + strlen("抄送"), ":")) != NULL) {
			free(ps->p->cc);
			ps->p->cc = strip_colon(t);
			ps->in_tail = 1;
			return 1;
		}
	}
	if (str_endswith(s, "印发")) {
		const char *q;

		for (q = s; *q != '\0'; q++)
			if (date_line(q, date, &rest) && str_eq(rest, "印发")) {
				ps->in_tail = 1;
				return 1;
			}
	}
	return 0;
}

/* Split a unit list at 、 and ，outside brackets into phrases. */
static void
add_phrases(struct task *t, enum ref_role role, const char *s)
{
	struct buf	 ph = BUF_INIT;
	const char	*q = s;
	size_t		 w;
	uint32_t	 cp;
	int		 depth = 0;

	for (;;) {
		cp = imp_cp(q, &w);
		if (w == 0 || (depth == 0 && (cp == 0x3001 || cp == 0xff0c ||
		    cp == ',' || cp == 0xff1b || cp == ';'))) {
			char *n = import_unit_phrase_norm(ph.ptr);

			if (*n != '\0') {
				struct unit_ref *r = task_ref_new(t, role);

				r->phrase = n;
				r->kind = REF_UNKNOWN;
			} else
				free(n);
			buf_reset(&ph);
			if (w == 0)
				break;
			q += w;
			continue;
		}
		if (imp_is_open(cp))
			depth++;
		else if (imp_is_close(cp) && depth > 0)
			depth--;
		buf_add(&ph, q, w);
		q += w;
	}
	buf_release(&ph);
}

/* Words that end a unit list without naming a unit. */
static const char *const tails[] = {
	"按职责分工分别负责", "按职责分工负责", "按职责分别负责",
	"按职责分工落实", "按照职责分工负责", "分别负责", "共同负责",
	"负责落实", "配合", "参与", "负责", "落实",
};

static void
strip_tails(struct buf *b)
{
	size_t	 i;
	int	 again = 1;

	while (again) {
		again = 0;
		buf_trim(b);
		if (str_endswith(b->ptr, "。") || str_endswith(b->ptr, "；") ||
		    str_endswith(b->ptr, "，")) {
			buf_truncate(b, b->len - 3);
			again = 1;
			continue;
		}
		if (str_endswith(b->ptr, ".") || str_endswith(b->ptr, ";") ||
		    str_endswith(b->ptr, ",")) {
			buf_truncate(b, b->len - 1);
			again = 1;
			continue;
		}
		for (i = 0; i < sizeof(tails) / sizeof(tails[0]); i++)
			if (str_endswith(b->ptr, tails[i])) {
				buf_truncate(b, b->len - strlen(tails[i]));
				again = 1;
				break;
			}
	}
}

static void
add_segment(struct task *t, enum ref_role role, const char *s, size_t n)
{
	struct buf	 b = BUF_INIT;

	buf_add(&b, s, n);
	strip_tails(&b);
	add_phrases(t, role, b.ptr);
	buf_release(&b);
}

/*
 * Parse an annotation: 〔牵头单位：A、B；责任单位：C，D〕, its half-width
 * spelling, separate 牵头单位/责任单位 lines, or （A牵头，B按职责分工负责）.
 */
static void
parse_annotation(struct task *t, const char *ann)
{
	static const struct {
		const char	*key;
		enum ref_role	 role;
	} keys[] = {
		{ "牵头单位：", ROLE_LEAD }, { "主责单位：", ROLE_LEAD },
		{ "责任单位：", ROLE_RESP }, { "配合单位：", ROLE_RESP },
		{ "协办单位：", ROLE_RESP }, { "参与单位：", ROLE_RESP },
	};
	struct buf	 b = BUF_INIT, inner = BUF_INIT;
	const char	*s, *hit[6], *q;
	size_t		 i, j, w, n;
	uint32_t	 cp;
	int		 any = 0;

	imp_fullwidth(&b, ann);
	buf_trim(&b);
	s = b.ptr;
	/* Strip one pair of outer brackets. */
	cp = imp_cp(s, &w);
	if (imp_is_open(cp)) {
		buf_addstr(&inner, s + w);
		buf_trim(&inner);
		n = inner.len;
		for (q = inner.ptr + n; q > inner.ptr;) {
			size_t k = 1;

			while (q - k > inner.ptr &&
			    ((unsigned char)q[-(long)k] & 0xc0) == 0x80)
				k++;
			if (imp_is_close(imp_cp(q - k, &w)) &&
			    q == inner.ptr + n)
				buf_truncate(&inner, n - k);
			break;
		}
	} else
		buf_addstr(&inner, s);
	s = inner.ptr;

	for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		hit[i] = strstr(s, keys[i].key);
		if (hit[i] != NULL)
			any = 1;
	}
	if (any) {
		for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
			const char *start, *end = s + strlen(s);

			if (hit[i] == NULL)
				continue;
			start = hit[i] + strlen(keys[i].key);
			for (j = 0; j < sizeof(keys) / sizeof(keys[0]); j++)
				if (hit[j] != NULL && hit[j] > hit[i] &&
				    hit[j] < end)
					end = hit[j];
			add_segment(t, keys[i].role, start,
			    (size_t)(end - start));
		}
		goto out;
	}
	/* （A牵头，B按职责分工负责） */
	if ((q = strstr(s, "牵头")) != NULL) {
		add_segment(t, ROLE_LEAD, s, (size_t)(q - s));
		q += strlen("牵头");
		while (imp_skip(q, "，") || imp_skip(q, "、"))
			q += 3;
		if (*q != '\0')
			add_segment(t, ROLE_RESP, q, strlen(q));
		goto out;
	}
	add_segment(t, ROLE_RESP, s, strlen(s));
out:
	buf_release(&b);
	buf_release(&inner);
}

/* Does the bracketed text name units (an annotation)? */
static int
is_annotation_text(const char *s)
{
	return strstr(s, "牵头") != NULL || strstr(s, "责任单位") != NULL ||
	    strstr(s, "配合单位") != NULL || strstr(s, "按职责") != NULL;
}

/*
 * Where the trailing unit annotation of a task body starts, or -1: the
 * bracket group that closes the body, or an unclosed 〔牵头单位… at its end.
 */
static long
trailing_annotation(const char *s, size_t n)
{
	size_t		 k, w;
	long		 i;
	int		 depth = 0;
	uint32_t	 cp;

	if (n == 0)
		return -1;
	/* The last code point. */
	k = 1;
	while (k < n && ((unsigned char)s[n - k] & 0xc0) == 0x80)
		k++;
	cp = imp_cp(s + n - k, &w);
	if (imp_is_close(cp)) {
		for (i = (long)n; i > 0;) {
			k = 1;
			while ((long)k < i &&
			    ((unsigned char)s[i - (long)k] & 0xc0) == 0x80)
				k++;
			i -= (long)k;
			cp = imp_cp(s + i, &w);
			if (imp_is_close(cp))
				depth++;
			else if (imp_is_open(cp) && --depth == 0) {
				if (is_annotation_text(s + i))
					return i;
				break;
			}
		}
	}
	/* Unclosed: the last opener directly followed by a key. */
	for (i = (long)n - 1; i >= 0; i--) {
		if (((unsigned char)s[i] & 0xc0) == 0x80)
			continue;
		cp = imp_cp(s + i, &w);
		if (imp_is_open(cp) && (imp_skip(s + i + w, "牵头单位") ||
		    imp_skip(s + i + w, "责任单位")))
			return i;
	}
	return -1;
}

/* Split text into sentences after 。！？ (with a closing quote kept). */
static void
split_measures(struct task *t)
{
	const char	*s = t->text, *start = s;
	size_t		 w;
	uint32_t	 cp;
	struct buf	 b = BUF_INIT;

	while (*s != '\0') {
		cp = imp_cp(s, &w);
		s += w;
		if (cp != 0x3002 && cp != 0xff01 && cp != 0xff1f)
			continue;
		for (;;) {
			size_t	 w2;
			uint32_t c2 = imp_cp(s, &w2);

			if (c2 != 0x201d && c2 != 0x2019 && c2 != 0x300d)
				break;
			s += w2;
		}
		buf_reset(&b);
		buf_add(&b, start, (size_t)(s - start));
		buf_trim(&b);
		if (b.len > 0)
			task_measure_add(t, b.ptr);
		start = s;
	}
	buf_reset(&b);
	buf_addstr(&b, start);
	buf_trim(&b);
	if (b.len > 0)
		task_measure_add(t, b.ptr);
	buf_release(&b);
}

static void
set_title(struct task *t)
{
	struct buf	 b = BUF_INIT;

	if (t->nmeasures > 0)
		buf_addstr(&b, t->measures[0]);
	if (str_endswith(b.ptr, "。") || str_endswith(b.ptr, "！") ||
	    str_endswith(b.ptr, "？"))
		buf_truncate(&b, b.len - 3);
	buf_trim(&b);
	t->title = buf_detach(&b, NULL);
}

static void
close_task(struct parser *ps)
{
	struct task	*t = ps->cur;
	long		 at;

	if (t == NULL)
		return;
	buf_trim(&ps->body);
	if (ps->ann.len == 0 &&
	    (at = trailing_annotation(ps->body.ptr, ps->body.len)) >= 0) {
		buf_addstr(&ps->ann, ps->body.ptr + at);
		buf_truncate(&ps->body, (size_t)at);
		buf_trim(&ps->body);
	}
	t->text = xstrdup(ps->body.ptr);
	if (ps->ann.len > 0) {
		t->annotation = xstrdup(ps->ann.ptr);
		parse_annotation(t, ps->ann.ptr);
	} else if (t->nrefs[ROLE_LEAD] + t->nrefs[ROLE_RESP] == 0)
		diags_add(ps->dg, t->line, t->number, "no_annotation",
		    "任务 %d（第 %d 行）没有标注牵头单位或责任单位",
		    t->number, t->line);
	split_measures(t);
	set_title(t);
	if (t->text[0] == '\0')
		diags_error(ps->dg, t->line, t->number, "empty_task",
		    "任务 %d（第 %d 行）没有内容", t->number, t->line);
	ps->cur = NULL;
	ps->cur_closed = 0;
	buf_reset(&ps->body);
	buf_reset(&ps->ann);
}

static struct task *
open_task(struct parser *ps, const char *label, size_t llen, int line)
{
	struct task	*t;
	struct buf	 b = BUF_INIT;

	close_task(ps);
	t = plan_task_new(ps->p);
	t->number = (int)ps->p->ntasks;
	buf_add(&b, label, llen);
	buf_trim(&b);
	t->label = buf_detach(&b, NULL);
	t->section = (int)ps->p->nsections;
	t->line = line;
	ps->cur = t;
	ps->cur_closed = 0;
	return t;
}

static int
header_col(const char *cell, enum col *c)
{
	if (strstr(cell, "序号") || str_eq(cell, "编号")) {
		*c = COL_NO;
		return 1;
	}
	if (strstr(cell, "牵头")) {
		*c = COL_LEAD;
		return 1;
	}
	if (strstr(cell, "责任单位") || strstr(cell, "配合单位") ||
	    strstr(cell, "参与单位") || strstr(cell, "协办")) {
		*c = COL_RESP;
		return 1;
	}
	if (strstr(cell, "时限") || strstr(cell, "完成时间")) {
		*c = COL_DEADLINE;
		return 1;
	}
	if (strstr(cell, "任务") || strstr(cell, "措施") ||
	    strstr(cell, "工作内容") || strstr(cell, "事项")) {
		*c = COL_TASK;
		return 1;
	}
	return 0;
}

static void
table_row(struct parser *ps, const struct para *pa)
{
	enum col	 c;
	size_t		 i;
	int		 header = 0, cols[COL__MAX];
	struct task	*t;
	struct buf	 b = BUF_INIT;

	for (i = 0; i < COL__MAX; i++)
		cols[i] = -1;
	for (i = 0; i < pa->ncells; i++)
		if (header_col(pa->cells[i], &c) && cols[c] < 0)
			cols[c] = (int)i;
	if (cols[COL_TASK] >= 0 && (cols[COL_LEAD] >= 0 ||
	    cols[COL_RESP] >= 0 || cols[COL_NO] >= 0))
		header = 1;
	if (header) {
		close_task(ps);
		memcpy(ps->col, cols, sizeof(cols));
		return;
	}
	if (ps->col[COL_TASK] < 0 || (size_t)ps->col[COL_TASK] >= pa->ncells)
		return;
	if (pa->cells[ps->col[COL_TASK]][0] == '\0')
		return;
	close_task(ps);
	t = open_task(ps, ps->col[COL_NO] >= 0 &&
	    (size_t)ps->col[COL_NO] < pa->ncells ?
	    pa->cells[ps->col[COL_NO]] : "", ps->col[COL_NO] >= 0 &&
	    (size_t)ps->col[COL_NO] < pa->ncells ?
	    strlen(pa->cells[ps->col[COL_NO]]) : 0, pa->line);
	buf_addstr(&ps->body, pa->cells[ps->col[COL_TASK]]);
	if (ps->col[COL_LEAD] >= 0 && (size_t)ps->col[COL_LEAD] < pa->ncells &&
	    pa->cells[ps->col[COL_LEAD]][0] != '\0') {
		add_segment(t, ROLE_LEAD, pa->cells[ps->col[COL_LEAD]],
		    strlen(pa->cells[ps->col[COL_LEAD]]));
	}
	if (ps->col[COL_RESP] >= 0 && (size_t)ps->col[COL_RESP] < pa->ncells &&
	    pa->cells[ps->col[COL_RESP]][0] != '\0') {
		add_segment(t, ROLE_RESP, pa->cells[ps->col[COL_RESP]],
		    strlen(pa->cells[ps->col[COL_RESP]]));
	}
	if (ps->col[COL_DEADLINE] >= 0 &&
	    (size_t)ps->col[COL_DEADLINE] < pa->ncells &&
	    pa->cells[ps->col[COL_DEADLINE]][0] != '\0')
		t->deadline_text = xstrdup(pa->cells[ps->col[COL_DEADLINE]]);
	ps->cur_closed = 1;
	close_task(ps);
	buf_release(&b);
}

/* Which numbering marks the tasks: arabic if any task section has it. */
static enum label_kind
detect_mode(const struct paras *pp, size_t from)
{
	size_t		 i, len;
	int		 num, prose = 0, arabic = 0, paren = 0;
	char		*numeral;
	const char	*title;

	for (i = from; i < pp->n; i++) {
		const struct para *pa = &pp->v[i];

		if (pa->kind != PARA_TEXT)
			continue;
		if (section_heading(pa->text, &numeral, &title)) {
			free(numeral);
			prose = is_prose_section(title);
			continue;
		}
		if (prose)
			continue;
		switch (task_label(pa->text, &len, &num)) {
		case LABEL_ARABIC:
			arabic++;
			break;
		case LABEL_PAREN:
			paren++;
			break;
		default:
			break;
		}
	}
	if (arabic > 0)
		return LABEL_ARABIC;
	return paren > 0 ? LABEL_PAREN : LABEL_NONE;
}

static void
body_para(struct parser *ps, const struct para *pa)
{
	const char	*s = pa->text, *title;
	char		*numeral;
	size_t		 len;
	int		 num;
	enum label_kind	 lk;

	if (pa->kind == PARA_RULE) {
		close_task(ps);
		return;
	}
	if (ps->in_tail)
		return;
	if (tail_line(ps, s)) {
		close_task(ps);
		return;
	}
	if (pa->kind == PARA_ROW) {
		table_row(ps, pa);
		return;
	}
	if (section_heading(s, &numeral, &title)) {
		struct section *sec;

		close_task(ps);
		sec = plan_section_new(ps->p);
		sec->numeral = numeral;
		sec->title = imp_squeeze(title);
		sec->line = pa->line;
		sec->has_tasks = !is_prose_section(sec->title);
		ps->section_tasks = sec->has_tasks;
		memset(ps->col, -1, sizeof(ps->col));
		return;
	}
	if (!ps->section_tasks)
		return;		/* prose of 总体要求 and the like */
	lk = task_label(s, &len, &num);
	if (lk != LABEL_NONE && lk == ps->mode) {
		open_task(ps, s, len, pa->line);
		if (lk == LABEL_ARABIC) {
			if (num == ps->last_label)
				diags_add(ps->dg, pa->line, ps->cur->number,
				    "duplicate_number", "第 %d 行：任务编号 %d "
				    "重复", pa->line, num);
			else if (num != ps->last_label + 1)
				diags_add(ps->dg, pa->line, ps->cur->number,
				    "number_gap", "第 %d 行：任务编号 %d 不连续"
				    "（上一个为 %d）", pa->line, num,
				    ps->last_label);
			ps->last_label = num;
		}
		s += len;
		while (*s == ' ')
			s++;
		buf_addstr(&ps->body, s);
		return;
	}
	if (lk == LABEL_PAREN && ps->mode == LABEL_ARABIC &&
	    (ps->cur == NULL || ps->cur_closed)) {
		close_task(ps);		/* a sub-heading between tasks */
		return;
	}
	if (ps->cur != NULL && is_annotation_line(s)) {
		if (ps->ann.len > 0)
			buf_addch(&ps->ann, '\n');
		buf_addstr(&ps->ann, s);
		ps->cur_closed = 1;
		return;
	}
	if (ps->cur != NULL && !ps->cur_closed) {
		/* A page break split the paragraph: join with nothing. */
		size_t at = ps->body.len;

		buf_addstr(&ps->body, s);
		if (trailing_annotation(ps->body.ptr, ps->body.len) >= 0 &&
		    at < ps->body.len)
			ps->cur_closed = 1;
		return;
	}
	if (ps->cur != NULL || ps->p->ntasks > 0)
		diags_add(ps->dg, pa->line, ps->cur ? ps->cur->number : 0,
		    "orphan_paragraph", "第 %d 行的段落不属于任何任务，未导入",
		    pa->line);
}

static int
year_in(const char *s)
{
	size_t	 len;
	int	 y;

	for (; s != NULL && *s != '\0'; s++) {
		if ((y = imp_digits(s, &len)) >= 1900 && y <= 2999 &&
		    len == 4 && imp_skip(s + len, "年"))
			return y;
	}
	return 0;
}

enum fz_err
import_plan_parse(const struct paras *pp, struct plan *p, struct diags *dg)
{
	struct parser	 ps;
	size_t		 si, ti, i;
	const char	*title;
	char		*numeral;
	struct buf	 pre = BUF_INIT;
	struct progress	 pr;
	enum fz_err	 rc = FZ_OK;

	memset(&ps, 0, sizeof(ps));
	ps.ps = pp;
	ps.p = p;
	ps.dg = dg;
	buf_init(&ps.body);
	buf_init(&ps.ann);
	memset(ps.col, -1, sizeof(ps.col));

	/* The first section heading starts the body. */
	for (si = 0; si < pp->n; si++)
		if (pp->v[si].kind == PARA_TEXT &&
		    section_heading(pp->v[si].text, &numeral, &title)) {
			free(numeral);
			break;
		}
	/* The plan title: the last title-like line before it. */
	ti = si;
	for (i = si; i > 0; i--) {
		const struct para *pa = &pp->v[i - 1];

		if (pa->kind == PARA_TEXT && looks_like_title(pa->text)) {
			ti = i - 1;
			break;
		}
	}
	parse_wrapper(&ps, ti < si ? ti : si);
	if (ti < si) {
		p->title = imp_squeeze(pp->v[ti].text);
		for (i = ti + 1; i < si; i++) {
			if (pp->v[i].kind != PARA_TEXT)
				continue;
			buf_addstr(&pre, pp->v[i].text);
		}
		if (pre.len > 0)
			p->preamble = buf_detach(&pre, NULL);
	} else if (ps.title_hint != NULL)
		p->title = imp_squeeze(ps.title_hint);

	ps.mode = detect_mode(pp, si);
	/* A long document (tens of thousands of lines) shows its progress. */
	progress_start(&pr, "解析计划", pp->n > 20000 ? pp->n : 0);
	for (i = si; i < pp->n; i++) {
		body_para(&ps, &pp->v[i]);
		if ((i & 1023) == 0)
			progress_update(&pr, i);
	}
	progress_end(&pr);
	close_task(&ps);

	if (p->title == NULL || p->title[0] == '\0') {
		diags_error(dg, 0, 0, "no_title", "未找到计划标题");
		rc = FZ_EINVAL;
	}
	if (p->ntasks == 0) {
		diags_error(dg, 0, 0, "no_tasks", p->nsections > 0 ?
		    "找到 %zu 个部分，但没有编号的任务（如“1.”或“（一）”）" :
		    "未找到任何部分（如“一、”）和编号的任务（如“1.”）",
		    p->nsections);
		rc = FZ_EINVAL;
	}
	if (p->doc_no == NULL)
		diags_add(dg, 0, 0, "no_doc_no", "未找到文号，按计划标题识别");
	p->year = year_in(p->title);
	if (p->year == 0 && p->doc_no != NULL)
		p->year = year_in(strstr(p->doc_no, "〔") ?
		    strstr(p->doc_no, "〔") + 3 : NULL);
	if (p->year == 0 && p->issue_date != NULL) {
		size_t len;

		p->year = imp_digits(p->issue_date, &len);
	}
	if (p->year <= 0) {
		p->year = 0;
		diags_add(dg, 0, 0, "no_year", "未找到计划年度");
	}
	/* A document cut short: its last task is unfinished. */
	if (p->ntasks > 1) {
		struct task *last = &p->tasks[p->ntasks - 1];
		size_t nref = last->nrefs[ROLE_LEAD] + last->nrefs[ROLE_RESP];

		if (nref == 0 && last->annotation == NULL &&
		    p->tasks[0].annotation != NULL &&
		    !str_endswith(last->text, "。")) {
			diags_error(dg, last->line, last->number, "truncated",
			    "文档在任务 %d（第 %d 行起）中途结束，没有句号和"
			    "单位标注：文件可能不完整", last->number,
			    last->line);
			rc = FZ_EINVAL;
		}
	}
	if (dg->nerrors > 0)
		rc = FZ_EINVAL;
	for (i = 0; i < p->ntasks; i++)
		import_indicators(&p->tasks[i], p->year);
	buf_release(&ps.body);
	buf_release(&ps.ann);
	buf_release(&pre);
	free(ps.title_hint);
	free(ps.portal_issuer);
	free(ps.portal_doc_no);
	return rc;
}

char *
import_unit_phrase_norm(const char *s)
{
	struct buf	 b = BUF_INIT, c = BUF_INIT;
	size_t		 i;

	imp_fullwidth(&b, s);
	for (i = 0; i < b.len; i++)
		if (b.ptr[i] != ' ' && b.ptr[i] != '\t')
			buf_addch(&c, b.ptr[i]);
	buf_trim(&c);
	if (str_endswith(c.ptr, "等"))
		buf_truncate(&c, c.len - strlen("等"));
	buf_release(&b);
	return buf_detach(&c, NULL);
}
