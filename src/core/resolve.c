/*
 * resolve.c: what each unit phrase of a plan means. A phrase is a named
 * unit (full name, short form, alias, or "A（B）" naming one office by two
 * names), a group that expands to its members by kind, or an "有关" group
 * whose members the document leaves open: those are kept to be designated
 * (待明确) and never expanded. Anything else is unknown, and reported.
 * SPDX-License-Identifier: MIT
 */
#include <stdlib.h>
#include <string.h>

#include "fazhi/core.h"
#include "fazhi/util.h"
#include "fazhi/banned.h"

enum grp {
	GRP_GOV_DEPTS,		/* 县政府各部门 */
	GRP_COUNTY_DEPTS,	/* 县直各部门 */
	GRP_TOWNS,		/* 各镇人民政府（街道办事处） */
	GRP_ENFORCEMENT,	/* 县政府各行政执法部门 */
	GRP_DESIGNATE,		/* 县有关部门 … */
	GRP__MAX
};

static const struct {
	enum grp	 grp;
	const char	*phrases[10];
} groups[] = {
	{ GRP_GOV_DEPTS, { "县政府各部门", "县政府各部门、直属机构",
	    "县政府各部门和直属机构", "县政府各部门（单位）", "县政府各有关部门",
	    "县政府各部门单位", NULL } },
	{ GRP_COUNTY_DEPTS, { "县直各部门", "县直各单位", "县直部门",
	    "各县直部门", "县直各部门（单位）", "县直各部门单位", NULL } },
	{ GRP_TOWNS, { "各镇人民政府（街道办事处）", "各镇（街道）", "各镇街",
	    "各乡镇人民政府（街道办事处）", "各乡镇（街道）",
	    "各镇人民政府、街道办事处", "各镇政府（街道办事处）",
	    "各镇街道", NULL } },
	{ GRP_ENFORCEMENT, { "县政府各行政执法部门", "各行政执法部门",
	    "县直各行政执法部门", "各行政执法单位", "县政府各执法部门",
	    "县直各执法部门", NULL } },
	{ GRP_DESIGNATE, { "县有关部门", "县政府有关部门", "县直有关部门",
	    "有关部门", "县有关单位", "有关单位", "各有关部门", "县直有关单位",
	    "其他有关部门", "相关部门" } },
};

static int
in_group(enum grp g, const struct unit *u)
{
	switch (g) {
	case GRP_GOV_DEPTS:
		return u->kind == UNIT_DEPARTMENT;
	case GRP_COUNTY_DEPTS:
		return u->kind == UNIT_DEPARTMENT || u->kind == UNIT_PARTY;
	case GRP_TOWNS:
		return u->kind == UNIT_TOWN || u->kind == UNIT_SUBDISTRICT;
	case GRP_ENFORCEMENT:
		return u->kind == UNIT_DEPARTMENT && u->enforcement;
	default:
		return 0;
	}
}

/* The group a phrase names, and its canonical name as the plan wrote it. */
static int
find_group(const char *phrase, enum grp *g)
{
	char	*alt = NULL;
	size_t	 i, k;
	int	 found = 0;

	/* A city or district plan says 市/区 where a county says 县. */
	if (str_startswith(phrase, "市") || str_startswith(phrase, "区")) {
		size_t n = strlen(phrase);

		alt = xmalloc(n + 1);
		memcpy(alt, "县", 3);
		memcpy(alt + 3, phrase + 3, n - 3 + 1);
	}
	for (i = 0; i < sizeof(groups) / sizeof(groups[0]) && !found; i++)
		for (k = 0; k < 10 && groups[i].phrases[k] != NULL; k++)
			if (str_eq(phrase, groups[i].phrases[k]) ||
			    (alt != NULL && str_eq(alt,
			    groups[i].phrases[k]))) {
				*g = groups[i].grp;
				found = 1;
				break;
			}
	free(alt);
	return found;
}

struct name_ix {
	const char	*name;
	size_t		 unit;
};

static int
ix_cmp(const void *a, const void *b)
{
	return strcmp(((const struct name_ix *)a)->name,
	    ((const struct name_ix *)b)->name);
}

struct resolver {
	const struct unit_dir	*dir;
	struct name_ix		*ix;
	size_t			 n, cap;
};

static void
ix_add(struct resolver *r, const char *name, size_t unit)
{
	VEC_GROW(r->ix, r->n, r->cap);
	r->ix[r->n].name = name;
	r->ix[r->n++].unit = unit;
}

static const struct unit *
lookup(const struct resolver *r, const char *name)
{
	struct name_ix	 key, *hit;

	if (r->n == 0)
		return NULL;
	key.name = name;
	hit = bsearch(&key, r->ix, r->n, sizeof(*r->ix), ix_cmp);
	return hit == NULL ? NULL : &r->dir->v[hit->unit];
}

static void
add_unit(struct unit_ref *ref, const struct unit *u)
{
	size_t	 i;

	for (i = 0; i < ref->nunits; i++)
		if (str_eq(ref->units[i], u->name))
			return;
	unit_ref_add_unit(ref, u->name, u->id);
}

static void
resolve_ref(const struct resolver *r, struct unit_ref *ref, int task,
    int line, struct diags *dg)
{
	const struct unit	*u, *v;
	enum grp		 g;
	size_t			 i;
	const char		*open;

	strv_free(ref->units, ref->nunits);
	free(ref->unit_ids);
	free(ref->group);
	ref->units = NULL;
	ref->unit_ids = NULL;
	ref->nunits = 0;
	ref->group = NULL;
	if (find_group(ref->phrase, &g)) {
		ref->group = xstrdup(ref->phrase);
		if (g == GRP_DESIGNATE) {
			ref->kind = REF_DESIGNATE;
			diags_add(dg, line, task, "designate_unit",
			    "任务 %d：“%s”未明确具体单位，作为待明确处理，需由"
			    "依法治县办指定", task, ref->phrase);
			return;
		}
		ref->kind = REF_GROUP;
		/* The directory lists each unit once: no duplicates here. */
		for (i = 0; i < r->dir->n; i++)
			if (in_group(g, &r->dir->v[i]))
				unit_ref_add_unit(ref, r->dir->v[i].name,
				    r->dir->v[i].id);
		return;
	}
	if ((u = lookup(r, ref->phrase)) != NULL) {
		ref->kind = REF_UNIT;
		add_unit(ref, u);
		return;
	}
	/* A（B）: one office under two names, or a unit and its note. */
	if (str_endswith(ref->phrase, "）") &&
	    (open = strstr(ref->phrase, "（")) != NULL &&
	    open != ref->phrase) {
		char *a = xstrndup(ref->phrase, (size_t)(open - ref->phrase));
		char *b = xstrndup(open + 3, strlen(open + 3) - 3);

		u = lookup(r, a);
		v = lookup(r, b);
		if (u != NULL || v != NULL) {
			ref->kind = REF_UNIT;
			if (u != NULL)
				add_unit(ref, u);
			if (v != NULL)
				add_unit(ref, v);
			free(a);
			free(b);
			return;
		}
		free(a);
		free(b);
	}
	ref->kind = REF_UNKNOWN;
	diags_add(dg, line, task, "unknown_unit", "任务 %d：单位“%s”不在单位"
	    "名录中，请核对名称或在名录中补充简称、别名", task, ref->phrase);
}

void
core_plan_resolve(struct plan *p, const struct unit_dir *dir,
    struct diags *dg)
{
	struct resolver	 r;
	size_t		 i, k, j;
	int		 role;

	memset(&r, 0, sizeof(r));
	r.dir = dir;
	for (i = 0; i < dir->n; i++) {
		ix_add(&r, dir->v[i].name, i);
		for (k = 0; k < dir->v[i].nshorts; k++)
			ix_add(&r, dir->v[i].shorts[k], i);
		for (k = 0; k < dir->v[i].naliases; k++)
			ix_add(&r, dir->v[i].aliases[k], i);
	}
	if (r.n > 0)
		qsort(r.ix, r.n, sizeof(*r.ix), ix_cmp);
	if (dir->n == 0)
		diags_add(dg, 0, 0, "no_directory", "单位名录为空，所有单位均"
		    "无法识别：请先导入单位名录（fazhi units import）");
	for (i = 0; i < p->ntasks; i++)
		for (role = 0; role < ROLE__MAX; role++)
			for (j = 0; j < p->tasks[i].nrefs[role]; j++)
				resolve_ref(&r, &p->tasks[i].refs[role][j],
				    p->tasks[i].number, p->tasks[i].line, dg);
	free(r.ix);
}
