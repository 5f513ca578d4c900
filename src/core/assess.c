/*
 * assess.c: the assessment (考核): a year's rubric of weighted items,
 * scored per unit from the data as of a date (the 通报's counts, the
 * finding shares closed, the newest indicator values met) and from the
 * 依法治县办's manual scores; exact integer arithmetic in 1/10000 of a
 * point, so that the same data gives the same score; ranked like the 通报.
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "work-int.h"
#include "fazhi/assess.h"
#include "fazhi/export.h"
#include "fazhi/store.h"
#include "fazhi/buf.h"
#include "fazhi/util.h"
#include "fazhi/banned.h"

#define E4	10000	/* points are kept in 1/10000 of a point */
#define MAXITEMS 32

static const struct {
	const char	*key;
	const char	*name;
} kinds[ASSESS__MAX] = {
	[ASSESS_REPORTS_ON_TIME] = { "reports_on_time", "报送及时率" },
	[ASSESS_FIRST_PASS] = { "first_pass", "一次通过率" },
	[ASSESS_INDICATORS_MET] = { "indicators_met", "指标达标率" },
	[ASSESS_FINDINGS_CLOSED] = { "findings_closed", "督察问题销号率" },
	[ASSESS_OVERDUE_PENALTY] = { "overdue_penalty", "逾期扣分" },
	[ASSESS_MANUAL] = { "manual", "人工评分" },
};

enum assess_kind
assess_kind_parse(const char *s)
{
	int	 k;

	for (k = 0; s != NULL && k < ASSESS__MAX; k++)
		if (str_eq(kinds[k].key, s))
			return (enum assess_kind)k;
	return ASSESS__MAX;
}

const char *
assess_kind_name(enum assess_kind k)
{
	return k < ASSESS__MAX ? kinds[k].name : "";
}

int64_t
assess_points_parse(const char *s)
{
	int64_t	 v = 0;
	int	 d = -1;

	if (s == NULL || *s == '\0' || strlen(s) > 9)
		return -1;
	for (; *s != '\0'; s++) {
		if (*s == '.' && d < 0) {
			d = 0;
			continue;
		}
		if (*s < '0' || *s > '9' || d >= 2)
			return -1;
		v = v * 10 + (*s - '0');
		if (d >= 0)
			d++;
	}
	for (d = d < 0 ? 0 : d; d < 2; d++)
		v *= 10;
	return v;
}

/* An integer 0–100 in v, or -1. */
static int
int100(const json_t *v)
{
	json_int_t	 i;

	if (!json_is_integer(v))
		return -1;
	i = json_integer_value(v);
	return i >= 0 && i <= 100 ? (int)i : -1;
}

/* 1–32 lowercase letters, digits and underscores. */
static int
valid_key(const char *s)
{
	size_t	 n;

	if (s == NULL || (n = strlen(s)) == 0 || n > 32)
		return 0;
	for (; *s != '\0'; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
		    *s == '_'))
			return 0;
	return 1;
}

enum fz_err
core_assess_rubric_check(const json_t *r, struct diags *dg)
{
	const json_t	*items, *it, *note;
	const char	*key, *name, *kind;
	size_t		 i, j;
	char		 label[120];

	if (!json_is_object(r))
		return work_fail(dg, FZ_EINVAL, "rubric", "考核细则应为 JSON "
		    "对象，含 items 数组");
	note = json_object_get(r, "note");
	if (note != NULL && !json_is_string(note))
		return work_fail(dg, FZ_EINVAL, "note", "说明（note）应为文本");
	items = json_object_get(r, "items");
	if (!json_is_array(items) || json_array_size(items) == 0)
		return work_fail(dg, FZ_EINVAL, "items", "考核细则应至少有一个"
		    "考核项（items）");
	if (json_array_size(items) > MAXITEMS)
		return work_fail(dg, FZ_EINVAL, "items", "考核项不能超过 %d 个",
		    MAXITEMS);
	json_array_foreach(items, i, it) {
		key = json_string_value(json_object_get(it, "key"));
		name = json_string_value(json_object_get(it, "name"));
		kind = json_string_value(json_object_get(it, "kind"));
		snprintf(label, sizeof(label), "第 %zu 个考核项%s%s%s", i + 1,
		    name ? "“" : "", name ? name : "", name ? "”" : "");
		if (!json_is_object(it))
			return work_fail(dg, FZ_EINVAL, "items", "%s应为对象",
			    label);
		if (!valid_key(key))
			return work_fail(dg, FZ_EINVAL, "key", "%s的标识（key）"
			    "应为小写字母、数字和下划线", label);
		if (name == NULL || name[0] == '\0' || strlen(name) > 90)
			return work_fail(dg, FZ_EINVAL, "name", "%s应有名称"
			    "（name，不超过 30 个汉字）", label);
		if (assess_kind_parse(kind) == ASSESS__MAX)
			return work_fail(dg, FZ_EINVAL, "kind", "%s的计分方式"
			    "“%s”未知，应为 reports_on_time、first_pass、"
			    "indicators_met、findings_closed、overdue_penalty 或 "
			    "manual", label, kind ? kind : "");
		if (int100(json_object_get(it, "weight")) < 0)
			return work_fail(dg, FZ_EINVAL, "weight", "%s的分值"
			    "（weight）应为 0 到 100 的整数", label);
		if (assess_kind_parse(kind) == ASSESS_OVERDUE_PENALTY &&
		    int100(json_object_get(it, "per_item")) < 0)
			return work_fail(dg, FZ_EINVAL, "per_item", "%s的每项"
			    "扣分（per_item）应为 0 到 100 的整数", label);
		for (j = 0; j < i; j++)
			if (str_eq(key, json_string_value(json_object_get(
			    json_array_get(items, j), "key"))))
				return work_fail(dg, FZ_EINVAL, "key", "%s的标识"
				    "“%s”与第 %zu 个考核项重复", label, key,
				    j + 1);
	}
	return FZ_OK;
}

/* The rubric of a year: its own newest version, or the default's. */
static enum fz_err
rubric_load(struct store *st, int year, struct assess_rubric *r, json_t **j,
    struct diags *dg)
{
	enum fz_err	 rc;

	*j = NULL;
	rc = store_assess_rubric_get(st, year, 0, r);
	if (rc == FZ_ENOTFOUND && year != 0) {
		assess_rubric_release(r);
		rc = store_assess_rubric_get(st, 0, 0, r);
	}
	if (rc == FZ_ENOTFOUND)
		return work_fail(dg, rc, "rubric", "没有考核细则");
	if (rc != FZ_OK)
		return work_store_fail(st, dg, rc);
	if ((*j = json_loads(r->items, 0, NULL)) == NULL) {
		assess_rubric_release(r);
		return work_fail(dg, FZ_EINVAL, "rubric", "考核细则第 %d 版"
		    "已损坏", r->version);
	}
	return FZ_OK;
}

static json_t *
rubric_json(const struct assess_rubric *r, json_t *items)
{
	json_t	*o = json_pack("{s:i,s:i,s:s,s:s}", "year", r->year, "version",
		    r->version, "created_by", r->created_by, "created_at",
		    r->created_at);

	if (json_is_string(json_object_get(items, "note")))
		json_object_set(o, "note", json_object_get(items, "note"));
	else
		json_object_set_new(o, "note", json_string(""));
	json_object_set(o, "items", json_object_get(items, "items"));
	return o;
}

enum fz_err
core_assess_rubric_get(struct store *st, const struct actor *ac, int year,
    json_t **out, struct diags *dg)
{
	struct assess_rubric	 r;
	json_t			*j;
	enum fz_err		 rc;

	(void)ac;
	*out = NULL;
	if ((rc = rubric_load(st, year, &r, &j, dg)) != FZ_OK)
		return rc;
	*out = rubric_json(&r, j);
	json_decref(j);
	assess_rubric_release(&r);
	return FZ_OK;
}

static int
may_manage(const struct actor *ac)
{
	return ac->account_id == 0 || core_actor_supervises(ac);
}

/* A checked rubric with only the fields we know, in our order. */
static json_t *
rubric_clean(const json_t *in)
{
	const json_t	*it, *note = json_object_get(in, "note");
	json_t		*items = json_array(), *o;
	size_t		 i;

	json_array_foreach(json_object_get(in, "items"), i, it) {
		o = json_pack("{s:O,s:O,s:O,s:O}", "key", json_object_get(it,
		    "key"), "name", json_object_get(it, "name"), "kind",
		    json_object_get(it, "kind"), "weight", json_object_get(it,
		    "weight"));
		if (assess_kind_parse(json_string_value(json_object_get(it,
		    "kind"))) == ASSESS_OVERDUE_PENALTY)
			json_object_set(o, "per_item", json_object_get(it,
			    "per_item"));
		json_array_append_new(items, o);
	}
	return json_pack("{s:s,s:o}", "note", note ? json_string_value(note) :
	    "", "items", items);
}

enum fz_err
core_assess_rubric_set(struct store *st, const struct actor *ac, int year,
    const json_t *in, int *version, struct diags *dg)
{
	struct assess_rubric	 r, old;
	struct diags		 quiet = { 0 };
	json_t			*before = NULL, *oj = NULL, *clean;
	char			*s;
	enum fz_err		 rc;

	if (!may_manage(ac))
		return work_fail(dg, FZ_EPERM, "error",
		    "只有依法治县办（督察人员）可以修改考核细则");
	if (year != 0 && (year < 2000 || year > 2100))
		return work_fail(dg, FZ_EINVAL, "year", "年度应为 2000 到 2100");
	if ((rc = core_assess_rubric_check(in, dg)) != FZ_OK)
		return rc;
	memset(&r, 0, sizeof(r));
	r.year = year;
	clean = rubric_clean(in);
	r.items = json_dumps(clean, JSON_COMPACT | JSON_PRESERVE_ORDER);
	json_decref(clean);
	snprintf(r.created_by, sizeof(r.created_by), "%s",
	    work_actor_name(ac));
	if (rubric_load(st, year, &old, &oj, &quiet) == FZ_OK) {
		before = json_pack("{s:i,s:i}", "year", old.year, "version",
		    old.version);
		json_decref(oj);
		assess_rubric_release(&old);
	}
	diags_release(&quiet);
	if ((rc = store_begin(st)) != FZ_OK) {
		json_decref(before);
		free(r.items);
		return work_store_fail(st, dg, rc);
	}
	rc = store_assess_rubric_add(st, &r);
	if (rc != FZ_OK)
		rc = work_store_fail(st, dg, rc);
	if (rc == FZ_OK) {
		s = r.items;
		rc = work_audit(st, ac, "assess.rubric", "assess_rubric", r.id,
		    before, json_pack("{s:i,s:i,s:s}", "year", year, "version",
		    r.version, "items", s));
		before = NULL;
	}
	json_decref(before);
	rc = work_end(st, rc, dg);
	if (rc == FZ_OK && version != NULL)
		*version = r.version;
	free(r.items);
	return rc;
}

/* The item of a key in a rubric, or NULL. */
static const json_t *
rubric_item(const json_t *rub, const char *key)
{
	const json_t	*it;
	size_t		 i;

	json_array_foreach(json_object_get(rub, "items"), i, it)
		if (str_eq(json_string_value(json_object_get(it, "key")), key))
			return it;
	return NULL;
}

enum fz_err
core_assess_manual_add(struct store *st, const struct actor *ac,
    const struct assess_manual_input *in, int64_t *id, struct diags *dg)
{
	struct assess_rubric	 r;
	struct assess_manual	 m;
	const json_t		*it;
	const char		*mime = NULL;
	json_t			*rub = NULL;
	enum fz_err		 rc;

	if (!may_manage(ac))
		return work_fail(dg, FZ_EPERM, "error",
		    "只有依法治县办（督察人员）可以评分");
	if (in->year < 2000 || in->year > 2100)
		return work_fail(dg, FZ_EINVAL, "year", "年度应为 2000 到 2100");
	if (in->reason == NULL || in->reason[0] == '\0')
		return work_fail(dg, FZ_EINVAL, "reason", "评分须写明理由");
	if (in->data == NULL || in->file_name == NULL)
		return work_fail(dg, FZ_EINVAL, "file", "评分须附至少一份佐证"
		    "材料");
	memset(&m, 0, sizeof(m));
	if ((rc = core_file_accept(st, in->file_name, in->data, in->len,
	    m.name, sizeof(m.name), &mime, dg)) != FZ_OK)
		return rc;
	if ((rc = rubric_load(st, in->year, &r, &rub, dg)) != FZ_OK)
		return rc;
	it = rubric_item(rub, in->item_key);
	if (it == NULL || assess_kind_parse(json_string_value(
	    json_object_get(it, "kind"))) != ASSESS_MANUAL)
		rc = work_fail(dg, FZ_EINVAL, "item", "%d 年考核细则（第 %d "
		    "版）没有人工评分项“%s”", in->year, r.version,
		    in->item_key);
	else if (in->points < 0 || in->points >
	    100 * json_integer_value(json_object_get(it, "weight")))
		rc = work_fail(dg, FZ_EINVAL, "points", "“%s”的得分应在 0 "
		    "到 %lld 分之间", json_string_value(json_object_get(it,
		    "name")), (long long)json_integer_value(json_object_get(
		    it, "weight")));
	if (rc != FZ_OK)
		goto out;
	m.year = in->year;
	m.unit_id = in->unit_id;
	snprintf(m.item_key, sizeof(m.item_key), "%s", in->item_key);
	m.points = in->points;
	m.reason = xstrdup(in->reason);
	sha256_hex(in->data, in->len, m.sha256);
	m.size = (int64_t)in->len;
	snprintf(m.mime, sizeof(m.mime), "%s", mime);
	snprintf(m.actor, sizeof(m.actor), "%s", work_actor_name(ac));
	if ((rc = store_begin(st)) != FZ_OK) {
		rc = work_store_fail(st, dg, rc);
		goto out;
	}
	rc = work_blob_put(st, m.sha256, in->data, in->len);
	if (rc == FZ_OK)
		rc = store_assess_manual_add(st, &m);
	if (rc != FZ_OK)
		rc = work_store_fail(st, dg, rc);
	else
		rc = work_audit(st, ac, "assess.manual", "assess_manual", m.id,
		    NULL, json_pack("{s:i,s:I,s:s,s:I,s:s,s:s,s:s}", "year",
		    m.year, "unit_id", (json_int_t)m.unit_id, "item",
		    m.item_key, "points", (json_int_t)m.points, "reason",
		    m.reason, "file", m.name, "sha256", m.sha256));
	rc = work_end(st, rc, dg);
	if (rc == FZ_OK && id != NULL)
		*id = m.id;
out:
	free(m.reason);
	json_decref(rub);
	assess_rubric_release(&r);
	return rc;
}

/* Points in 1/10000 for weight × num / den, rounded half up; nothing to
 * count (den 0) gives full marks. */
static int64_t
share(int64_t weight, int64_t num, int64_t den)
{
	if (den <= 0)
		return weight * E4;
	return (weight * E4 * num * 2 + den) / (2 * den);
}

/* "87.50" from 1/10000 of a point, rounded half up to 2 decimals. */
static void
fmt_points(char *out, size_t n, int64_t e4)
{
	int64_t	 h = (e4 + 50) / 100;

	snprintf(out, n, "%lld.%02lld", (long long)(h / 100),
	    (long long)(h % 100));
}

static json_t *
points_json(int64_t e4)
{
	char	 s[32];

	fmt_points(s, sizeof(s), e4);
	return json_string(s);
}

struct unit_score {
	const struct bulletin_row	*b;
	const struct assess_counts	*c;
	size_t				 ord;
	int64_t				 total;
	int				 rank;
	struct assess_score		*items;	/* nitems */
};

static int
score_cmp(const void *a, const void *b)
{
	const struct unit_score	*x = a, *y = b;

	if (x->total != y->total)
		return x->total > y->total ? -1 : 1;
	return x->ord < y->ord ? -1 : x->ord > y->ord;
}

/* The newest manual score of a unit and item, or NULL. */
static const struct assess_manual *
manual_find(const struct assess_manual *v, size_t n, int64_t unit_id,
    const char *key)
{
	const struct assess_manual	*m = NULL;
	size_t				 i;

	for (i = 0; i < n; i++)
		if (v[i].unit_id == unit_id && str_eq(v[i].item_key, key))
			m = &v[i];
	return m;
}

/* Its points in hundredths; -1: none. */
static int64_t
manual_points(const struct assess_manual *v, size_t n, int64_t unit_id,
    const char *key)
{
	const struct assess_manual	*m = manual_find(v, n, unit_id, key);

	return m ? m->points : -1;
}

static void
score_item(struct assess_score *s, const json_t *it,
    const struct bulletin_row *b, const struct assess_counts *c,
    const struct assess_manual *mv, size_t mn)
{
	int64_t	 w = json_integer_value(json_object_get(it, "weight"));
	int64_t	 per, p;

	snprintf(s->item_key, sizeof(s->item_key), "%s", json_string_value(
	    json_object_get(it, "key")));
	switch (assess_kind_parse(json_string_value(json_object_get(it,
	    "kind")))) {
	case ASSESS_REPORTS_ON_TIME:
		s->num = b->on_time;
		s->den = b->submitted + b->missed;
		s->points = share(w, s->num, s->den);
		break;
	case ASSESS_FIRST_PASS:
		s->num = b->first_pass;
		s->den = b->accepted;
		s->points = share(w, s->num, s->den);
		break;
	case ASSESS_INDICATORS_MET:
		s->num = c->ind_met;
		s->den = c->ind_judged;
		s->points = share(w, s->num, s->den);
		break;
	case ASSESS_FINDINGS_CLOSED:
		s->den = c->findings;
		s->num = c->findings - b->open_findings;
		if (s->num < 0)
			s->num = 0;
		s->points = share(w, s->num, s->den);
		break;
	case ASSESS_OVERDUE_PENALTY:
		per = json_integer_value(json_object_get(it, "per_item"));
		s->num = b->missed + b->overdue_findings;
		s->den = per;
		p = w - per * s->num;
		s->points = (p > 0 ? p : 0) * E4;
		break;
	case ASSESS_MANUAL:
	default:
		/* A score above the weight (the rubric changed since)
		 * counts as the weight. */
		p = manual_points(mv, mn, b->unit_id, s->item_key);
		if (p > w * 100)
			p = w * 100;
		s->num = p < 0 ? 0 : p;
		s->den = p < 0 ? 0 : 100;
		s->points = s->num * (E4 / 100);
		break;
	}
}

/* Each item's numbers and points; a manual one scored with its reason,
 * evidence file, who and when. */
static json_t *
unit_json(const struct unit_score *u, const json_t *items, size_t nitems,
    const struct assess_manual *mv, size_t mn)
{
	const struct assess_manual	*m;
	json_t				*a = json_array(), *o, *x;
	size_t				 i;

	for (i = 0; i < nitems; i++) {
		const json_t *it = json_array_get(items, i);
		const struct assess_score *s = &u->items[i];

		x = json_pack("{s:s,s:O,s:O,s:O,s:I,s:I,s:o,s:I}", "key",
		    s->item_key, "name", json_object_get(it, "name"), "kind",
		    json_object_get(it, "kind"), "weight", json_object_get(it,
		    "weight"), "num", (json_int_t)s->num, "den",
		    (json_int_t)s->den, "points", points_json(s->points),
		    "points_e4", (json_int_t)s->points);
		if (assess_kind_parse(json_string_value(json_object_get(it,
		    "kind"))) == ASSESS_MANUAL && (m = manual_find(mv, mn,
		    u->b->unit_id, s->item_key)) != NULL)
			json_object_set_new(x, "manual", json_pack("{s:I,s:s,"
			    "s:s,s:s,s:s,s:s}", "id", (json_int_t)m->id,
			    "reason", m->reason ? m->reason : "", "file",
			    m->name, "sha256", m->sha256, "by", m->actor, "at",
			    m->at));
		json_array_append_new(a, x);
	}
	o = json_pack("{s:i,s:I,s:s,s:o,s:I,s:o}", "rank", u->rank, "unit_id",
	    (json_int_t)u->b->unit_id, "unit_name", u->b->unit_name, "total",
	    points_json(u->total), "total_e4", (json_int_t)u->total, "items",
	    a);
	return o;
}

enum fz_err
core_assess_run(struct store *st, const struct actor *ac, const char *as_of,
    json_t **out, struct diags *dg)
{
	struct bulletin_row	*bv = NULL;
	struct assess_counts	*cv = NULL;
	struct assess_manual	*mv = NULL;
	struct assess_rubric	 r;
	struct assess_run	 run;
	struct assess_score	*flat = NULL;
	struct unit_score	*us = NULL;
	size_t			 bn = 0, cn = 0, mn = 0, nu = 0, ni, i, k;
	json_t			*rub = NULL, *items, *units = NULL;
	struct buf		 in = BUF_INIT;
	char			 y[5], *tmp;
	int			 year;
	enum fz_err		 rc;

	*out = NULL;
	memset(&r, 0, sizeof(r));
	memset(&run, 0, sizeof(run));
	if (!may_manage(ac))
		return work_fail(dg, FZ_EPERM, "error",
		    "只有依法治县办（督察人员）可以计算考核得分");
	if (as_of == NULL || !core_date_valid(as_of))
		return work_fail(dg, FZ_EINVAL, "as_of",
		    "考核截止日期应为有效的 YYYY-MM-DD 日期");
	snprintf(y, sizeof(y), "%.4s", as_of);
	year = (int)strtol(y, NULL, 10);
	if ((rc = rubric_load(st, year, &r, &rub, dg)) != FZ_OK)
		return rc;
	items = json_object_get(rub, "items");
	ni = json_array_size(items);
	if ((rc = store_bulletin_rows(st, 0, as_of, &bv, &bn)) != FZ_OK ||
	    (rc = store_assess_counts(st, as_of, &cv, &cn)) != FZ_OK ||
	    (rc = store_assess_manual_list(st, year, &mv, &mn)) != FZ_OK) {
		rc = work_store_fail(st, dg, rc);
		goto out;
	}
	if (bn != cn) {
		rc = work_fail(dg, FZ_EDB, "error", "单位数不一致，请重试");
		goto out;
	}
	us = xcalloc(bn ? bn : 1, sizeof(*us));
	/* Every unit with something to count, in unit order. */
	for (i = 0; i < bn; i++) {
		const struct bulletin_row *b = &bv[i];
		const struct assess_counts *c = &cv[i];

		if (b->unit_id != c->unit_id) {
			rc = work_fail(dg, FZ_EDB, "error", "单位顺序不一致");
			goto out;
		}
		if (b->submitted + b->missed == 0 && b->accepted == 0 &&
		    b->open_findings == 0 && b->overdue_findings == 0 &&
		    c->findings == 0 && c->ind_judged == 0 && !c->manual)
			continue;
		us[nu].b = b;
		us[nu].c = c;
		us[nu].ord = i;
		us[nu].items = xcalloc(ni ? ni : 1, sizeof(struct assess_score));
		for (k = 0; k < ni; k++) {
			score_item(&us[nu].items[k], json_array_get(items, k),
			    b, c, mv, mn);
			us[nu].items[k].unit_id = b->unit_id;
			us[nu].total += us[nu].items[k].points;
		}
		nu++;
	}
	/* The inputs: the date, the rubric, each unit's raw numbers. */
	tmp = json_dumps(rub, JSON_COMPACT | JSON_SORT_KEYS);
	buf_addf(&in, "as_of %s\nrubric %d %d %s\n", as_of, r.year, r.version,
	    tmp);
	free(tmp);
	for (i = 0; i < nu; i++)
		for (k = 0; k < ni; k++)
			buf_addf(&in, "%lld %s %lld %lld\n",
			    (long long)us[i].b->unit_id, us[i].items[k].item_key,
			    (long long)us[i].items[k].num,
			    (long long)us[i].items[k].den);
	sha256_hex(in.ptr, in.len, run.inputs_sha256);
	qsort(us, nu, sizeof(*us), score_cmp);
	flat = xcalloc((nu * ni) > 0 ? nu * ni : 1, sizeof(*flat));
	units = json_array();
	for (i = 0; i < nu; i++) {
		us[i].rank = (i > 0 && us[i - 1].total == us[i].total) ?
		    us[i - 1].rank : (int)i + 1;
		for (k = 0; k < ni; k++) {
			us[i].items[k].total = us[i].total;
			us[i].items[k].rank = us[i].rank;
			flat[i * ni + k] = us[i].items[k];
		}
		json_array_append_new(units, unit_json(&us[i], items, ni, mv,
		    mn));
	}
	snprintf(run.as_of, sizeof(run.as_of), "%s", as_of);
	run.rubric_id = r.id;
	run.rubric_year = r.year;
	run.rubric_version = r.version;
	snprintf(run.actor, sizeof(run.actor), "%s", work_actor_name(ac));
	*out = json_pack("{s:s,s:o,s:s,s:O}", "as_of", as_of, "rubric",
	    rubric_json(&r, rub), "inputs_sha256", run.inputs_sha256, "units",
	    units);
	run.result = json_dumps(*out, JSON_COMPACT | JSON_PRESERVE_ORDER);
	if ((rc = store_begin(st)) != FZ_OK) {
		rc = work_store_fail(st, dg, rc);
		goto out;
	}
	rc = store_assess_run_add(st, &run, flat, nu * ni);
	if (rc != FZ_OK)
		rc = work_store_fail(st, dg, rc);
	else
		rc = work_audit(st, ac, "assess.run", "assess_run", run.id,
		    NULL, json_pack("{s:s,s:i,s:i,s:s,s:i}", "as_of", as_of,
		    "rubric_year", r.year, "rubric_version", r.version,
		    "inputs_sha256", run.inputs_sha256, "units", (int)nu));
	rc = work_end(st, rc, dg);
	if (rc == FZ_OK) {
		json_object_set_new(*out, "run_id", json_integer(run.id));
		json_object_set_new(*out, "created_at", json_string(
		    run.created_at));
	}
out:
	if (rc != FZ_OK) {
		json_decref(*out);
		*out = NULL;
	}
	for (i = 0; i < nu; i++)
		free(us[i].items);
	free(us);
	free(flat);
	free(run.result);
	buf_release(&in);
	json_decref(units);
	json_decref(rub);
	assess_rubric_release(&r);
	for (i = 0; i < mn; i++)
		assess_manual_release(&mv[i]);
	free(mv);
	free(cv);
	free(bv);
	return rc;
}

enum fz_err
core_assess_show(struct store *st, const struct actor *ac, int64_t run_id,
    int64_t unit_id, json_t **out, struct diags *dg)
{
	struct assess_run	 run;
	json_t			*j, *units, *keep, *u;
	size_t			 i;
	int64_t			 uid;
	enum fz_err		 rc;

	*out = NULL;
	rc = store_assess_run_get(st, run_id, &run);
	if (rc == FZ_ENOTFOUND && run_id != 0)
		return work_fail(dg, rc, "run", "没有编号为 %lld 的考核结果",
		    (long long)run_id);
	if (rc == FZ_ENOTFOUND)
		return work_fail(dg, rc, "run", "还没有考核结果，请先计算");
	if (rc != FZ_OK)
		return work_store_fail(st, dg, rc);
	j = json_loads(run.result, 0, NULL);
	if (j == NULL) {
		assess_run_release(&run);
		return work_fail(dg, FZ_EDB, "run", "考核结果已损坏");
	}
	units = json_object_get(j, "units");
	keep = json_array();
	json_array_foreach(units, i, u) {
		uid = json_integer_value(json_object_get(u, "unit_id"));
		if (unit_id != 0 && uid != unit_id)
			continue;
		if (core_actor_reads_all(ac) || core_actor_in_unit(ac, uid, 0))
			json_array_append(keep, u);
	}
	json_object_set_new(j, "units", keep);
	json_object_set_new(j, "run_id", json_integer(run.id));
	json_object_set_new(j, "created_at", json_string(run.created_at));
	json_object_set_new(j, "actor", json_string(run.actor));
	assess_run_release(&run);
	*out = j;
	return FZ_OK;
}

/*
 * A manual score's evidence file: for the 依法治县办, county leaders and
 * administrators (who read every unit), and the assessed unit's own
 * staff. To anyone else it does not exist (404): another unit's score is
 * not theirs to know, not even that there is one.
 */
enum fz_err
core_assess_evidence_fetch(struct store *st, const struct actor *ac,
    int64_t id, struct assess_manual *m, struct buf *out, struct diags *dg)
{
	enum fz_err	 rc;

	if ((rc = store_assess_manual_get(st, id, m)) == FZ_ENOTFOUND)
		return work_fail(dg, rc, "id", "考核评分 %lld 不存在",
		    (long long)id);
	if (rc != FZ_OK)
		return work_store_fail(st, dg, rc);
	if (!core_actor_reads_all(ac) && !core_actor_in_unit(ac, m->unit_id,
	    0)) {
		assess_manual_release(m);
		return work_fail(dg, FZ_ENOTFOUND, "id", "考核评分 %lld 不存在",
		    (long long)id);
	}
	if ((rc = work_blob_get(st, m->sha256, m->size, m->id, out, dg)) !=
	    FZ_OK)
		assess_manual_release(m);
	return rc;
}

enum fz_err
core_assess_export(const json_t *res, const char *format, const char *path,
    struct buf *out, struct buf *err)
{
	const json_t		*items = json_object_get(json_object_get(res,
				    "rubric"), "items"), *u, *it;
	size_t			 ni = json_array_size(items), nc = 3 + ni;
	size_t			 nr = json_array_size(json_object_get(res,
				    "units")), i, k;
	const char		**heads;
	char			**names;
	enum export_col		*cols;
	char			**cells, num[32];
	struct export_table	 t;
	enum fz_err		 rc;

	heads = xcalloc(nc, sizeof(*heads));
	names = xcalloc(ni ? ni : 1, sizeof(*names));
	cols = xcalloc(nc, sizeof(*cols));
	cells = xcalloc(nc * (nr ? nr : 1), sizeof(*cells));
	heads[0] = "排名";
	heads[1] = "单位";
	heads[2] = "总分";
	cols[0] = EXPORT_COL_INT;
	cols[2] = EXPORT_COL_DEC2;	/* points are numbers, not text */
	for (k = 0; k < ni; k++)
		cols[3 + k] = EXPORT_COL_DEC2;
	/* Item names are the user's: defused like the cells. */
	json_array_foreach(items, k, it) {
		const char *nm = json_string_value(json_object_get(it, "name"));

		heads[3 + k] = nm = nm ? nm : "";
		if (nm[0] == '=' || nm[0] == '+' || nm[0] == '-' ||
		    nm[0] == '@') {
			names[k] = xmalloc(strlen(nm) + 2);
			names[k][0] = '\'';
			memcpy(names[k] + 1, nm, strlen(nm) + 1);
			heads[3 + k] = names[k];
		}
	}
	json_array_foreach(json_object_get(res, "units"), i, u) {
		snprintf(num, sizeof(num), "%lld", (long long)
		    json_integer_value(json_object_get(u, "rank")));
		cells[i * nc] = xstrdup(num);
		cells[i * nc + 1] = xstrdup(json_string_value(json_object_get(u,
		    "unit_name")));
		cells[i * nc + 2] = xstrdup(json_string_value(json_object_get(u,
		    "total")));
		for (k = 0; k < ni; k++)
			cells[i * nc + 3 + k] = xstrdup(json_string_value(
			    json_object_get(json_array_get(json_object_get(u,
			    "items"), k), "points")));
	}
	memset(&t, 0, sizeof(t));
	t.sheet = "考核结果";
	t.ncols = nc;
	t.headers = heads;
	t.kinds = cols;
	t.cells = cells;
	t.nrows = nr;
	if (str_eq(format, "xlsx"))
		rc = export_table_xlsx(&t, path, err);
	else
		rc = export_table_csv(&t, out);
	for (i = 0; i < nc * nr; i++)
		free(cells[i]);
	for (k = 0; k < ni; k++)
		free(names[k]);
	free(names);
	free(cells);
	free(cols);
	free(heads);
	return rc;
}
