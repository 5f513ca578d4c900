/*
 * calendar.c: the official working-day calendar: dates as day numbers,
 * the weekly rule with the loaded years' holidays and 调休 working weekends,
 * working-day arithmetic, and the calendar files (日期,类型,名称) and JSON
 * checked row by row before a year is replaced in one transaction.
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "fazhi/calendar.h"
#include "fazhi/core.h"
#include "fazhi/csv.h"
#include "fazhi/util.h"
#include "fazhi/banned.h"

#define CAL_FILE_MAX	(1024u * 1024)	/* a year is a few kilobytes */
#define CAL_MAX_DAYS	366

/* --- dates ---------------------------------------------------------------- */

static int
year_of(int32_t day)
{
	char	 s[11];

	date_from_days(day, s);
	return (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
	    (s[3] - '0');
}

/* Dates as day numbers: the one implementation is in util.c. */
int
cal_date_parse(const char *s, int32_t *day)
{
	long	 v;

	if (!core_date_valid(s) || date_days(s, &v) != FZ_OK)
		return 0;
	*day = (int32_t)v;
	return 1;
}

void
cal_date_fmt(int32_t day, char out[11])
{
	date_from_days(day, out);
}

int
cal_weekday(int32_t day)
{
	/* 1970-01-01 was a Thursday (4). */
	return (int)(((day % 7) + 7 + 3) % 7) + 1;
}

const char *
cal_weekday_name(int wd)
{
	static const char *const names[] = { "", "星期一", "星期二", "星期三",
	    "星期四", "星期五", "星期六", "星期日" };

	return wd >= 1 && wd <= 7 ? names[wd] : "";
}

const char *
cal_kind_name(enum cal_kind k)
{
	return k == CAL_WORK ? "班" : "休";
}

const char *
cal_kind_key(enum cal_kind k)
{
	return k == CAL_WORK ? "work" : "off";
}

/* --- the calendar in memory ---------------------------------------------- */

void
cal_init(struct calendar *c)
{
	memset(c, 0, sizeof(*c));
}

void
cal_release(struct calendar *c)
{
	if (c == NULL)
		return;
	free(c->v);
	free(c->years);
	cal_init(c);
}

static int
entry_cmp(const void *a, const void *b)
{
	int32_t	 x = ((const struct cal_entry *)a)->day;
	int32_t	 y = ((const struct cal_entry *)b)->day;

	return x < y ? -1 : x > y;
}

/* Index of the first entry on or after day. */
static size_t
lower_bound(const struct calendar *c, int32_t day)
{
	size_t	 lo = 0, hi = c->n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (c->v[mid].day < day)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

int
cal_known(const struct calendar *c, int year)
{
	size_t	 i;

	for (i = 0; i < c->nyears; i++)
		if (c->years[i] == year)
			return 1;
	return 0;
}

size_t
cal_add_year(struct calendar *c, int year, const struct cal_day *v, size_t n)
{
	size_t	 i, j, taken = 0;
	int32_t	 day;

	/* A year added again replaces what it had. */
	for (i = 0, j = 0; i < c->n; i++)
		if (year_of(c->v[i].day) != year)
			c->v[j++] = c->v[i];
	c->n = j;
	for (i = 0; i < n; i++) {
		if (!cal_date_parse(v[i].date, &day) || year_of(day) != year)
			continue;
		VEC_GROW(c->v, c->n, c->cap);
		c->v[c->n].day = day;
		c->v[c->n++].kind = v[i].kind;
		taken++;
	}
	if (c->n > 0)
		qsort(c->v, c->n, sizeof(*c->v), entry_cmp);
	if (!cal_known(c, year)) {
		VEC_GROW(c->years, c->nyears, c->ycap);
		for (i = c->nyears; i > 0 && c->years[i - 1] > year; i--)
			c->years[i] = c->years[i - 1];
		c->years[i] = year;
		c->nyears++;
	}
	return taken;
}

struct load_ctx {
	int		*years;
	size_t		 nyears, ycap;
	struct cal_day	*days;
	size_t		 ndays, dcap;
};

static int
load_year_cb(const struct cal_year *y, void *arg)
{
	struct load_ctx	*l = arg;

	VEC_GROW(l->years, l->nyears, l->ycap);
	l->years[l->nyears++] = y->year;
	return 0;
}

static int
load_day_cb(const struct cal_day *d, void *arg)
{
	struct load_ctx	*l = arg;

	VEC_GROW(l->days, l->ndays, l->dcap);
	l->days[l->ndays++] = *d;
	return 0;
}

enum fz_err
cal_load(struct calendar *c, struct store *st)
{
	struct load_ctx	 l;
	enum fz_err	 rc;
	char		 from[16], to[16];
	size_t		 i, k = 0, first;

	memset(&l, 0, sizeof(l));
	cal_init(c);
	if ((rc = store_calendar_years(st, load_year_cb, &l)) != FZ_OK ||
	    l.nyears == 0)
		goto out;
	snprintf(from, sizeof(from), "%04d-01-01", l.years[0]);
	snprintf(to, sizeof(to), "%04d-12-31", l.years[l.nyears - 1]);
	if ((rc = store_calendar_range(st, from, to, load_day_cb, &l)) !=
	    FZ_OK)
		goto out;
	/* The days come by date, so each year's are contiguous. */
	for (i = 0; i < l.nyears; i++) {
		char	 prefix[8];

		snprintf(prefix, sizeof(prefix), "%04d-", l.years[i]);
		while (k < l.ndays && strcmp(l.days[k].date, prefix) < 0)
			k++;
		first = k;
		while (k < l.ndays && str_startswith(l.days[k].date, prefix))
			k++;
		cal_add_year(c, l.years[i], l.days + first, k - first);
	}
out:
	free(l.years);
	free(l.days);
	if (rc != FZ_OK)
		cal_release(c);
	return rc;
}

/* --- arithmetic ---------------------------------------------------------- */

static int
workday(const struct calendar *c, int32_t day)
{
	size_t	 i = lower_bound(c, day);

	if (i < c->n && c->v[i].day == day)
		return c->v[i].kind == CAL_WORK;
	return cal_weekday(day) <= 5;
}

int
cal_is_workday(const struct calendar *c, const char *date)
{
	int32_t	 day;

	if (!cal_date_parse(date, &day))
		return -1;
	return workday(c, day);
}

/* The first year in [y0, y1] with no calendar, or 0. */
static int
first_unknown(const struct calendar *c, int y0, int y1)
{
	int	 y;

	for (y = y0; y <= y1; y++)
		if (!cal_known(c, y))
			return y;
	return 0;
}

enum fz_err
cal_add_workdays(const struct calendar *c, const char *date, int n,
    char out[11], int *unknown)
{
	int32_t	 day, start;
	int	 step = n < 0 ? -1 : 1, left = n < 0 ? -n : n;
	long	 walked = 0;

	*unknown = 0;
	if (!cal_date_parse(date, &day) || left > CAL_MAX_WORKDAYS)
		return FZ_EINVAL;
	start = day;
	while (left > 0) {
		day += step;
		/* Bounded even if a loaded year were all holidays. */
		if (++walked > 400L * 1000)
			return FZ_EINVAL;
		if (workday(c, day))
			left--;
	}
	if (n != 0)
		*unknown = step > 0 ?
		    first_unknown(c, year_of(start + 1), year_of(day)) :
		    first_unknown(c, year_of(day), year_of(start - 1));
	cal_date_fmt(day, out);
	return FZ_OK;
}

/* Monday to Friday in [MONDAY0, x]; MONDAY0 is 1900-01-01, a Monday,
 * day -25567 since 1970-01-01. */
static int64_t
weekdays_upto(int32_t x)
{
	int64_t	 t = (int64_t)x + 25567 + 1;

	return t / 7 * 5 + (t % 7 < 5 ? t % 7 : 5);
}

enum fz_err
cal_workdays_between(const struct calendar *c, const char *from,
    const char *to, int *n, int *unknown)
{
	int32_t	 a, b, lo, hi;
	int64_t	 count;
	size_t	 i;

	*n = 0;
	*unknown = 0;
	if (!cal_date_parse(from, &a) || !cal_date_parse(to, &b))
		return FZ_EINVAL;
	lo = a < b ? a : b;
	hi = a < b ? b : a;
	if (lo == hi)
		return FZ_OK;
	/* Weekdays in (lo, hi], then the exceptions in it. */
	count = weekdays_upto(hi) - weekdays_upto(lo);
	for (i = lower_bound(c, lo + 1); i < c->n && c->v[i].day <= hi;
	    i++) {
		int wd = cal_weekday(c->v[i].day) <= 5;

		if (c->v[i].kind == CAL_OFF && wd)
			count--;
		else if (c->v[i].kind == CAL_WORK && !wd)
			count++;
	}
	*n = (int)(a <= b ? count : -count);
	*unknown = first_unknown(c, year_of(lo + 1), year_of(hi));
	return FZ_OK;
}

/* --- checking a year's days ---------------------------------------------- */

/*
 * One day of a year: a real date in the year; 班 only on a Saturday or
 * Sunday (a working weekday needs no row); 休 on a weekend only with a
 * name (it then marks the weekend as part of a holiday; unnamed, it is
 * most likely a shifted date). Writes why into msg; 0 if fine.
 */
static int
check_day(const struct cal_day *d, int year, char *msg, size_t sz)
{
	int32_t	 day;
	int	 wd;

	if (!cal_date_parse(d->date, &day)) {
		snprintf(msg, sz, "日期“%s”不是有效的日期（应为 YYYY-MM-DD）",
		    d->date);
		return 1;
	}
	if (year_of(day) != year) {
		snprintf(msg, sz, "日期 %s 不在 %d 年内", d->date, year);
		return 1;
	}
	wd = cal_weekday(day);
	if (d->kind == CAL_WORK && wd <= 5) {
		snprintf(msg, sz, "%s 是%s，“班”（调休上班）只能是星期六或"
		    "星期日", d->date, cal_weekday_name(wd));
		return 1;
	}
	if (d->kind == CAL_OFF && wd > 5 && d->name[0] == '\0') {
		snprintf(msg, sz, "%s 是%s，本来就休息：周末的“休”须写明节日"
		    "名称", d->date, cal_weekday_name(wd));
		return 1;
	}
	return 0;
}

struct seen_day {
	const char	*date;
	int		 where;		/* line or item number */
};

static int
seen_cmp(const void *a, const void *b)
{
	const struct seen_day	*x = a, *y = b;
	int			 r = strcmp(x->date, y->date);

	if (r != 0)
		return r;
	return x->where < y->where ? -1 : x->where > y->where;
}

/* Report every repeated date at its later place; what is 行 or 项. */
static void
check_dups(const struct cal_day *v, const int *where, size_t n,
    const char *what, int use_line, struct diags *dg)
{
	struct seen_day	*s;
	size_t		 i;

	if (n < 2)
		return;
	s = xreallocarray(NULL, n, sizeof(*s));
	for (i = 0; i < n; i++) {
		s[i].date = v[i].date;
		s[i].where = where[i];
	}
	qsort(s, n, sizeof(*s), seen_cmp);
	for (i = 1; i < n; i++)
		if (str_eq(s[i].date, s[i - 1].date))
			diags_error(dg, use_line ? s[i].where : 0, 0,
			    "duplicate", "第 %d %s：日期 %s 重复（第 %d %s已有）",
			    s[i].where, what, s[i].date, s[i - 1].where, what);
	free(s);
}

static int
day_cmp(const void *a, const void *b)
{
	return strcmp(((const struct cal_day *)a)->date,
	    ((const struct cal_day *)b)->date);
}

/* The number in the first four characters of s if they are digits
 * followed by sep, or 0: the year of "2024-02-10" or of "2024.csv". */
static int
lead_year(const char *s, char sep)
{
	int	 i, y = 0;

	for (i = 0; i < 4; i++) {
		if (s[i] < '0' || s[i] > '9')
			return 0;
		y = y * 10 + (s[i] - '0');
	}
	return s[4] == sep ? y : 0;
}

/* A copy of s without spaces at either end, cut to fit n bytes. */
static int
copy_trim(char *dst, size_t n, const char *s)
{
	size_t	 len;

	while (*s == ' ' || *s == '\t')
		s++;
	len = strlen(s);
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t' ||
	    s[len - 1] == '\r'))
		len--;
	if (len >= n)
		return 0;
	memcpy(dst, s, len);
	dst[len] = '\0';
	return 1;
}

enum fz_err
core_calendar_parse(const char *data, size_t len, int year, int *yearp,
    struct cal_day **vp, size_t *np, struct diags *dg)
{
	static const char *const hdr[3] = { "日期", "类型", "名称" };
	struct csv	 c;
	struct cal_day	*v = NULL;
	int		*lines = NULL, year_line = 0;
	size_t		 n = 0, i, k;
	char		 cellv[80], msg[256];
	enum fz_err	 rc;

	*vp = NULL;
	*np = 0;
	*yearp = year;
	if ((rc = csv_parse(data, len, &c, dg)) != FZ_OK)
		return rc;
	if (c.nrows == 0) {
		diags_error(dg, 0, 0, "empty", "文件为空，没有表头和日期");
		rc = FZ_EINVAL;
		goto out;
	}
	for (k = 0; k < 3; k++)
		if (c.rows[0].n != 3 || !copy_trim(cellv, sizeof(cellv),
		    c.rows[0].f[k]) || !str_eq(cellv, hdr[k]))
			break;
	if (k < 3) {
		diags_error(dg, c.rows[0].line, 0, "bad_header",
		    "第 %d 行（表头）应为“日期,类型,名称”", c.rows[0].line);
		rc = FZ_EINVAL;
		goto out;
	}
	if (c.nrows - 1 > CAL_MAX_DAYS) {
		diags_error(dg, 0, 0, "too_many", "一年最多 %d 行，文件有 %zu 行",
		    CAL_MAX_DAYS, c.nrows - 1);
		rc = FZ_EINVAL;
		goto out;
	}
	v = xcalloc(c.nrows, sizeof(*v));
	lines = xcalloc(c.nrows, sizeof(*lines));
	for (i = 1; i < c.nrows; i++) {
		const struct csv_row	*r = &c.rows[i];
		struct cal_day		 d;
		int			 y;

		memset(&d, 0, sizeof(d));
		if (r->n != 3) {
			diags_error(dg, r->line, 0, "bad_row",
			    "第 %d 行应有 3 列（日期,类型,名称），实有 %zu 列",
			    r->line, r->n);
			continue;
		}
		if (!copy_trim(d.date, sizeof(d.date), r->f[0]))
			d.date[0] = '\0';
		if (!copy_trim(cellv, sizeof(cellv), r->f[1]))
			cellv[0] = '\0';
		if (str_eq(cellv, "休"))
			d.kind = CAL_OFF;
		else if (str_eq(cellv, "班"))
			d.kind = CAL_WORK;
		else {
			diags_error(dg, r->line, 0, "bad_field",
			    "第 %d 行：类型“%s”无效，应为 休 或 班", r->line,
			    r->f[1]);
			continue;
		}
		if (!copy_trim(d.name, sizeof(d.name), r->f[2])) {
			diags_error(dg, r->line, 0, "bad_field",
			    "第 %d 行：名称过长（最多 %zu 字节）", r->line,
			    sizeof(d.name) - 1);
			continue;
		}
		if (d.date[0] == '\0' || !core_date_valid(d.date)) {
			diags_error(dg, r->line, 0, "bad_date",
			    "第 %d 行：日期“%s”不是有效的日期（应为 "
			    "YYYY-MM-DD）", r->line, r->f[0]);
			continue;
		}
		/* The year: given, else the first good row's. */
		y = lead_year(d.date, '-');
		if (*yearp == 0) {
			*yearp = y;
			year_line = r->line;
		}
		if (y != *yearp && year == 0) {
			diags_error(dg, r->line, 0, "bad_year",
			    "第 %d 行：日期 %s 与第 %d 行不在同一年：一个文件"
			    "只能是一年的日历", r->line, d.date, year_line);
			continue;
		}
		if (check_day(&d, *yearp, msg, sizeof(msg))) {
			diags_error(dg, r->line, 0, y != *yearp ?
			    "bad_year" : "bad_field", "第 %d 行：%s", r->line,
			    msg);
			continue;
		}
		lines[n] = r->line;
		v[n++] = d;
	}
	check_dups(v, lines, n, "行", 1, dg);
	if (n == 0 && dg->nerrors == 0)
		diags_error(dg, 0, 0, "empty", "文件只有表头，没有日期");
	if (dg->nerrors > 0) {
		rc = FZ_EINVAL;
		goto out;
	}
	qsort(v, n, sizeof(*v), day_cmp);
	*vp = v;
	*np = n;
	v = NULL;
out:
	free(v);
	free(lines);
	csv_release(&c);
	return rc;
}

/* --- storing a year ------------------------------------------------------ */

/* One year ready to store, and where it came from. */
struct cal_set {
	int		 year;
	struct cal_day	*v;
	size_t		 n;
	char		 source[256];
	const char	*action;	/* calendar.import or calendar.put */
};

static enum fz_err
store_sets(struct store *st, const struct cal_set *s, size_t ns,
    const char *actor, struct diags *dg)
{
	enum fz_err	 rc;
	size_t		 i, k, work;
	char		 obj[32], detail[400];

	for (i = 0; i < ns; i++)
		for (k = 0; k < i; k++)
			if (s[i].year == s[k].year) {
				diags_error(dg, 0, 0, "duplicate", "%d 年出现在"
				    "两个文件中", s[i].year);
				return FZ_EINVAL;
			}
	if ((rc = store_begin(st)) != FZ_OK)
		goto fail;
	for (i = 0; i < ns; i++) {
		if ((rc = store_calendar_put(st, s[i].year, s[i].v, s[i].n,
		    s[i].source)) != FZ_OK)
			goto fail;
		for (work = 0, k = 0; k < s[i].n; k++)
			work += s[i].v[k].kind == CAL_WORK;
		snprintf(obj, sizeof(obj), "calendar:%d", s[i].year);
		snprintf(detail, sizeof(detail), "%zu 天（休 %zu 天，班 %zu 天）；"
		    "来源：%s", s[i].n, s[i].n - work, work, s[i].source);
		if ((rc = store_audit(st, actor, s[i].action, obj, detail)) !=
		    FZ_OK)
			goto fail;
	}
	if ((rc = store_commit(st)) == FZ_OK)
		return FZ_OK;
fail:
	diags_error(dg, 0, 0, "db", "%s", store_errmsg(st));
	store_rollback(st);
	return rc;
}

static const char *
base_name(const char *path)
{
	const char	*s = strrchr(path, '/');

	return s != NULL ? s + 1 : path;
}

/* The year of a file named YYYY.csv, or 0. */
static int
name_year(const char *path)
{
	const char	*b = base_name(path);

	if (strlen(b) != 8 || !str_eq(b + 4, ".csv"))
		return 0;
	return lead_year(b, '.');
}

/* Read and check one file into a set; diags carry its lines. */
static enum fz_err
read_file_set(const char *path, int year, struct cal_set *s,
    struct diags *dg)
{
	struct buf	 data = BUF_INIT, err = BUF_INIT;
	char		 hex[65];
	enum fz_err	 rc;

	memset(s, 0, sizeof(*s));
	s->action = "calendar.import";
	if (year == 0)
		year = name_year(path);
	if ((rc = file_read(path, CAL_FILE_MAX, &data, &err)) != FZ_OK) {
		diags_error(dg, 0, 0, "io", "%s", err.ptr);
		goto out;
	}
	if ((rc = core_calendar_parse(data.ptr, data.len, year, &s->year,
	    &s->v, &s->n, dg)) != FZ_OK)
		goto out;
	sha256_hex(data.ptr, data.len, hex);
	snprintf(s->source, sizeof(s->source), "%.180s sha256:%.16s",
	    base_name(path), hex);
out:
	buf_release(&data);
	buf_release(&err);
	return rc;
}

enum fz_err
core_calendar_import(struct store *st, const char *const *paths,
    size_t npaths, int year, const char *actor, int *nyears,
    struct diags *dg)
{
	struct cal_set	*s;
	enum fz_err	 rc = FZ_OK, r;
	size_t		 i;

	*nyears = 0;
	if (npaths == 0 || (year != 0 && npaths > 1)) {
		diags_error(dg, 0, 0, "usage", "指定年份时只能导入一个文件");
		return FZ_EINVAL;
	}
	s = xcalloc(npaths, sizeof(*s));
	for (i = 0; i < npaths; i++) {
		struct diags	 one = { 0 };
		size_t		 k;

		if ((r = read_file_set(paths[i], year, &s[i], &one)) !=
		    FZ_OK && rc == FZ_OK)
			rc = r;
		/* With several files, each message names its file. */
		for (k = 0; k < one.n; k++) {
			const struct diag *g = &one.v[k];

			if (!g->is_error)
				diags_add(dg, npaths == 1 ? g->line : 0,
				    g->task, g->code, "%s%s%s", npaths == 1 ?
				    "" : base_name(paths[i]), npaths == 1 ?
				    "" : "：", g->message);
			else
				diags_error(dg, npaths == 1 ? g->line : 0,
				    g->task, g->code, "%s%s%s", npaths == 1 ?
				    "" : base_name(paths[i]), npaths == 1 ?
				    "" : "：", g->message);
		}
		diags_release(&one);
	}
	if (rc == FZ_OK && (rc = store_sets(st, s, npaths, actor, dg)) ==
	    FZ_OK)
		*nyears = (int)npaths;
	for (i = 0; i < npaths; i++)
		free(s[i].v);
	free(s);
	return rc;
}

enum fz_err
core_calendar_put_json(struct store *st, int year, const json_t *body,
    const char *actor, struct diags *dg)
{
	struct cal_set	 s;
	const json_t	*days, *src, *it, *f;
	int		*items = NULL;
	size_t		 i;
	char		 msg[256];
	enum fz_err	 rc = FZ_EINVAL;

	memset(&s, 0, sizeof(s));
	s.year = year;
	s.action = "calendar.put";
	if (year < 1900 || year > 2999) {
		diags_error(dg, 0, 0, "bad_year", "年份应在 1900 到 2999 之间");
		return FZ_EINVAL;
	}
	days = body != NULL ? json_object_get(body, "days") : NULL;
	if (days == NULL || !json_is_array(days) || json_array_size(days) ==
	    0 || json_array_size(days) > CAL_MAX_DAYS) {
		diags_error(dg, 0, 0, "bad_field", "“days”应为 1 到 %d 项的"
		    "数组", CAL_MAX_DAYS);
		return FZ_EINVAL;
	}
	src = json_object_get(body, "source");
	if (src != NULL && !json_is_null(src) && (!json_is_string(src) ||
	    strlen(json_string_value(src)) >= sizeof(s.source))) {
		diags_error(dg, 0, 0, "bad_field", "“source”应为不超过 %zu "
		    "字节的字符串", sizeof(s.source) - 1);
		return FZ_EINVAL;
	}
	snprintf(s.source, sizeof(s.source), "%s", src != NULL &&
	    json_is_string(src) ? json_string_value(src) : "");
	s.v = xcalloc(json_array_size(days), sizeof(*s.v));
	items = xcalloc(json_array_size(days), sizeof(*items));
	json_array_foreach(days, i, it) {
		struct cal_day	 d;
		const char	*kind;
		int		 at = (int)i + 1;

		memset(&d, 0, sizeof(d));
		f = json_is_object(it) ? json_object_get(it, "date") : NULL;
		if (f == NULL || !json_is_string(f) ||
		    strlen(json_string_value(f)) >= sizeof(d.date)) {
			diags_error(dg, 0, 0, "bad_date", "第 %d 项：“date”应为"
			    " YYYY-MM-DD", at);
			continue;
		}
		snprintf(d.date, sizeof(d.date), "%s", json_string_value(f));
		f = json_object_get(it, "kind");
		kind = f != NULL && json_is_string(f) ? json_string_value(f) :
		    "";
		if (str_eq(kind, "off"))
			d.kind = CAL_OFF;
		else if (str_eq(kind, "work"))
			d.kind = CAL_WORK;
		else {
			diags_error(dg, 0, 0, "bad_field", "第 %d 项：“kind”应为"
			    " off（休）或 work（班）", at);
			continue;
		}
		f = json_object_get(it, "name");
		if (f != NULL && !json_is_null(f) && (!json_is_string(f) ||
		    strlen(json_string_value(f)) >= sizeof(d.name))) {
			diags_error(dg, 0, 0, "bad_field", "第 %d 项：“name”应为"
			    "不超过 %zu 字节的字符串", at, sizeof(d.name) - 1);
			continue;
		}
		if (f != NULL && json_is_string(f))
			snprintf(d.name, sizeof(d.name), "%s",
			    json_string_value(f));
		if (check_day(&d, year, msg, sizeof(msg))) {
			diags_error(dg, 0, 0, "bad_field", "第 %d 项：%s", at,
			    msg);
			continue;
		}
		items[s.n] = at;
		s.v[s.n++] = d;
	}
	check_dups(s.v, items, s.n, "项", 0, dg);
	if (dg->nerrors == 0) {
		qsort(s.v, s.n, sizeof(*s.v), day_cmp);
		rc = store_sets(st, &s, 1, actor, dg);
	}
	free(items);
	free(s.v);
	return rc;
}

struct json_ctx {
	json_t		*days;
	int		 year;
	json_t		*src;
	int		 loaded;
};

static int
json_year_cb(const struct cal_year *y, void *arg)
{
	struct json_ctx	*j = arg;

	if (y->year != j->year)
		return 0;
	j->loaded = 1;
	j->src = y->source[0] != '\0' ? json_string(y->source) : json_null();
	return 1;
}

static int
json_day_cb(const struct cal_day *d, void *arg)
{
	struct json_ctx	*j = arg;

	json_array_append_new(j->days, json_pack("{s:s,s:s,s:o}", "date",
	    d->date, "kind", cal_kind_key(d->kind), "name", d->name[0] ?
	    json_string(d->name) : json_null()));
	return 0;
}

enum fz_err
core_calendar_json(struct store *st, int year, json_t **out)
{
	struct json_ctx	 j;
	enum fz_err	 rc;

	*out = NULL;
	memset(&j, 0, sizeof(j));
	j.year = year;
	j.days = json_array();
	if ((rc = store_calendar_years(st, json_year_cb, &j)) != FZ_OK ||
	    (rc = store_calendar_days(st, year, json_day_cb, &j)) != FZ_OK) {
		json_decref(j.days);
		json_decref(j.src);
		return rc;
	}
	*out = json_pack("{s:i,s:b,s:o,s:o}", "year", year, "loaded",
	    j.loaded, "source", j.src != NULL ? j.src : json_null(), "days",
	    j.days);
	return FZ_OK;
}
