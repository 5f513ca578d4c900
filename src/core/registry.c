/*
 * registry.c: what every registry shares, driven by its descriptor: the
 * table of registries, values and records, reading one cell of a field
 * (dates in the spellings offices use, XLSX serial numbers, units by code
 * or name, enums, 是/否), rows of a CSV or XLSX table into checked records
 * with errors per cell, and the JSON of records and descriptors.
 * SPDX-License-Identifier: MIT
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "fazhi/registry.h"
#include "fazhi/util.h"
#include "fazhi/banned.h"

extern const struct reg_desc	 reg_normative;
extern const struct reg_desc	 reg_decision;
extern const struct reg_desc	 reg_litigation;
extern const struct reg_desc	 reg_reconsideration;
extern const struct reg_desc	 reg_rating;
extern const struct reg_desc	 reg_activity;
extern const struct reg_desc	 reg_proof;
extern const struct reg_desc	 reg_enforcer;
extern const struct reg_desc	 reg_enforcement;

static const struct reg_desc *const registries[] = {
	&reg_normative,
	&reg_decision,
	&reg_litigation,
	&reg_reconsideration,
	&reg_rating,
	&reg_activity,
	&reg_proof,
	&reg_enforcer,
	&reg_enforcement,
};
#define NREGISTRIES	(int)(sizeof(registries) / sizeof(registries[0]))

int
registry_count(void)
{
	return NREGISTRIES;
}

const struct reg_desc *
registry_at(int i)
{
	return i >= 0 && i < NREGISTRIES ? registries[i] : NULL;
}

const struct reg_desc *
registry_find(const char *key)
{
	int	 i;

	for (i = 0; key != NULL && i < NREGISTRIES; i++)
		if (str_eq(registries[i]->key, key))
			return registries[i];
	return NULL;
}

int
reg_field_index(const struct reg_desc *d, const char *key)
{
	int	 i;

	for (i = 0; key != NULL && i < d->nfields; i++)
		if (str_eq(d->fields[i].key, key))
			return i;
	return -1;
}

const char *
reg_ftype_key(enum reg_ftype t)
{
	static const char *const keys[REG_FTYPE__MAX] = {
		[REG_TEXT] = "text", [REG_DATE] = "date", [REG_INT] = "int",
		[REG_ENUM] = "enum", [REG_UNIT] = "unit", [REG_BOOL] = "bool",
	};

	return (unsigned)t < REG_FTYPE__MAX ? keys[t] : "text";
}

void
reg_record_init(struct reg_record *r)
{
	int	 i;

	memset(r, 0, sizeof(*r));
	for (i = 0; i < REG_MAX_FIELDS; i++)
		r->v[i].null = 1;
}

void
reg_record_release(struct reg_record *r)
{
	int	 i;

	if (r == NULL)
		return;
	for (i = 0; i < REG_MAX_FIELDS; i++)
		free(r->v[i].s);
	reg_record_init(r);
}

void
reg_record_copy(struct reg_record *dst, const struct reg_record *src)
{
	int	 i;

	*dst = *src;
	for (i = 0; i < REG_MAX_FIELDS; i++)
		dst->v[i].s = src->v[i].s ? xstrdup(src->v[i].s) : NULL;
}

void
reg_value_set(struct reg_value *v, const char *s, int64_t i)
{
	free(v->s);
	v->s = s ? xstrdup(s) : NULL;
	v->i = i;
	v->null = 0;
}

static void
value_clear(struct reg_value *v)
{
	free(v->s);
	v->s = NULL;
	v->i = 0;
	v->null = 1;
}

void
reg_problem(struct reg_problems *p, int field, const char *fmt, ...)
{
	va_list	 ap;

	if (p->n >= sizeof(p->v) / sizeof(p->v[0]))
		return;
	p->v[p->n].field = field;
	va_start(ap, fmt);
	vsnprintf(p->v[p->n].msg, sizeof(p->v[p->n].msg), fmt, ap);
	va_end(ap);
	p->n++;
}

int
reg_value_same(const struct reg_field *f, const struct reg_value *a,
    const struct reg_value *b)
{
	if (a->null || b->null)
		return a->null == b->null;
	switch (f->type) {
	case REG_INT:
	case REG_BOOL:
	case REG_UNIT:
		return a->i == b->i;
	default:
		return str_eq(a->s ? a->s : "", b->s ? b->s : "");
	}
}

int
reg_record_same(const struct reg_desc *d, const struct reg_record *a,
    const struct reg_record *b)
{
	int	 i;

	for (i = 0; i < d->nfields; i++)
		if (!reg_value_same(&d->fields[i], &a->v[i], &b->v[i]))
			return 0;
	return 1;
}

/* Full-width digits and date punctuation to ASCII; spaces dropped. */
static void
ascii_digits(const char *s, struct buf *b)
{
	size_t		 n = strlen(s), w;
	uint32_t	 cp;

	while (n > 0) {
		if ((w = utf8_decode(s, n, &cp)) == 0) {
			buf_addch(b, 0x7f);	/* poison: never a date */
			s++;
			n--;
			continue;
		}
		if (cp >= 0xff10 && cp <= 0xff19)
			buf_addch(b, (int)('0' + (cp - 0xff10)));
		else if (cp == 0xff0d || cp == 0x2014 || cp == 0x2013)
			buf_addch(b, '-');
		else if (cp == 0xff0f)
			buf_addch(b, '/');
		else if (cp == 0xff0e || cp == 0x3002)
			buf_addch(b, '.');
		else if (cp != ' ' && cp != 0x3000 && cp != '\t')
			buf_add(b, s, w);
		s += w;
		n -= w;
	}
}

/* Digits at *p (1 to max of them); -1 if none. */
static long
digits(const char **p, int max)
{
	long	 v = 0;
	int	 n = 0;

	while (n < max && **p >= '0' && **p <= '9') {
		v = v * 10 + (**p - '0');
		(*p)++;
		n++;
	}
	return n > 0 ? v : -1;
}

static int
ymd(long y, long m, long d, char out[11])
{
	char	 tmp[32];
	long	 days;

	if (y < 1949 || y > 2099 || m < 1 || m > 12 || d < 1 || d > 31)
		return 0;
	snprintf(tmp, sizeof(tmp), "%04ld-%02ld-%02ld", y, m, d);
	if (date_days(tmp, &days) != FZ_OK)
		return 0;
	memcpy(out, tmp, 11);
	return 1;
}

/*
 * A date as offices write it: 2022-03-05, 2022-3-5, 2022/3/5, 2022.3.5,
 * 2022年3月5日, 20220305, with full-width digits; in XLSX also the
 * serial number Excel stores (1900 date system).
 */
static int
parse_date(const char *cell, int xlsx, char out[11])
{
	struct buf	 b = BUF_INIT;
	const char	*p;
	long		 y, m, d;
	int		 ok = 0;

	ascii_digits(cell, &b);
	p = b.ptr;
	if (b.len == 8 && strspn(p, "0123456789") == 8) {
		y = digits(&p, 4);
		m = digits(&p, 2);
		d = digits(&p, 2);
		ok = ymd(y, m, d, out);
		goto out;
	}
	if (xlsx && b.len > 0 && strspn(p, "0123456789") >= 1) {
		/* A serial, perhaps with a time fraction: 44652 or 44652.5 */
		const char *q = p;
		long serial = digits(&q, 7);

		if (*q == '.' && strspn(q + 1, "0123456789") == strlen(q + 1))
			q += strlen(q);
		if (*q == '\0' && serial >= 1) {
			/* Excel counts 1900-02-29, which did not exist. */
			long base;

			date_days("1900-01-01", &base);
			base -= 2;	/* serial 1 is 1900-01-01 */
			if (serial < 61)
				base++;
			if (serial > 100000)
				goto out;
			date_from_days(base + serial, out);
			ok = strncmp(out, "1949", 4) >= 0 &&
			    strncmp(out, "2100", 4) < 0;
			goto out;
		}
	}
	y = digits(&p, 4);
	if (y < 0)
		goto out;
	if (*p == '-' || *p == '/' || *p == '.')
		p++;
	else if (str_startswith(p, "年"))
		p += strlen("年");
	else
		goto out;
	if ((m = digits(&p, 2)) < 0)
		goto out;
	if (*p == '-' || *p == '/' || *p == '.')
		p++;
	else if (str_startswith(p, "月"))
		p += strlen("月");
	else
		goto out;
	if ((d = digits(&p, 2)) < 0)
		goto out;
	if (str_startswith(p, "日"))
		p += strlen("日");
	if (*p != '\0')
		goto out;
	ok = ymd(y, m, d, out);
out:
	buf_release(&b);
	return ok;
}

const struct unit *
reg_unit_lookup(const struct unit_dir *dir, const char *s)
{
	size_t	 i, k;

	if (dir == NULL || s == NULL || *s == '\0')
		return NULL;
	for (i = 0; i < dir->n; i++)
		if (str_eq(dir->v[i].code, s) || str_eq(dir->v[i].name, s))
			return &dir->v[i];
	for (i = 0; i < dir->n; i++) {
		for (k = 0; k < dir->v[i].nshorts; k++)
			if (str_eq(dir->v[i].shorts[k], s))
				return &dir->v[i];
		for (k = 0; k < dir->v[i].naliases; k++)
			if (str_eq(dir->v[i].aliases[k], s))
				return &dir->v[i];
	}
	return NULL;
}

/* Characters (code points) of valid UTF-8. */
static size_t
nchars(const char *s)
{
	size_t	 n = 0;

	for (; *s != '\0'; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			n++;
	return n;
}

static void
enum_list(const struct reg_field *f, struct buf *b)
{
	size_t	 i;

	for (i = 0; f->values != NULL && f->values[i] != NULL; i++)
		buf_addf(b, "%s%s", i ? "、" : "", f->values[i]);
}

enum fz_err
reg_cell_parse(const struct reg_field *f, const char *cell, int xlsx,
    const struct unit_dir *dir, struct reg_value *v, char *why, size_t n)
{
	struct buf		 t = BUF_INIT, l = BUF_INIT;
	const struct unit	*u;
	const char		*s;
	char			 date[11];
	long long		 x;
	enum fz_err		 rc = FZ_EINVAL;
	size_t			 i;

	value_clear(v);
	why[0] = '\0';
	if (cell == NULL)
		cell = "";
	if (!utf8_valid(cell, strlen(cell), NULL)) {
		snprintf(why, n, "含有无效字符（不是 UTF-8 文字）");
		return FZ_EINVAL;
	}
	buf_addstr(&t, cell);
	buf_trim(&t);
	s = t.ptr;
	if (*s == '\0') {
		rc = FZ_OK;
		goto out;
	}
	switch (f->type) {
	case REG_TEXT:
		for (i = 0; s[i] != '\0'; i++)
			if (((unsigned char)s[i] < 0x20 && !(s[i] == '\n' &&
			    (f->flags & REG_MULTILINE)) && s[i] != '\t') ||
			    s[i] == 0x7f) {
				snprintf(why, n, "含有控制字符");
				goto out;
			}
		if (f->max > 0 && nchars(s) > f->max) {
			snprintf(why, n, "超过 %zu 个字（实有 %zu 个）", f->max,
			    nchars(s));
			goto out;
		}
		reg_value_set(v, s, 0);
		break;
	case REG_DATE:
		if (!parse_date(s, xlsx, date)) {
			snprintf(why, n, "“%.60s”不是有效日期（应写成 "
			    "2022-03-05 或 2022年3月5日）", s);
			goto out;
		}
		reg_value_set(v, date, 0);
		break;
	case REG_INT:
		if (str_toint(s, -1000000000LL, 1000000000LL, &x) != FZ_OK) {
			snprintf(why, n, "“%.60s”不是整数", s);
			goto out;
		}
		reg_value_set(v, NULL, x);
		break;
	case REG_BOOL:
		if (str_eq(s, "是") || str_eq(s, "1") || str_eq(s, "true"))
			reg_value_set(v, NULL, 1);
		else if (str_eq(s, "否") || str_eq(s, "0") ||
		    str_eq(s, "false"))
			reg_value_set(v, NULL, 0);
		else {
			snprintf(why, n, "“%.60s”应为 是 或 否", s);
			goto out;
		}
		break;
	case REG_ENUM:
		for (i = 0; f->values != NULL && f->values[i] != NULL; i++)
			if (str_eq(f->values[i], s))
				break;
		if (f->values == NULL || f->values[i] == NULL) {
			enum_list(f, &l);
			snprintf(why, n, "“%.60s”不是可选的值（可选：%s）", s,
			    l.ptr);
			goto out;
		}
		reg_value_set(v, f->values[i], 0);
		break;
	case REG_UNIT:
		if ((u = reg_unit_lookup(dir, s)) == NULL) {
			snprintf(why, n, "单位名录中没有“%.80s”（可写单位编码、"
			    "全称或简称）", s);
			goto out;
		}
		reg_value_set(v, u->name, u->id);
		break;
	case REG_FTYPE__MAX:
		goto out;
	}
	rc = FZ_OK;
out:
	buf_release(&t);
	buf_release(&l);
	return rc;
}

void
reg_cell_text(const struct reg_field *f, const struct reg_value *v,
    struct buf *b)
{
	if (v->null)
		return;
	switch (f->type) {
	case REG_INT:
		buf_addf(b, "%lld", (long long)v->i);
		break;
	case REG_BOOL:
		buf_addstr(b, v->i ? "是" : "否");
		break;
	default:
		buf_addstr(b, v->s ? v->s : "");
		break;
	}
}

void
reg_record_check(const struct reg_desc *d, const struct reg_record *r,
    const char *today, struct reg_problems *p)
{
	int	 i;

	for (i = 0; i < d->nfields; i++)
		if ((d->fields[i].flags & REG_REQUIRED) && r->v[i].null)
			reg_problem(p, i, "不能为空");
	if (d->check != NULL)
		d->check(d, r, today, p);
}

void
reg_cell_where(const struct reg_desc *d, int line, int col, int field,
    struct buf *b)
{
	const char	*label = field >= 0 && field < d->nfields ?
			    d->fields[field].label : NULL;

	buf_addf(b, "第%d行", line);
	if (col > 0)
		buf_addf(b, "第%d列", col);
	if (label != NULL)
		buf_addf(b, "（%s）", label);
	buf_addstr(b, "：");
}

static void
cell_error(struct diags *dg, const struct reg_desc *d, int line, int col,
    int field, const char *msg)
{
	struct buf	 b = BUF_INIT;

	reg_cell_where(d, line, col, field, &b);
	buf_addstr(&b, msg);
	diags_error_at(dg, line, col, field >= 0 ? d->fields[field].key :
	    "error", "%s", b.ptr);
	buf_release(&b);
}

void
reg_records_free(struct reg_record *v, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		reg_record_release(&v[i]);
	free(v);
}

/* Which field a header names: label, alias or key; -1 if none. */
static int
header_field(const struct reg_desc *d, const char *h)
{
	int	 i, k;

	for (i = 0; i < d->nfields; i++) {
		if (str_eq(h, d->fields[i].label) || str_eq(h, d->fields[i].key))
			return i;
		for (k = 0; k < 3 && d->fields[i].aliases[k] != NULL; k++)
			if (str_eq(h, d->fields[i].aliases[k]))
				return i;
	}
	return -1;
}

static int
row_blank(const struct csv_row *r)
{
	size_t	 j;

	for (j = 0; j < r->n; j++) {
		struct buf t = BUF_INIT;
		int blank;

		buf_addstr(&t, r->f[j]);
		buf_trim(&t);
		blank = t.len == 0;
		buf_release(&t);
		if (!blank)
			return 0;
	}
	return 1;
}

/*
 * A CSV cell as written before our export defused it: the export puts an
 * apostrophe before a leading = + - or @ so that a spreadsheet does not
 * take the text for a formula; reading it back takes the apostrophe off.
 */
static const char *
csv_defused(const char *s, int xlsx)
{
	if (!xlsx && s[0] == '\'' && s[1] != '\0' && strchr("=+-@", s[1]))
		return s + 1;
	return s;
}

struct seenkey {
	int64_t		 unit;
	const char	*key;
	int		 line;
};

static int
seenkey_cmp(const void *a, const void *b)
{
	const struct seenkey	*x = a, *y = b;
	int			 c;

	if (x->unit != y->unit)
		return x->unit < y->unit ? -1 : 1;
	if ((c = strcmp(x->key, y->key)) != 0)
		return c;
	return x->line - y->line;
}

enum fz_err
reg_rows_parse(const struct reg_desc *d, const struct csv *tab, int xlsx,
    const struct unit_dir *dir, const char *today, struct reg_record **out,
    size_t *nout, int colmap[REG_MAX_FIELDS], struct diags *dg)
{
	const struct csv_row	*h;
	struct reg_record	*v = NULL;
	struct seenkey		*keys = NULL;
	struct buf		 l = BUF_INIT;
	size_t			 n = 0, cap = 0, nk = 0, i, j;
	int			*colfield = NULL, full = 1, f;
	char			 why[400];

	*out = NULL;
	*nout = 0;
	for (f = 0; f < REG_MAX_FIELDS; f++)
		colmap[f] = 0;
	if (tab->nrows == 0) {
		diags_error(dg, 0, 0, "empty", "文件为空：第一行应为表头（列名）");
		return FZ_EINVAL;
	}
	h = &tab->rows[0];
	colfield = xcalloc(h->n + 1, sizeof(*colfield));
	for (j = 0; j < h->n; j++) {
		buf_reset(&l);
		buf_addstr(&l, h->f[j]);
		buf_trim(&l);
		colfield[j] = -1;
		if (l.len == 0)
			continue;
		if ((f = header_field(d, l.ptr)) < 0) {
			diags_error_at(dg, h->line, (int)j + 1, "header",
			    "第%d行第%zu列：未知的列“%.80s”（%s的列见 fazhi "
			    "registry columns %s）", h->line, j + 1, l.ptr,
			    d->name, d->key);
			continue;
		}
		if (colmap[f] > 0) {
			diags_error_at(dg, h->line, (int)j + 1, "header",
			    "第%d行第%zu列：“%s”列重复（第%d列已有）", h->line,
			    j + 1, d->fields[f].label, colmap[f]);
			continue;
		}
		colmap[f] = (int)j + 1;
		colfield[j] = f;
	}
	for (f = 0; f < d->nfields; f++) {
		if (colmap[f] > 0)
			continue;
		full = 0;
		if (d->fields[f].flags & REG_REQUIRED)
			diags_error_at(dg, h->line, 0, "header",
			    "第%d行（表头）：缺少“%s”列", h->line,
			    d->fields[f].label);
	}
	if (dg->nerrors > 0)
		goto out;

	for (i = 1; i < tab->nrows; i++) {
		const struct csv_row	*r = &tab->rows[i];
		struct reg_record	*rec;
		struct reg_problems	 p;
		size_t			 before = dg->nerrors;

		if (row_blank(r))
			continue;
		if (!xlsx && r->n != h->n) {
			diags_error_at(dg, r->line, 0, "row", "第%d行有 %zu 列，"
			    "表头有 %zu 列（单元格中的逗号须用引号括起）",
			    r->line, r->n, h->n);
			continue;
		}
		VEC_GROW(v, n, cap);
		rec = &v[n++];
		reg_record_init(rec);
		rec->line = r->line;
		for (j = 0; j < r->n; j++) {
			if (j >= h->n || colfield[j] < 0) {
				buf_reset(&l);
				buf_addstr(&l, r->f[j]);
				buf_trim(&l);
				if (l.len > 0)
					diags_error_at(dg, r->line, (int)j + 1,
					    "row", "第%d行第%zu列：这一列没有列名，"
					    "单元格却有内容“%.40s”", r->line, j + 1,
					    l.ptr);
				continue;
			}
			f = colfield[j];
			rec->given[f] = 1;
			if (reg_cell_parse(&d->fields[f], csv_defused(r->f[j],
			    xlsx), xlsx, dir, &rec->v[f], why, sizeof(why)) !=
			    FZ_OK)
				cell_error(dg, d, r->line, (int)j + 1, f, why);
		}
		for (f = 0; f < d->nfields; f++)
			if (colmap[f] > 0 && !rec->given[f])
				rec->given[f] = 1;	/* a short XLSX row */
		if (dg->nerrors > before)
			continue;
		memset(&p, 0, sizeof(p));
		if (full)
			reg_record_check(d, rec, today, &p);
		else
			for (f = 0; f < d->nfields; f++)
				if ((d->fields[f].flags & REG_REQUIRED) &&
				    rec->v[f].null)
					reg_problem(&p, f, "不能为空");
		for (j = 0; j < p.n; j++)
			cell_error(dg, d, r->line, colmap[p.v[j].field],
			    p.v[j].field, p.v[j].msg);
		if (dg->nerrors > before)
			continue;
		keys = xreallocarray(keys, nk + 1, sizeof(*keys));
		keys[nk].unit = rec->v[d->owner].i;
		keys[nk].key = rec->v[d->key_field].s;
		keys[nk++].line = r->line;
	}
	if (nk > 1)
		qsort(keys, nk, sizeof(*keys), seenkey_cmp);
	for (i = 1; i < nk; i++)
		if (keys[i].unit == keys[i - 1].unit &&
		    str_eq(keys[i].key, keys[i - 1].key)) {
			snprintf(why, sizeof(why), "“%.80s”与第%d行重复（同一%s的"
			    "%s不能重复）", keys[i].key, keys[i - 1].line,
			    d->fields[d->owner].label,
			    d->fields[d->key_field].label);
			cell_error(dg, d, keys[i].line, colmap[d->key_field],
			    d->key_field, why);
		}
	if (dg->nerrors == 0 && n == 0)
		diags_error(dg, h->line, 0, "empty", "文件只有表头，没有记录");
out:
	free(colfield);
	free(keys);
	buf_release(&l);
	if (dg->nerrors > 0) {
		reg_records_free(v, n);
		return FZ_EINVAL;
	}
	*out = v;
	*nout = n;
	return FZ_OK;
}

static json_t *
value_json(const struct reg_field *f, const struct reg_value *v)
{
	if (v->null)
		return json_null();
	switch (f->type) {
	case REG_INT:
		return json_integer(v->i);
	case REG_BOOL:
		return json_boolean(v->i);
	case REG_UNIT:
		return json_pack("{s:I,s:s}", "id", (json_int_t)v->i, "name",
		    v->s ? v->s : "");
	default:
		return json_string(v->s ? v->s : "");
	}
}

json_t *
reg_record_json(const struct reg_desc *d, const struct reg_record *r,
    int meta)
{
	json_t	*o = json_object();
	int	 i;

	if (r->id != 0)
		json_object_set_new(o, "id", json_integer(r->id));
	if (meta)
		json_object_set_new(o, "revision", json_integer(r->revision));
	for (i = 0; i < d->nfields; i++)
		json_object_set_new(o, d->fields[i].key,
		    value_json(&d->fields[i], &r->v[i]));
	if (meta && d->stage != NULL) {
		const char *st = d->stage(r);

		json_object_set_new(o, "stage", st ? json_string(st) :
		    json_null());
	}
	if (meta) {
		json_object_set_new(o, "created_by", json_string(r->created_by));
		json_object_set_new(o, "created_at", json_string(r->created_at));
		json_object_set_new(o, "updated_by", json_string(r->updated_by));
		json_object_set_new(o, "updated_at", json_string(r->updated_at));
	}
	return o;
}

json_t *
reg_desc_json(const struct reg_desc *d)
{
	json_t	*o = json_object(), *a = json_array();
	int	 i;
	size_t	 k;

	json_object_set_new(o, "key", json_string(d->key));
	json_object_set_new(o, "name", json_string(d->name));
	for (i = 0; i < d->nfields; i++) {
		const struct reg_field *f = &d->fields[i];
		json_t *x = json_object();

		json_object_set_new(x, "key", json_string(f->key));
		json_object_set_new(x, "label", json_string(f->label));
		json_object_set_new(x, "type", json_string(reg_ftype_key(f->type)));
		json_object_set_new(x, "required",
		    json_boolean(f->flags & REG_REQUIRED));
		json_object_set_new(x, "owner", json_boolean(f->flags & REG_OWNER));
		json_object_set_new(x, "review_only",
		    json_boolean(f->flags & REG_REVIEW));
		if (f->max > 0)
			json_object_set_new(x, "max", json_integer((json_int_t)f->max));
		if (f->values != NULL) {
			json_t *vals = json_array();

			for (k = 0; f->values[k] != NULL; k++)
				json_array_append_new(vals,
				    json_string(f->values[k]));
			json_object_set_new(x, "values", vals);
		}
		if (f->hint != NULL)
			json_object_set_new(x, "hint", json_string(f->hint));
		if (f->flags & REG_MULTILINE)
			json_object_set_new(x, "multiline", json_true());
		if (f->aliases[0] != NULL) {
			json_t *al = json_array();

			for (k = 0; k < 3 && f->aliases[k] != NULL; k++)
				json_array_append_new(al,
				    json_string(f->aliases[k]));
			json_object_set_new(x, "aliases", al);
		}
		if (f->def != NULL)
			json_object_set_new(x, "default", json_string(f->def));
		json_array_append_new(a, x);
	}
	json_object_set_new(o, "fields", a);
	json_object_set_new(o, "record_name", json_string(d->record_name));
	json_object_set_new(o, "key_field",
	    json_string(d->fields[d->key_field].key));
	json_object_set_new(o, "date_field", json_string(d->fields[d->date].key));
	json_object_set_new(o, "title_field",
	    json_string(d->fields[d->title].key));
	json_object_set_new(o, "expires_field", d->expires >= 0 ?
	    json_string(d->fields[d->expires].key) : json_null());
	return o;
}

enum fz_err
reg_record_from_json(const struct reg_desc *d, const json_t *in,
    const struct unit_dir *dir, const struct reg_record *base,
    struct reg_record *r, struct diags *dg)
{
	const char	*key;
	json_t		*jv;
	char		 why[400], num[32];
	int		 f;

	if (base != NULL)
		reg_record_copy(r, base);
	else
		reg_record_init(r);
	memset(r->given, 0, sizeof(r->given));
	r->line = 0;
	if (!json_is_object(in)) {
		diags_error(dg, 0, 0, "error", "请求内容应为记录字段的 JSON 对象");
		return FZ_EINVAL;
	}
	json_object_foreach((json_t *)(uintptr_t)in, key, jv) {
		const struct reg_field	*fd;
		const char		*cell = NULL;

		if (str_eq(key, "id") || str_eq(key, "revision"))
			continue;
		if ((f = reg_field_index(d, key)) < 0) {
			diags_error(dg, 0, 0, key, "没有名为“%.60s”的字段", key);
			continue;
		}
		fd = &d->fields[f];
		r->given[f] = 1;
		if (json_is_null(jv))
			cell = "";
		else if (json_is_string(jv)) {
			if (strlen(json_string_value(jv)) !=
			    json_string_length(jv)) {
				diags_error(dg, 0, 0, key, "%s：含有空字符",
				    fd->label);
				continue;
			}
			cell = json_string_value(jv);
		} else if (json_is_integer(jv) && fd->type == REG_UNIT) {
			size_t k;

			value_clear(&r->v[f]);
			for (k = 0; dir != NULL && k < dir->n; k++)
				if (dir->v[k].id == json_integer_value(jv))
					reg_value_set(&r->v[f], dir->v[k].name,
					    dir->v[k].id);
			if (r->v[f].null)
				diags_error(dg, 0, 0, key, "%s：单位 %lld 不存在",
				    fd->label, (long long)json_integer_value(jv));
			continue;
		} else if (json_is_integer(jv) && fd->type == REG_INT) {
			snprintf(num, sizeof(num), "%lld",
			    (long long)json_integer_value(jv));
			cell = num;
		} else if (json_is_boolean(jv) && fd->type == REG_BOOL)
			cell = json_is_true(jv) ? "是" : "否";
		else {
			diags_error(dg, 0, 0, key, "%s：类型不对（应为%s）",
			    fd->label, fd->type == REG_INT ? "整数" :
			    fd->type == REG_BOOL ? "true 或 false" :
			    fd->type == REG_UNIT ? "单位编号或名称" : "字符串");
			continue;
		}
		if (reg_cell_parse(fd, cell, 0, dir, &r->v[f], why,
		    sizeof(why)) != FZ_OK)
			diags_error(dg, 0, 0, key, "%s：%s", fd->label, why);
	}
	return dg->nerrors > 0 ? FZ_EINVAL : FZ_OK;
}
