/*
 * json.c: the JSON renderings of plans, diagnostics, diffs and the unit
 * directory, as docs/PLAN-JSON.md defines them. jansson escapes every
 * string; callers own the returned json_t.
 * SPDX-License-Identifier: MIT
 */
#include <math.h>
#include <string.h>

#include <jansson.h>

#include "fazhi/core.h"
#include "fazhi/util.h"
#include "fazhi/banned.h"

static json_t *
str_or_null(const char *s)
{
	return s == NULL ? json_null() : json_string(s);
}

static json_t *
number(double v)
{
	if (v == floor(v) && fabs(v) < 1e15)
		return json_integer((json_int_t)v);
	return json_real(v);
}

static json_t *
ref_json(const struct unit_ref *r)
{
	json_t	*o = json_object(), *a = json_array();
	size_t	 i;

	json_object_set_new(o, "phrase", json_string(r->phrase));
	json_object_set_new(o, "kind", json_string(ref_kind_key(r->kind)));
	if (r->group != NULL)
		json_object_set_new(o, "group", json_string(r->group));
	for (i = 0; i < r->nunits; i++)
		json_array_append_new(a, json_string(r->units[i]));
	json_object_set_new(o, "units", a);
	return o;
}

static json_t *
ind_json(const struct indicator *in)
{
	json_t	*o = json_object();

	json_object_set_new(o, "phrase", json_string(in->phrase));
	json_object_set_new(o, "name", str_or_null(in->name));
	json_object_set_new(o, "kind", json_string(ind_kind_key(in->kind)));
	json_object_set_new(o, "comparator", json_string(in->comparator));
	if (in->kind == IND_DEADLINE)
		json_object_set_new(o, "target", str_or_null(in->target_date));
	else
		json_object_set_new(o, "target", number(in->target));
	json_object_set_new(o, "unit", str_or_null(in->unit));
	json_object_set_new(o, "period",
	    str_or_null(ind_period_key(in->period)));
	json_object_set_new(o, "scope", json_string(in->per_unit ? "unit" :
	    "county"));
	json_object_set_new(o, "sentence", str_or_null(in->sentence));
	return o;
}

json_t *
core_plan_task_json(const struct task *t)
{
	json_t	*o = json_object(), *a;
	size_t	 i;
	int	 role;

	if (t->id > 0)
		json_object_set_new(o, "id", json_integer(t->id));
	json_object_set_new(o, "number", json_integer(t->number));
	json_object_set_new(o, "label", str_or_null(t->label));
	json_object_set_new(o, "section", json_integer(t->section));
	json_object_set_new(o, "title", str_or_null(t->title));
	json_object_set_new(o, "text", str_or_null(t->text));
	json_object_set_new(o, "annotation", str_or_null(t->annotation));
	if (t->deadline_text != NULL)
		json_object_set_new(o, "deadline_text",
		    json_string(t->deadline_text));
	json_object_set_new(o, "line", json_integer(t->line));
	a = json_array();
	for (i = 0; i < t->nmeasures; i++)
		json_array_append_new(a, json_string(t->measures[i]));
	json_object_set_new(o, "measures", a);
	for (role = 0; role < ROLE__MAX; role++) {
		a = json_array();
		for (i = 0; i < t->nrefs[role]; i++)
			json_array_append_new(a, ref_json(&t->refs[role][i]));
		json_object_set_new(o, role == ROLE_LEAD ? "lead" :
		    "responsible", a);
	}
	a = json_array();
	for (i = 0; i < t->ninds; i++)
		json_array_append_new(a, ind_json(&t->inds[i]));
	json_object_set_new(o, "indicators", a);
	return o;
}

json_t *
core_plan_json(const struct plan *p)
{
	json_t	*o = json_object(), *src = json_object(), *a;
	size_t	 i;

	if (p->id > 0)
		json_object_set_new(o, "id", json_integer(p->id));
	json_object_set_new(o, "doc_no", str_or_null(p->doc_no));
	json_object_set_new(o, "issuer", str_or_null(p->issuer));
	json_object_set_new(o, "notice_title", str_or_null(p->notice_title));
	json_object_set_new(o, "title", str_or_null(p->title));
	json_object_set_new(o, "year", p->year > 0 ? json_integer(p->year) :
	    json_null());
	json_object_set_new(o, "issue_date", str_or_null(p->issue_date));
	json_object_set_new(o, "recipients", str_or_null(p->recipients));
	json_object_set_new(o, "cc", str_or_null(p->cc));
	json_object_set_new(o, "public", p->is_public < 0 ? json_null() :
	    json_boolean(p->is_public));
	if (p->revision > 0)
		json_object_set_new(o, "revision", json_integer(p->revision));
	json_object_set_new(src, "name", str_or_null(p->source_name));
	json_object_set_new(src, "format", str_or_null(p->source_format));
	json_object_set_new(src, "sha256", json_string(p->source_sha256));
	json_object_set_new(src, "bytes",
	    json_integer((json_int_t)p->source_bytes));
	json_object_set_new(o, "source", src);
	json_object_set_new(o, "preamble", str_or_null(p->preamble));
	a = json_array();
	for (i = 0; i < p->nsections; i++) {
		json_t *s = json_object();

		json_object_set_new(s, "order",
		    json_integer(p->sections[i].order));
		json_object_set_new(s, "numeral",
		    str_or_null(p->sections[i].numeral));
		json_object_set_new(s, "title",
		    str_or_null(p->sections[i].title));
		json_object_set_new(s, "has_tasks",
		    json_boolean(p->sections[i].has_tasks));
		json_array_append_new(a, s);
	}
	json_object_set_new(o, "sections", a);
	a = json_array();
	for (i = 0; i < p->ntasks; i++)
		json_array_append_new(a, core_plan_task_json(&p->tasks[i]));
	json_object_set_new(o, "tasks", a);
	return o;
}

json_t *
core_diags_json(const struct diags *d)
{
	json_t	*a = json_array();
	size_t	 i;

	for (i = 0; i < d->n; i++) {
		json_t *o = json_object();

		json_object_set_new(o, "severity", json_string(d->v[i].is_error ?
		    "error" : "warning"));
		json_object_set_new(o, "code", json_string(d->v[i].code));
		json_object_set_new(o, "line", d->v[i].line > 0 ?
		    json_integer(d->v[i].line) : json_null());
		json_object_set_new(o, "task", d->v[i].task > 0 ?
		    json_integer(d->v[i].task) : json_null());
		if (d->v[i].column > 0)
			json_object_set_new(o, "column",
			    json_integer(d->v[i].column));
		json_object_set_new(o, "message", json_string(d->v[i].message));
		json_array_append_new(a, o);
	}
	return a;
}

static json_t *
intv(const int *v, size_t n)
{
	json_t	*a = json_array();
	size_t	 i;

	for (i = 0; i < n; i++)
		json_array_append_new(a, json_integer(v[i]));
	return a;
}

json_t *
core_diff_json(const struct plan_diff *d)
{
	json_t	*o = json_object();

	json_object_set_new(o, "added", intv(d->added, d->nadded));
	json_object_set_new(o, "removed", intv(d->removed, d->nremoved));
	json_object_set_new(o, "changed", intv(d->changed, d->nchanged));
	json_object_set_new(o, "units_changed", intv(d->units_changed,
	    d->nunits_changed));
	json_object_set_new(o, "renumbered", json_boolean(d->renumbered));
	json_object_set_new(o, "metadata_changed",
	    json_boolean(d->meta_changed));
	return o;
}

json_t *
core_units_json(const struct unit_dir *dir)
{
	json_t	*a = json_array();
	size_t	 i, k;

	for (i = 0; i < dir->n; i++) {
		const struct unit	*u = &dir->v[i];
		json_t			*o = json_object(), *s = json_array(),
					*al = json_array();

		json_object_set_new(o, "id", json_integer(u->id));
		json_object_set_new(o, "code", json_string(u->code));
		json_object_set_new(o, "name", json_string(u->name));
		for (k = 0; k < u->nshorts; k++)
			json_array_append_new(s, json_string(u->shorts[k]));
		for (k = 0; k < u->naliases; k++)
			json_array_append_new(al, json_string(u->aliases[k]));
		json_object_set_new(o, "short_names", s);
		json_object_set_new(o, "aliases", al);
		json_object_set_new(o, "kind", json_string(unit_kind_key(u->kind)));
		json_object_set_new(o, "enforcement",
		    json_boolean(u->enforcement));
		json_object_set_new(o, "parent", str_or_null(u->parent));
		json_object_set_new(o, "division", str_or_null(u->division));
		json_array_append_new(a, o);
	}
	return a;
}

json_t *
core_account_json(const struct account *a)
{
	json_t	*o = json_object(), *roles = json_array();
	size_t	 i;

	json_object_set_new(o, "id", json_integer(a->id));
	json_object_set_new(o, "login", json_string(a->login));
	json_object_set_new(o, "name", json_string(a->name));
	json_object_set_new(o, "admin", json_boolean(a->is_admin));
	json_object_set_new(o, "disabled", json_boolean(a->disabled));
	for (i = 0; i < a->nroles; i++) {
		json_t *r = json_object();

		json_object_set_new(r, "unit_id", json_integer(a->roles[i].unit_id));
		json_object_set_new(r, "unit", json_string(a->roles[i].unit_code));
		json_object_set_new(r, "unit_name",
		    json_string(a->roles[i].unit_name));
		json_object_set_new(r, "role",
		    json_string(staff_role_key(a->roles[i].role)));
		json_object_set_new(r, "role_name",
		    json_string(staff_role_name(a->roles[i].role)));
		json_array_append_new(roles, r);
	}
	json_object_set_new(o, "roles", roles);
	return o;
}
