/*
 * model.c: constructors, destructors and name tables of the domain structs
 * declared in include/fazhi/model.h.
 * SPDX-License-Identifier: MIT
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "fazhi/model.h"
#include "fazhi/work.h"
#include "fazhi/util.h"
#include "fazhi/banned.h"

/* Wipe a string that held a secret before it is freed. */
static void
wipe_str(char *s)
{
	volatile char	*p = s;

	while (*p != '\0')
		*p++ = '\0';
}

static const struct {
	const char	*key;
	const char	*name;
} unit_kinds[UNIT__MAX] = {
	[UNIT_DEPARTMENT] = { "department", "政府部门" },
	[UNIT_TOWN] = { "town", "镇" },
	[UNIT_SUBDISTRICT] = { "subdistrict", "街道" },
	[UNIT_COURT] = { "court", "法院" },
	[UNIT_PROCURATORATE] = { "procuratorate", "检察院" },
	[UNIT_PARTY] = { "party", "党委部门" },
	[UNIT_OTHER] = { "other", "其他" },
};

const char *
unit_kind_name(enum unit_kind k)
{
	return (unsigned)k < UNIT__MAX ? unit_kinds[k].name : "其他";
}

const char *
unit_kind_key(enum unit_kind k)
{
	return (unsigned)k < UNIT__MAX ? unit_kinds[k].key : "other";
}

int
unit_kind_parse(const char *s, enum unit_kind *k)
{
	int	 i;

	for (i = 0; i < UNIT__MAX; i++)
		if (str_eq(s, unit_kinds[i].key) ||
		    str_eq(s, unit_kinds[i].name)) {
			*k = (enum unit_kind)i;
			return 1;
		}
	/* Common spellings in spreadsheets. */
	if (str_eq(s, "乡镇") || str_eq(s, "乡")) {
		*k = UNIT_TOWN;
		return 1;
	}
	if (str_eq(s, "部门") || str_eq(s, "县直部门") ||
	    str_eq(s, "直属机构")) {
		*k = UNIT_DEPARTMENT;
		return 1;
	}
	return 0;
}

const char *
ref_kind_key(enum ref_kind k)
{
	static const char *const keys[REF__MAX] = {
		[REF_UNIT] = "unit", [REF_GROUP] = "group",
		[REF_DESIGNATE] = "designate", [REF_UNKNOWN] = "unknown",
	};

	return (unsigned)k < REF__MAX ? keys[k] : "unknown";
}

static const struct {
	const char	*key;
	const char	*name;
} ind_kinds[IND__MAX] = {
	[IND_RATE] = { "rate", "比率" },
	[IND_COUNT] = { "count", "次数" },
	[IND_COVERAGE] = { "coverage", "覆盖" },
	[IND_DEADLINE] = { "deadline", "时限" },
};

const char *
ind_kind_key(enum ind_kind k)
{
	return (unsigned)k < IND__MAX ? ind_kinds[k].key : "rate";
}

const char *
ind_kind_name(enum ind_kind k)
{
	return (unsigned)k < IND__MAX ? ind_kinds[k].name : "比率";
}

int
ind_kind_parse(const char *s, enum ind_kind *k)
{
	int	 i;

	for (i = 0; i < IND__MAX; i++)
		if (str_eq(s, ind_kinds[i].key)) {
			*k = (enum ind_kind)i;
			return 1;
		}
	return 0;
}

static const char *const periods[PERIOD__MAX] = {
	[PERIOD_NONE] = NULL, [PERIOD_YEAR] = "year", [PERIOD_HALF] = "half",
	[PERIOD_QUARTER] = "quarter", [PERIOD_MONTH] = "month",
};

const char *
ind_period_key(enum ind_period p)
{
	return (unsigned)p < PERIOD__MAX ? periods[p] : NULL;
}

int
ind_period_parse(const char *s, enum ind_period *p)
{
	int	 i;

	*p = PERIOD_NONE;
	if (s == NULL)
		return 1;
	for (i = 1; i < PERIOD__MAX; i++)
		if (str_eq(s, periods[i])) {
			*p = (enum ind_period)i;
			return 1;
		}
	return 0;
}

void
strv_add(char ***pv, size_t *pn, const char *s)
{
	*pv = xreallocarray(*pv, st_add(*pn, 1), sizeof(char *));
	(*pv)[(*pn)++] = xstrdup(s);
}

void
strv_free(char **v, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

void
unit_release(struct unit *u)
{
	if (u == NULL)
		return;
	free(u->code);
	free(u->name);
	strv_free(u->shorts, u->nshorts);
	strv_free(u->aliases, u->naliases);
	free(u->parent);
	free(u->division);
	memset(u, 0, sizeof(*u));
}

static char *
dup_or_null(const char *s)
{
	return s == NULL ? NULL : xstrdup(s);
}

void
unit_copy(struct unit *d, const struct unit *s)
{
	size_t	 i;

	memset(d, 0, sizeof(*d));
	d->id = s->id;
	d->code = dup_or_null(s->code);
	d->name = dup_or_null(s->name);
	for (i = 0; i < s->nshorts; i++)
		strv_add(&d->shorts, &d->nshorts, s->shorts[i]);
	for (i = 0; i < s->naliases; i++)
		strv_add(&d->aliases, &d->naliases, s->aliases[i]);
	d->kind = s->kind;
	d->enforcement = s->enforcement;
	d->parent = dup_or_null(s->parent);
	d->division = dup_or_null(s->division);
}

void
unit_dir_add(struct unit_dir *dir, const struct unit *u)
{
	VEC_GROW(dir->v, dir->n, dir->cap);
	unit_copy(&dir->v[dir->n++], u);
}

void
unit_dir_release(struct unit_dir *dir)
{
	size_t	 i;

	if (dir == NULL)
		return;
	for (i = 0; i < dir->n; i++)
		unit_release(&dir->v[i]);
	free(dir->v);
	memset(dir, 0, sizeof(*dir));
}

void
unit_ref_release(struct unit_ref *r)
{
	if (r == NULL)
		return;
	free(r->phrase);
	free(r->group);
	strv_free(r->units, r->nunits);
	free(r->unit_ids);
	memset(r, 0, sizeof(*r));
}

void
unit_ref_add_unit(struct unit_ref *r, const char *name, int64_t id)
{
	size_t	 n = r->nunits;

	r->unit_ids = xreallocarray(r->unit_ids, st_add(n, 1),
	    sizeof(int64_t));
	r->unit_ids[n] = id;
	strv_add(&r->units, &r->nunits, name);
}

void
indicator_release(struct indicator *in)
{
	if (in == NULL)
		return;
	free(in->phrase);
	free(in->name);
	free(in->sentence);
	free(in->comparator);
	free(in->target_date);
	free(in->unit);
	memset(in, 0, sizeof(*in));
}

void
task_release(struct task *t)
{
	size_t	 i;
	int	 r;

	if (t == NULL)
		return;
	free(t->label);
	free(t->title);
	free(t->text);
	free(t->annotation);
	free(t->deadline_text);
	strv_free(t->measures, t->nmeasures);
	for (r = 0; r < ROLE__MAX; r++) {
		for (i = 0; i < t->nrefs[r]; i++)
			unit_ref_release(&t->refs[r][i]);
		free(t->refs[r]);
	}
	for (i = 0; i < t->ninds; i++)
		indicator_release(&t->inds[i]);
	free(t->inds);
	memset(t, 0, sizeof(*t));
}

void
plan_init(struct plan *p)
{
	memset(p, 0, sizeof(*p));
	p->is_public = -1;
}

void
plan_release(struct plan *p)
{
	size_t	 i;

	if (p == NULL)
		return;
	free(p->doc_no);
	free(p->issuer);
	free(p->notice_title);
	free(p->title);
	free(p->issue_date);
	free(p->recipients);
	free(p->cc);
	free(p->source_name);
	free(p->source_format);
	free(p->source_text);
	free(p->preamble);
	free(p->imported_at);
	for (i = 0; i < p->nsections; i++) {
		free(p->sections[i].numeral);
		free(p->sections[i].title);
	}
	free(p->sections);
	for (i = 0; i < p->ntasks; i++)
		task_release(&p->tasks[i]);
	free(p->tasks);
	plan_init(p);
}

struct task *
plan_task_new(struct plan *p)
{
	struct task	*t;

	p->tasks = xreallocarray(p->tasks, st_add(p->ntasks, 1),
	    sizeof(struct task));
	t = &p->tasks[p->ntasks++];
	memset(t, 0, sizeof(*t));
	return t;
}

struct section *
plan_section_new(struct plan *p)
{
	struct section	*s;

	p->sections = xreallocarray(p->sections, st_add(p->nsections, 1),
	    sizeof(struct section));
	s = &p->sections[p->nsections++];
	memset(s, 0, sizeof(*s));
	s->order = (int)p->nsections;
	return s;
}

struct unit_ref *
task_ref_new(struct task *t, enum ref_role role)
{
	struct unit_ref	*r;

	t->refs[role] = xreallocarray(t->refs[role],
	    st_add(t->nrefs[role], 1), sizeof(struct unit_ref));
	r = &t->refs[role][t->nrefs[role]++];
	memset(r, 0, sizeof(*r));
	return r;
}

struct indicator *
task_ind_new(struct task *t)
{
	struct indicator *in;

	t->inds = xreallocarray(t->inds, st_add(t->ninds, 1),
	    sizeof(struct indicator));
	in = &t->inds[t->ninds++];
	memset(in, 0, sizeof(*in));
	return in;
}

void
task_measure_add(struct task *t, const char *s)
{
	strv_add(&t->measures, &t->nmeasures, s);
}

static void
diags_vadd(struct diags *d, int line, int task, const char *code, int err,
    const char *fmt, va_list ap)
{
	struct diag	*g;
	struct buf	 b = BUF_INIT;
	va_list		 aq;
	int		 n;

	va_copy(aq, ap);
	n = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	if (n > 0) {
		buf_grow(&b, (size_t)n);
		vsnprintf(b.ptr, (size_t)n + 1, fmt, ap);
		b.len = (size_t)n;
	}
	VEC_GROW(d->v, d->n, d->cap);
	g = &d->v[d->n++];
	g->line = line;
	g->task = task;
	g->code = xstrdup(code);
	g->message = buf_detach(&b, NULL);
	g->is_error = err;
	g->column = 0;
	if (err)
		d->nerrors++;
}

void
diags_add(struct diags *d, int line, int task, const char *code,
    const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	diags_vadd(d, line, task, code, 0, fmt, ap);
	va_end(ap);
}

void
diags_error(struct diags *d, int line, int task, const char *code,
    const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	diags_vadd(d, line, task, code, 1, fmt, ap);
	va_end(ap);
}

void
diags_error_at(struct diags *d, int line, int column, const char *code,
    const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	diags_vadd(d, line, 0, code, 1, fmt, ap);
	va_end(ap);
	d->v[d->n - 1].column = column;
}

void
diags_release(struct diags *d)
{
	size_t	 i;

	if (d == NULL)
		return;
	for (i = 0; i < d->n; i++) {
		free(d->v[i].code);
		free(d->v[i].message);
	}
	free(d->v);
	memset(d, 0, sizeof(*d));
}

static const struct {
	const char	*key;
	const char	*name;
} staff_roles[STAFF__MAX] = {
	[STAFF_SUPERVISOR] = { "supervisor", "依法治县办" },
	[STAFF_LEADER] = { "leader", "县领导" },
	[STAFF_UNIT_LEADER] = { "unit_leader", "单位负责人" },
	[STAFF_CLERK] = { "clerk", "联络员" },
};

const char *
staff_role_key(enum staff_role r)
{
	return (unsigned)r < STAFF__MAX ? staff_roles[r].key : "clerk";
}

const char *
staff_role_name(enum staff_role r)
{
	return (unsigned)r < STAFF__MAX ? staff_roles[r].name : "联络员";
}

int
staff_role_parse(const char *s, enum staff_role *r)
{
	int	 i;

	for (i = 0; i < STAFF__MAX; i++)
		if (str_eq(s, staff_roles[i].key) ||
		    str_eq(s, staff_roles[i].name)) {
			*r = (enum staff_role)i;
			return 1;
		}
	return 0;
}

struct account_role *
account_role_add(struct account *a)
{
	struct account_role	*r;

	a->roles = xreallocarray(a->roles, st_add(a->nroles, 1),
	    sizeof(*a->roles));
	r = &a->roles[a->nroles++];
	memset(r, 0, sizeof(*r));
	return r;
}

void
account_release(struct account *a)
{
	size_t	 i;

	if (a == NULL)
		return;
	free(a->login);
	free(a->name);
	if (a->password_hash != NULL)
		wipe_str(a->password_hash);
	free(a->password_hash);
	free(a->created_at);
	for (i = 0; i < a->nroles; i++) {
		free(a->roles[i].unit_code);
		free(a->roles[i].unit_name);
	}
	free(a->roles);
	memset(a, 0, sizeof(*a));
}

void
report_release(struct report *r)
{
	if (r == NULL)
		return;
	free(r->narrative);
	free(r->measures);
	r->narrative = r->measures = NULL;
}

void
report_event_release(struct report_event *e)
{
	if (e != NULL) {
		free(e->comment);
		e->comment = NULL;
	}
}

void
extension_release(struct extension *e)
{
	if (e == NULL)
		return;
	free(e->reason);
	free(e->comment);
	e->reason = e->comment = NULL;
}

void
notice_release(struct notice *x)
{
	if (x != NULL) {
		free(x->message);
		x->message = NULL;
	}
}
