/*
 * publish.c: what the public portal may show. The supervisor's settings
 * (the portal's switch, each plan's publication and public fields, each
 * evidence file's public flag, every change audited), and the public model
 * of a published plan: only the fields chosen, built field by field from
 * a list (never by removing things from an internal view), with persons'
 * names, phone numbers and ID card numbers masked in every free text.
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "work-int.h"
#include "fazhi/store.h"
#include "fazhi/util.h"
#include "fazhi/banned.h"

/*
 * The fields a supervisor may make public, beyond what a published plan
 * always shows (its title, 文号, issuer, date, preamble, sections, and each
 * task's number and title). Persons' names, internal comments, return
 * reasons and drafts have no key: they are never public.
 */
static const struct pub_field {
	const char	*key;
	const char	*label;
} pub_fields[] = {
	{ "task_text", "任务内容（计划原文）" },
	{ "units", "牵头单位和责任单位" },
	{ "status", "办理状态" },
	{ "progress", "审核通过的进展情况" },
	{ "indicators", "指标完成情况" },
};
#define NFIELDS	(sizeof(pub_fields) / sizeof(pub_fields[0]))

int
core_pub_field_valid(const char *key)
{
	size_t	 i;

	for (i = 0; i < NFIELDS; i++)
		if (str_eq(key, pub_fields[i].key))
			return 1;
	return 0;
}

/* Does the comma-separated list hold key? */
int
core_pub_has(const char *list, const char *key)
{
	size_t		 n = strlen(key);
	const char	*p = list;

	while (p != NULL && *p != '\0') {
		if (strncmp(p, key, n) == 0 && (p[n] == ',' || p[n] == '\0'))
			return 1;
		if ((p = strchr(p, ',')) != NULL)
			p++;
	}
	return 0;
}

/* ---- Redaction ---- */

struct names {
	char	**v;
	size_t	  n, cap;
};

static int
name_cb(const struct account *a, void *arg)
{
	struct names	*nm = arg;

	/* A name of one character would mask too much. */
	if (a->name != NULL && strlen(a->name) >= 6) {
		VEC_GROW(nm->v, nm->n, nm->cap);
		nm->v[nm->n++] = xstrdup(a->name);
	}
	return 0;
}

static void
names_release(struct names *nm)
{
	strv_free(nm->v, nm->n);
	memset(nm, 0, sizeof(*nm));
}

static int
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* A Han character (not the full-width punctuation around it). */
static int
is_han(uint32_t cp)
{
	return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 &&
	    cp <= 0x4DBF) || (cp >= 0x20000 && cp <= 0x3134F);
}

/* Length of the run of ASCII digits at s. */
static size_t
digits(const char *s)
{
	size_t	 n = 0;

	while (is_digit(s[n]))
		n++;
	return n;
}

/*
 * Words after which 2 to 4 Chinese characters are a person's name: with
 * or without a colon; and those that need a colon ("主要负责人履行…" is
 * not a name).
 */
static const struct {
	const char	*word;
	int		 colon;
} name_cues[] = {
	{ "联络员", 0 }, { "联系人", 0 }, { "经办人", 0 }, { "填报人", 0 },
	{ "负责人", 1 }, { "审核人", 1 }, { "姓名", 1 }, { NULL, 0 },
};

/* The length of the colon at s (full or half width), or 0. */
static size_t
colon(const char *s)
{
	if (strncmp(s, "：", 3) == 0)
		return 3;
	return s[0] == ':' ? 1 : 0;
}

/*
 * Append s to out with persons' names, mobile numbers and ID card numbers
 * masked (docs/ARCHITECTURE.md, "The public portal"):
 *   an 18-character ID card number (17 digits and a digit or X) standing
 *   alone: every character becomes '*';
 *   a mobile number 1[3-9] and 9 digits standing alone: 138****5678;
 *   an account's display name anywhere: each character becomes ＊;
 *   with cues (free text written by users, not the plan's own text), 2 to
 *   4 Chinese characters after 联络员, 联系人, 经办人 or 填报人 (a colon or
 *   not) or after 负责人, 审核人 or 姓名 and a colon: each becomes ＊.
 */
static void
redact(const struct names *nm, const char *s, struct buf *out, int cues)
{
	size_t		 i, j, n, len;
	uint32_t	 cp;
	int		 k, hit;

	if (s == NULL)
		return;
	len = strlen(s);
	for (i = 0; i < len;) {
		if (is_digit(s[i]) && (i == 0 || !is_digit(s[i - 1]))) {
			n = digits(s + i);
			if (n == 17 && (s[i + 17] == 'X' || s[i + 17] == 'x')) {
				buf_addstr(out, "******************");
				i += 18;
				continue;
			}
			if (n == 18) {
				buf_addstr(out, "******************");
				i += 18;
				continue;
			}
			if (n == 11 && s[i] == '1' && s[i + 1] >= '3' &&
			    s[i + 1] <= '9') {
				buf_add(out, s + i, 3);
				buf_addstr(out, "****");
				buf_add(out, s + i + 7, 4);
				i += 11;
				continue;
			}
			buf_add(out, s + i, n);
			i += n;
			continue;
		}
		hit = 0;
		for (j = 0; nm != NULL && j < nm->n && !hit; j++) {
			n = strlen(nm->v[j]);
			if (strncmp(s + i, nm->v[j], n) == 0) {
				for (k = 0; k < (int)n;) {
					size_t c = utf8_decode(nm->v[j] + k,
					    n - (size_t)k, &cp);

					buf_addstr(out, "＊");
					k += c ? (int)c : 1;
				}
				i += n;
				hit = 1;
			}
		}
		if (hit)
			continue;
		for (j = 0; cues && name_cues[j].word != NULL && !hit; j++) {
			size_t col;

			n = strlen(name_cues[j].word);
			if (strncmp(s + i, name_cues[j].word, n) != 0)
				continue;
			col = colon(s + i + n);
			if (name_cues[j].colon && col == 0)
				continue;
			buf_add(out, s + i, n + col);
			i += n + col;
			while (s[i] == ' ')
				buf_addch(out, s[i++]);
			for (k = 0; k < 4 && i < len; k++) {
				size_t c = utf8_decode(s + i, len - i, &cp);

				if (c == 0 || !is_han(cp))
					break;
				/* 的 ends a phrase, not a name */
				if (cp == 0x7684 || cp == 0x7B49 ||
				    cp == 0x548C)
					break;
				buf_addstr(out, "＊");
				i += c;
			}
			hit = 1;
		}
		if (hit)
			continue;
		buf_addch(out, s[i]);
		i++;
	}
}

/* A JSON string of s redacted: users' text (red_json) or the plan's own
 * (plan_json_text: numbers and accounts' names only). */
static json_t *
redacted(const struct names *nm, const char *s, int cues)
{
	struct buf	 b = BUF_INIT;
	json_t		*j;

	redact(nm, s ? s : "", &b, cues);
	j = json_stringn(b.ptr, b.len);
	buf_release(&b);
	return j ? j : json_string("");
}

static json_t *
red_json(const struct names *nm, const char *s)
{
	return redacted(nm, s, 1);
}

static json_t *
plan_text(const struct names *nm, const char *s)
{
	return redacted(nm, s, 0);
}

void
core_redact(struct store *st, const char *s, struct buf *out)
{
	struct names	 nm = { 0 };

	if (st != NULL)
		(void)store_account_iter(st, name_cb, &nm);
	redact(&nm, s, out, 1);
	names_release(&nm);
}

/* ---- The supervisor's settings ---- */

static json_t *
fields_json(const char *list)
{
	json_t	*a = json_array();
	size_t	 i;

	for (i = 0; i < NFIELDS; i++)
		if (core_pub_has(list, pub_fields[i].key))
			json_array_append_new(a, json_string(pub_fields[i].key));
	return a;
}

struct plan_list {
	struct store	*st;
	json_t		*a;
	int		 only_published;
	enum fz_err	 rc;
};

static int
plan_cb(const struct plan_summary *s, void *arg)
{
	struct plan_list	*pl = arg;
	struct pub_plan		 pp;
	enum fz_err		 rc;
	json_t			*o;

	rc = store_pub_plan_get(pl->st, s->id, &pp);
	if (rc != FZ_OK && rc != FZ_ENOTFOUND) {
		pl->rc = rc;
		return 1;
	}
	if (pl->only_published && !pp.published)
		return 0;
	o = json_object();
	json_object_set_new(o, "id", json_integer(s->id));
	json_object_set_new(o, "title", json_string(s->title));
	json_object_set_new(o, "doc_no", s->doc_no ? json_string(s->doc_no) :
	    json_null());
	json_object_set_new(o, "year", json_integer(s->year));
	json_object_set_new(o, "tasks", json_integer(s->ntasks));
	json_object_set_new(o, "fields", fields_json(pp.fields));
	if (!pl->only_published) {
		json_object_set_new(o, "published", json_boolean(pp.published));
		json_object_set_new(o, "set_by", pp.set_by[0] ?
		    json_string(pp.set_by) : json_null());
		json_object_set_new(o, "set_at", pp.set_at[0] ?
		    json_string(pp.set_at) : json_null());
	}
	json_array_append_new(pl->a, o);
	return 0;
}

/* Evidence files of a plan's accepted reports with their flags. */
static enum fz_err
files_json(struct store *st, int64_t plan_id, json_t *a)
{
	struct report_filter	 f;
	struct report		*rv = NULL;
	struct evidence		*ev;
	size_t			 n = 0, i, ne, k;
	int64_t			 total;
	int			 pub;
	enum fz_err		 rc;

	memset(&f, 0, sizeof(f));
	f.plan_id = plan_id;
	f.state = "accepted";
	f.limit = 5000;
	if ((rc = store_report_list(st, &f, &rv, &n, &total)) != FZ_OK)
		return rc;
	for (i = 0; i < n && rc == FZ_OK; i++) {
		if ((rc = store_evidence_list(st, rv[i].id, &ev, &ne)) !=
		    FZ_OK)
			break;
		for (k = 0; k < ne && rc == FZ_OK; k++)
			if ((rc = store_pub_evidence_get(st, ev[k].id, &pub)) ==
			    FZ_OK)
				json_array_append_new(a, json_pack("{s:I,s:s,"
				    "s:I,s:i,s:s,s:s,s:b}", "id",
				    (json_int_t)ev[k].id, "name", ev[k].name,
				    "size", (json_int_t)ev[k].size,
				    "task_number", rv[i].task_number, "unit",
				    rv[i].unit_name, "period",
				    rv[i].period_name, "public", pub));
		free(ev);
	}
	for (i = 0; i < n; i++)
		report_release(&rv[i]);
	free(rv);
	return rc;
}

enum fz_err
core_publication_json(struct store *st, int64_t files_of, json_t **out)
{
	struct plan_list	 pl = { st, json_array(), 0, FZ_OK };
	json_t			*f = json_array();
	enum fz_err		 rc;
	size_t			 i;
	int			 on;

	*out = NULL;
	if ((rc = store_pub_site_get(st, &on)) != FZ_OK ||
	    (rc = store_plan_iter(st, plan_cb, &pl)) != FZ_OK ||
	    (rc = pl.rc) != FZ_OK) {
		json_decref(pl.a);
		json_decref(f);
		return rc;
	}
	for (i = 0; i < NFIELDS; i++)
		json_array_append_new(f, json_pack("{s:s,s:s}", "key",
		    pub_fields[i].key, "label", pub_fields[i].label));
	*out = json_pack("{s:b,s:o,s:o}", "enabled", on, "fields", f,
	    "plans", pl.a);
	if (files_of > 0) {
		json_t *a = json_array();

		json_object_set_new(*out, "files", a);
		if ((rc = files_json(st, files_of, a)) != FZ_OK) {
			json_decref(*out);
			*out = NULL;
		}
	}
	return rc;
}

enum fz_err
core_publication_set(struct store *st, const struct actor *ac,
    const struct pub_change *c, struct diags *dg)
{
	struct pub_plan	 pp, old;
	struct buf	 list = BUF_INIT;
	size_t		 i;
	int		 on;
	enum fz_err	 rc;

	for (i = 0; i < c->nfields; i++)
		if (!core_pub_field_valid(c->fields[i]))
			return work_fail(dg, FZ_EINVAL, "fields",
			    "没有可公开的字段“%s”", c->fields[i]);
	for (i = 0; i < NFIELDS; i++) {
		size_t j;

		for (j = 0; j < c->nfields; j++)
			if (str_eq(c->fields[j], pub_fields[i].key))
				break;
		if (j == c->nfields)
			continue;
		if (list.len > 0)
			buf_addch(&list, ',');
		buf_addstr(&list, pub_fields[i].key);
	}
	if ((rc = store_begin(st)) != FZ_OK) {
		buf_release(&list);
		return work_store_fail(st, dg, rc);
	}
	if (c->enabled >= 0) {
		if ((rc = store_pub_site_get(st, &on)) != FZ_OK)
			goto out;
		if ((rc = store_pub_site_set(st, c->enabled,
		    work_actor_name(ac))) != FZ_OK)
			goto out;
		if ((rc = work_audit(st, ac, "publication.site", "portal", 0,
		    json_pack("{s:b}", "enabled", on),
		    json_pack("{s:b}", "enabled", c->enabled))) != FZ_OK)
			goto out;
	}
	if (c->plan_id > 0) {
		rc = store_pub_plan_get(st, c->plan_id, &old);
		if (rc != FZ_OK && rc != FZ_ENOTFOUND)
			goto out;
		{
			struct plan	 p;

			if ((rc = store_plan_get(st, c->plan_id, &p)) != FZ_OK) {
				if (rc == FZ_ENOTFOUND)
					work_fail(dg, rc, "plan_id",
					    "计划 %lld 不存在",
					    (long long)c->plan_id);
				goto out;
			}
			plan_release(&p);
		}
		memset(&pp, 0, sizeof(pp));
		pp.plan_id = c->plan_id;
		pp.published = c->published;
		snprintf(pp.fields, sizeof(pp.fields), "%s", list.ptr);
		snprintf(pp.set_by, sizeof(pp.set_by), "%s",
		    work_actor_name(ac));
		if ((rc = store_pub_plan_put(st, &pp)) != FZ_OK)
			goto out;
		rc = work_audit(st, ac, "publication.plan", "plan", c->plan_id,
		    json_pack("{s:b,s:o}", "published", old.published,
		    "fields", fields_json(old.fields)),
		    json_pack("{s:b,s:o}", "published", pp.published,
		    "fields", fields_json(pp.fields)));
	}
out:
	buf_release(&list);
	return work_end(st, rc, dg);
}

enum fz_err
core_evidence_publish(struct store *st, const struct actor *ac, int64_t id,
    int is_public, struct diags *dg)
{
	int		 old;
	enum fz_err	 rc;

	if ((rc = store_begin(st)) != FZ_OK)
		return work_store_fail(st, dg, rc);
	if ((rc = store_pub_evidence_get(st, id, &old)) == FZ_ENOTFOUND)
		work_fail(dg, rc, "id", "附件 %lld 不存在", (long long)id);
	else if (rc == FZ_OK && (rc = store_pub_evidence_set(st, id,
	    is_public, work_actor_name(ac))) == FZ_OK)
		rc = work_audit(st, ac, "publication.evidence", "evidence", id,
		    json_pack("{s:b}", "public", old),
		    json_pack("{s:b}", "public", is_public));
	return work_end(st, rc, dg);
}

/* ---- The public model ---- */

/* Is the portal on and the plan published? Its settings into pp. */
static enum fz_err
published(struct store *st, int64_t plan_id, struct pub_plan *pp)
{
	enum fz_err	 rc;
	int		 on;

	if ((rc = store_pub_site_get(st, &on)) != FZ_OK)
		return rc;
	if (!on)
		return FZ_ENOTFOUND;
	if ((rc = store_pub_plan_get(st, plan_id, pp)) != FZ_OK)
		return rc;
	return pp->published ? FZ_OK : FZ_ENOTFOUND;
}

enum fz_err
core_portal_plans(struct store *st, json_t **out)
{
	struct plan_list	 pl = { st, json_array(), 1, FZ_OK };
	enum fz_err		 rc;
	int			 on;

	*out = NULL;
	if ((rc = store_pub_site_get(st, &on)) != FZ_OK)
		goto fail;
	if (!on) {
		rc = FZ_ENOTFOUND;
		goto fail;
	}
	if ((rc = store_plan_iter(st, plan_cb, &pl)) != FZ_OK ||
	    (rc = pl.rc) != FZ_OK)
		goto fail;
	*out = json_pack("{s:o}", "plans", pl.a);
	return FZ_OK;
fail:
	json_decref(pl.a);
	return rc;
}

/* The public name of an assignment's state. */
static const char *
pub_state(const char *s)
{
	static const struct {
		const char	*key, *name;
	} m[] = {
		{ "assigned", "已交办" }, { "claimed", "已领办" },
		{ "reported", "已反馈" }, { "returned", "办理中" },
		{ "accepted", "已办结" }, { "closed", "已销号" },
		{ "overdue", "逾期" },
	};
	size_t	 i;

	for (i = 0; i < sizeof(m) / sizeof(m[0]); i++)
		if (str_eq(s, m[i].key))
			return m[i].name;
	return "办理中";
}

static json_t *
refs_json(const struct names *nm, const struct task *t, enum ref_role role)
{
	json_t	*a = json_array();
	size_t	 i;

	for (i = 0; i < t->nrefs[role]; i++)
		json_array_append_new(a, plan_text(nm,
		    t->refs[role][i].phrase));
	return a;
}

/* The task's state for the public: from its units' assignments. */
static json_t *
status_json(const struct assignment *v, size_t n, int64_t task_id)
{
	json_t		*units = json_array();
	size_t		 i, total = 0, done = 0, closed = 0, overdue = 0;
	const char	*key, *name;

	for (i = 0; i < n; i++) {
		if (v[i].task_id != task_id)
			continue;
		total++;
		done += str_eq(v[i].state, "accepted") ||
		    str_eq(v[i].state, "closed");
		closed += str_eq(v[i].state, "closed");
		overdue += str_eq(v[i].state, "overdue");
		json_array_append_new(units, json_pack("{s:s,s:s,s:s,s:s}",
		    "unit", v[i].unit_name, "role", v[i].role, "state",
		    v[i].state, "state_name", pub_state(v[i].state)));
	}
	if (total == 0)
		key = "not_assigned", name = "未交办";
	else if (closed == total)
		key = "closed", name = "已销号";
	else if (done == total)
		key = "done", name = "已办结";
	else if (overdue > 0)
		key = "overdue", name = "部分逾期";
	else
		key = "in_progress", name = "推进中";
	return json_pack("{s:s,s:s,s:i,s:i,s:o}", "key", key, "name", name,
	    "units_done", (int)done, "units", (int)total, "by_unit", units);
}

/* Accepted reports of a task: their public fields; and their public
 * files (whatever the fields) into files. */
static enum fz_err
progress_json(struct store *st, const struct names *nm, int64_t plan_id,
    int64_t task_id, int with_progress, json_t *prog, json_t *files)
{
	struct report_filter	 f;
	struct report		*rv = NULL;
	struct evidence		*ev;
	size_t			 n = 0, i, ne, k;
	int64_t			 total;
	int			 pub;
	enum fz_err		 rc;

	memset(&f, 0, sizeof(f));
	f.plan_id = plan_id;
	f.task_id = task_id;
	f.state = "accepted";
	f.limit = 500;
	if ((rc = store_report_list(st, &f, &rv, &n, &total)) != FZ_OK)
		return rc;
	for (i = 0; i < n && rc == FZ_OK; i++) {
		if (with_progress) {
			json_t *o = json_object();

			json_object_set_new(o, "period",
			    json_string(rv[i].period_name));
			json_object_set_new(o, "unit",
			    json_string(rv[i].unit_name));
			json_object_set_new(o, "progress",
			    json_string(rv[i].progress));
			json_object_set_new(o, "progress_name",
			    json_string(core_progress_name(rv[i].progress)));
			json_object_set_new(o, "summary", red_json(nm,
			    rv[i].narrative));
			json_object_set_new(o, "accepted_on",
			    json_stringn(rv[i].accepted_at,
			    strnlen(rv[i].accepted_at, 10)));
			json_array_append_new(prog, o);
		}
		if ((rc = store_evidence_list(st, rv[i].id, &ev, &ne)) !=
		    FZ_OK)
			break;
		for (k = 0; k < ne; k++) {
			if ((rc = store_pub_evidence_get(st, ev[k].id, &pub)) !=
			    FZ_OK)
				break;
			if (pub)
				json_array_append_new(files, json_pack(
				    "{s:I,s:o,s:s,s:I,s:s,s:s}", "id",
				    (json_int_t)ev[k].id, "name",
				    red_json(nm, ev[k].name), "mime",
				    ev[k].mime, "size", (json_int_t)ev[k].size,
				    "unit", rv[i].unit_name, "period",
				    rv[i].period_name));
		}
		free(ev);
	}
	for (i = 0; i < n; i++)
		report_release(&rv[i]);
	free(rv);
	return rc;
}

/* The public fields of the plan's indicators. */
static enum fz_err
indicators_json(struct store *st, int64_t plan_id, json_t **out)
{
	struct actor	 sys;
	struct diags	 dg = { 0 };
	json_t		*in = NULL, *a, *v, *x, *d;
	size_t		 i;
	enum fz_err	 rc;

	core_actor_system(&sys);
	rc = core_plan_indicators_json(st, &sys, plan_id, &in, &dg);
	diags_release(&dg);
	if (rc != FZ_OK)
		return rc;
	a = json_array();
	json_array_foreach(json_object_get(in, "indicators"), i, x) {
		json_t *o = json_object();

		json_object_set(o, "task_number", json_object_get(x,
		    "task_number"));
		json_object_set(o, "name", json_object_get(x, "name"));
		json_object_set(o, "phrase", json_object_get(x, "phrase"));
		json_object_set(o, "target", json_object_get(x, "target"));
		json_object_set(o, "comparator", json_object_get(x,
		    "comparator"));
		json_object_set(o, "unit", json_object_get(x, "unit"));
		json_object_set(o, "mode", json_object_get(x, "mode"));
		v = json_object_get(x, "value");
		if (json_is_object(v)) {
			json_object_set(o, "value", json_object_get(v,
			    "value"));
			json_object_set(o, "value_text", json_object_get(v,
			    "value_text"));
			json_object_set(o, "numerator", json_object_get(v,
			    "numerator"));
			json_object_set(o, "denominator", json_object_get(v,
			    "denominator"));
		} else if (json_is_object(v = json_object_get(x, "reported")) &&
		    json_is_number(json_object_get(v, "value"))) {
			char	 t[48];

			json_object_set(o, "value", json_object_get(v,
			    "value"));
			snprintf(t, sizeof(t), "%g%s", json_number_value(
			    json_object_get(v, "value")), json_string_value(
			    json_object_get(x, "unit")) ? json_string_value(
			    json_object_get(x, "unit")) : "");
			json_object_set_new(o, "value_text", json_string(t));
		} else {
			json_object_set_new(o, "value", json_null());
			json_object_set_new(o, "value_text", json_string(""));
		}
		json_object_set(o, "met", json_object_get(x, "met"));
		d = json_object_get(x, "definition");
		json_object_set_new(o, "definition", json_is_object(d) ?
		    json_pack("{s:O,s:O,s:O}", "name", json_object_get(d,
		    "name"), "source", json_object_get(d, "source"), "basis",
		    json_object_get(d, "basis")) : json_null());
		/* null members (absent above) read as null */
		json_array_append_new(a, o);
	}
	json_decref(in);
	*out = a;
	return FZ_OK;
}

enum fz_err
core_portal_plan(struct store *st, int64_t plan_id, json_t **out)
{
	struct pub_plan		 pp;
	struct plan		 p;
	struct names		 nm = { 0 };
	struct assignment	*av = NULL;
	size_t			 nav = 0, i;
	json_t			*o, *secs, *tasks, *inds;
	int			 loaded = 0;
	enum fz_err		 rc;

	*out = NULL;
	if ((rc = published(st, plan_id, &pp)) != FZ_OK)
		return rc;
	if ((rc = store_plan_get(st, plan_id, &p)) != FZ_OK)
		return rc;
	loaded = 1;
	if ((rc = store_account_iter(st, name_cb, &nm)) != FZ_OK)
		goto out;
	if (core_pub_has(pp.fields, "status") && (rc =
	    store_assignment_list(st, plan_id, 0, 0, &av, &nav)) != FZ_OK)
		goto out;
	o = json_object();
	json_object_set_new(o, "plan", json_pack("{s:I,s:o,s:o,s:o,s:i,s:o,"
	    "s:o}", "id", (json_int_t)p.id, "title", plan_text(&nm, p.title),
	    "doc_no", p.doc_no ? json_string(p.doc_no) : json_null(),
	    "issuer", p.issuer ? json_string(p.issuer) : json_null(),
	    "year", p.year, "issue_date", p.issue_date ?
	    json_string(p.issue_date) : json_null(), "preamble",
	    plan_text(&nm, p.preamble)));
	json_object_set_new(o, "fields", fields_json(pp.fields));
	secs = json_array();
	for (i = 0; i < p.nsections; i++)
		if (p.sections[i].has_tasks)
			json_array_append_new(secs, json_pack("{s:i,s:s,s:o}",
			    "order", p.sections[i].order, "numeral",
			    p.sections[i].numeral ? p.sections[i].numeral : "",
			    "title", plan_text(&nm, p.sections[i].title)));
	json_object_set_new(o, "sections", secs);
	tasks = json_array();
	json_object_set_new(o, "tasks", tasks);
	for (i = 0; i < p.ntasks && rc == FZ_OK; i++) {
		const struct task	*t = &p.tasks[i];
		json_t			*x = json_object(), *files, *prog;

		json_array_append_new(tasks, x);
		json_object_set_new(x, "number", json_integer(t->number));
		json_object_set_new(x, "section", json_integer(t->section));
		json_object_set_new(x, "title", t->title ? plan_text(&nm,
		    t->title) : json_null());
		if (core_pub_has(pp.fields, "task_text"))
			json_object_set_new(x, "text", plan_text(&nm, t->text));
		if (core_pub_has(pp.fields, "units")) {
			json_object_set_new(x, "lead", refs_json(&nm, t,
			    ROLE_LEAD));
			json_object_set_new(x, "responsible", refs_json(&nm, t,
			    ROLE_RESP));
		}
		if (core_pub_has(pp.fields, "status"))
			json_object_set_new(x, "status", status_json(av, nav,
			    t->id));
		files = json_array();
		prog = json_array();
		rc = progress_json(st, &nm, plan_id, t->id, core_pub_has(
		    pp.fields, "progress"), prog, files);
		if (core_pub_has(pp.fields, "progress"))
			json_object_set_new(x, "progress", prog);
		else
			json_decref(prog);
		json_object_set_new(x, "files", files);
	}
	if (rc == FZ_OK && core_pub_has(pp.fields, "indicators")) {
		if ((rc = indicators_json(st, plan_id, &inds)) == FZ_OK)
			json_object_set_new(o, "indicators", inds);
	}
	if (rc != FZ_OK)
		json_decref(o);
	else
		*out = o;
out:
	free(av);
	names_release(&nm);
	if (loaded)
		plan_release(&p);
	return rc;
}

enum fz_err
core_portal_file(struct store *st, int64_t id, struct evidence *e,
    struct buf *out)
{
	struct report	 r;
	struct pub_plan	 pp;
	struct diags	 dg = { 0 };
	int		 pub;
	enum fz_err	 rc;

	if ((rc = store_pub_evidence_get(st, id, &pub)) != FZ_OK)
		return rc;
	if (!pub)
		return FZ_ENOTFOUND;
	if ((rc = store_evidence_get(st, id, e)) != FZ_OK)
		return rc;
	if ((rc = store_report_get(st, e->report_id, &r)) != FZ_OK)
		return rc;
	if (!str_eq(r.state, "accepted"))
		rc = FZ_ENOTFOUND;
	else
		rc = published(st, r.plan_id, &pp);
	report_release(&r);
	if (rc != FZ_OK)
		return rc;
	rc = work_blob_get(st, e->sha256, e->size, id, out, &dg);
	diags_release(&dg);
	return rc;
}
