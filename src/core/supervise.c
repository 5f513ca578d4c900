/*
 * supervise.c: 督察 → 整改 → 销号. A finding names tasks and units; each
 * unit rectifies (整改) with evidence, a supervisor outside the unit
 * checks (核查) and closes (销号) it, and a closed one may be reopened
 * (重新打开) with its history kept. A finding like an earlier one against
 * the same unit or task is flagged as a repeat (重复问题).
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "work-int.h"
#include "fazhi/supervise.h"
#include "fazhi/util.h"
#include "fazhi/banned.h"

#define SUP_TEXT_MAX	4000	/* characters of a description, a requirement … */

struct kv {
	const char	*key;
	const char	*name;
};

static const struct kv sources[] = {
	{ "province", "省级督察" }, { "city", "市级督察" },
	{ "county", "县级督察" }, { "complaint", "投诉举报" },
}, fstates[] = {
	{ "open", "待整改" }, { "pending", "待整改" },
	{ "rectifying", "整改中" }, { "submitted", "已提交" },
	{ "verified", "核查通过" }, { "closed", "已销号" },
}, actions[] = {
	{ "create", "登记督察发现问题" }, { "repeat", "标记为重复问题" },
	{ "rectify", "填报整改情况" }, { "submit", "提交整改情况" },
	{ "evidence", "上传佐证材料" }, { "check_pass", "核查通过" },
	{ "check_fail", "核查不通过" }, { "close", "销号" },
	{ "reopen", "重新打开" }, { "edit", "修改督察发现问题" },
}, steps[] = {
	{ "remind", "提醒" }, { "urge", "催办" }, { "bulletin", "通报" },
	{ "interview", "约谈" },
};

static const char *
kv_name(const struct kv *t, size_t n, const char *key)
{
	size_t	 i;

	for (i = 0; key != NULL && i < n; i++)
		if (str_eq(t[i].key, key))
			return t[i].name;
	return "";
}

#define NAME(tab, key)	kv_name(tab, sizeof(tab) / sizeof(tab[0]), key)

const char *
sup_source_name(const char *k)
{
	return NAME(sources, k);
}

const char *
sup_state_name(const char *k)
{
	return NAME(fstates, k);
}

const char *
sup_action_name(const char *k)
{
	return NAME(actions, k);
}

const char *
sup_step_name(const char *k)
{
	return NAME(steps, k);
}

const char *
sup_source_key(const char *s)
{
	size_t	 i;

	for (i = 0; s != NULL && i < sizeof(sources) / sizeof(sources[0]); i++)
		if (str_eq(sources[i].key, s) || str_eq(sources[i].name, s))
			return sources[i].key;
	return NULL;
}

/* Characters that count in a description: not spaces, not punctuation. */
static int
sim_keep(uint32_t c)
{
	if (c < 0x80)
		return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
		    (c >= 'A' && c <= 'Z');
	if ((c >= 0x2000 && c <= 0x206f) || (c >= 0x3000 && c <= 0x303f) ||
	    (c >= 0xff00 && c <= 0xff0f) || (c >= 0xff1a && c <= 0xff20) ||
	    (c >= 0xff3b && c <= 0xff40) || (c >= 0xff5b && c <= 0xff65) ||
	    c == 0xa0 || c == 0xb7)
		return 0;
	return 1;
}

/* The kept characters of s as code points, at most max. */
static size_t
sim_chars(const char *s, uint32_t *out, size_t max)
{
	size_t	 n = 0, len = strlen(s), k;
	uint32_t c;

	while (len > 0 && n < max) {
		if ((k = utf8_decode(s, len, &c)) == 0)
			k = 1, c = 0xfffd;
		s += k;
		len -= k;
		if (!sim_keep(c))
			continue;
		if (c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		out[n++] = c;
	}
	return n;
}

#define SIM_MAX	SUP_TEXT_MAX

double
sup_text_similarity(const char *a, const char *b)
{
	uint32_t	*x = xcalloc(SIM_MAX, sizeof(*x));
	uint32_t	*y = xcalloc(SIM_MAX, sizeof(*y));
	char		*used;
	size_t		 nx, ny, i, j, common = 0;
	double		 d = 0;

	nx = sim_chars(a ? a : "", x, SIM_MAX);
	ny = sim_chars(b ? b : "", y, SIM_MAX);
	if (nx < 2 || ny < 2) {
		d = nx > 0 && nx == ny && x[0] == y[0] ? 1 : 0;
		goto out;
	}
	used = xcalloc(ny, 1);
	for (i = 0; i + 1 < nx; i++)
		for (j = 0; j + 1 < ny; j++)
			if (!used[j] && x[i] == y[j] && x[i + 1] == y[j + 1]) {
				used[j] = 1;
				common++;
				break;
			}
	free(used);
	d = 2.0 * (double)common / (double)((nx - 1) + (ny - 1));
out:
	free(x);
	free(y);
	return d;
}

/* Text a user gives: valid UTF-8, not too long; required when req. */
static enum fz_err
check_text(const char *s, const char *field, const char *label, int req,
    struct diags *dg)
{
	size_t	 bad;

	if (s == NULL || *s == '\0') {
		if (req)
			return work_fail(dg, FZ_EINVAL, field, "请填写%s",
			    label);
		return FZ_OK;
	}
	if (!utf8_valid(s, strlen(s), &bad))
		return work_fail(dg, FZ_EINVAL, field, "%s不是有效的 UTF-8 文本",
		    label);
	if (strlen(s) > SUP_TEXT_MAX * 3)
		return work_fail(dg, FZ_EINVAL, field, "%s过长（最多 %d 字）",
		    label, SUP_TEXT_MAX);
	return FZ_OK;
}

static int
can_manage(const struct actor *ac)
{
	return ac->account_id == 0 || core_actor_supervises(ac);
}

static enum fz_err
event_add(struct store *st, const struct actor *ac, int64_t fid,
    int64_t unit_id, const char *action, const char *before,
    const char *after, const char *reason)
{
	struct finding_event	 e;
	enum fz_err		 rc;

	memset(&e, 0, sizeof(e));
	e.finding_id = fid;
	e.unit_id = unit_id;
	snprintf(e.actor, sizeof(e.actor), "%s", work_actor_name(ac));
	snprintf(e.action, sizeof(e.action), "%s", action);
	snprintf(e.before, sizeof(e.before), "%s", before ? before : "");
	snprintf(e.after, sizeof(e.after), "%s", after ? after : "");
	e.reason = xstrdup(reason ? reason : "");
	rc = store_finding_event_add(st, &e);
	finding_event_release(&e);
	return rc;
}

/* The finding's state from its units': open while all wait, closed when
 * all are closed, else rectifying. */
static const char *
summary_state(const struct rectification *r, size_t n)
{
	size_t	 i, pending = 0, closed = 0;

	for (i = 0; i < n; i++) {
		if (str_eq(r[i].state, "pending"))
			pending++;
		else if (str_eq(r[i].state, "closed"))
			closed++;
	}
	if (n > 0 && closed == n)
		return "closed";
	if (pending == n)
		return "open";
	return "rectifying";
}

static void
rects_free(struct rectification *r, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		rectification_release(&r[i]);
	free(r);
}

/*
 * Repeat detection (docs/ARCHITECTURE.md, "Supervision"): an earlier
 * finding found in the same or the previous year, not after this one,
 * that shares a task and a unit with it, or shares either and has a
 * description SUP_SIMILAR alike. The most recent such finding is named.
 */
static enum fz_err
find_repeat(struct store *st, const struct finding *f, int64_t *repeat_of)
{
	struct finding_similar	*v;
	size_t			 n, i;
	char			 since[11];
	long			 year;
	enum fz_err		 rc;

	*repeat_of = 0;
	year = strtol(f->found_on, NULL, 10);
	if (year < 1001 || year > 9999)
		year = 1001;
	snprintf(since, sizeof(since), "%04d-01-01", (int)(year - 1) % 10000);
	if ((rc = store_finding_similar(st, f->id, since, f->found_on, &v,
	    &n)) != FZ_OK)
		return rc;
	for (i = 0; i < n; i++) {
		if (*repeat_of == 0 && ((v[i].same_task && v[i].same_unit) ||
		    ((v[i].same_task || v[i].same_unit) &&
		    sup_text_similarity(v[i].description, f->description) >=
		    SUP_SIMILAR)))
			*repeat_of = v[i].id;
		free(v[i].description);
	}
	free(v);
	return FZ_OK;
}

/* A finding's fields as registered or edited; *kind: the source's key. */
static enum fz_err
check_input(const struct finding_input *in, const char **kind,
    struct diags *dg)
{
	long			 a, b;
	size_t			 i, j;
	enum fz_err		 rc;

	if (in->source_kind == NULL || *in->source_kind == '\0')
		return work_fail(dg, FZ_EINVAL, "source_kind",
		    "请填写问题来源（省级督察、市级督察、县级督察或投诉举报）");
	if ((*kind = sup_source_key(in->source_kind)) == NULL)
		return work_fail(dg, FZ_EINVAL, "source_kind",
		    "问题来源应为省级督察、市级督察、县级督察或投诉举报，而不是“%s”",
		    in->source_kind);
	if (in->found_on == NULL || date_days(in->found_on, &a) != FZ_OK)
		return work_fail(dg, FZ_EINVAL, "found_on",
		    "发现日期应为有效的 YYYY-MM-DD 日期");
	if (in->deadline == NULL || date_days(in->deadline, &b) != FZ_OK)
		return work_fail(dg, FZ_EINVAL, "deadline",
		    "整改期限应为有效的 YYYY-MM-DD 日期");
	if (b < a)
		return work_fail(dg, FZ_EINVAL, "deadline",
		    "整改期限（%s）不能早于发现日期（%s）", in->deadline,
		    in->found_on);
	if ((rc = check_text(in->description, "description", "问题描述", 1,
	    dg)) != FZ_OK || (rc = check_text(in->requirement, "requirement",
	    "整改要求", 1, dg)) != FZ_OK || (rc = check_text(in->doc_no,
	    "doc_no", "来源文号", 0, dg)) != FZ_OK || (rc =
	    check_text(in->doc_title, "doc_title", "来源文件标题", 0, dg)) !=
	    FZ_OK)
		return rc;
	if (in->nunits == 0)
		return work_fail(dg, FZ_EINVAL, "units",
		    "请至少指定一个整改责任单位");
	for (i = 0; i < in->nunits; i++)
		for (j = 0; j < i; j++)
			if (in->units[i] == in->units[j])
				return work_fail(dg, FZ_EINVAL, "units",
				    "整改责任单位重复");
	return FZ_OK;
}

enum fz_err
core_finding_add(struct store *st, const struct actor *ac,
    const struct finding_input *in, int64_t *id, struct diags *dg)
{
	struct finding		 f;
	struct rectification	 r;
	const char		*kind;
	size_t			 i;
	enum fz_err		 rc;

	*id = 0;
	if (!can_manage(ac))
		return work_fail(dg, FZ_EPERM, "error",
		    "只有依法治县办（督察人员）可以登记督察发现问题");
	if ((rc = check_input(in, &kind, dg)) != FZ_OK)
		return rc;
	memset(&f, 0, sizeof(f));
	f.plan_id = in->plan_id;
	snprintf(f.source_kind, sizeof(f.source_kind), "%s", kind);
	f.doc_no = xstrdup(in->doc_no ? in->doc_no : "");
	f.doc_title = xstrdup(in->doc_title ? in->doc_title : "");
	snprintf(f.found_on, sizeof(f.found_on), "%s", in->found_on);
	f.description = xstrdup(in->description);
	f.requirement = xstrdup(in->requirement);
	snprintf(f.deadline, sizeof(f.deadline), "%s", in->deadline);
	snprintf(f.state, sizeof(f.state), "open");
	snprintf(f.created_by, sizeof(f.created_by), "%s",
	    work_actor_name(ac));
	if ((rc = store_begin(st)) != FZ_OK)
		return work_store_fail(st, dg, rc);
	rc = store_finding_add(st, &f);
	for (i = 0; rc == FZ_OK && i < in->ntasks; i++)
		rc = store_finding_task_add(st, f.id, in->tasks[i]);
	for (i = 0; rc == FZ_OK && i < in->nunits; i++) {
		memset(&r, 0, sizeof(r));
		r.finding_id = f.id;
		r.unit_id = in->units[i];
		snprintf(r.state, sizeof(r.state), "pending");
		rc = store_rect_add(st, &r);
	}
	if (rc == FZ_OK)
		rc = event_add(st, ac, f.id, 0, "create", "", "open", "");
	if (rc == FZ_OK)
		rc = find_repeat(st, &f, &f.repeat_of);
	if (rc == FZ_OK && f.repeat_of != 0) {
		char	 why[64];

		snprintf(why, sizeof(why), "与第 %lld 号问题重复",
		    (long long)f.repeat_of);
		rc = store_finding_set(st, f.id, "open", f.repeat_of);
		if (rc == FZ_OK)
			rc = event_add(st, ac, f.id, 0, "repeat", "", "open",
			    why);
	}
	if (rc == FZ_OK)
		rc = work_audit(st, ac, "finding.add", "finding", f.id, NULL,
		    json_pack("{s:s,s:s,s:s,s:s,s:s,s:I}", "source_kind", kind,
		    "doc_no", f.doc_no, "found_on", f.found_on, "deadline",
		    f.deadline, "description", f.description, "repeat_of",
		    (json_int_t)f.repeat_of));
	if ((rc = work_end(st, rc, dg)) == FZ_OK)
		*id = f.id;
	finding_release(&f);
	return rc;
}

static json_t *
ids_json(const int64_t *v, size_t n)
{
	json_t	*a = json_array();
	size_t	 i;

	for (i = 0; i < n; i++)
		json_array_append_new(a, json_integer(v[i]));
	return a;
}

static int
has_id(const int64_t *v, size_t n, int64_t id)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (v[i] == id)
			return 1;
	return 0;
}

/* Same members, in any order (neither holds duplicates). */
static int
same_ids(const int64_t *a, size_t na, const int64_t *b, size_t nb)
{
	size_t	 i;

	if (na != nb)
		return 0;
	for (i = 0; i < na; i++)
		if (!has_id(b, nb, a[i]))
			return 0;
	return 1;
}

/* One changed field: into the summary, and before/after for the audit. */
static void
changed(struct buf *why, json_t *before, json_t *after, const char *key,
    const char *label, json_t *old, json_t *new, int show)
{
	if (why->len > 0)
		buf_addstr(why, "；");
	buf_addstr(why, label);
	if (show)
		buf_addf(why, "由 %s 改为 %s", json_string_value(old),
		    json_string_value(new));
	json_object_set_new(before, key, old);
	json_object_set_new(after, key, new);
}

#define STR_CHANGED(cur, in)	((in) != NULL && !str_eq((cur) ? (cur) : \
				    "", (in)))

/*
 * Edit a registered finding (the 依法治县办): its source, description,
 * 整改要求, 整改期限, tasks and units, until it is closed (销号). A unit
 * may be removed only while its share is untouched (待整改, nothing
 * written, no file). The ladder reads the deadline on each run, so a
 * changed one counts from the new date; steps already taken stay.
 */
enum fz_err
core_finding_edit(struct store *st, const struct actor *ac, int64_t id,
    const struct finding_edit *ed, struct diags *dg)
{
	struct finding		 f;
	struct rectification	*rs = NULL, r;
	struct finding_task	*tv = NULL;
	struct finding_input	 m;
	struct buf		 why = BUF_INIT;
	int64_t			*cur_units = NULL, *cur_tasks = NULL, rep = 0;
	size_t			 nr = 0, nt = 0, i;
	const char		*kind;
	json_t			*before = NULL, *after = NULL;
	enum fz_err		 rc;

	memset(&f, 0, sizeof(f));
	if (!can_manage(ac))
		return work_fail(dg, FZ_EPERM, "error",
		    "只有依法治县办（督察人员）可以修改督察发现问题");
	if ((rc = store_finding_get(st, id, &f)) == FZ_ENOTFOUND)
		return work_fail(dg, rc, "id", "督察发现问题 %lld 不存在",
		    (long long)id);
	if (rc != FZ_OK)
		return work_store_fail(st, dg, rc);
	if (str_eq(f.state, "closed")) {
		rc = work_fail(dg, FZ_ECONFLICT, "state", "督察发现问题 %lld "
		    "已销号，不能再修改；如确需修改，请先重新打开",
		    (long long)id);
		goto out;
	}
	if ((rc = store_rect_list(st, id, &rs, &nr)) != FZ_OK ||
	    (rc = store_finding_tasks(st, id, &tv, &nt)) != FZ_OK) {
		rc = work_store_fail(st, dg, rc);
		goto out;
	}
	cur_units = xcalloc(nr ? nr : 1, sizeof(*cur_units));
	for (i = 0; i < nr; i++)
		cur_units[i] = rs[i].unit_id;
	cur_tasks = xcalloc(nt ? nt : 1, sizeof(*cur_tasks));
	for (i = 0; i < nt; i++)
		cur_tasks[i] = tv[i].task_id;

	/* The finding as it would be: given fields over the stored ones. */
	m = ed->f;
	m.plan_id = f.plan_id;
	m.found_on = f.found_on;
	if (m.source_kind == NULL)
		m.source_kind = f.source_kind;
	if (m.doc_no == NULL)
		m.doc_no = f.doc_no;
	if (m.doc_title == NULL)
		m.doc_title = f.doc_title;
	if (m.description == NULL)
		m.description = f.description;
	if (m.requirement == NULL)
		m.requirement = f.requirement;
	if (m.deadline == NULL)
		m.deadline = f.deadline;
	if (!ed->set_units) {
		m.units = cur_units;
		m.nunits = nr;
	}
	if (!ed->set_tasks) {
		m.tasks = cur_tasks;
		m.ntasks = nt;
	}
	if ((rc = check_input(&m, &kind, dg)) != FZ_OK)
		goto out;
	for (i = 0; i < nr; i++)
		if (!has_id(m.units, m.nunits, rs[i].unit_id) &&
		    (!str_eq(rs[i].state, "pending") || (rs[i].text != NULL &&
		    rs[i].text[0] != '\0') || rs[i].nevidence > 0)) {
			rc = work_fail(dg, FZ_ECONFLICT, "units", "%s已填报整改"
			    "情况或上传佐证材料，不能从整改责任单位中移除",
			    rs[i].unit_name);
			goto out;
		}

	before = json_object();
	after = json_object();
	if (!str_eq(kind, f.source_kind))
		changed(&why, before, after, "source_kind", "问题来源",
		    json_string(sup_source_name(f.source_kind)),
		    json_string(sup_source_name(kind)), 1);
	if (STR_CHANGED(f.doc_no, m.doc_no))
		changed(&why, before, after, "doc_no", "来源文号",
		    json_string(f.doc_no), json_string(m.doc_no), 0);
	if (STR_CHANGED(f.doc_title, m.doc_title))
		changed(&why, before, after, "doc_title", "来源文件",
		    json_string(f.doc_title), json_string(m.doc_title), 0);
	if (STR_CHANGED(f.description, m.description))
		changed(&why, before, after, "description", "问题描述",
		    json_string(f.description), json_string(m.description), 0);
	if (STR_CHANGED(f.requirement, m.requirement))
		changed(&why, before, after, "requirement", "整改要求",
		    json_string(f.requirement), json_string(m.requirement), 0);
	if (STR_CHANGED(f.deadline, m.deadline))
		changed(&why, before, after, "deadline", "整改期限",
		    json_string(f.deadline), json_string(m.deadline), 1);
	if (!same_ids(cur_tasks, nt, m.tasks, m.ntasks))
		changed(&why, before, after, "tasks", "关联任务",
		    ids_json(cur_tasks, nt), ids_json(m.tasks, m.ntasks), 0);
	if (!same_ids(cur_units, nr, m.units, m.nunits))
		changed(&why, before, after, "units", "整改责任单位",
		    ids_json(cur_units, nr), ids_json(m.units, m.nunits), 0);
	if (why.len == 0) {
		rc = work_fail(dg, FZ_EINVAL, "error", "没有需要修改的内容");
		goto out;
	}
	if (ed->reason != NULL && *ed->reason != '\0') {
		if ((rc = check_text(ed->reason, "reason", "修改说明", 0, dg)) !=
		    FZ_OK)
			goto out;
		buf_addf(&why, "（%s）", ed->reason);
		json_object_set_new(after, "reason", json_string(ed->reason));
	}

	/* m's texts may be f's own: copy them all before freeing any */
	{
		char	*no = xstrdup(m.doc_no ? m.doc_no : ""),
			*ti = xstrdup(m.doc_title ? m.doc_title : ""),
			*de = xstrdup(m.description),
			*re = xstrdup(m.requirement);
		char	 dl[11];

		snprintf(dl, sizeof(dl), "%s", m.deadline);
		snprintf(f.source_kind, sizeof(f.source_kind), "%s", kind);
		free(f.doc_no);
		free(f.doc_title);
		free(f.description);
		free(f.requirement);
		f.doc_no = no;
		f.doc_title = ti;
		f.description = de;
		f.requirement = re;
		snprintf(f.deadline, sizeof(f.deadline), "%s", dl);
		m.deadline = NULL;	/* f.deadline holds it */
	}
	if ((rc = store_begin(st)) != FZ_OK) {
		rc = work_store_fail(st, dg, rc);
		goto out;
	}
	rc = store_finding_update(st, &f);
	if (rc == FZ_OK && ed->set_tasks && json_object_get(after, "tasks")) {
		rc = store_finding_task_clear(st, id);
		for (i = 0; rc == FZ_OK && i < m.ntasks; i++)
			rc = store_finding_task_add(st, id, m.tasks[i]);
	}
	for (i = 0; rc == FZ_OK && i < nr; i++)
		if (!has_id(m.units, m.nunits, rs[i].unit_id))
			rc = store_rect_delete(st, rs[i].id);
	for (i = 0; rc == FZ_OK && i < m.nunits; i++)
		if (!has_id(cur_units, nr, m.units[i])) {
			memset(&r, 0, sizeof(r));
			r.finding_id = id;
			r.unit_id = m.units[i];
			snprintf(r.state, sizeof(r.state), "pending");
			rc = store_rect_add(st, &r);
		}
	/* The units' states decide the finding's; a repeat may change. */
	if (rc == FZ_OK)
		rc = find_repeat(st, &f, &rep);
	if (rc == FZ_OK) {
		struct rectification	*nv = NULL;
		size_t			 nn = 0;

		if ((rc = store_rect_list(st, id, &nv, &nn)) == FZ_OK &&
		    (rep != f.repeat_of || !str_eq(summary_state(nv, nn),
		    f.state)))
			rc = store_finding_set(st, id, summary_state(nv, nn),
			    rep);
		rects_free(nv, nn);
	}
	if (rc == FZ_OK)
		rc = event_add(st, ac, id, 0, "edit", f.state, f.state,
		    why.ptr);
	if (rc == FZ_OK) {
		rc = work_audit(st, ac, "finding.edit", "finding", id, before,
		    after);
		before = after = NULL;
	}
	if (rc != FZ_OK && dg->nerrors == 0)
		work_store_fail(st, dg, rc);
	rc = work_end(st, rc, dg);
out:
	json_decref(before);
	json_decref(after);
	buf_release(&why);
	free(cur_units);
	free(cur_tasks);
	free(tv);
	rects_free(rs, nr);
	finding_release(&f);
	return rc;
}

/* The finding, and the rectification of the unit (0: its only one) the
 * actor may see; FZ_EPERM when not. */
static enum fz_err
load(struct store *st, const struct actor *ac, int64_t id, int64_t unit_id,
    struct finding *f, struct rectification **rs, size_t *nr, size_t *which,
    struct diags *dg)
{
	size_t		 i;
	enum fz_err	 rc;

	*rs = NULL;
	*nr = 0;
	if ((rc = store_finding_get(st, id, f)) == FZ_ENOTFOUND)
		return work_fail(dg, rc, "id", "督察发现问题 %lld 不存在",
		    (long long)id);
	if (rc != FZ_OK)
		return work_store_fail(st, dg, rc);
	if ((rc = store_rect_list(st, id, rs, nr)) != FZ_OK) {
		finding_release(f);
		return work_store_fail(st, dg, rc);
	}
	if (unit_id == 0 && *nr == 1)
		unit_id = (*rs)[0].unit_id;
	/* A unit's staff mean their own unit's share. */
	for (i = 0; unit_id == 0 && ac->account_id != 0 && i < *nr; i++)
		if (core_actor_in_unit(ac, (*rs)[i].unit_id, 0)) {
			size_t	 j, mine = 0;

			for (j = 0; j < *nr; j++)
				mine += core_actor_in_unit(ac, (*rs)[j].unit_id, 0);
			if (mine == 1)
				unit_id = (*rs)[i].unit_id;
			break;
		}
	for (i = 0; i < *nr; i++)
		if ((*rs)[i].unit_id == unit_id)
			break;
	if (unit_id == 0)
		rc = work_fail(dg, FZ_EINVAL, "unit", "该问题有多个整改责任单位，"
		    "请指定单位");
	else if (i == *nr)
		rc = work_fail(dg, FZ_EINVAL, "unit", "该单位不是本问题的"
		    "整改责任单位");
	else if (!core_actor_reads_all(ac) &&
	    !core_actor_in_unit(ac, unit_id, 0))
		rc = work_fail(dg, FZ_EPERM, "id", "只能查看和处理本单位的"
		    "督察发现问题");
	*which = i;
	if (rc != FZ_OK) {
		finding_release(f);
		rects_free(*rs, *nr);
		*rs = NULL;
		*nr = 0;
	}
	return rc;
}

/* Store a changed rectification, the finding's state, an event and an
 * audit entry, in one transaction. */
static enum fz_err
change(struct store *st, const struct actor *ac, struct finding *f,
    struct rectification *rs, size_t nr, size_t w, const char *action,
    const char *before, const char *reason, struct diags *dg)
{
	const char	*fs;
	char		 act[32];
	enum fz_err	 rc;

	snprintf(act, sizeof(act), "finding.%s", action);
	if ((rc = store_begin(st)) != FZ_OK)
		return work_store_fail(st, dg, rc);
	rc = store_rect_update(st, &rs[w]);
	fs = summary_state(rs, nr);
	if (rc == FZ_OK && !str_eq(fs, f->state))
		rc = store_finding_set(st, f->id, fs, f->repeat_of);
	if (rc == FZ_OK)
		rc = event_add(st, ac, f->id, rs[w].unit_id, action, before,
		    rs[w].state, reason);
	if (rc == FZ_OK)
		rc = work_audit(st, ac, act, "finding", f->id,
		    json_pack("{s:I,s:s}", "unit_id", (json_int_t)rs[w].unit_id,
		    "state", before), json_pack("{s:s,s:s,s:s}", "action",
		    action, "state", rs[w].state, "reason", reason ? reason :
		    ""));
	return work_end(st, rc, dg);
}

enum fz_err
core_finding_rectify(struct store *st, const struct actor *ac, int64_t id,
    int64_t unit_id, const char *text, int submit, struct diags *dg)
{
	struct finding		 f;
	struct rectification	*rs, *r;
	size_t			 nr, w;
	char			 before[16];
	enum fz_err		 rc;

	if ((rc = check_text(text, "text", "整改情况", 0, dg)) != FZ_OK)
		return rc;
	if ((rc = load(st, ac, id, unit_id, &f, &rs, &nr, &w, dg)) != FZ_OK)
		return rc;
	r = &rs[w];
	snprintf(before, sizeof(before), "%s", r->state);
	if (ac->account_id != 0 && !core_actor_in_unit(ac, r->unit_id,
	    ROLES_UNIT))
		rc = work_fail(dg, FZ_EPERM, "error",
		    "只有整改责任单位的联络员或负责人可以填报整改情况");
	else if (!str_eq(r->state, "pending") &&
	    !str_eq(r->state, "rectifying"))
		rc = work_fail(dg, FZ_EINVAL, "state", "整改%s，不能再修改整改"
		    "情况", sup_state_name(r->state));
	if (rc != FZ_OK)
		goto out;
	if (text != NULL) {
		free(r->text);
		r->text = xstrdup(text);
	}
	if (submit && (r->text == NULL || *r->text == '\0')) {
		rc = work_fail(dg, FZ_EINVAL, "text", "请填写整改情况后再提交");
		goto out;
	}
	snprintf(r->state, sizeof(r->state), submit ? "submitted" :
	    "rectifying");
	if (submit) {
		snprintf(r->submitted_by, sizeof(r->submitted_by), "%s",
		    work_actor_name(ac));
		date_now(r->submitted_at);
	}
	rc = change(st, ac, &f, rs, nr, w, submit ? "submit" : "rectify",
	    before, "", dg);
out:
	finding_release(&f);
	rects_free(rs, nr);
	return rc;
}

enum fz_err
core_finding_evidence_add(struct store *st, const struct actor *ac,
    int64_t id, int64_t unit_id, const char *name, const void *data,
    size_t len, struct evidence *e, struct diags *dg)
{
	struct finding		 f;
	struct rectification	*rs, *r;
	struct evidence		*have = NULL;
	size_t			 nr, w, nhave = 0, i;
	const char		*mime = NULL;
	long			 maxn = core_setting_int(st, "upload.max_files");
	enum fz_err		 rc;

	memset(e, 0, sizeof(*e));
	if ((rc = core_file_accept(st, name, data, len, e->name,
	    sizeof(e->name), &mime, dg)) != FZ_OK)
		return rc;
	if ((rc = load(st, ac, id, unit_id, &f, &rs, &nr, &w, dg)) != FZ_OK)
		return rc;
	r = &rs[w];
	if (ac->account_id != 0 && !core_actor_in_unit(ac, r->unit_id,
	    ROLES_UNIT))
		rc = work_fail(dg, FZ_EPERM, "error",
		    "只有整改责任单位的联络员或负责人可以上传佐证材料");
	else if (!str_eq(r->state, "pending") &&
	    !str_eq(r->state, "rectifying"))
		rc = work_fail(dg, FZ_EINVAL, "state", "整改%s，不能再上传佐证"
		    "材料", sup_state_name(r->state));
	if (rc != FZ_OK)
		goto out;
	sha256_hex(data, len, e->sha256);
	if ((rc = store_finding_evidence_list(st, r->id, &have, &nhave)) !=
	    FZ_OK) {
		rc = work_store_fail(st, dg, rc);
		goto out;
	}
	for (i = 0; i < nhave && rc == FZ_OK; i++)
		if (str_eq(have[i].sha256, e->sha256))
			rc = work_fail(dg, FZ_ECONFLICT, "file", "已有相同内容的"
			    "文件“%s”", have[i].name);
	if (rc == FZ_OK && (long)nhave >= maxn)
		rc = work_fail(dg, FZ_EINVAL, "file",
		    "每项整改最多上传 %ld 个文件", maxn);
	if (rc != FZ_OK)
		goto out;
	e->report_id = r->id;
	e->size = (int64_t)len;
	snprintf(e->mime, sizeof(e->mime), "%s", mime);
	snprintf(e->uploaded_by, sizeof(e->uploaded_by), "%s",
	    work_actor_name(ac));
	if ((rc = store_begin(st)) != FZ_OK) {
		rc = work_store_fail(st, dg, rc);
		goto out;
	}
	rc = work_blob_put(st, e->sha256, data, len);
	if (rc == FZ_OK)
		rc = store_finding_evidence_add(st, e);
	if (rc == FZ_OK)
		rc = event_add(st, ac, f.id, r->unit_id, "evidence", r->state,
		    r->state, e->name);
	if (rc == FZ_OK)
		rc = work_audit(st, ac, "finding.evidence", "finding", f.id,
		    NULL, json_pack("{s:I,s:I,s:s,s:s,s:I}", "unit_id",
		    (json_int_t)r->unit_id, "evidence", (json_int_t)e->id,
		    "name", e->name, "sha256", e->sha256, "size",
		    (json_int_t)e->size));
	rc = work_end(st, rc, dg);
out:
	free(have);
	finding_release(&f);
	rects_free(rs, nr);
	return rc;
}

enum fz_err
core_finding_evidence_fetch(struct store *st, const struct actor *ac,
    int64_t eid, struct evidence *e, struct buf *out, struct diags *dg)
{
	struct rectification	*rs = NULL;
	size_t			 nr = 0, i;
	struct finding		 f;
	enum fz_err		 rc;
	int64_t			 fid = 0, unit = 0;

	if ((rc = store_finding_evidence_get(st, eid, e)) == FZ_ENOTFOUND)
		return work_fail(dg, rc, "id", "文件 %lld 不存在",
		    (long long)eid);
	if (rc != FZ_OK)
		return work_store_fail(st, dg, rc);
	if ((rc = store_rect_owner(st, e->report_id, &fid, &unit)) != FZ_OK)
		return work_store_fail(st, dg, rc);
	if (fid == 0)
		return work_fail(dg, FZ_ENOTFOUND, "id", "文件 %lld 不存在",
		    (long long)eid);
	if ((rc = load(st, ac, fid, unit, &f, &rs, &nr, &i, dg)) != FZ_OK)
		return rc;
	finding_release(&f);
	rects_free(rs, nr);
	return work_blob_get(st, e->sha256, e->size, eid, out, dg);
}

/* A checker or closer: a supervisor (or fazhi itself) outside the unit. */
static enum fz_err
outside(const struct actor *ac, const struct rectification *r,
    const char *what, struct diags *dg)
{
	if (!can_manage(ac))
		return work_fail(dg, FZ_EPERM, "error",
		    "只有依法治县办（督察人员）可以%s", what);
	if (core_actor_in_unit(ac, r->unit_id, 0))
		return work_fail(dg, FZ_EPERM, "error",
		    "%s须由整改责任单位以外的人员进行，您属于%s", what,
		    r->unit_name);
	return FZ_OK;
}

enum fz_err
core_finding_check(struct store *st, const struct actor *ac, int64_t id,
    int64_t unit_id, int pass, const char *comment, struct diags *dg)
{
	struct finding		 f;
	struct rectification	*rs, *r;
	size_t			 nr, w;
	char			 before[16];
	enum fz_err		 rc;

	if ((rc = check_text(comment, "comment", "核查意见", !pass, dg)) !=
	    FZ_OK)
		return rc;
	if ((rc = load(st, ac, id, unit_id, &f, &rs, &nr, &w, dg)) != FZ_OK)
		return rc;
	r = &rs[w];
	snprintf(before, sizeof(before), "%s", r->state);
	if ((rc = outside(ac, r, "核查", dg)) != FZ_OK)
		goto out;
	if (!str_eq(r->state, "submitted")) {
		rc = work_fail(dg, FZ_EINVAL, "state", "整改%s，只有已提交的"
		    "整改情况可以核查", sup_state_name(r->state));
		goto out;
	}
	if (str_eq(r->submitted_by, work_actor_name(ac))) {
		rc = work_fail(dg, FZ_EPERM, "error", "核查须由提交整改情况"
		    "以外的人员进行");
		goto out;
	}
	snprintf(r->state, sizeof(r->state), pass ? "verified" :
	    "rectifying");
	snprintf(r->checked_by, sizeof(r->checked_by), "%s",
	    work_actor_name(ac));
	date_now(r->checked_at);
	free(r->check_comment);
	r->check_comment = xstrdup(comment ? comment : "");
	rc = change(st, ac, &f, rs, nr, w, pass ? "check_pass" : "check_fail",
	    before, comment, dg);
out:
	finding_release(&f);
	rects_free(rs, nr);
	return rc;
}

enum fz_err
core_finding_close(struct store *st, const struct actor *ac, int64_t id,
    int64_t unit_id, struct diags *dg)
{
	struct finding		 f;
	struct rectification	*rs, *r;
	struct account		 checker;
	size_t			 nr, w, i;
	char			 before[16];
	enum fz_err		 rc;

	if ((rc = load(st, ac, id, unit_id, &f, &rs, &nr, &w, dg)) != FZ_OK)
		return rc;
	r = &rs[w];
	snprintf(before, sizeof(before), "%s", r->state);
	if ((rc = outside(ac, r, "销号", dg)) != FZ_OK)
		goto out;
	if (!str_eq(r->state, "verified")) {
		rc = work_fail(dg, FZ_EINVAL, "state", "整改%s，须核查通过后"
		    "才能销号", sup_state_name(r->state));
		goto out;
	}
	if (r->nevidence == 0) {
		rc = work_fail(dg, FZ_EINVAL, "evidence", "没有佐证材料，不能"
		    "销号");
		goto out;
	}
	/* The checker, as the account is now, must be outside the unit. */
	memset(&checker, 0, sizeof(checker));
	if (store_account_get(st, r->checked_by, &checker) == FZ_OK) {
		for (i = 0; i < checker.nroles; i++)
			if (checker.roles[i].unit_id == r->unit_id)
				rc = work_fail(dg, FZ_EPERM, "checked_by",
				    "核查人 %s 属于整改责任单位%s，不能销号",
				    r->checked_by, r->unit_name);
		account_release(&checker);
		if (rc != FZ_OK)
			goto out;
	}
	snprintf(r->state, sizeof(r->state), "closed");
	snprintf(r->closed_by, sizeof(r->closed_by), "%s",
	    work_actor_name(ac));
	date_now(r->closed_at);
	rc = change(st, ac, &f, rs, nr, w, "close", before, "", dg);
out:
	finding_release(&f);
	rects_free(rs, nr);
	return rc;
}

enum fz_err
core_finding_reopen(struct store *st, const struct actor *ac, int64_t id,
    int64_t unit_id, const char *reason, struct diags *dg)
{
	struct finding		 f;
	struct rectification	*rs, *r;
	size_t			 nr, w;
	char			 before[16];
	enum fz_err		 rc;

	if ((rc = check_text(reason, "reason", "重新打开的理由", 1, dg)) !=
	    FZ_OK)
		return rc;
	if ((rc = load(st, ac, id, unit_id, &f, &rs, &nr, &w, dg)) != FZ_OK)
		return rc;
	r = &rs[w];
	snprintf(before, sizeof(before), "%s", r->state);
	if ((rc = outside(ac, r, "重新打开", dg)) != FZ_OK)
		goto out;
	if (!str_eq(r->state, "closed") && !str_eq(r->state, "verified")) {
		rc = work_fail(dg, FZ_EINVAL, "state", "整改%s，只有已销号或"
		    "核查通过的问题可以重新打开", sup_state_name(r->state));
		goto out;
	}
	snprintf(r->state, sizeof(r->state), "rectifying");
	r->closed_by[0] = r->closed_at[0] = '\0';
	r->checked_by[0] = r->checked_at[0] = '\0';
	r->submitted_by[0] = r->submitted_at[0] = '\0';
	r->reopened++;
	rc = change(st, ac, &f, rs, nr, w, "reopen", before, reason, dg);
out:
	finding_release(&f);
	rects_free(rs, nr);
	return rc;
}

static json_t *
finding_brief(const struct finding *f)
{
	return json_pack("{s:I,s:I,s:s,s:s,s:s,s:s,s:s,s:s,s:s,s:s,s:s,s:s,"
	    "s:o,s:s,s:s}", "id", (json_int_t)f->id, "plan_id",
	    (json_int_t)f->plan_id, "source_kind", f->source_kind,
	    "source_name", sup_source_name(f->source_kind), "doc_no",
	    f->doc_no, "doc_title", f->doc_title, "found_on", f->found_on,
	    "description", f->description, "requirement", f->requirement,
	    "deadline", f->deadline, "state", f->state, "state_name",
	    sup_state_name(f->state), "repeat_of", f->repeat_of ?
	    json_integer(f->repeat_of) : json_null(), "created_by",
	    f->created_by, "created_at", f->created_at);
}

static json_t *
rect_json(struct store *st, const struct actor *ac,
    const struct rectification *r)
{
	struct evidence	*e;
	size_t		 n, i;
	json_t		*o, *a = json_array(), *can;
	int		 mine = ac->account_id == 0 ||
			    core_actor_in_unit(ac, r->unit_id, ROLES_UNIT);
	int		 out = can_manage(ac) &&
			    !core_actor_in_unit(ac, r->unit_id, 0);

	if (store_finding_evidence_list(st, r->id, &e, &n) == FZ_OK) {
		for (i = 0; i < n; i++)
			json_array_append_new(a, json_pack("{s:I,s:s,s:s,s:I,"
			    "s:s,s:s,s:s}", "id", (json_int_t)e[i].id, "name",
			    e[i].name, "mime", e[i].mime, "size",
			    (json_int_t)e[i].size, "sha256", e[i].sha256,
			    "uploaded_by", e[i].uploaded_by, "uploaded_at",
			    e[i].uploaded_at));
		free(e);
	}
	can = json_pack("{s:b,s:b,s:b,s:b}", "rectify", mine &&
	    (str_eq(r->state, "pending") || str_eq(r->state, "rectifying")),
	    "check", out && str_eq(r->state, "submitted"), "close", out &&
	    str_eq(r->state, "verified") && r->nevidence > 0, "reopen", out &&
	    (str_eq(r->state, "closed") || str_eq(r->state, "verified")));
	o = json_pack("{s:I,s:I,s:s,s:s,s:s,s:s,s:s,s:s,s:s,s:s,s:s,s:s,"
	    "s:s,s:i,s:o,s:o}", "id", (json_int_t)r->id, "unit_id",
	    (json_int_t)r->unit_id, "unit_name", r->unit_name, "state",
	    r->state, "state_name", sup_state_name(r->state), "text",
	    r->text ? r->text : "", "submitted_by", r->submitted_by,
	    "submitted_at", r->submitted_at, "checked_by", r->checked_by,
	    "checked_at", r->checked_at, "check_comment", r->check_comment ?
	    r->check_comment : "", "closed_by", r->closed_by, "closed_at",
	    r->closed_at, "reopened", r->reopened, "evidence", a, "can", can);
	return o;
}

enum fz_err
core_finding_json(struct store *st, const struct actor *ac, int64_t id,
    json_t **out, struct diags *dg)
{
	struct finding		 f;
	struct rectification	*rs = NULL;
	struct finding_event	*ev = NULL;
	struct finding_task	*t = NULL;
	size_t			 nr = 0, ne = 0, nt = 0, i;
	json_t			*o, *a;
	int			 seen = 0;
	enum fz_err		 rc;

	*out = NULL;
	if ((rc = store_finding_get(st, id, &f)) == FZ_ENOTFOUND)
		return work_fail(dg, rc, "id", "督察发现问题 %lld 不存在",
		    (long long)id);
	if (rc != FZ_OK)
		return work_store_fail(st, dg, rc);
	if ((rc = store_rect_list(st, id, &rs, &nr)) != FZ_OK ||
	    (rc = store_finding_events(st, id, &ev, &ne)) != FZ_OK ||
	    (rc = store_finding_tasks(st, id, &t, &nt)) != FZ_OK) {
		rc = work_store_fail(st, dg, rc);
		goto out;
	}
	o = finding_brief(&f);
	a = json_array();
	for (i = 0; i < nr; i++)
		if (core_actor_reads_all(ac) ||
		    core_actor_in_unit(ac, rs[i].unit_id, 0)) {
			json_array_append_new(a, rect_json(st, ac, &rs[i]));
			seen = 1;
		}
	if (!seen) {
		json_decref(o);
		json_decref(a);
		rc = work_fail(dg, FZ_EPERM, "id", "只能查看本单位的督察发现"
		    "问题");
		goto out;
	}
	json_object_set_new(o, "units", a);
	a = json_array();
	for (i = 0; i < nt; i++)
		json_array_append_new(a, json_pack("{s:I,s:i}", "task_id",
		    (json_int_t)t[i].task_id, "number", t[i].number));
	json_object_set_new(o, "tasks", a);
	a = json_array();
	for (i = 0; i < ne; i++)
		if (ev[i].unit_id == 0 || core_actor_reads_all(ac) ||
		    core_actor_in_unit(ac, ev[i].unit_id, 0))
			json_array_append_new(a, json_pack("{s:I,s:o,s:s,s:s,"
			    "s:s,s:s,s:s,s:s,s:s,s:s}", "id",
			    (json_int_t)ev[i].id, "unit_id", ev[i].unit_id ?
			    json_integer(ev[i].unit_id) : json_null(),
			    "unit_name", ev[i].unit_name, "at", ev[i].at,
			    "actor", ev[i].actor, "action", ev[i].action,
			    "action_name", sup_action_name(ev[i].action),
			    "before", ev[i].before, "after", ev[i].after,
			    "reason", ev[i].reason ? ev[i].reason : ""));
	json_object_set_new(o, "history", a);
	*out = o;
out:
	for (i = 0; i < ne; i++)
		finding_event_release(&ev[i]);
	free(ev);
	free(t);
	rects_free(rs, nr);
	finding_release(&f);
	return rc;
}

enum fz_err
core_finding_list(struct store *st, const struct actor *ac,
    struct finding_filter *fl, json_t **out, struct diags *dg)
{
	struct finding		*v;
	struct rectification	*rs;
	size_t			 n, nr, i, j;
	json_t			*a, *o, *u;
	enum fz_err		 rc;

	*out = NULL;
	fl->visible_to = core_actor_reads_all(ac) ? 0 : ac->account_id;
	if (fl->state != NULL && *fl->state != '\0' &&
	    sup_state_name(fl->state)[0] == '\0')
		return work_fail(dg, FZ_EINVAL, "state", "没有名为“%s”的状态",
		    fl->state);
	if ((rc = store_finding_list(st, fl, &v, &n)) != FZ_OK)
		return work_store_fail(st, dg, rc);
	a = json_array();
	for (i = 0; i < n; i++) {
		o = finding_brief(&v[i]);
		u = json_array();
		if (store_rect_list(st, v[i].id, &rs, &nr) == FZ_OK) {
			for (j = 0; j < nr; j++)
				if (core_actor_reads_all(ac) ||
				    core_actor_in_unit(ac, rs[j].unit_id, 0))
					json_array_append_new(u, json_pack(
					    "{s:I,s:s,s:s,s:s}", "unit_id",
					    (json_int_t)rs[j].unit_id,
					    "unit_name", rs[j].unit_name,
					    "state", rs[j].state, "state_name",
					    sup_state_name(rs[j].state)));
			rects_free(rs, nr);
		}
		json_object_set_new(o, "units", u);
		json_array_append_new(a, o);
		finding_release(&v[i]);
	}
	free(v);
	*out = a;
	return FZ_OK;
}
