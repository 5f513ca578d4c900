/*
 * gen_province.c: the data of the province benchmark. Into a fresh store
 * it puts Shandong's 136 counties (the 16 cities' county-level divisions,
 * development zones left out), each with the 莘县 directory's units renamed
 * for it and its towns, then N registry records (1,000,000 by default)
 * spread over the units, from a fixed seed. Records are loaded through the
 * engine's own fast path: one transaction of prepared INSERTs on SQLite,
 * COPY on PostgreSQL. The registries it fills are a table (gens[]); prints
 * one key=value line of counts and times on stdout. With -C DIR -p PLAN it
 * writes instead, for each county, a kit for its own deployment
 * (bench/annual-province.sh): DIR/<code>/units.csv (its directory with
 * short forms), plan.md (PLAN with 莘县 and 聊城市 renamed) and
 * records.csv (its share of the same records, by unit code).
 * SPDX-License-Identifier: MIT
 */
#include <sys/stat.h>

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <libpq-fe.h>
#include <sqlite3.h>

#include "fazhi/core.h"
#include "fazhi/util.h"
#include "store/store-int.h"
#include "gen.h"
#include "fazhi/banned.h"


#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

/* A line of a CSV file without quoting, split at commas in place. */
static int
split(char *line, char **f, int max)
{
	int	 n = 0;
	char	*p = line;

	line[strcspn(line, "\r\n")] = '\0';
	f[n++] = p;
	while (n < max && (p = strchr(p, ',')) != NULL) {
		*p++ = '\0';
		f[n++] = p;
	}
	return n;
}

struct div {
	char	 code[16];
	char	 name[64];
	char	 level[16];
	char	 parent[16];
};

/* A row of the template directory (data/units/shenxian.csv). */
struct tmpl {
	char	 code[32];
	char	 name[128];
	char	 abbr[256];	/* 简称 */
	char	 alias[256];	/* 别名 */
	char	 kind[32];
	int	 enforcement;
	char	 parent[32];
	int	 town;
};

/* A unit made, with the weight of its share of records. */
struct gunit {
	int64_t	 id;
	char	 code[40];
	char	 abbr[24];	/* for 文号 */
	int	 weight;
	int	 county;	/* index of its county */
	char	 local[40];	/* its code in its county's own directory */
};

struct gen {
	struct div	*div;
	size_t		 ndiv;
	struct tmpl	*tm;
	size_t		 ntm;
	struct gunit	*u;
	size_t		 nu, ucap;
	int		 year;
	int		 ncounties, ntowns;
	const char	*kit;		/* -C: the kits' directory */
	const char	*plan;		/* -p: the plan they rename */
	char		 (*kitdir)[64];	/* each county's kit directory */
};

static void
load_divisions(struct gen *g, const char *path)
{
	FILE	*f;
	char	 line[512], *c[5];

	if ((f = fopen(path, "r")) == NULL)
		die("cannot open '%s'", path);
	while (fgets(line, sizeof(line), f) != NULL) {
		struct div *d;

		if (split(line, c, 5) < 4 || str_eq(c[0], "code"))
			continue;
		g->div = xreallocarray(g->div, g->ndiv + 1, sizeof(*g->div));
		d = &g->div[g->ndiv++];
		snprintf(d->code, sizeof(d->code), "%s", c[0]);
		snprintf(d->name, sizeof(d->name), "%s", c[1]);
		snprintf(d->level, sizeof(d->level), "%s", c[2]);
		snprintf(d->parent, sizeof(d->parent), "%s", c[3]);
	}
	fclose(f);
}

static void
load_template(struct gen *g, const char *path)
{
	FILE	*f;
	char	 line[1024], *c[9];

	if ((f = fopen(path, "r")) == NULL)
		die("cannot open '%s'", path);
	while (fgets(line, sizeof(line), f) != NULL) {
		struct tmpl *t;

		if (split(line, c, 9) < 8 || str_eq(c[0], "编码"))
			continue;
		g->tm = xreallocarray(g->tm, g->ntm + 1, sizeof(*g->tm));
		t = &g->tm[g->ntm++];
		snprintf(t->code, sizeof(t->code), "%s", c[0]);
		snprintf(t->name, sizeof(t->name), "%s", c[1]);
		snprintf(t->abbr, sizeof(t->abbr), "%s", c[2]);
		snprintf(t->alias, sizeof(t->alias), "%s", c[3]);
		snprintf(t->kind, sizeof(t->kind), "%s", c[4]);
		t->enforcement = str_eq(c[5], "是");
		snprintf(t->parent, sizeof(t->parent), "%s", c[6]);
		t->town = str_eq(c[4], "镇") || str_eq(c[4], "街道");
	}
	fclose(f);
}

static const struct div *
div_find(const struct gen *g, const char *code)
{
	size_t	 i;

	for (i = 0; i < g->ndiv; i++)
		if (str_eq(g->div[i].code, code))
			return &g->div[i];
	return NULL;
}

/* Replace every "from" in s by "to" into out. */
static void
replace(const char *s, const char *from, const char *to, struct buf *out)
{
	const char	*p;
	size_t		 n = strlen(from);

	buf_reset(out);
	while ((p = strstr(s, from)) != NULL) {
		buf_add(out, s, (size_t)(p - s));
		buf_addstr(out, to);
		s = p + n;
	}
	buf_addstr(out, s);
}

static struct gunit *
unit_add(struct gen *g, struct store *st, const char *code, const char *name,
    const char *kind, int enforcement, const char *parent,
    const char *division, int weight, int county, const char *local)
{
	struct unit	 u;
	struct gunit	*gu;

	memset(&u, 0, sizeof(u));
	u.code = (char *)(uintptr_t)code;
	u.name = (char *)(uintptr_t)name;
	if (!unit_kind_parse(kind, &u.kind))
		die("unit kind '%s'", kind);
	u.enforcement = enforcement;
	u.parent = parent[0] ? (char *)(uintptr_t)parent : NULL;
	u.division = (char *)(uintptr_t)division;
	VEC_GROW(g->u, g->nu, g->ucap);
	gu = &g->u[g->nu++];
	memset(gu, 0, sizeof(*gu));
	if (store_unit_put(st, &u, &gu->id) != FZ_OK)
		die("unit '%s': %s", name, store_errmsg(st));
	snprintf(gu->code, sizeof(gu->code), "%s", code);
	snprintf(gu->local, sizeof(gu->local), "%s", local);
	gu->weight = weight;
	gu->county = county;
	return gu;
}

/*
 * One county: every unit of the template but the towns, renamed (莘县 to
 * the county's name, 聊城市 to its city's), then its towns: 莘县's own 24,
 * elsewhere 6 to 20 numbered ones (the statistics' town names are in the
 * data for 莘县 only). Codes: "<division>-<template code>".
 */
/* A row of a county's units.csv, in the template's columns. */
static void
kit_unit(FILE *f, const char *code, const char *name, const char *abbr,
    const char *alias, const char *kind, int enforcement,
    const char *parent, const char *division)
{
	fprintf(f, "%s,%s,%s,%s,%s,%s,%s,%s\n", code, name, abbr, alias, kind,
	    enforcement ? "是" : "否", parent, division);
}

/* The county's plan: the reference plan's text with 莘县 and 聊城市 and
 * the 文号's 莘 renamed. */
static void
kit_plan(const struct gen *g, const char *dir, const char *full,
    const struct div *cty, const struct div *city)
{
	struct buf	 src = BUF_INIT, a = BUF_INIT, b = BUF_INIT;
	char		 path[128], head[8], ch[1024];
	FILE		*f;
	size_t		 n;

	if ((f = fopen(g->plan, "r")) == NULL)
		die("cannot open '%s'", g->plan);
	while ((n = fread(ch, 1, sizeof(ch), f)) > 0)
		buf_add(&src, ch, n);
	fclose(f);
	replace(src.ptr, "莘县", full, &a);
	replace(a.ptr, "聊城市", city->name, &b);
	/* 莘政办发 → 临政办发: the county name's first character. */
	n = (unsigned char)cty->name[0] >= 0xe0 ? 3 : 1;
	snprintf(head, sizeof(head), "%.*s政", (int)n, cty->name);
	replace(b.ptr, "莘政", head, &a);
	snprintf(path, sizeof(path), "%s/plan.md", dir);
	if ((f = fopen(path, "w")) == NULL || fwrite(a.ptr, 1, a.len, f) !=
	    a.len || fclose(f) != 0)
		die("cannot write '%s'", path);
	buf_release(&src);
	buf_release(&a);
	buf_release(&b);
}

static void
county_units(struct gen *g, struct store *st, const struct div *cty,
    int county)
{
	const struct div	*city = div_find(g, cty->parent);
	struct buf		 full = BUF_INIT, name = BUF_INIT, tmp = BUF_INIT;
	struct buf		 abbr = BUF_INIT, alias = BUF_INIT;
	char			 code[64], parent[64], div[40], path[128];
	size_t			 i;
	int			 shen = str_eq(cty->code, "371522"), n, k;
	int			 district;
	FILE			*kit = NULL;

	if (city == NULL)
		die("no city for '%s'", cty->code);
	if (g->kit != NULL) {
		g->kitdir = xreallocarray(g->kitdir, (size_t)county + 1,
		    sizeof(*g->kitdir));
		snprintf(g->kitdir[county], sizeof(g->kitdir[county]),
		    "%s/%s", g->kit, cty->code);
		if (mkdir(g->kitdir[county], 0777) != 0 && errno != EEXIST)
			die("cannot make '%s'", g->kitdir[county]);
		snprintf(path, sizeof(path), "%s/units.csv",
		    g->kitdir[county]);
		if ((kit = fopen(path, "w")) == NULL)
			die("cannot write '%s'", path);
		fprintf(kit, "编码,名称,简称,别名,类型,行政执法主体,上级单位,"
		    "区划代码\n");
	}
	district = str_endswith(cty->name, "区");
	/* 济南市历下区, but 莘县 and 临清市 as they are. */
	if (district)
		buf_addf(&full, "%s%s", city->name, cty->name);
	else
		buf_addstr(&full, cty->name);
	for (i = 0; i < g->ntm; i++) {
		const struct tmpl *t = &g->tm[i];
		int w;

		if (t->town && !shen)
			continue;
		replace(t->name, "莘县", full.ptr, &tmp);
		replace(tmp.ptr, "聊城市", city->name, &name);
		if (t->town && shen) {
			snprintf(code, sizeof(code), "%s", t->code);
			snprintf(div, sizeof(div), "%s", t->code);
		} else {
			snprintf(code, sizeof(code), "%s-%s", cty->code,
			    t->code);
			snprintf(div, sizeof(div), "%s", cty->code);
		}
		snprintf(parent, sizeof(parent), "%s%s%s", t->parent[0] ?
		    cty->code : "", t->parent[0] ? "-" : "", t->parent);
		/* Departments issue most documents, towns some, the
		 * court and the party offices few. */
		w = t->town ? 4 : str_eq(t->kind, "政府部门") ? 10 :
		    str_eq(t->kind, "其他") ? 3 : 1;
		unit_add(g, st, code, name.ptr, t->kind, t->enforcement,
		    parent, div, w, county, t->code);
		g->ntowns += t->town;
		if (kit != NULL) {
			replace(t->abbr, "莘县", full.ptr, &tmp);
			replace(tmp.ptr, "聊城市", city->name, &abbr);
			replace(t->alias, "莘县", full.ptr, &tmp);
			replace(tmp.ptr, "聊城市", city->name, &alias);
			kit_unit(kit, t->code, name.ptr, abbr.ptr, alias.ptr,
			    t->kind, t->enforcement, t->parent, t->town ?
			    t->code : cty->code);
		}
	}
	if (!shen) {
		n = 6 + pick(15);
		for (k = 1; k <= n; k++) {
			int sub = district || k <= 2;

			snprintf(code, sizeof(code), "%s%03d", cty->code, k);
			buf_reset(&name);
			buf_addf(&name, "%s第%d%s", full.ptr, k, sub ?
			    "街道办事处" : "镇人民政府");
			snprintf(parent, sizeof(parent), "%s-xzf", cty->code);
			unit_add(g, st, code, name.ptr, sub ? "街道" : "镇", 1,
			    parent, code, 4, county, code);
			g->ntowns++;
			if (kit != NULL) {
				/* 第3镇, as the plan's towns are called by
				 * their short names. */
				buf_reset(&abbr);
				buf_addf(&abbr, "第%d%s", k, sub ? "街道" :
				    "镇");
				kit_unit(kit, code, name.ptr, abbr.ptr, "",
				    sub ? "街道" : "镇", 1, "xzf", code);
			}
		}
	}
	if (kit != NULL) {
		if (fclose(kit) != 0)
			die("cannot write '%s'", path);
		kit_plan(g, g->kitdir[county], full.ptr, cty, city);
	}
	buf_release(&full);
	buf_release(&name);
	buf_release(&tmp);
	buf_release(&abbr);
	buf_release(&alias);
}

/* Dates as days since 1970-01-01 (proleptic Gregorian). */
static long
days_from_civil(int y, int m, int d)
{
	int		 era;
	unsigned	 yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (unsigned)(y - era * 400);
	doy = (unsigned)((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1);
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (long)era * 146097 + (long)doe - 719468;
}

static void
civil(long z, char out[16])
{
	long		 era;
	unsigned	 doe, yoe, doy, mp, d, m;
	long		 y;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = (unsigned)(z - era * 146097);
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = (long)yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d = doy - (153 * mp + 2) / 5 + 1;
	m = mp < 10 ? mp + 3 : mp - 9;
	y += m <= 2;
	snprintf(out, 16, "%04d-%02u-%02u", (int)(y % 10000), m % 13, d % 32);
}

/*
 * A registry the generator fills: its table's columns and a function
 * that writes the cells of the n-th record of a unit (NULL: SQL NULL).
 * Adding a registry: a row here with its columns and its row function.
 */
#define MAXCOLS	40
struct cells {
	const char	*v[MAXCOLS];
	char		 buf[MAXCOLS][256];
};

struct gen_reg {
	const char	*registry;	/* key in registries[] */
	const char	*table;
	const char	*cols;		/* the INSERT's column list */
	int		 ncols;
	void		(*row)(const struct gen *, const struct gunit *,
			    int seq, struct cells *);
};

static const char *const topics[] = {
	"规范行政执法自由裁量权", "加强安全生产监督管理", "推进政务服务标准化",
	"做好农村人居环境整治", "加强城市管理", "规范政府投资项目管理",
	"实施农业补贴", "加强校外培训机构管理", "规范住房保障", "加强食品安全",
	"推进公共资源交易", "优化营商环境", "加强市场监管", "规范财政资金使用",
};

static void
cell(struct cells *c, int i, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
cell(struct cells *c, int i, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	vsnprintf(c->buf[i], sizeof(c->buf[i]), fmt, ap);
	va_end(ap);
	c->v[i] = c->buf[i];
}

/*
 * 行政规范性文件: published over the year; about 88 % filed, of which
 * about 85 % within 30 days, the rest 31 to 120 days after; about 90 % of
 * those filed reviewed 3 to 45 days after filing; valid 5 years.
 */
static void
normative_row(const struct gen *g, const struct gunit *u, int seq,
    struct cells *c)
{
	long	 pub = days_from_civil(g->year, 1, 1) + pick(365), filed = 0;
	int	 is_filed = chance(880);
	char	 d[16];

	memset(c->v, 0, sizeof(c->v));
	cell(c, 0, "%lld", (long long)u->id);
	cell(c, 1, "%s发〔%d〕%d号", u->abbr, g->year, seq);
	cell(c, 2, "关于%s的通知（%d）", topics[pick((int)NELEM(topics))], seq);
	civil(pub, d);
	cell(c, 3, "%s", d);
	if (is_filed) {
		filed = pub + (chance(850) ? 1 + pick(30) : 31 + pick(90));
		civil(filed, d);
		cell(c, 4, "%s", d);
		if (chance(900)) {
			civil(filed + 3 + pick(43), d);
			cell(c, 5, "%s", d);
			cell(c, 6, "%s", chance(970) ? "予以备案" : "纠正");
		}
	}
	civil(pub + 5 * 365, d);
	cell(c, 7, "%s", d);
	cell(c, 8, "%s", chance(980) ? "有效" : "修改");
	cell(c, 9, "bench");
	cell(c, 10, "2023-01-05T08:00:00Z");
}

static const struct gen_reg gens[] = {
	{ "normative", "reg_normative_doc", "unit_id, doc_no, title, "
	    "published, filed, reviewed, conclusion, expires, status, "
	    "revision, created_by, created_at, updated_by, updated_at",
	    11, normative_row },
};

/* Unit picked by weight: a cumulative table and a binary search. */
static size_t
pick_unit(const int64_t *cum, size_t n)
{
	int64_t	 x = (int64_t)(rng() % (uint64_t)cum[n - 1]);
	size_t	 lo = 0, hi = n - 1;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (cum[mid] > x)
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

/* The full set of bound values of one row: cells, then revision 1 and
 * created_by/at repeated as updated_by/at. */
static int
row_values(const struct gen_reg *r, const struct cells *c,
    const char **v)
{
	int	 i, n = 0;

	for (i = 0; i < r->ncols - 2; i++)
		v[n++] = c->v[i];
	v[n++] = "1";
	v[n++] = c->v[r->ncols - 2];
	v[n++] = c->v[r->ncols - 1];
	v[n++] = c->v[r->ncols - 2];
	v[n++] = c->v[r->ncols - 1];
	return n;
}

/* COPY text format: backslash, tab and line ends escaped; \N is NULL. */
static void
copy_field(struct buf *b, const char *s)
{
	if (s == NULL) {
		buf_addstr(b, "\\N");
		return;
	}
	for (; *s != '\0'; s++) {
		if (*s == '\\' || *s == '\t' || *s == '\n' || *s == '\r')
			buf_addch(b, '\\');
		buf_addch(b, *s == '\n' ? 'n' : *s == '\r' ? 'r' :
		    *s == '\t' ? 't' : *s);
	}
}

static void
load_sqlite(const char *path, const struct gen *g, const struct gen_reg *r,
    long nrec, const int64_t *cum, int *seq)
{
	sqlite3		*db = NULL;
	sqlite3_stmt	*s = NULL;
	struct buf	 sql = BUF_INIT;
	struct cells	 c;
	const char	*v[MAXCOLS + 4];
	long		 k;
	int		 i, n;

	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL) !=
	    SQLITE_OK)
		die("sqlite '%s': %s", path, sqlite3_errmsg(db));
	buf_addf(&sql, "INSERT INTO %s (%s) VALUES (", r->table, r->cols);
	for (i = 0; i < r->ncols + 3; i++)
		buf_addf(&sql, "%s?%d", i ? ", " : "", i + 1);
	buf_addch(&sql, ')');
	if (sqlite3_exec(db, "PRAGMA synchronous=NORMAL; PRAGMA cache_size=-524288; BEGIN", NULL, NULL,
	    NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, sql.ptr, -1, &s, NULL) != SQLITE_OK)
		die("sqlite: %s", sqlite3_errmsg(db));
	for (k = 0; k < nrec; k++) {
		size_t u = pick_unit(cum, g->nu);

		r->row(g, &g->u[u], ++seq[u], &c);
		n = row_values(r, &c, v);
		for (i = 0; i < n; i++)
			if (v[i] == NULL)
				sqlite3_bind_null(s, i + 1);
			else
				sqlite3_bind_text(s, i + 1, v[i], -1,
				    SQLITE_STATIC);
		if (sqlite3_step(s) != SQLITE_DONE)
			die("sqlite insert: %s", sqlite3_errmsg(db));
		sqlite3_reset(s);
	}
	if (sqlite3_finalize(s) != SQLITE_OK ||
	    sqlite3_exec(db, "COMMIT; ANALYZE", NULL, NULL, NULL) != SQLITE_OK)
		die("sqlite commit: %s", sqlite3_errmsg(db));
	sqlite3_close(db);
	buf_release(&sql);
}

static void
load_pg(const char *dsn, const struct gen *g, const struct gen_reg *r,
    long nrec, const int64_t *cum, int *seq)
{
	PGconn		*pg;
	PGresult	*res;
	struct buf	 b = BUF_INIT;
	struct cells	 c;
	const char	*v[MAXCOLS + 4];
	long		 k;
	int		 i, n;

	pg = PQconnectdb(str_startswith(dsn, "pg:") ? dsn + 3 : dsn);
	if (PQstatus(pg) != CONNECTION_OK)
		die("postgresql: %s", PQerrorMessage(pg));
	buf_addf(&b, "COPY %s (%s) FROM STDIN", r->table, r->cols);
	res = PQexec(pg, b.ptr);
	if (PQresultStatus(res) != PGRES_COPY_IN)
		die("copy: %s", PQerrorMessage(pg));
	PQclear(res);
	buf_reset(&b);
	for (k = 0; k < nrec; k++) {
		size_t u = pick_unit(cum, g->nu);

		r->row(g, &g->u[u], ++seq[u], &c);
		n = row_values(r, &c, v);
		for (i = 0; i < n; i++) {
			if (i > 0)
				buf_addch(&b, '\t');
			copy_field(&b, v[i]);
		}
		buf_addch(&b, '\n');
		if (b.len > 1 << 20 || k + 1 == nrec) {
			if (PQputCopyData(pg, b.ptr, (int)b.len) != 1)
				die("copy: %s", PQerrorMessage(pg));
			buf_reset(&b);
		}
	}
	if (PQputCopyEnd(pg, NULL) != 1)
		die("copy end: %s", PQerrorMessage(pg));
	while ((res = PQgetResult(pg)) != NULL) {
		if (PQresultStatus(res) != PGRES_COMMAND_OK)
			die("copy: %s", PQerrorMessage(pg));
		PQclear(res);
	}
	res = PQexec(pg, "ANALYZE");
	if (PQresultStatus(res) != PGRES_COMMAND_OK)
		die("analyze: %s", PQerrorMessage(pg));
	PQclear(res);
	PQfinish(pg);
	buf_release(&b);
}

/*
 * -C: the same records, drawn in the same order, written to the county
 * of their unit as CSV (unit code, then the cells; no NULL in CSV: an
 * empty cell is one). The kit's loader maps codes to its own unit ids.
 */
static void
load_kit(const struct gen *g, const struct gen_reg *r, long nrec,
    const int64_t *cum, int *seq)
{
	FILE		**f = xcalloc((size_t)g->ncounties, sizeof(*f));
	struct cells	 c;
	char		 path[128];
	long		 k;
	int		 i;

	for (i = 0; i < g->ncounties; i++) {
		snprintf(path, sizeof(path), "%s/records-%s.csv",
		    g->kitdir[i], r->registry);
		if ((f[i] = fopen(path, "w")) == NULL)
			die("cannot write '%s'", path);
	}
	for (k = 0; k < nrec; k++) {
		size_t u = pick_unit(cum, g->nu);
		FILE *o = f[g->u[u].county];

		r->row(g, &g->u[u], ++seq[u], &c);
		fputs(g->u[u].local, o);
		for (i = 1; i < r->ncols; i++) {
			if (c.v[i] != NULL && strpbrk(c.v[i], ",\"\n") != NULL)
				die("cell '%s' needs quoting", c.v[i]);
			fprintf(o, ",%s", c.v[i] != NULL ? c.v[i] : "");
		}
		fputc('\n', o);
	}
	for (i = 0; i < g->ncounties; i++)
		if (fclose(f[i]) != 0)
			die("cannot write the records of county %d", i);
	free(f);
}

static void
usage(void)
{
	fprintf(stderr, "usage: %s [-s seed] [-n records] [-y year] "
	    "[-C DIR -p PLAN] DSN DIVISIONS.csv UNITS.csv\n", prog);
	exit(2);
}

int
main(int argc, char **argv)
{
	struct gen	 g;
	struct store	*st = NULL;
	const char	*dsn;
	int64_t		*cum;
	int		*seq;
	long long	 x;
	long		 nrec = 1000000;
	double		 t0, t_units, t_recs;
	size_t		 i;
	int		 c, v, seed = 2022, county = 0;

	prog = "gen_province";
	memset(&g, 0, sizeof(g));
	g.year = 2022;
	while ((c = getopt(argc, argv, "C:p:s:n:y:")) != -1) {
		switch (c) {
		case 'C':
			g.kit = optarg;
			break;
		case 'p':
			g.plan = optarg;
			break;
		case 's':
			if (str_toint(optarg, 0, 1 << 30, &x) != FZ_OK)
				usage();
			seed = (int)x;
			break;
		case 'n':
			if (str_toint(optarg, 1, 100000000, &x) != FZ_OK)
				usage();
			nrec = (long)x;
			break;
		case 'y':
			if (str_toint(optarg, 2000, 2099, &x) != FZ_OK)
				usage();
			g.year = (int)x;
			break;
		default:
			usage();
		}
	}
	if (argc - optind != 3 || (g.kit == NULL) != (g.plan == NULL))
		usage();
	if (g.kit != NULL && mkdir(g.kit, 0777) != 0 && errno != EEXIST)
		die("cannot make '%s'", g.kit);
	dsn = argv[optind];
	rng_state = (uint64_t)seed;
	load_divisions(&g, argv[optind + 1]);
	load_template(&g, argv[optind + 2]);

	/* The schema and the unit directory, through the store. */
	t0 = now();
	if (store_open(dsn, 1, &st) != FZ_OK)
		die("cannot open '%s': %s", dsn, store_errmsg(st));
	if (store_schema_version(st, &v) != FZ_OK)
		die("'%s': %s", dsn, store_errmsg(st));
	if (v != 0)
		die("'%s' is not empty (schema version %d): give a fresh "
		    "database", dsn, v);
	if (store_migrate(st, NULL, NULL) != FZ_OK)
		die("migrating: %s", store_errmsg(st));
	if (store_begin(st) != FZ_OK)
		die("begin: %s", store_errmsg(st));
	for (i = 0; i < g.ndiv; i++) {
		struct division d = { g.div[i].code, g.div[i].name,
		    g.div[i].level, g.div[i].parent[0] ? g.div[i].parent :
		    NULL };

		if (store_division_put(st, &d) != FZ_OK)
			die("division: %s", store_errmsg(st));
	}
	for (i = 0; i < g.ndiv; i++) {
		const struct div *d = &g.div[i];

		/* County-level divisions; the development zones that the
		 * statistics code separately (xx71 to xx79) are not
		 * counties. */
		if (!str_eq(d->level, "county") || d->code[4] == '7')
			continue;
		county_units(&g, st, d, county++);
	}
	if (store_commit(st) != FZ_OK)
		die("commit: %s", store_errmsg(st));
	store_close(st);
	st = NULL;
	g.ncounties = county;
	t_units = now() - t0;

	/* 文号 abbreviations: a short tag per unit, unique with the
	 * sequence number within the unit. */
	cum = xreallocarray(NULL, g.nu, sizeof(*cum));
	seq = xcalloc(g.nu, sizeof(*seq));
	for (i = 0; i < g.nu; i++) {
		snprintf(g.u[i].abbr, sizeof(g.u[i].abbr), "F%zu", i + 1);
		cum[i] = (i ? cum[i - 1] : 0) + g.u[i].weight;
	}
	t0 = now();
	for (i = 0; i < NELEM(gens); i++) {
		if (registry_find(gens[i].registry) == NULL)
			die("no registry '%s'", gens[i].registry);
		if (g.kit != NULL)
			load_kit(&g, &gens[i], nrec, cum, seq);
		else if (store_dsn_is_pg(dsn))
			load_pg(dsn, &g, &gens[i], nrec, cum, seq);
		else
			load_sqlite(str_startswith(dsn, "sqlite:") ? dsn + 7 :
			    dsn, &g, &gens[i], nrec, cum, seq);
	}
	t_recs = now() - t0;
	printf("counties=%d units=%zu towns=%d records=%ld registries=%zu "
	    "units_secs=%.2f records_secs=%.2f records_per_sec=%.0f\n",
	    g.ncounties, g.nu, g.ntowns, nrec, NELEM(gens), t_units, t_recs,
	    (double)nrec / t_recs);
	free(cum);
	free(seq);
	free(g.u);
	free(g.div);
	free(g.tm);
	free(g.kitdir);
	return 0;
}
