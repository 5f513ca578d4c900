/*
 * indicator.c: indicators computed from registries. A definition's
 * numerator and denominator are predicates over one record (JSON: "all",
 * "any", "not", and the operations set, unset, eq, in, ge, le, within,
 * atleast, past on the registry's fields, in days or working days, with
 * "$name" for a parameter), judged at the date the value is computed for:
 * an event dated after it has not happened yet. params.group_by counts
 * groups of records (a case per instance) instead of records.
 * Computing stores a run, a value per definition for the county and for
 * each unit, and the records counted, failing and excluded; a new version
 * of a definition never changes the values computed with the old one.
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <sodium.h>

#include "work-int.h"
#include "fazhi/calendar.h"
#include "fazhi/indicator.h"
#include "fazhi/util.h"
#include "fazhi/banned.h"

#define PRED_DEPTH	16

void
ind_result_release(struct ind_result *r)
{
	if (r == NULL)
		return;
	free(r->counted);
	free(r->failing);
	free(r->excluded);
	memset(r, 0, sizeof(*r));
}

/* A 执法证 of the 执法人员 registry: what "certified" checks. */
struct cert {
	char		 no[48];
	long		 issued, expires;	/* days */
};

struct certs {
	struct cert	*v;
	size_t		 n, cap;
};

struct pctx {
	const struct reg_desc	*d;
	const json_t		*params;
	long			 as_of;
	const struct calendar	*cal;	/* working days; weekends if empty */
	const struct certs	*certs;	/* for "certified"; NULL: none */
};

/* A number of days: an integer, or "$name" of a parameter. */
static int
days_of(const json_t *v, const json_t *params, long *out)
{
	const json_t	*p = v;

	if (json_is_string(v) && json_string_value(v)[0] == '$')
		p = json_object_get(params, json_string_value(v) + 1);
	if (!json_is_integer(p) || json_integer_value(p) < 0 ||
	    json_integer_value(p) > 36600)
		return 0;
	*out = (long)json_integer_value(p);
	return 1;
}

static int
field_of(const struct reg_desc *d, const json_t *p, const char *key)
{
	const json_t	*f = json_object_get(p, key);

	return json_is_string(f) ? reg_field_index(d, json_string_value(f)) :
	    -1;
}

/* The day of a date field, when set on or before as_of. */
static int
day_of(const struct pctx *c, const struct reg_record *r, int f, long *day,
    int by_as_of)
{
	if (f < 0 || r->v[f].null || r->v[f].s == NULL ||
	    date_days(r->v[f].s, day) != FZ_OK)
		return 0;
	return !by_as_of || *day <= c->as_of;
}

static int
value_eq(const struct reg_field *f, const struct reg_value *v,
    const json_t *want)
{
	if (v->null)
		return json_is_null(want);
	if (f->type == REG_INT || f->type == REG_UNIT)
		return json_is_integer(want) && json_integer_value(want) == v->i;
	if (f->type == REG_BOOL)
		return json_is_boolean(want) && json_is_true(want) == (v->i != 0);
	return json_is_string(want) && str_eq(json_string_value(want),
	    v->s ? v->s : "");
}

/*
 * The date N working days after a date field's day (day 1 is the first
 * working day after it: "N 个工作日内").
 */
static int
workday_limit(const struct pctx *c, const struct reg_record *r, int f,
    long n, long *limit)
{
	char	 out[11];
	int	 unknown;

	if (f < 0 || r->v[f].null || r->v[f].s == NULL ||
	    cal_add_workdays(c->cal, r->v[f].s, (int)n, out, &unknown) !=
	    FZ_OK)
		return 0;
	return date_days(out, limit) == FZ_OK;
}

/*
 * A predicate compiled once per computation from its JSON: the operation,
 * the field indexes and the number of days resolved, so judging a record
 * reads no JSON. Whatever the JSON evaluation would judge false (an
 * unknown operation or field, a bad number of days, too deep) compiles to
 * P_FALSE; "all" of no array is true and "any" of none false, as before.
 */
enum pop {
	P_FALSE = 0, P_ALL, P_ANY, P_NOT, P_SET, P_UNSET, P_EQ, P_IN, P_GE,
	P_LE, P_WITHIN, P_ATLEAST, P_PAST, P_CERTIFIED
};

struct pnode {
	enum pop	 op;
	int		 field, from;
	int		 workdays;	/* days counted in working days */
	long		 days;
	const json_t	*value;		/* eq: the value; in: the array */
	struct pnode	*kid;		/* all, any, not */
	size_t		 nkid;
};

static void
pnode_release(struct pnode *n)
{
	size_t	 i;

	if (n == NULL)
		return;
	for (i = 0; i < n->nkid; i++)
		pnode_release(&n->kid[i]);
	free(n->kid);
	memset(n, 0, sizeof(*n));
}

static void
pnode_compile(const struct reg_desc *d, const json_t *params, const json_t *p,
    int depth, struct pnode *n)
{
	const json_t	*x, *sub;
	const char	*op;
	size_t		 i;

	memset(n, 0, sizeof(*n));
	n->from = -1;
	if (depth > PRED_DEPTH || !json_is_object(p))
		return;
	if ((sub = json_object_get(p, "all")) != NULL ||
	    (sub = json_object_get(p, "any")) != NULL) {
		n->op = json_object_get(p, "all") != NULL ? P_ALL : P_ANY;
		n->nkid = json_array_size(sub);
		n->kid = xcalloc(n->nkid ? n->nkid : 1, sizeof(*n->kid));
		json_array_foreach(sub, i, x)
			pnode_compile(d, params, x, depth + 1, &n->kid[i]);
		return;
	}
	if ((sub = json_object_get(p, "not")) != NULL) {
		n->op = P_NOT;
		n->nkid = 1;
		n->kid = xcalloc(1, sizeof(*n->kid));
		pnode_compile(d, params, sub, depth + 1, n->kid);
		return;
	}
	op = json_string_value(json_object_get(p, "op"));
	if (op == NULL || (n->field = field_of(d, p, "field")) < 0)
		return;
	n->from = field_of(d, p, "from");
	if (str_eq(op, "set") || str_eq(op, "unset")) {
		n->op = str_eq(op, "set") ? P_SET : P_UNSET;
		return;
	}
	if (str_eq(op, "eq") || str_eq(op, "in")) {
		n->op = str_eq(op, "eq") ? P_EQ : P_IN;
		n->value = json_object_get(p, str_eq(op, "eq") ? "value" :
		    "values");
		return;
	}
	if (str_eq(op, "ge") || str_eq(op, "le")) {
		if (days_of(json_object_get(p, "value"), params, &n->days))
			n->op = str_eq(op, "ge") ? P_GE : P_LE;
		return;
	}
	if (str_eq(op, "certified")) {
		if (n->from >= 0)
			n->op = P_CERTIFIED;
		return;
	}
	if ((x = json_object_get(p, "workdays")) != NULL)
		n->workdays = 1;
	else
		x = json_object_get(p, "days");
	if (!days_of(x, params, &n->days))
		return;
	if (str_eq(op, "within"))
		n->op = P_WITHIN;
	else if (str_eq(op, "atleast"))
		n->op = P_ATLEAST;
	else if (str_eq(op, "past"))
		n->op = P_PAST;
}

static int
cert_cmp(const void *a, const void *b)
{
	return strcmp(((const struct cert *)a)->no,
	    ((const struct cert *)b)->no);
}

/*
 * "certified": the text field lists certificate numbers (separated by
 * 、，, ; ； or spaces), at least one, and each is a certificate of the
 * 执法人员 registry in force on the date field from (发证日期 ≤ it ≤
 * 有效期至).
 */
static int
eval_certified(const struct pctx *c, const struct pnode *p,
    const struct reg_record *r)
{
	static const char *const seps[] = { "、", "，", ",", ";", "；", " ",
	    "\t", NULL };
	const char	*s = r->v[p->field].null ? NULL : r->v[p->field].s;
	struct cert	 key, *hit;
	long		 on;
	size_t		 i, k, n = 0;

	if (s == NULL || c->certs == NULL || !day_of(c, r, p->from, &on, 0))
		return 0;
	while (*s != '\0') {
		for (i = 0; seps[i] != NULL; i++)
			if (strncmp(s, seps[i], strlen(seps[i])) == 0)
				break;
		if (seps[i] != NULL) {
			s += strlen(seps[i]);
			continue;
		}
		for (k = 0; s[k] != '\0'; k++) {
			for (i = 0; seps[i] != NULL; i++)
				if (strncmp(s + k, seps[i],
				    strlen(seps[i])) == 0)
					break;
			if (seps[i] != NULL)
				break;
		}
		if (k >= sizeof(key.no))
			return 0;
		memcpy(key.no, s, k);
		key.no[k] = '\0';
		hit = bsearch(&key, c->certs->v, c->certs->n,
		    sizeof(*c->certs->v), cert_cmp);
		if (hit == NULL || hit->issued > on || hit->expires < on)
			return 0;
		n++;
		s += k;
	}
	return n > 0;
}

/* within, atleast and past counted in working days of the calendar. */
static int
eval_workdays(const struct pctx *c, const struct pnode *p,
    const struct reg_record *r)
{
	long	 a, b, lim;

	if (!day_of(c, r, p->field, &a, 1))
		return 0;
	if (p->op == P_PAST)
		return workday_limit(c, r, p->field, p->days, &lim) &&
		    lim < c->as_of;
	if (!day_of(c, r, p->from, &b, 0))
		return 0;
	if (p->op == P_WITHIN)
		return a >= b && workday_limit(c, r, p->from, p->days, &lim) &&
		    a <= lim;
	return workday_limit(c, r, p->from, p->days, &lim) && a >= lim;
}

static int
eval(const struct pctx *c, const struct pnode *p, const struct reg_record *r)
{
	const struct reg_value	*v;
	const json_t		*x;
	size_t			 i;
	long			 a, b;
	int			 set;

	switch (p->op) {
	case P_FALSE:
		return 0;
	case P_ALL:
		for (i = 0; i < p->nkid; i++)
			if (!eval(c, &p->kid[i], r))
				return 0;
		return 1;
	case P_ANY:
		for (i = 0; i < p->nkid; i++)
			if (eval(c, &p->kid[i], r))
				return 1;
		return 0;
	case P_NOT:
		return !eval(c, p->kid, r);
	default:
		break;
	}
	v = &r->v[p->field];
	switch (p->op) {
	case P_SET:
	case P_UNSET:
		set = c->d->fields[p->field].type == REG_DATE ?
		    day_of(c, r, p->field, &a, 1) : !v->null;
		return p->op == P_SET ? set : !set;
	case P_EQ:
		return value_eq(&c->d->fields[p->field], v, p->value);
	case P_IN:
		json_array_foreach(p->value, i, x)
			if (value_eq(&c->d->fields[p->field], v, x))
				return 1;
		return 0;
	case P_GE:
		return !v->null && v->i >= p->days;
	case P_LE:
		return !v->null && v->i <= p->days;
	case P_CERTIFIED:
		return eval_certified(c, p, r);
	default:
		break;
	}
	if (p->workdays)
		return eval_workdays(c, p, r);
	if (!day_of(c, r, p->field, &a, 1))
		return 0;
	if (p->op == P_PAST)
		return a + p->days < c->as_of;
	if (!day_of(c, r, p->from, &b, 0))
		return 0;
	if (p->op == P_WITHIN)
		return a >= b && a - b <= p->days;
	return a - b >= p->days;
}

static int
check_pred(const struct reg_desc *d, const json_t *p, const json_t *params,
    int depth, char *why, size_t n)
{
	const json_t	*x, *sub;
	const char	*op, *k;
	size_t		 i;
	long		 days;
	int		 f;

	if (depth > PRED_DEPTH) {
		snprintf(why, n, "条件嵌套过深");
		return 0;
	}
	if (!json_is_object(p)) {
		snprintf(why, n, "条件应为 JSON 对象");
		return 0;
	}
	if ((sub = json_object_get(p, "all")) != NULL ||
	    (sub = json_object_get(p, "any")) != NULL) {
		if (json_object_size(p) != 1 || !json_is_array(sub)) {
			snprintf(why, n, "all / any 应为条件的数组，且不与其他键"
			    "并列");
			return 0;
		}
		json_array_foreach(sub, i, x)
			if (!check_pred(d, x, params, depth + 1, why, n))
				return 0;
		return 1;
	}
	if ((sub = json_object_get(p, "not")) != NULL) {
		if (json_object_size(p) != 1) {
			snprintf(why, n, "not 不与其他键并列");
			return 0;
		}
		return check_pred(d, sub, params, depth + 1, why, n);
	}
	op = json_string_value(json_object_get(p, "op"));
	k = json_string_value(json_object_get(p, "field"));
	if (op == NULL) {
		snprintf(why, n, "条件缺少 op（set、unset、eq、in、ge、le、"
		    "within、atleast、past、certified）或 all、any、not");
		return 0;
	}
	if ((f = field_of(d, p, "field")) < 0) {
		snprintf(why, n, "%s没有字段“%s”", d->name, k ? k : "");
		return 0;
	}
	if (str_eq(op, "set") || str_eq(op, "unset"))
		return 1;
	if (str_eq(op, "eq")) {
		if (json_object_get(p, "value") == NULL) {
			snprintf(why, n, "eq 缺少 value");
			return 0;
		}
		return 1;
	}
	if (str_eq(op, "in")) {
		if (!json_is_array(json_object_get(p, "values"))) {
			snprintf(why, n, "in 缺少 values 数组");
			return 0;
		}
		return 1;
	}
	if (str_eq(op, "ge") || str_eq(op, "le")) {
		if (d->fields[f].type != REG_INT) {
			snprintf(why, n, "%s 只能用于整数字段，“%s”不是整数", op,
			    k);
			return 0;
		}
		if (!days_of(json_object_get(p, "value"), params, &days)) {
			snprintf(why, n, "%s 的 value 应为非负整数，或参数中有的 "
			    "$名称", op);
			return 0;
		}
		return 1;
	}
	if (str_eq(op, "certified")) {
		if (d->fields[f].type != REG_TEXT) {
			snprintf(why, n, "certified 只能用于文本字段（执法证号），"
			    "“%s”不是", k);
			return 0;
		}
		if ((f = field_of(d, p, "from")) < 0 ||
		    d->fields[f].type != REG_DATE) {
			snprintf(why, n, "certified 的 from 应为日期字段");
			return 0;
		}
		return 1;
	}
	if (!str_eq(op, "within") && !str_eq(op, "past") &&
	    !str_eq(op, "atleast")) {
		snprintf(why, n, "未知的条件“%s”", op);
		return 0;
	}
	if (d->fields[f].type != REG_DATE) {
		snprintf(why, n, "%s 只能用于日期字段，“%s”不是日期", op, k);
		return 0;
	}
	if ((json_object_get(p, "days") != NULL) ==
	    (json_object_get(p, "workdays") != NULL)) {
		snprintf(why, n, "%s 须有 days（日）或 workdays（工作日）之一",
		    op);
		return 0;
	}
	if (!days_of(json_object_get(p, json_object_get(p, "days") ? "days" :
	    "workdays"), params, &days) || days > CAL_MAX_WORKDAYS) {
		snprintf(why, n, "%s 的 days / workdays 应为天数，或参数中有的 "
		    "$名称", op);
		return 0;
	}
	if (!str_eq(op, "past") && ((f = field_of(d, p, "from")) < 0 ||
	    d->fields[f].type != REG_DATE)) {
		snprintf(why, n, "%s 的 from 应为日期字段", op);
		return 0;
	}
	return 1;
}

static int
one_of(const char *s, const char *const *v)
{
	for (; *v != NULL; v++)
		if (str_eq(s, *v))
			return 1;
	return 0;
}

/* params.group_by: absent, or an array of 1 to 4 field keys. */
static int
check_group(const struct reg_desc *d, const json_t *g, char *why, size_t n)
{
	const json_t	*x;
	size_t		 i;

	if (g == NULL)
		return 1;
	if (!json_is_array(g) || json_array_size(g) == 0 ||
	    json_array_size(g) > 4) {
		snprintf(why, n, "params.group_by 应为 1 至 4 个字段名的数组");
		return 0;
	}
	json_array_foreach(g, i, x)
		if (!json_is_string(x) || reg_field_index(d,
		    json_string_value(x)) < 0) {
			snprintf(why, n, "params.group_by：%s没有字段“%s”",
			    d->name, json_is_string(x) ? json_string_value(x) :
			    "");
			return 0;
		}
	return 1;
}

enum fz_err
ind_def_check(const struct ind_def *def, char *why, size_t n)
{
	static const char *const kinds[] = { "rate", "count", NULL };
	static const char *const scopes[] = { "county", "unit", NULL };
	static const char *const bases[] = { "law", "practice", "ours", NULL };
	static const char *const cmps[] = { ">=", "<=", "=", NULL };
	const struct reg_desc	*d;
	json_t			*num = NULL, *den = NULL, *params = NULL;
	const char		*p;
	int			 ok = 0;

	why[0] = '\0';
	for (p = def->key; *p != '\0'; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		    *p == '.' || *p == '_'))
			break;
	if (def->key[0] == '\0' || *p != '\0') {
		snprintf(why, n, "key：只能用小写字母、数字、点和下划线");
		return FZ_EINVAL;
	}
	if (def->name[0] == '\0') {
		snprintf(why, n, "name：不能为空");
		return FZ_EINVAL;
	}
	if ((d = registry_find(def->registry)) == NULL) {
		snprintf(why, n, "registry：没有名为“%s”的台账", def->registry);
		return FZ_EINVAL;
	}
	if (!one_of(def->kind, kinds) || !one_of(def->scope, scopes) ||
	    !one_of(def->basis, bases) || (def->comparator[0] != '\0' &&
	    !one_of(def->comparator, cmps))) {
		snprintf(why, n, "kind 应为 rate 或 count，scope 应为 county 或 "
		    "unit，basis 应为 law、practice 或 ours，comparator 应为 "
		    ">=、<= 或 =");
		return FZ_EINVAL;
	}
	if (def->has_target != (def->comparator[0] != '\0')) {
		snprintf(why, n, "target 与 comparator 须同时给出");
		return FZ_EINVAL;
	}
	if (def->source == NULL || def->source[0] == '\0') {
		snprintf(why, n, "source：须写明依据（法规及条款），没有依据的写"
		    "“本系统定义”");
		return FZ_EINVAL;
	}
	params = json_loads(def->params ? def->params : "{}", 0, NULL);
	num = json_loads(def->numerator ? def->numerator : "", 0, NULL);
	if (def->denominator != NULL)
		den = json_loads(def->denominator, 0, NULL);
	if (!json_is_object(params))
		snprintf(why, n, "params 应为 JSON 对象");
	else if (num == NULL)
		snprintf(why, n, "numerator 不是有效的 JSON");
	else if (!check_pred(d, num, params, 0, why, n))
		;
	else if (def->denominator != NULL && den == NULL)
		snprintf(why, n, "denominator 不是有效的 JSON");
	else if (den != NULL && !check_pred(d, den, params, 0, why, n))
		;
	else if (str_eq(def->kind, "count") && den != NULL)
		snprintf(why, n, "count 类指标没有分母");
	else if (!check_group(d, json_object_get(params, "group_by"), why, n))
		;
	else
		ok = 1;
	json_decref(params);
	json_decref(num);
	json_decref(den);
	return ok ? FZ_OK : FZ_EINVAL;
}

static void
push(int64_t **v, size_t *n, int64_t id)
{
	*v = xreallocarray(*v, *n + 1, sizeof(**v));
	(*v)[(*n)++] = id;
}

static int
compare(double a, const char *cmp, double b)
{
	if (str_eq(cmp, ">="))
		return a >= b;
	if (str_eq(cmp, "<="))
		return a <= b;
	return a == b;
}

/*
 * The key of a record's group: the cells of the group_by fields. A record
 * with one of them empty is a group of its own.
 */
static char *
group_key(const struct reg_desc *d, const json_t *g,
    const struct reg_record *r)
{
	struct buf	 b = BUF_INIT;
	const json_t	*x;
	size_t		 i;
	int		 f;

	json_array_foreach(g, i, x) {
		f = reg_field_index(d, json_string_value(x));
		if (r->v[f].null) {
			buf_reset(&b);
			buf_addf(&b, "\x1e%lld", (long long)r->id);
			break;
		}
		reg_cell_text(&d->fields[f], &r->v[f], &b);
		buf_addch(&b, 0x1f);
	}
	return buf_detach(&b, NULL);
}

/*
 * A definition made ready to judge records: checked, its JSON parsed and
 * its predicates compiled once, for every scope it is computed over.
 */
struct ind_prep {
	const struct ind_def	*def;
	struct pctx		 c;
	struct calendar		 none;
	json_t			*params, *jnum, *jden;
	const json_t		*group;
	struct pnode		 num, den;
	int			 has_den;
	int			 rate;
};

static void
prep_release(struct ind_prep *p)
{
	pnode_release(&p->num);
	pnode_release(&p->den);
	json_decref(p->params);
	json_decref(p->jnum);
	json_decref(p->jden);
	p->params = p->jnum = p->jden = NULL;
}

static enum fz_err
prep_init(struct ind_prep *p, const struct reg_desc *d,
    const struct ind_def *def, const char *as_of, const struct calendar *cal,
    char *why, size_t wn)
{
	json_t	*num, *den = NULL;

	memset(p, 0, sizeof(*p));
	if (ind_def_check(def, why, wn) != FZ_OK)
		return FZ_EINVAL;
	if (date_days(as_of, &p->c.as_of) != FZ_OK) {
		snprintf(why, wn, "统计日期“%s”无效", as_of);
		return FZ_EINVAL;
	}
	p->def = def;
	p->rate = str_eq(def->kind, "rate");
	p->params = json_loads(def->params, 0, NULL);
	num = json_loads(def->numerator, 0, NULL);
	if (def->denominator != NULL)
		den = json_loads(def->denominator, 0, NULL);
	cal_init(&p->none);
	p->c.d = d;
	p->c.params = p->params;
	p->c.cal = cal != NULL ? cal : &p->none;
	p->group = json_object_get(p->params, "group_by");
	/* eq and in keep pointers into the trees: they live as long as
	 * the prep. */
	pnode_compile(d, p->params, num, 0, &p->num);
	p->has_den = den != NULL;
	if (den != NULL)
		pnode_compile(d, p->params, den, 0, &p->den);
	p->jnum = num;
	p->jden = den;
	return FZ_OK;
}

/* Does a predicate check certificates ("certified")? */
static int
pnode_certs(const struct pnode *n)
{
	size_t	 i;

	for (i = 0; i < n->nkid; i++)
		if (pnode_certs(&n->kid[i]))
			return 1;
	return n->op == P_CERTIFIED;
}

/* A certificate of the 执法人员 registry into the list. */
static int
certs_cb(const struct reg_record *r, void *arg)
{
	struct certs		*x = arg;
	const struct reg_desc	*d = registry_find("enforcer");
	int			 no = reg_field_index(d, "cert_no");
	int			 is = reg_field_index(d, "issued");
	int			 ex = reg_field_index(d, "expires");
	struct cert		*c;

	if (no < 0 || is < 0 || ex < 0 || r->v[no].null ||
	    r->v[no].s == NULL || strlen(r->v[no].s) >= sizeof(c->no))
		return 0;
	VEC_GROW(x->v, x->n, x->cap);
	c = &x->v[x->n];
	snprintf(c->no, sizeof(c->no), "%s", r->v[no].s);
	if (r->v[is].null || r->v[is].s == NULL ||
	    date_days(r->v[is].s, &c->issued) != FZ_OK ||
	    r->v[ex].null || r->v[ex].s == NULL ||
	    date_days(r->v[ex].s, &c->expires) != FZ_OK)
		return 0;
	x->n++;
	return 0;
}

/* The fields a predicate reads, as bits of a registry's fields. */
static void
pnode_fields(const struct pnode *n, uint64_t *mask)
{
	size_t	 i;

	if (n->op == P_ALL || n->op == P_ANY || n->op == P_NOT) {
		for (i = 0; i < n->nkid; i++)
			pnode_fields(&n->kid[i], mask);
		return;
	}
	if (n->op == P_FALSE)
		return;
	if (n->field >= 0 && n->field < 64)
		*mask |= (uint64_t)1 << n->field;
	if (n->from >= 0 && n->from < 64)
		*mask |= (uint64_t)1 << n->from;
}

/* What judging a record under p reads: its predicates' fields and the
 * fields it groups by. */
static void
prep_fields(const struct ind_prep *p, const struct reg_desc *d,
    uint64_t *mask)
{
	const json_t	*x;
	size_t		 i;
	int		 f;

	pnode_fields(&p->num, mask);
	if (p->has_den)
		pnode_fields(&p->den, mask);
	json_array_foreach(p->group, i, x)
		if ((f = reg_field_index(d, json_string_value(x))) >= 0 &&
		    f < 64)
			*mask |= (uint64_t)1 << f;
}

/*
 * How a record was judged under a definition: without groups, its role;
 * with groups, whether it meets the denominator and the numerator (its
 * role comes from its group's).
 */
enum { ROLE_COUNTED, ROLE_FAILING, ROLE_EXCLUDED, ROLE_NONE };
#define J_DEN	1
#define J_NUM	2

static unsigned char
prep_judge(const struct ind_prep *p, const struct reg_record *r)
{
	if (p->group != NULL)
		return (unsigned char)((!p->has_den || eval(&p->c, &p->den, r) ?
		    J_DEN : 0) | (eval(&p->c, &p->num, r) ? J_NUM : 0));
	if (p->rate && p->has_den && !eval(&p->c, &p->den, r))
		return ROLE_EXCLUDED;
	if (eval(&p->c, &p->num, r))
		return ROLE_COUNTED;
	return p->rate ? ROLE_FAILING : ROLE_NONE;
}

/*
 * The records of one registry as computing needs them, judged as they
 * stream out of the store, without keeping their fields: per record its
 * id, revision, owner and date, and per definition its judgement (and its
 * group's key, for a definition with groups). Then indexed: by id (the
 * order of the inputs' hash and of the ids kept), and the records of each
 * unit, units in the order of their first record listed.
 */
struct part {
	int64_t		 unit;
	long		 first_day;	/* its first record listed */
	int64_t		 first_id;
	size_t		*idx;		/* by id, into the shared array */
	size_t		 n;
	char		 sha256[65];	/* of its records' ids and revisions */
};

/* An owner's name, kept once per unit (open addressing on the id). */
struct uname {
	int64_t		 unit;
	int		 used;
	char		*name;		/* from the directory (cset_names) */
	size_t		 part;		/* 1 + its index in parts, once indexed */
};

struct cset {
	const struct reg_desc	*d;
	struct ind_prep		*preps;		/* the registry's definitions */
	size_t			 nprep;
	size_t			 n, cap;
	int64_t			*id, *unit;
	int			*rev;
	long			*day;
	struct uname		*names;		/* owner → name, hashed */
	size_t			 nnames, capnames;
	unsigned char		**judged;	/* [prep][record] */
	char			***gkey;	/* [prep][record], groups only */
	size_t			*byid;		/* every record, by id */
	size_t			*byunit;	/* by unit, then id */
	struct part		*parts;
	size_t			 nparts;
	char			 sha256[65];	/* of every record */
};

static void
cset_init(struct cset *cs, const struct reg_desc *d, struct ind_prep *preps,
    size_t nprep)
{
	memset(cs, 0, sizeof(*cs));
	cs->d = d;
	cs->preps = preps;
	cs->nprep = nprep;
	cs->judged = xcalloc(nprep ? nprep : 1, sizeof(*cs->judged));
	cs->gkey = xcalloc(nprep ? nprep : 1, sizeof(*cs->gkey));
}

static struct uname *
uname_slot(struct uname *v, size_t cap, int64_t unit)
{
	size_t	 i = (size_t)((uint64_t)unit * 0x9e3779b97f4a7c15ULL >> 7) &
		    (cap - 1);

	while (v[i].used && v[i].unit != unit)
		i = (i + 1) & (cap - 1);
	return &v[i];
}

/* An owner, the first time it is seen. */
static void
uname_put(struct cset *cs, int64_t unit)
{
	struct uname	*e;
	size_t		 i;

	if (cs->capnames == 0 || (cs->nnames + 1) * 2 > cs->capnames) {
		size_t		 cap = cs->capnames ? cs->capnames * 2 : 64;
		struct uname	*v = xcalloc(cap, sizeof(*v));

		for (i = 0; i < cs->capnames; i++)
			if (cs->names[i].used)
				*uname_slot(v, cap, cs->names[i].unit) =
				    cs->names[i];
		free(cs->names);
		cs->names = v;
		cs->capnames = cap;
	}
	e = uname_slot(cs->names, cs->capnames, unit);
	if (!e->used) {
		e->unit = unit;
		e->used = 1;
		cs->nnames++;
	}
}

/* The owners' names from the unit directory: the records' are empty. */
static int
uname_cb(const struct unit *u, void *arg)
{
	struct cset	*cs = arg;
	struct uname	*e;

	if (cs->capnames == 0)
		return 0;
	e = uname_slot(cs->names, cs->capnames, u->id);
	if (e->used && e->name == NULL)
		e->name = xstrdup(u->name != NULL ? u->name : "");
	return 0;
}

static void
cset_release(struct cset *cs)
{
	size_t	 i, k;

	for (k = 0; k < cs->nprep; k++) {
		free(cs->judged[k]);
		for (i = 0; cs->gkey[k] != NULL && i < cs->n; i++)
			free(cs->gkey[k][i]);
		free(cs->gkey[k]);
	}
	free(cs->judged);
	free(cs->gkey);
	free(cs->id);
	free(cs->unit);
	free(cs->rev);
	free(cs->day);
	for (i = 0; i < cs->capnames; i++)
		free(cs->names[i].name);
	free(cs->names);
	free(cs->byid);
	free(cs->byunit);
	free(cs->parts);
	memset(cs, 0, sizeof(*cs));
}

/* One record: kept as its id, revision, owner and date, and judged. */
static void
cset_add(struct cset *cs, const struct reg_record *r)
{
	const struct reg_value	*o = &r->v[cs->d->owner];
	const struct reg_value	*dt = &r->v[cs->d->date];
	size_t			 i = cs->n, k;

	if (cs->n == cs->cap) {
		size_t cap = cs->cap ? cs->cap * 2 : 256;

		cs->id = xreallocarray(cs->id, cap, sizeof(*cs->id));
		cs->unit = xreallocarray(cs->unit, cap, sizeof(*cs->unit));
		cs->rev = xreallocarray(cs->rev, cap, sizeof(*cs->rev));
		cs->day = xreallocarray(cs->day, cap, sizeof(*cs->day));
		for (k = 0; k < cs->nprep; k++) {
			cs->judged[k] = xreallocarray(cs->judged[k], cap, 1);
			if (cs->preps[k].group != NULL)
				cs->gkey[k] = xreallocarray(cs->gkey[k], cap,
				    sizeof(*cs->gkey[k]));
		}
		cs->cap = cap;
	}
	cs->id[i] = r->id;
	cs->rev[i] = r->revision;
	cs->unit[i] = o->null ? 0 : o->i;
	/* The date is never NULL; an unreadable one sorts first. */
	if (dt->null || dt->s == NULL || date_days(dt->s, &cs->day[i]) !=
	    FZ_OK)
		cs->day[i] = -1;
	for (k = 0; k < cs->nprep; k++) {
		cs->judged[k][i] = prep_judge(&cs->preps[k], r);
		if (cs->preps[k].group != NULL)
			cs->gkey[k][i] = group_key(cs->d, cs->preps[k].group,
			    r);
	}
	if (i == 0 || cs->unit[i - 1] != cs->unit[i])
		uname_put(cs, cs->unit[i]);
	cs->n++;
}

static int
csort_id(const void *a, const void *b, void *arg)
{
	const struct cset	*cs = arg;
	size_t			 x = *(const size_t *)a, y = *(const size_t *)b;

	return (cs->id[x] > cs->id[y]) - (cs->id[x] < cs->id[y]);
}

/* Units in the order of their first record listed (by date, then id). */
static int
part_cmp(const void *a, const void *b)
{
	const struct part *x = a, *y = b;

	if (x->first_day != y->first_day)
		return (x->first_day > y->first_day) -
		    (x->first_day < y->first_day);
	return (x->first_id > y->first_id) - (x->first_id < y->first_id);
}

/* "id:revision;" of a record, what the inputs' hash is made of. */
static void
hash_item(crypto_hash_sha256_state *h, int64_t id, int rev)
{
	char	 t[48], *p = t + sizeof(t);
	uint64_t u = id < 0 ? 0 : (uint64_t)id;
	unsigned r = rev < 0 ? 0 : (unsigned)rev;

	*--p = ';';
	do
		*--p = (char)('0' + r % 10);
	while ((r /= 10) != 0);
	*--p = ':';
	do
		*--p = (char)('0' + u % 10);
	while ((u /= 10) != 0);
	crypto_hash_sha256_update(h, (const unsigned char *)p,
	    (size_t)(t + sizeof(t) - p));
}

/* The hash of the records idx[], in that order. */
static void
hash_ids(const struct cset *cs, const size_t *idx, size_t n, char out[65])
{
	crypto_hash_sha256_state	 h;
	unsigned char			 bin[crypto_hash_sha256_BYTES];
	size_t				 i;

	crypto_hash_sha256_init(&h);
	for (i = 0; i < n; i++)
		hash_item(&h, cs->id[idx[i]], cs->rev[idx[i]]);
	crypto_hash_sha256_final(&h, bin);
	sodium_bin2hex(out, 65, bin, sizeof(bin));
}

/*
 * The orders computing reads: every record by id, each unit's by id (a
 * counting sort over the units), the units in the order of their first
 * record listed, and the hashes of the inputs (ids and revisions by id:
 * the same for every definition).
 */
static void
cset_index(struct cset *cs)
{
	struct uname	*e;
	size_t		*fill, i, k, n = cs->n;
	int		 sorted = 1;

	cs->byid = xreallocarray(NULL, n ? n : 1, sizeof(*cs->byid));
	cs->byunit = xreallocarray(NULL, n ? n : 1, sizeof(*cs->byunit));
	for (i = 0; i < n; i++) {
		cs->byid[i] = i;
		if (i > 0 && cs->id[i - 1] >= cs->id[i])
			sorted = 0;
	}
	if (!sorted)	/* a table is read in its ids' order, mostly */
		qsort_r(cs->byid, n, sizeof(*cs->byid), csort_id, cs);
	hash_ids(cs, cs->byid, n, cs->sha256);
	/* A part per unit, numbered as first met; its size and first. */
	for (i = 0; i < n; i++) {
		size_t x = cs->byid[i];
		struct part *p;

		e = uname_slot(cs->names, cs->capnames, cs->unit[x]);
		if (e->part == 0) {
			cs->parts = xreallocarray(cs->parts, cs->nparts + 1,
			    sizeof(*cs->parts));
			p = &cs->parts[cs->nparts++];
			memset(p, 0, sizeof(*p));
			p->unit = cs->unit[x];
			p->first_day = cs->day[x];
			p->first_id = cs->id[x];
			e->part = cs->nparts;
		}
		p = &cs->parts[e->part - 1];
		p->n++;
		if (cs->day[x] < p->first_day) {
			p->first_day = cs->day[x];
			p->first_id = cs->id[x];
		}
	}
	fill = xcalloc(cs->nparts ? cs->nparts : 1, sizeof(*fill));
	for (k = i = 0; k < cs->nparts; k++) {
		cs->parts[k].idx = &cs->byunit[i];
		i += cs->parts[k].n;
	}
	for (i = 0; i < n; i++) {
		size_t x = cs->byid[i];

		k = uname_slot(cs->names, cs->capnames, cs->unit[x])->part - 1;
		cs->parts[k].idx[fill[k]++] = x;
	}
	free(fill);
	for (k = 0; k < cs->nparts; k++)
		hash_ids(cs, cs->parts[k].idx, cs->parts[k].n,
		    cs->parts[k].sha256);
	if (cs->nparts > 0)
		qsort(cs->parts, cs->nparts, sizeof(*cs->parts), part_cmp);
}

/* A record of a group: its group's key and its place in the set. */
struct member {
	const char	*key;
	size_t		 i;
};

static int
member_cmp(const void *a, const void *b)
{
	const struct member *x = a, *y = b;
	int c = strcmp(x->key, y->key);

	return c != 0 ? c : (x->i > y->i) - (x->i < y->i);
}

/*
 * Counting by groups (params.group_by): a group is in the denominator if
 * one of its records is, and counted if one of those meets the numerator
 * (最高法 2020 规定第七条: one appearance in an instance heard several
 * times); every record of a group takes the group's role.
 */
static void
cset_groups(const struct cset *cs, size_t k, const size_t *idx, size_t n,
    struct ind_result *res)
{
	const struct ind_prep	*p = &cs->preps[k];
	const unsigned char	*jd = cs->judged[k];
	struct member		*m = xreallocarray(NULL, n ? n : 1,
				    sizeof(*m));
	size_t			 i, j, x;
	int			 open = !p->rate || !p->has_den;

	for (i = 0; i < n; i++) {
		m[i].key = cs->gkey[k][idx[i]];
		m[i].i = idx[i];
	}
	qsort(m, n, sizeof(*m), member_cmp);
	for (i = 0; i < n; i = j) {
		int	 in = open, hit = 0;

		for (j = i; j < n && str_eq(m[j].key, m[i].key); j++) {
			int d_ok = open || (jd[m[j].i] & J_DEN);

			in |= d_ok;
			hit |= d_ok && (jd[m[j].i] & J_NUM);
		}
		for (x = i; x < j; x++) {
			int64_t id = cs->id[m[x].i];

			if (!in)
				res->excluded[res->nexcluded++] = id;
			else if (hit)
				res->counted[res->ncounted++] = id;
			else if (p->rate)
				res->failing[res->nfailing++] = id;
		}
		res->num += in && hit;
		res->den += in;
	}
	free(m);
}

/*
 * Definition k's value over the records idx[] (by id) of the set, whose
 * inputs hash to sha256: counted, failing and excluded ids ascending.
 */
static void
cset_value(const struct cset *cs, size_t k, const size_t *idx, size_t n,
    const char *sha256, struct ind_result *res)
{
	const struct ind_prep	*p = &cs->preps[k];
	const struct ind_def	*def = p->def;
	const unsigned char	*jd = cs->judged[k];
	size_t			 i;

	memset(res, 0, sizeof(*res));
	memcpy(res->sha256, sha256, sizeof(res->sha256));
	res->counted = xreallocarray(NULL, n ? n : 1, sizeof(int64_t));
	res->failing = xreallocarray(NULL, n ? n : 1, sizeof(int64_t));
	res->excluded = xreallocarray(NULL, n ? n : 1, sizeof(int64_t));
	if (p->group != NULL)
		cset_groups(cs, k, idx, n, res);
	else {
		for (i = 0; i < n; i++) {
			int64_t id = cs->id[idx[i]];

			switch (jd[idx[i]]) {
			case ROLE_EXCLUDED:
				res->excluded[res->nexcluded++] = id;
				break;
			case ROLE_COUNTED:
				res->counted[res->ncounted++] = id;
				break;
			case ROLE_FAILING:
				res->failing[res->nfailing++] = id;
				break;
			default:
				break;
			}
		}
		res->num = (int64_t)res->ncounted;
		res->den = (int64_t)(res->ncounted + res->nfailing);
	}
	if (!p->rate)
		res->den = -1;
	res->met = -1;
	if (!p->rate) {
		res->has_value = 1;
		res->value = (double)res->num;
	} else if (res->den > 0) {
		res->has_value = 1;
		res->value = (str_eq(def->unit, "%") ? 100.0 : 1.0) *
		    (double)res->num / (double)res->den;
	}
	if (res->has_value && def->has_target) {
		/* Exactly, on integers: 9/10 against 90%. */
		if (p->rate && str_eq(def->unit, "%"))
			res->met = compare((double)res->num * 100.0,
			    def->comparator, def->target * (double)res->den);
		else
			res->met = compare(res->value, def->comparator,
			    def->target);
	}
}

enum fz_err
ind_compute(const struct reg_desc *d, const struct ind_def *def,
    const struct reg_record *recs, size_t n, const char *as_of,
    const struct calendar *cal, int64_t unit_id, struct ind_result *res,
    char *why, size_t wn)
{
	struct ind_prep	 p;
	struct cset	 cs;
	size_t		 i;

	memset(res, 0, sizeof(*res));
	if (prep_init(&p, d, def, as_of, cal, why, wn) != FZ_OK)
		return FZ_EINVAL;
	cset_init(&cs, d, &p, 1);
	for (i = 0; i < n; i++)
		if (unit_id == 0 || recs[i].v[d->owner].i == unit_id)
			cset_add(&cs, &recs[i]);
	cset_index(&cs);
	cset_value(&cs, 0, cs.byid, cs.n, cs.sha256, res);
	cset_release(&cs);
	prep_release(&p);
	return FZ_OK;
}

json_t *
core_ind_def_json(const struct ind_def *d)
{
	json_t	*o = json_object();

	json_object_set_new(o, "key", json_string(d->key));
	json_object_set_new(o, "version", json_integer(d->version));
	json_object_set_new(o, "name", json_string(d->name));
	json_object_set_new(o, "registry", json_string(d->registry));
	json_object_set_new(o, "kind", json_string(d->kind));
	json_object_set_new(o, "numerator", d->numerator ?
	    json_loads(d->numerator, 0, NULL) : json_null());
	json_object_set_new(o, "denominator", d->denominator ?
	    json_loads(d->denominator, 0, NULL) : json_null());
	json_object_set_new(o, "params", d->params ?
	    json_loads(d->params, 0, NULL) : json_object());
	json_object_set_new(o, "target", d->has_target ?
	    json_real(d->target) : json_null());
	json_object_set_new(o, "comparator", d->comparator[0] ?
	    json_string(d->comparator) : json_null());
	json_object_set_new(o, "unit", json_string(d->unit));
	json_object_set_new(o, "scope", json_string(d->scope));
	json_object_set_new(o, "source", json_string(d->source ? d->source :
	    ""));
	json_object_set_new(o, "basis", json_string(d->basis));
	json_object_set_new(o, "note", d->note ? json_string(d->note) :
	    json_null());
	json_object_set_new(o, "created_by", json_string(d->created_by));
	json_object_set_new(o, "created_at", json_string(d->created_at));
	return o;
}

static int
may_compute(const struct actor *ac)
{
	return ac->account_id == 0 || ac->is_admin || core_actor_supervises(ac);
}

/* Definitions copied out of the store's callback. */
struct defs {
	struct ind_def	*v;
	size_t		 n, cap;
};

static int
defs_cb(const struct ind_def *d, void *arg)
{
	struct defs	*x = arg;
	struct ind_def	*c;

	VEC_GROW(x->v, x->n, x->cap);
	c = &x->v[x->n++];
	*c = *d;
	c->numerator = d->numerator ? xstrdup(d->numerator) : NULL;
	c->denominator = d->denominator ? xstrdup(d->denominator) : NULL;
	c->params = d->params ? xstrdup(d->params) : NULL;
	c->source = d->source ? xstrdup(d->source) : NULL;
	c->note = d->note ? xstrdup(d->note) : NULL;
	return 0;
}

static void
defs_release(struct defs *x)
{
	size_t	 i;

	for (i = 0; i < x->n; i++)
		ind_def_release(&x->v[i]);
	free(x->v);
	memset(x, 0, sizeof(*x));
}

static json_t *
value_json(const struct ind_def *def, const struct ind_value *v)
{
	json_t	*o = json_object();

	json_object_set_new(o, "id", json_integer(v->id));
	json_object_set_new(o, "key", json_string(v->def_key[0] ? v->def_key :
	    def->key));
	json_object_set_new(o, "version", json_integer(v->def_version ?
	    v->def_version : def->version));
	json_object_set_new(o, "name", json_string(def->name));
	json_object_set_new(o, "unit", v->unit_id > 0 ?
	    json_pack("{s:I,s:s}", "id", (json_int_t)v->unit_id, "name",
	    v->unit_name) : json_null());
	json_object_set_new(o, "numerator", json_integer(v->numerator));
	json_object_set_new(o, "denominator", v->denominator >= 0 ?
	    json_integer(v->denominator) : json_null());
	json_object_set_new(o, "value", v->has_value ? json_real(v->value) :
	    json_null());
	json_object_set_new(o, "value_text", json_string(""));
	if (v->has_value) {
		char t[32];

		if (str_eq(def->kind, "count"))	/* 2次, not 2.0次 */
			snprintf(t, sizeof(t), "%.0f%s", v->value, def->unit);
		else
			snprintf(t, sizeof(t), "%.1f%s", v->value, def->unit);
		json_object_set_new(o, "value_text", json_string(t));
	}
	json_object_set_new(o, "target", def->has_target ?
	    json_real(def->target) : json_null());
	json_object_set_new(o, "comparator", def->comparator[0] ?
	    json_string(def->comparator) : json_null());
	json_object_set_new(o, "met", v->met < 0 ? json_null() :
	    json_boolean(v->met));
	json_object_set_new(o, "as_of", json_string(v->as_of));
	json_object_set_new(o, "computed_at", json_string(v->computed_at));
	return o;
}

struct plan_ids {
	int64_t		*v;
	size_t		 n;
};

static int
plan_id_cb(const struct plan_summary *p, void *arg)
{
	struct plan_ids	*x = arg;

	push(&x->v, &x->n, p->id);
	return 0;
}

/* The first plan listed is the newest. */
static int
plan_year_cb(const struct plan_summary *p, void *arg)
{
	int	*y = arg;

	if (*y == 0)
		*y = p->year;
	return 0;
}

/* The owners' names of every set, from one pass over the directory. */
struct csets {
	struct cset	*v;
	size_t		 n;
};

static int
names_cb(const struct unit *u, void *arg)
{
	const struct csets	*x = arg;
	size_t			 i;

	for (i = 0; i < x->n; i++)
		uname_cb(u, &x->v[i]);
	return 0;
}

/* The records of a registry streamed into its set, judged one by one. */
static int
cset_cb(const struct reg_record *r, void *arg)
{
	cset_add(arg, r);
	return 0;
}

/* A value as stored and answered (its id set by the store). */
static void
value_fill(struct ind_value *v, const struct ind_def *def,
    const struct ind_run *run, int64_t unit, const char *unit_name,
    const struct ind_result *res)
{
	memset(v, 0, sizeof(*v));
	v->run_id = run->id;
	v->def_id = def->id;
	v->unit_id = unit;
	v->numerator = res->num;
	v->denominator = res->den;
	v->has_value = res->has_value;
	v->value = res->value;
	v->met = res->met;
	memcpy(v->inputs_sha256, res->sha256, sizeof(res->sha256));
	snprintf(v->def_key, sizeof(v->def_key), "%s", def->key);
	v->def_version = def->version;
	snprintf(v->unit_name, sizeof(v->unit_name), "%s", unit_name ?
	    unit_name : "");
	memcpy(v->as_of, run->as_of, sizeof(v->as_of));
	memcpy(v->computed_at, run->computed_at, sizeof(v->computed_at));
}

/*
 * Definition k of a set: the county's value (the scope's, for a
 * division) and, for a definition by unit, each unit's over its own
 * records, from the judgements already made; stored in one statement.
 */
static enum fz_err
compute_def(struct store *st, const struct cset *cs, size_t k,
    const struct ind_run *run, json_t *vals, size_t *nval)
{
	const struct ind_def	*def = cs->preps[k].def;
	struct ind_value	*v;
	struct ind_result	*res;
	size_t			 j, n = 1;
	enum fz_err		 rc;

	if (str_eq(def->scope, "unit"))
		n += cs->nparts;
	v = xcalloc(n, sizeof(*v));
	res = xcalloc(n, sizeof(*res));
	cset_value(cs, k, cs->byid, cs->n, cs->sha256, &res[0]);
	value_fill(&v[0], def, run, 0, NULL, &res[0]);
	for (j = 1; j < n; j++) {
		const struct part *u = &cs->parts[j - 1];

		const char *name = uname_slot(cs->names, cs->capnames,
		    u->unit)->name;

		cset_value(cs, k, u->idx, u->n, u->sha256, &res[j]);
		value_fill(&v[j], def, run, u->unit, name, &res[j]);
	}
	rc = store_ind_values_add(st, v, res, n);
	for (j = 0; j < n; j++) {
		if (rc == FZ_OK)
			json_array_append_new(vals, value_json(def, &v[j]));
		ind_result_release(&res[j]);
	}
	*nval += n;
	free(v);
	free(res);
	return rc;
}

enum fz_err
core_ind_compute(struct store *st, const struct actor *ac,
    const struct ind_compute_opts *o, json_t **out, struct diags *dg)
{
	struct defs	 defs = { 0 };
	struct cset	*sets = NULL;
	struct ind_prep	**preps = NULL;
	struct certs	 certs = { NULL, 0, 0 };
	size_t		*nprep = NULL, *slot = NULL;
	struct ind_run	 run;
	struct calendar	 cal;
	json_t		*vals = json_array();
	long		 day;
	size_t		 i, j, nval = 0;
	int		 r;
	enum fz_err	 rc;

	*out = NULL;
	cal_init(&cal);
	memset(&run, 0, sizeof(run));
	if (!may_compute(ac)) {
		rc = work_fail(dg, FZ_EPERM, "error", "只有依法治县办或系统管理员"
		    "可以计算指标");
		goto out;
	}
	if (o->as_of == NULL || date_days(o->as_of, &day) != FZ_OK) {
		rc = work_fail(dg, FZ_EINVAL, "as_of", "统计日期应写成 "
		    "YYYY-MM-DD");
		goto out;
	}
	if (o->division != NULL && *o->division != '\0') {
		const char *p;

		for (p = o->division; *p >= '0' && *p <= '9'; p++)
			;
		if (*p != '\0' || strlen(o->division) < 2 ||
		    strlen(o->division) >= sizeof(run.scope)) {
			rc = work_fail(dg, FZ_EINVAL, "division", "区划代码"
			    "“%.20s”无效：应为 2 至 15 位数字（如 371522）",
			    o->division);
			goto out;
		}
		snprintf(run.scope, sizeof(run.scope), "%s", o->division);
	}
	snprintf(run.as_of, sizeof(run.as_of), "%s", o->as_of);
	run.year = o->year;
	if (run.year == 0) {
		/* The newest plan's year, unless the date is before it. */
		int py = 0;

		if ((rc = store_plan_iter(st, plan_year_cb, &py)) != FZ_OK) {
			rc = work_store_fail(st, dg, rc);
			goto out;
		}
		run.year = (int)strtol(o->as_of, NULL, 10);
		if (py > 0 && py <= run.year)
			run.year = py;
	}
	snprintf(run.period_start, sizeof(run.period_start), "%04d-01-01",
	    run.year);
	snprintf(run.period_end, sizeof(run.period_end), "%04d-12-31",
	    run.year);
	if (strcmp(run.period_end, run.as_of) > 0)
		memcpy(run.period_end, run.as_of, sizeof(run.as_of));
	if (run.year < 1949 || run.year > 2099 ||
	    strcmp(run.period_end, run.period_start) < 0) {
		rc = work_fail(dg, FZ_EINVAL, "as_of", "统计日期 %s 早于 %d 年",
		    run.as_of, run.year);
		goto out;
	}
	snprintf(run.actor, sizeof(run.actor), "%s", work_actor_name(ac));
	if ((rc = store_ind_def_list(st, NULL, defs_cb, &defs)) != FZ_OK) {
		rc = work_store_fail(st, dg, rc);
		goto out;
	}
	if ((rc = cal_load(&cal, st)) != FZ_OK) {
		rc = work_store_fail(st, dg, rc);
		goto out;
	}
	/* Each definition compiled, in the set of its registry's. */
	preps = xcalloc((size_t)registry_count() + 1, sizeof(*preps));
	nprep = xcalloc((size_t)registry_count() + 1, sizeof(*nprep));
	slot = xcalloc(defs.n ? defs.n : 1, sizeof(*slot));
	for (i = 0; i < defs.n; i++) {
		const struct ind_def	*def = &defs.v[i];
		const struct reg_desc	*d = registry_find(def->registry);
		char			 why[400];

		for (r = 0; r < registry_count() && registry_at(r) != d; r++)
			;
		if (d == NULL) {
			rc = work_fail(dg, FZ_EINVAL, def->key, "指标 %s 的台账"
			    "“%s”不存在", def->key, def->registry);
			goto out;
		}
		preps[r] = xreallocarray(preps[r], nprep[r] + 1,
		    sizeof(*preps[r]));
		if (prep_init(&preps[r][nprep[r]], d, def, run.as_of, &cal,
		    why, sizeof(why)) != FZ_OK) {
			rc = work_fail(dg, FZ_EINVAL, def->key, "指标 %s：%s",
			    def->key, why);
			goto out;
		}
		slot[i] = nprep[r]++;
	}
	/* "certified" checks the 执法人员 registry's certificates: every
	 * one, whenever issued (the stored unit of a certificate, not the
	 * division, is the decision's own). */
	for (r = 0; r < registry_count() && certs.v == NULL; r++)
		for (i = 0; i < nprep[r]; i++)
			if (pnode_certs(&preps[r][i].num) ||
			    (preps[r][i].has_den &&
			    pnode_certs(&preps[r][i].den))) {
				struct reg_filter cf;

				memset(&cf, 0, sizeof(cf));
				if ((rc = store_reg_list(st,
				    registry_find("enforcer"), &cf, certs_cb,
				    &certs, NULL)) != FZ_OK) {
					rc = work_store_fail(st, dg, rc);
					goto out;
				}
				if (certs.n > 0)
					qsort(certs.v, certs.n,
					    sizeof(*certs.v), cert_cmp);
				else	/* loaded, none */
					certs.v = xcalloc(1, sizeof(*certs.v));
				break;
			}
	for (r = 0; r < registry_count(); r++)
		for (i = 0; i < nprep[r]; i++)
			preps[r][i].c.certs = &certs;
	/* The records of each registry dated in the period (of the
	 * division's units only, for a division), judged as they come. */
	sets = xcalloc((size_t)registry_count() + 1, sizeof(*sets));
	for (r = 0; r < registry_count(); r++) {
		struct reg_filter f;

		cset_init(&sets[r], registry_at(r), preps[r], nprep[r]);
		if (nprep[r] == 0)
			continue;
		memset(&f, 0, sizeof(f));
		f.from = run.period_start;
		f.to = run.period_end;
		f.division = run.scope[0] ? run.scope : NULL;
		f.any_order = 1;
		/* Only what the definitions read, the owner and the date. */
		f.fields = (uint64_t)1 << registry_at(r)->owner |
		    (uint64_t)1 << registry_at(r)->date;
		for (i = 0; i < nprep[r]; i++)
			prep_fields(&preps[r][i], registry_at(r), &f.fields);
		if ((rc = store_reg_list(st, registry_at(r), &f, cset_cb,
		    &sets[r], NULL)) != FZ_OK) {
			rc = work_store_fail(st, dg, rc);
			goto out;
		}
		cset_index(&sets[r]);
	}
	if ((rc = store_unit_iter(st, names_cb, &(struct csets){ sets,
	    (size_t)registry_count() })) != FZ_OK) {
		rc = work_store_fail(st, dg, rc);
		goto out;
	}
	if ((rc = store_begin(st)) != FZ_OK) {
		rc = work_store_fail(st, dg, rc);
		goto out;
	}
	rc = store_ind_run_add(st, &run);
	for (i = 0; i < defs.n && rc == FZ_OK; i++) {
		const struct reg_desc *d = registry_find(defs.v[i].registry);

		for (r = 0; r < registry_count() && registry_at(r) != d; r++)
			;
		rc = compute_def(st, &sets[r], slot[i], &run, vals, &nval);
	}
	/* Plans imported before a definition existed link to it now. */
	if (rc == FZ_OK) {
		struct plan_ids p = { NULL, 0 };

		rc = store_plan_iter(st, plan_id_cb, &p);
		for (j = 0; j < p.n && rc == FZ_OK; j++)
			rc = store_ind_link_auto(st, p.v[j], work_actor_name(ac));
		free(p.v);
	}
	if (rc == FZ_OK)
		rc = work_audit(st, ac, "indicators.compute", "indicator_run",
		    run.id, NULL, json_pack("{s:s,s:i,s:s,s:s,s:I,s:s*}",
		    "as_of", run.as_of, "year", run.year, "from",
		    run.period_start, "to", run.period_end, "values",
		    (json_int_t)nval, "division", run.scope[0] ? run.scope :
		    NULL));
	if ((rc = work_end(st, rc, dg)) != FZ_OK)
		goto out;
	*out = json_pack("{s:{s:I,s:s,s:i,s:s,s:s,s:s,s:s*},s:o}", "run", "id",
	    (json_int_t)run.id, "as_of", run.as_of, "year", run.year,
	    "from", run.period_start, "to", run.period_end, "computed_at",
	    run.computed_at, "division", run.scope[0] ? run.scope : NULL,
	    "values", vals);
	vals = NULL;
out:
	json_decref(vals);
	for (r = 0; sets != NULL && r < registry_count(); r++)
		cset_release(&sets[r]);
	free(sets);
	for (r = 0; preps != NULL && r < registry_count(); r++) {
		for (i = 0; i < nprep[r]; i++)
			prep_release(&preps[r][i]);
		free(preps[r]);
	}
	free(preps);
	free(nprep);
	free(slot);
	free(certs.v);
	defs_release(&defs);
	cal_release(&cal);
	return rc;
}

/* A definition from JSON fields over base (the newest version, or none). */
static enum fz_err
def_from_json(const char *key, const json_t *in, const struct ind_def *base,
    struct ind_def *d, struct diags *dg)
{
	static const char *const known[] = {
		"key", "name", "registry", "kind", "numerator", "denominator",
		"params", "target", "comparator", "unit", "scope", "source",
		"basis", "note", "version", NULL
	};
	const char	*k;
	json_t		*v;

	memset(d, 0, sizeof(*d));
	if (base != NULL) {
		struct defs tmp = { 0 };

		defs_cb(base, &tmp);
		*d = tmp.v[0];
		free(tmp.v);
	} else {
		snprintf(d->kind, sizeof(d->kind), "rate");
		snprintf(d->unit, sizeof(d->unit), "%%");
		snprintf(d->scope, sizeof(d->scope), "unit");
		snprintf(d->basis, sizeof(d->basis), "ours");
		d->params = xstrdup("{}");
	}
	snprintf(d->key, sizeof(d->key), "%s", key);
	if (!json_is_object(in))
		return work_fail(dg, FZ_EINVAL, "error", "指标定义应为 JSON 对象");
	json_object_foreach((json_t *)(uintptr_t)in, k, v) {
		char **text = NULL, *buf = NULL;
		size_t n = 0;

		if (!one_of(k, known))
			return work_fail(dg, FZ_EINVAL, k, "未知的键“%.40s”", k);
		if (str_eq(k, "key") || str_eq(k, "version"))
			continue;
		if (str_eq(k, "numerator"))
			text = &d->numerator;
		else if (str_eq(k, "denominator"))
			text = &d->denominator;
		else if (str_eq(k, "params"))
			text = &d->params;
		if (text != NULL) {
			free(*text);
			*text = json_is_null(v) ? NULL : json_dumps(v,
			    JSON_COMPACT | JSON_SORT_KEYS);
			continue;
		}
		if (str_eq(k, "target")) {
			d->has_target = json_is_number(v);
			d->target = json_number_value(v);
			if (!json_is_null(v) && !json_is_number(v))
				return work_fail(dg, FZ_EINVAL, k,
				    "target 应为数");
			continue;
		}
		if (!json_is_string(v) && !(json_is_null(v) &&
		    (str_eq(k, "note") || str_eq(k, "comparator"))))
			return work_fail(dg, FZ_EINVAL, k, "%s 应为字符串", k);
		if (str_eq(k, "source") || str_eq(k, "note")) {
			text = str_eq(k, "source") ? &d->source : &d->note;
			free(*text);
			*text = json_is_null(v) ? NULL :
			    xstrdup(json_string_value(v));
			if (*text != NULL && strlen(*text) > 4000)
				return work_fail(dg, FZ_EINVAL, k, "%s 过长", k);
			continue;
		}
		if (str_eq(k, "name")) {
			buf = d->name;
			n = sizeof(d->name);
		} else if (str_eq(k, "registry")) {
			buf = d->registry;
			n = sizeof(d->registry);
		} else if (str_eq(k, "kind")) {
			buf = d->kind;
			n = sizeof(d->kind);
		} else if (str_eq(k, "comparator")) {
			buf = d->comparator;
			n = sizeof(d->comparator);
		} else if (str_eq(k, "unit")) {
			buf = d->unit;
			n = sizeof(d->unit);
		} else if (str_eq(k, "scope")) {
			buf = d->scope;
			n = sizeof(d->scope);
		} else {
			buf = d->basis;
			n = sizeof(d->basis);
		}
		if (json_is_null(v))
			buf[0] = '\0';
		else if (json_string_length(v) >= n)
			return work_fail(dg, FZ_EINVAL, k, "%s 过长", k);
		else
			snprintf(buf, n, "%s", json_string_value(v));
	}
	return FZ_OK;
}

static int
same_text(const char *a, const char *b)
{
	return str_eq(a ? a : "", b ? b : "");
}

/* Same content, JSON parts compared as values. */
static int
def_same(const struct ind_def *a, const struct ind_def *b)
{
	const char	*ja[3] = { a->numerator, a->denominator, a->params };
	const char	*jb[3] = { b->numerator, b->denominator, b->params };
	int		 i, eq = 1;

	for (i = 0; i < 3 && eq; i++) {
		json_t *x = ja[i] ? json_loads(ja[i], 0, NULL) : NULL;
		json_t *y = jb[i] ? json_loads(jb[i], 0, NULL) : NULL;

		eq = (x == NULL && y == NULL) || (x != NULL && y != NULL &&
		    json_equal(x, y));
		json_decref(x);
		json_decref(y);
	}
	return eq && str_eq(a->name, b->name) &&
	    str_eq(a->registry, b->registry) && str_eq(a->kind, b->kind) &&
	    a->has_target == b->has_target && (!a->has_target ||
	    a->target == b->target) && str_eq(a->comparator, b->comparator) &&
	    str_eq(a->unit, b->unit) && str_eq(a->scope, b->scope) &&
	    same_text(a->source, b->source) && str_eq(a->basis, b->basis) &&
	    same_text(a->note, b->note);
}

enum fz_err
core_ind_define(struct store *st, const struct actor *ac, const char *key,
    const json_t *in, int *version, int *changed, struct diags *dg)
{
	struct ind_def	 old, d;
	char		 why[400];
	int		 have;
	enum fz_err	 rc;

	*version = 0;
	*changed = 0;
	memset(&d, 0, sizeof(d));
	if (!may_compute(ac))
		return work_fail(dg, FZ_EPERM, "error", "只有依法治县办或系统"
		    "管理员可以修改指标定义");
	rc = store_ind_def_get(st, key, 0, &old);
	if (rc != FZ_OK && rc != FZ_ENOTFOUND)
		return work_store_fail(st, dg, rc);
	have = rc == FZ_OK;
	if ((rc = def_from_json(key, in, have ? &old : NULL, &d, dg)) != FZ_OK)
		goto out;
	if (ind_def_check(&d, why, sizeof(why)) != FZ_OK) {
		rc = work_fail(dg, FZ_EINVAL, "definition", "指标定义有误：%s",
		    why);
		goto out;
	}
	if (have && def_same(&old, &d)) {
		*version = old.version;
		goto out;
	}
	snprintf(d.created_by, sizeof(d.created_by), "%s",
	    work_actor_name(ac));
	if ((rc = store_begin(st)) != FZ_OK) {
		rc = work_store_fail(st, dg, rc);
		goto out;
	}
	rc = store_ind_def_add(st, &d);
	if (rc == FZ_OK)
		rc = work_audit(st, ac, "indicator.define", d.key, d.version,
		    have ? core_ind_def_json(&old) : NULL, core_ind_def_json(&d));
	if ((rc = work_end(st, rc, dg)) == FZ_OK) {
		*version = d.version;
		*changed = 1;
	}
out:
	if (have)
		ind_def_release(&old);
	ind_def_release(&d);
	return rc;
}

/* The values of a key's newest run the actor may see: the county's, and
 * the units' it reads. */
static enum fz_err
latest_values(struct store *st, const struct actor *ac,
    const struct ind_def *def, json_t *out)
{
	struct ind_value	*v = NULL;
	size_t			 n = 0, i;
	enum fz_err		 rc;

	if ((rc = store_ind_values_latest(st, def->key, 0, &v, &n)) != FZ_OK)
		return rc;
	for (i = 0; i < n; i++)
		if (v[i].unit_id == 0 || core_reg_can_read(ac, v[i].unit_id))
			json_array_append_new(out, value_json(def, &v[i]));
	free(v);
	return FZ_OK;
}

enum fz_err
core_ind_list_json(struct store *st, const struct actor *ac, json_t **out)
{
	struct defs	 defs = { 0 };
	json_t		*a = json_array();
	size_t		 i;
	enum fz_err	 rc;

	*out = NULL;
	if ((rc = store_ind_def_list(st, NULL, defs_cb, &defs)) != FZ_OK)
		goto out;
	for (i = 0; i < defs.n; i++) {
		json_t *o = core_ind_def_json(&defs.v[i]), *vals = json_array();

		if ((rc = latest_values(st, ac, &defs.v[i], vals)) != FZ_OK) {
			json_decref(o);
			json_decref(vals);
			goto out;
		}
		json_object_set_new(o, "county", json_array_size(vals) > 0 ?
		    json_incref(json_array_get(vals, 0)) : json_null());
		json_decref(vals);
		json_array_append_new(a, o);
	}
	*out = json_pack("{s:o}", "indicators", a);
	a = NULL;
out:
	json_decref(a);
	defs_release(&defs);
	return rc;
}

/*
 * One division's dashboard (a county of a province-wide store): each
 * definition with the values of the newest run over that division, its
 * total first, then its units the actor may read.
 */
enum fz_err
core_ind_scope_json(struct store *st, const struct actor *ac,
    const char *division, json_t **out, struct diags *dg)
{
	struct defs		 defs = { 0 };
	struct ind_value	*v = NULL;
	json_t			*a = json_array(), *by = json_object();
	size_t			 i, j, n = 0;
	enum fz_err		 rc;

	*out = NULL;
	if ((rc = store_ind_def_list(st, NULL, defs_cb, &defs)) != FZ_OK ||
	    (rc = store_ind_values_scope(st, division, &v, &n)) != FZ_OK)
		goto out;
	for (i = 0; i < defs.n; i++) {
		json_t *o = core_ind_def_json(&defs.v[i]);

		json_array_append_new(a, o);
		json_object_set_new(o, "values", json_array());
		json_object_set(by, defs.v[i].key, o);
	}
	for (j = 0; j < n; j++) {
		json_t *o = json_object_get(by, v[j].def_key);

		for (i = 0; o != NULL && i < defs.n &&
		    !str_eq(defs.v[i].key, v[j].def_key); i++)
			;
		if (o == NULL || i == defs.n)
			continue;
		if (v[j].unit_id == 0 || core_reg_can_read(ac, v[j].unit_id))
			json_array_append_new(json_object_get(o, "values"),
			    value_json(&defs.v[i], &v[j]));
	}
	*out = json_pack("{s:s,s:o}", "division", division, "indicators", a);
	a = NULL;
out:
	if (rc != FZ_OK)
		rc = work_store_fail(st, dg, rc);
	free(v);
	json_decref(a);
	json_decref(by);
	defs_release(&defs);
	return rc;
}

enum fz_err
core_ind_show_json(struct store *st, const struct actor *ac, const char *key,
    json_t **out, struct diags *dg)
{
	struct defs	 vers = { 0 };
	json_t		*o, *va, *vals;
	size_t		 i;
	enum fz_err	 rc;

	*out = NULL;
	if ((rc = store_ind_def_list(st, key, defs_cb, &vers)) != FZ_OK) {
		rc = work_store_fail(st, dg, rc);
		goto out;
	}
	if (vers.n == 0) {
		rc = work_fail(dg, FZ_ENOTFOUND, "key", "没有指标“%s”", key);
		goto out;
	}
	o = core_ind_def_json(&vers.v[vers.n - 1]);
	va = json_array();
	for (i = 0; i < vers.n; i++)
		json_array_append_new(va, core_ind_def_json(&vers.v[i]));
	json_object_set_new(o, "versions", va);
	vals = json_array();
	if ((rc = latest_values(st, ac, &vers.v[vers.n - 1], vals)) != FZ_OK) {
		json_decref(o);
		json_decref(vals);
		rc = work_store_fail(st, dg, rc);
		goto out;
	}
	json_object_set_new(o, "values", vals);
	*out = o;
out:
	defs_release(&vers);
	return rc;
}

struct drill {
	struct store		*st;
	const struct actor	*ac;
	const struct reg_desc	*d;
	json_t			*roles[3];
	int			 hidden;
	enum fz_err		 rc;
};

static int
drill_cb(int64_t id, const char *role, void *arg)
{
	struct drill		*x = arg;
	struct reg_record	 r;
	int			 k = str_eq(role, "counted") ? 0 :
				    str_eq(role, "failing") ? 1 : 2;

	if ((x->rc = store_reg_get(x->st, x->d, id, &r)) == FZ_ENOTFOUND) {
		x->rc = FZ_OK;
		json_array_append_new(x->roles[k], json_pack("{s:I,s:b}", "id",
		    (json_int_t)id, "deleted", 1));
		return 0;
	}
	if (x->rc != FZ_OK)
		return 1;
	if (core_reg_can_read(x->ac, r.v[x->d->owner].i))
		json_array_append_new(x->roles[k], reg_record_json(x->d, &r,
		    1));
	else
		x->hidden++;
	reg_record_release(&r);
	return 0;
}

enum fz_err
core_ind_value_json(struct store *st, const struct actor *ac,
    int64_t value_id, json_t **out, struct diags *dg)
{
	struct ind_value	 v;
	struct ind_def		 def;
	struct drill		 x;
	json_t			*o;
	enum fz_err		 rc;

	*out = NULL;
	if ((rc = store_ind_value_get(st, value_id, &v)) == FZ_ENOTFOUND)
		return work_fail(dg, rc, "id", "指标值 %lld 不存在",
		    (long long)value_id);
	if (rc != FZ_OK)
		return work_store_fail(st, dg, rc);
	if (v.unit_id != 0 && !core_reg_can_read(ac, v.unit_id))
		return work_fail(dg, FZ_EPERM, "id", "无权查看其他单位的指标值");
	if ((rc = store_ind_def_get(st, v.def_key, v.def_version, &def)) !=
	    FZ_OK)
		return work_store_fail(st, dg, rc);
	memset(&x, 0, sizeof(x));
	x.st = st;
	x.ac = ac;
	x.d = registry_find(def.registry);
	x.roles[0] = json_array();
	x.roles[1] = json_array();
	x.roles[2] = json_array();
	if (x.d != NULL && (rc = store_ind_value_records(st, value_id,
	    drill_cb, &x)) == FZ_OK)
		rc = x.rc;
	if (rc != FZ_OK) {
		json_decref(x.roles[0]);
		json_decref(x.roles[1]);
		json_decref(x.roles[2]);
		ind_def_release(&def);
		return work_store_fail(st, dg, rc);
	}
	o = value_json(&def, &v);
	json_object_set_new(o, "definition", core_ind_def_json(&def));
	json_object_set_new(o, "inputs_sha256", json_string(v.inputs_sha256));
	json_object_set_new(o, "counted", x.roles[0]);
	json_object_set_new(o, "failing", x.roles[1]);
	json_object_set_new(o, "excluded", x.roles[2]);
	json_object_set_new(o, "hidden", json_integer(x.hidden));
	*out = o;
	ind_def_release(&def);
	return FZ_OK;
}

/*
 * A manual indicator: the value the newest accepted report of the task
 * gives for it (the lead unit's consolidated report first), judged
 * against the plan's target; a deadline or 全覆盖 is met when the report
 * says it is done.
 */
static enum fz_err
manual_json(struct store *st, const struct ind_link_row *l, json_t *o)
{
	struct report_ind	 x;
	int64_t			 rid;
	char			 unit[160], period[64];
	int			 met = -1;
	enum fz_err		 rc;

	json_object_set_new(o, "mode", json_string("manual"));
	json_object_set_new(o, "definition", json_null());
	json_object_set_new(o, "value", json_null());
	if ((rc = store_report_ind_latest(st, l->task_id, l->name ? l->name :
	    "", &x, &rid, unit, period)) != FZ_OK)
		return rc;
	if (rid == 0) {
		json_object_set_new(o, "reported", json_null());
	} else {
		if (x.done >= 0 && (!x.has_value || !l->has_target))
			met = x.done;
		else if (x.has_value && l->has_target)
			met = compare(x.value, l->comparator, l->target);
		json_object_set_new(o, "reported", json_pack("{s:I,s:s,s:s,"
		    "s:o,s:o,s:s}", "report_id", (json_int_t)rid, "unit_name",
		    unit, "period_name", period, "value", x.has_value ?
		    json_real(x.value) : json_null(), "done", x.done < 0 ?
		    json_null() : json_boolean(x.done), "note", x.note ?
		    x.note : ""));
		free(x.note);
	}
	json_object_set_new(o, "met", met < 0 ? json_null() :
	    json_boolean(met));
	json_object_set_new(o, "light", json_string(met < 0 ? "none" : met ?
	    "green" : "red"));
	return FZ_OK;
}

enum fz_err
core_plan_indicators_json(struct store *st, const struct actor *ac,
    int64_t plan_id, json_t **out, struct diags *dg)
{
	struct ind_link_row	*rows = NULL;
	size_t			 n = 0, i;
	json_t			*a = json_array();
	int64_t			 one;
	enum fz_err		 rc;

	*out = NULL;
	(void)ac;
	{
		struct plan_ids p = { NULL, 0 };

		rc = store_plan_iter(st, plan_id_cb, &p);
		for (i = 0, one = 0; i < p.n; i++)
			one |= p.v[i] == plan_id;
		free(p.v);
		if (rc != FZ_OK)
			goto dberr;
		if (!one) {
			json_decref(a);
			return work_fail(dg, FZ_ENOTFOUND, "id", "计划 %lld 不存在",
			    (long long)plan_id);
		}
	}
	if ((rc = store_ind_links(st, plan_id, &rows, &n)) != FZ_OK)
		goto dberr;
	for (i = 0; i < n; i++) {
		struct ind_link_row	*l = &rows[i];
		struct ind_def		 def;
		struct ind_value	*v = NULL;
		size_t			 nv = 0;
		json_t			*o = json_object();
		int			 met = -1;

		json_object_set_new(o, "task_id", json_integer(l->task_id));
		json_object_set_new(o, "task_number",
		    json_integer(l->task_number));
		json_object_set_new(o, "name", json_string(l->name));
		json_object_set_new(o, "phrase", json_string(l->phrase ?
		    l->phrase : ""));
		json_object_set_new(o, "kind", json_string(l->kind));
		json_object_set_new(o, "target", l->has_target ?
		    json_real(l->target) : json_null());
		json_object_set_new(o, "comparator", json_string(l->comparator));
		json_object_set_new(o, "unit", json_string(l->unit));
		json_array_append_new(a, o);
		if (l->def_key[0] == '\0' || store_ind_def_get(st, l->def_key,
		    0, &def) != FZ_OK) {
			if ((rc = manual_json(st, l, o)) != FZ_OK)
				goto dberr;
			continue;
		}
		json_object_set_new(o, "mode", json_string("computed"));
		json_object_set_new(o, "link", json_string(l->source));
		json_object_set_new(o, "definition", json_pack("{s:s,s:i,s:s,"
		    "s:s,s:s}", "key", def.key, "version", def.version, "name",
		    def.name, "source", def.source ? def.source : "", "basis",
		    def.basis));
		if ((rc = store_ind_values_latest(st, def.key, -1, &v, &nv)) !=
		    FZ_OK) {
			ind_def_release(&def);
			goto dberr;
		}
		if (nv > 0 && v[0].unit_id == 0) {
			json_object_set_new(o, "value", value_json(&def, &v[0]));
			if (v[0].has_value && l->has_target) {
				if (str_eq(def.kind, "rate") && str_eq(def.unit,
				    "%"))
					met = compare((double)v[0].numerator *
					    100.0, l->comparator, l->target *
					    (double)v[0].denominator);
				else
					met = compare(v[0].value, l->comparator,
					    l->target);
			}
		} else
			json_object_set_new(o, "value", json_null());
		json_object_set_new(o, "met", met < 0 ? json_null() :
		    json_boolean(met));
		json_object_set_new(o, "light", json_string(met < 0 ? "none" :
		    met ? "green" : "red"));
		free(v);
		ind_def_release(&def);
	}
	ind_link_rows_free(rows, n);
	*out = json_pack("{s:I,s:o}", "plan_id", (json_int_t)plan_id,
	    "indicators", a);
	return FZ_OK;
dberr:
	ind_link_rows_free(rows, n);
	json_decref(a);
	return work_store_fail(st, dg, rc);
}

enum fz_err
core_ind_link(struct store *st, const struct actor *ac, int64_t plan_id,
    int task_number, const char *name, const char *def_key,
    struct diags *dg)
{
	struct ind_link_row	*rows = NULL;
	struct ind_def		 def;
	size_t			 n = 0, i;
	int64_t			 task = 0;
	char			 old[64] = "";
	enum fz_err		 rc;

	if (!may_compute(ac))
		return work_fail(dg, FZ_EPERM, "error", "只有依法治县办或系统"
		    "管理员可以关联指标");
	if ((rc = store_ind_links(st, plan_id, &rows, &n)) != FZ_OK)
		return work_store_fail(st, dg, rc);
	for (i = 0; i < n && task == 0; i++)
		if (rows[i].task_number == task_number && str_eq(rows[i].name,
		    name)) {
			task = rows[i].task_id;
			snprintf(old, sizeof(old), "%s", rows[i].def_key);
		}
	ind_link_rows_free(rows, n);
	if (task == 0)
		return work_fail(dg, FZ_ENOTFOUND, "name", "第 %d 项任务没有名为"
		    "“%s”的指标", task_number, name);
	if (def_key != NULL) {
		if ((rc = store_ind_def_get(st, def_key, 0, &def)) ==
		    FZ_ENOTFOUND)
			return work_fail(dg, rc, "definition", "没有指标定义“%s”",
			    def_key);
		if (rc != FZ_OK)
			return work_store_fail(st, dg, rc);
		ind_def_release(&def);
	}
	if ((rc = store_begin(st)) != FZ_OK)
		return work_store_fail(st, dg, rc);
	rc = store_ind_link_put(st, task, name, def_key, work_actor_name(ac));
	if (rc == FZ_OK)
		rc = work_audit(st, ac, "indicator.link", "task", task,
		    json_pack("{s:s,s:s}", "name", name, "definition", old),
		    json_pack("{s:s,s:s}", "name", name, "definition", def_key ?
		    def_key : ""));
	return work_end(st, rc, dg);
}
