/*
 * units.c: the unit directory and the divisions: reading their CSV files
 * row by row with every check done before anything is stored, importing
 * them in one transaction, and loading the directory for the resolver.
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fazhi/core.h"
#include "fazhi/csv.h"
#include "fazhi/util.h"
#include "fazhi/banned.h"

enum ucol {
	U_CODE, U_NAME, U_SHORT, U_ALIAS, U_KIND, U_ENF, U_PARENT, U_DIV,
	U__MAX
};

static const struct {
	const char	*names[4];
	int		 required;
} ucols[U__MAX] = {
	[U_CODE] = { { "编码", "代码", "code", NULL }, 1 },
	[U_NAME] = { { "名称", "全称", "单位名称", "name" }, 1 },
	[U_SHORT] = { { "简称", "short_names", NULL, NULL }, 0 },
	[U_ALIAS] = { { "别名", "aliases", NULL, NULL }, 0 },
	[U_KIND] = { { "类型", "类别", "kind", NULL }, 1 },
	[U_ENF] = { { "行政执法主体", "执法主体", "enforcement", NULL }, 0 },
	[U_PARENT] = { { "上级单位", "上级", "parent", NULL }, 0 },
	[U_DIV] = { { "区划代码", "division", NULL, NULL }, 0 },
};

/* Split a multi-valued cell at 、 | ； ; into v. */
static void
split_names(const char *s, char ***v, size_t *n)
{
	struct buf	 b = BUF_INIT;
	const char	*p = s;

	for (;;) {
		size_t	 sep = 0;

		if (*p == '\0' || *p == '|' || *p == ';')
			sep = *p == '\0' ? 0 : 1;
		else if (str_startswith(p, "、") || str_startswith(p, "；"))
			sep = 3;
		if (*p == '\0' || sep > 0) {
			buf_trim(&b);
			if (b.len > 0)
				strv_add(v, n, b.ptr);
			buf_reset(&b);
			if (*p == '\0')
				break;
			p += sep;
			continue;
		}
		buf_addch(&b, *p++);
	}
	buf_release(&b);
}

static int
valid_code(const char *s)
{
	if (*s == '\0' || strlen(s) > 64)
		return 0;
	for (; *s != '\0'; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		    (*s >= '0' && *s <= '9') || *s == '-' || *s == '_' ||
		    *s == '.'))
			return 0;
	return 1;
}

static int
parse_bool(const char *s, int *v)
{
	if (*s == '\0' || str_eq(s, "否") || str_eq(s, "0") ||
	    str_eq(s, "false") || str_eq(s, "no")) {
		*v = 0;
		return 1;
	}
	if (str_eq(s, "是") || str_eq(s, "1") || str_eq(s, "true") ||
	    str_eq(s, "yes")) {
		*v = 1;
		return 1;
	}
	return 0;
}

static char *
cell(const struct csv_row *r, const int *map, enum ucol c)
{
	struct buf	 b = BUF_INIT;

	if (map[c] >= 0 && (size_t)map[c] < r->n)
		buf_addstr(&b, r->f[map[c]]);
	buf_trim(&b);
	return buf_detach(&b, NULL);
}

/* Name → line of the row that first used it, for duplicate checks. */
struct seen {
	char	*name;
	int	 line;
};

static int
seen_cmp(const void *a, const void *b)
{
	return strcmp(((const struct seen *)a)->name,
	    ((const struct seen *)b)->name);
}

enum fz_err
core_units_parse(const char *data, size_t len, const struct unit_dir *known,
    struct unit_dir *dir, struct diags *dg)
{
	struct csv	 c;
	struct seen	*names = NULL, *codes = NULL;
	size_t		 nn = 0, ncap = 0, nc = 0, ccap = 0, i, j, k;
	int		 map[U__MAX];
	enum fz_err	 rc;

	memset(dir, 0, sizeof(*dir));
	if ((rc = csv_parse(data, len, &c, dg)) != FZ_OK)
		return rc;
	if (c.nrows == 0) {
		diags_error(dg, 0, 0, "empty", "文件为空，没有表头和单位");
		rc = FZ_EINVAL;
		goto out;
	}
	for (i = 0; i < U__MAX; i++)
		map[i] = -1;
	for (j = 0; j < c.rows[0].n; j++) {
		const char *h = c.rows[0].f[j];

		for (i = 0; i < U__MAX; i++)
			for (k = 0; k < 4 && ucols[i].names[k] != NULL; k++)
				if (str_eq(h, ucols[i].names[k]) &&
				    map[i] < 0)
					map[i] = (int)j;
	}
	for (i = 0; i < U__MAX; i++)
		if (ucols[i].required && map[i] < 0) {
			diags_error(dg, c.rows[0].line, 0, "bad_header",
			    "第 %d 行（表头）缺少“%s”列", c.rows[0].line,
			    ucols[i].names[0]);
			rc = FZ_EINVAL;
		}
	if (rc != FZ_OK)
		goto out;

	for (i = 1; i < c.nrows; i++) {
		const struct csv_row	*r = &c.rows[i];
		struct unit		 u;
		char			*enf = NULL, *kind = NULL;
		size_t			 before = dg->nerrors;

		memset(&u, 0, sizeof(u));
		if (r->n != c.rows[0].n) {
			diags_error(dg, r->line, 0, "bad_row",
			    "第 %d 行有 %zu 列，表头有 %zu 列", r->line, r->n,
			    c.rows[0].n);
			continue;
		}
		u.code = cell(r, map, U_CODE);
		u.name = cell(r, map, U_NAME);
		kind = cell(r, map, U_KIND);
		enf = cell(r, map, U_ENF);
		u.parent = cell(r, map, U_PARENT);
		u.division = cell(r, map, U_DIV);
		{
			char *s = cell(r, map, U_SHORT);

			split_names(s, &u.shorts, &u.nshorts);
			free(s);
			s = cell(r, map, U_ALIAS);
			split_names(s, &u.aliases, &u.naliases);
			free(s);
		}
		if (!valid_code(u.code))
			diags_error(dg, r->line, 0, "bad_field",
			    "第 %d 行：编码“%s”无效（只能用字母、数字和 - _ .）",
			    r->line, u.code);
		if (u.name[0] == '\0')
			diags_error(dg, r->line, 0, "bad_field",
			    "第 %d 行：名称为空", r->line);
		if (!unit_kind_parse(kind, &u.kind))
			diags_error(dg, r->line, 0, "bad_field",
			    "第 %d 行：类型“%s”无效，应为 政府部门、镇、街道、"
			    "法院、检察院、党委部门 或 其他", r->line, kind);
		if (!parse_bool(enf, &u.enforcement))
			diags_error(dg, r->line, 0, "bad_field",
			    "第 %d 行：行政执法主体“%s”无效，应为 是 或 否",
			    r->line, enf);
		if (u.parent[0] == '\0') {
			free(u.parent);
			u.parent = NULL;
		}
		if (u.division[0] == '\0') {
			free(u.division);
			u.division = NULL;
		}
		free(kind);
		free(enf);
		if (dg->nerrors == before) {
			VEC_GROW(codes, nc, ccap);
			codes[nc].name = u.code;
			codes[nc++].line = r->line;
			VEC_GROW(names, nn, ncap);
			names[nn].name = u.name;
			names[nn++].line = r->line;
			for (k = 0; k < u.nshorts; k++) {
				VEC_GROW(names, nn, ncap);
				names[nn].name = u.shorts[k];
				names[nn++].line = r->line;
			}
			for (k = 0; k < u.naliases; k++) {
				VEC_GROW(names, nn, ncap);
				names[nn].name = u.aliases[k];
				names[nn++].line = r->line;
			}
			dir->v = xreallocarray(dir->v, st_add(dir->n, 1),
			    sizeof(*dir->v));
			dir->v[dir->n++] = u;	/* names point into it */
		} else
			unit_release(&u);
	}
	/* Duplicates, reported at the later line. */
	if (nc > 0)
		qsort(codes, nc, sizeof(*codes), seen_cmp);
	for (i = 1; i < nc; i++)
		if (str_eq(codes[i].name, codes[i - 1].name))
			diags_error(dg, codes[i].line > codes[i - 1].line ?
			    codes[i].line : codes[i - 1].line, 0, "duplicate",
			    "编码“%s”重复（第 %d 行和第 %d 行）", codes[i].name,
			    codes[i - 1].line, codes[i].line);
	if (nn > 0)
		qsort(names, nn, sizeof(*names), seen_cmp);
	for (i = 1; i < nn; i++)
		if (str_eq(names[i].name, names[i - 1].name))
			diags_error(dg, names[i].line > names[i - 1].line ?
			    names[i].line : names[i - 1].line, 0, "duplicate",
			    "名称“%s”重复（第 %d 行和第 %d 行）：一个名称只能"
			    "指一个单位", names[i].name, names[i - 1].line,
			    names[i].line);
	/* Parents must be in the file or already in the directory. */
	for (i = 0; i < dir->n; i++) {
		struct seen key;
		int found = 0;

		if (dir->v[i].parent == NULL)
			continue;
		key.name = dir->v[i].parent;
		if (nc > 0 && bsearch(&key, codes, nc, sizeof(*codes),
		    seen_cmp) != NULL)
			continue;
		for (k = 0; known != NULL && k < known->n && !found; k++)
			found = str_eq(known->v[k].code, dir->v[i].parent);
		if (!found)
			diags_error(dg, 0, 0, "bad_parent",
			    "单位“%s”的上级单位编码“%s”既不在本文件中，也不在"
			    "已有的单位名录中", dir->v[i].name,
			    dir->v[i].parent);
	}
	dir->cap = dir->n;
	if (dir->n == 0 && dg->nerrors == 0)
		diags_error(dg, 0, 0, "empty", "文件只有表头，没有单位");
	rc = dg->nerrors > 0 ? FZ_EINVAL : FZ_OK;
out:
	free(names);
	free(codes);
	csv_release(&c);
	if (rc != FZ_OK)
		unit_dir_release(dir);
	return rc;
}

enum fz_err
core_units_import(struct store *st, const char *path, const char *actor,
    int *count, struct diags *dg)
{
	struct buf	 data = BUF_INIT, err = BUF_INIT, detail = BUF_INIT;
	struct unit_dir	 dir = { 0 }, known = { 0 };
	struct progress	 pr;
	enum fz_err	 rc;
	size_t		 i;

	*count = 0;
	if ((rc = file_read(path, CSV_MAX_BYTES, &data, &err)) != FZ_OK) {
		diags_error(dg, 0, 0, "io", "%s", err.ptr);
		goto out;
	}
	if ((rc = core_units_load(st, &known)) != FZ_OK) {
		diags_error(dg, 0, 0, "db", "%s", store_errmsg(st));
		goto out;
	}
	if ((rc = core_units_parse(data.ptr, data.len, &known, &dir, dg)) !=
	    FZ_OK)
		goto out;
	if ((rc = store_begin(st)) != FZ_OK) {
		diags_error(dg, 0, 0, "db", "%s", store_errmsg(st));
		goto out;
	}
	progress_start(&pr, "导入单位", dir.n);
	for (i = 0; i < dir.n; i++) {
		if ((rc = store_unit_put(st, &dir.v[i], &dir.v[i].id)) !=
		    FZ_OK) {
			diags_error(dg, 0, 0, rc == FZ_ECONFLICT ? "conflict" :
			    "db", "单位“%s”（编码 %s）无法保存：%s",
			    dir.v[i].name, dir.v[i].code, store_errmsg(st));
			store_rollback(st);
			progress_end(&pr);
			goto out;
		}
		progress_update(&pr, i + 1);
	}
	progress_end(&pr);
	buf_addf(&detail, "%zu 个单位", dir.n);
	if ((rc = store_audit(st, actor, "units.import", path,
	    detail.ptr)) != FZ_OK || (rc = store_commit(st)) != FZ_OK) {
		diags_error(dg, 0, 0, "db", "%s", store_errmsg(st));
		store_rollback(st);
		goto out;
	}
	*count = (int)dir.n;
out:
	unit_dir_release(&dir);
	unit_dir_release(&known);
	buf_release(&data);
	buf_release(&err);
	buf_release(&detail);
	return rc;
}

static int
load_cb(const struct unit *u, void *arg)
{
	unit_dir_add(arg, u);
	return 0;
}

enum fz_err
core_units_load(struct store *st, struct unit_dir *dir)
{
	memset(dir, 0, sizeof(*dir));
	return store_unit_iter(st, load_cb, dir);
}

enum fz_err
core_divisions_import(struct store *st, const char *path,
    const char *actor, int *count, struct diags *dg)
{
	static const char *const levels[] = {
		"province", "city", "county", "town", "subdistrict",
		"village",
	};
	struct buf	 data = BUF_INIT, err = BUF_INIT;
	struct csv	 c = { 0 };
	struct division	 d;
	enum fz_err	 rc;
	size_t		 i, k;
	int		 ok;

	*count = 0;
	if ((rc = file_read(path, CSV_MAX_BYTES, &data, &err)) != FZ_OK) {
		diags_error(dg, 0, 0, "io", "%s", err.ptr);
		goto out;
	}
	if ((rc = csv_parse(data.ptr, data.len, &c, dg)) != FZ_OK)
		goto out;
	if (c.nrows < 2 || c.rows[0].n < 4 ||
	    !str_eq(c.rows[0].f[0], "code")) {
		diags_error(dg, 1, 0, "bad_header", "第 1 行应为表头 "
		    "code,name,level,parent_code");
		rc = FZ_EINVAL;
		goto out;
	}
	for (i = 1; i < c.nrows; i++) {
		const struct csv_row *r = &c.rows[i];
		long long v;

		if (r->n != 4) {
			diags_error(dg, r->line, 0, "bad_row",
			    "第 %d 行应有 4 列，实有 %zu 列", r->line, r->n);
			continue;
		}
		if (str_toint(r->f[0], 1, 999999999999LL, &v) != FZ_OK)
			diags_error(dg, r->line, 0, "bad_field",
			    "第 %d 行：区划代码“%s”应为数字", r->line, r->f[0]);
		for (ok = 0, k = 0; k < sizeof(levels) / sizeof(levels[0]);
		    k++)
			ok |= str_eq(r->f[2], levels[k]);
		if (!ok)
			diags_error(dg, r->line, 0, "bad_field",
			    "第 %d 行：级别“%s”无效", r->line, r->f[2]);
		if (r->f[1][0] == '\0')
			diags_error(dg, r->line, 0, "bad_field",
			    "第 %d 行：名称为空", r->line);
	}
	if (dg->nerrors > 0) {
		rc = FZ_EINVAL;
		goto out;
	}
	if ((rc = store_begin(st)) != FZ_OK)
		goto dberr;
	for (i = 1; i < c.nrows; i++) {
		d.code = c.rows[i].f[0];
		d.name = c.rows[i].f[1];
		d.level = c.rows[i].f[2];
		d.parent = c.rows[i].f[3][0] ? c.rows[i].f[3] : NULL;
		if ((rc = store_division_put(st, &d)) != FZ_OK) {
			store_rollback(st);
			goto dberr;
		}
	}
	{
		char detail[64];

		snprintf(detail, sizeof(detail), "%zu 个行政区划", c.nrows - 1);
		if ((rc = store_audit(st, actor, "divisions.import", path,
		    detail)) != FZ_OK) {
			store_rollback(st);
			goto dberr;
		}
	}
	if ((rc = store_commit(st)) != FZ_OK) {
		store_rollback(st);
		goto dberr;
	}
	*count = (int)c.nrows - 1;
	goto out;
dberr:
	diags_error(dg, 0, 0, "db", "%s", store_errmsg(st));
out:
	csv_release(&c);
	buf_release(&data);
	buf_release(&err);
	return rc;
}
