/*
 * cmd_indicators.c: fazhi indicators list|show|compute|define|link|plan:
 * indicator definitions and their values computed from the registries,
 * the records behind a value (the documents filed late behind 及时率),
 * a new version of a definition, and the plan's indicators with target,
 * value and red or green.
 * SPDX-License-Identifier: MIT
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli/cli.h"
#include "fazhi/core.h"
#include "fazhi/indicator.h"
#include "fazhi/util.h"
#include "fazhi/banned.h"

static const char usage[] =
    "用法：fazhi indicators list [--division 区划代码] [--json]\n"
    "      fazhi indicators show 指标 [--unit 单位] [--json]\n"
    "      fazhi indicators compute [--as-of 日期] [--year 年份]\n"
    "                               [--division 区划代码] [--json]\n"
    "      fazhi indicators define 指标 --file 定义.json|-\n"
    "      fazhi indicators link 任务序号 指标名称 定义|--manual [--plan 计划]\n"
    "      fazhi indicators plan [--plan 计划] [--json]\n"
    "      （每个命令都可加 --db 数据库）\n"
    "\n"
    "list     全部指标定义（最新版本）及最近一次计算的全县值；--division\n"
    "         给出按该区划最近一次计算（compute --division）的合计及各单位值。\n"
    "show     一个指标：定义、依据、各版本、全县和各单位的值，以及未计入\n"
    "         分子的记录（如逾期报备的文件）；--unit 看一个单位的记录。\n"
    "compute  按统计日（默认今天）重新计算全部指标：统计年度（默认为最新\n"
    "         计划的年度，统计日早于该年时为统计日所在年）内、截至统计日的\n"
    "         记录，全县和各单位分别计算，保存每个值所依据的记录。\n"
    "         --division 只算区划代码以它开头的单位（全省数据中的一个县：\n"
    "         县直单位及其镇街），其合计单独保存，不替换全县的值。\n"
    "define   修改指标定义（JSON，可只写要改的键），生成新版本；已算出的值\n"
    "         仍属于旧版本。\n"
    "link     把计划中某项任务的指标关联到一个定义，或 --manual 标为人工填报。\n"
    "plan     计划的指标：目标、最新值、达标（绿）或未达标（红）。\n";

struct args {
	const char	*db;
	const char	*unit;
	const char	*as_of;
	const char	*file;
	const char	*plan;
	const char	*division;
	int		 year;
	int		 json;
	int		 manual;
	int		 first;
};

static int
parse(int argc, char **argv, struct args *a, int *done)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "unit", required_argument, NULL, 'u' },
		{ "as-of", required_argument, NULL, 'a' },
		{ "year", required_argument, NULL, 'y' },
		{ "file", required_argument, NULL, 'f' },
		{ "plan", required_argument, NULL, 'p' },
		{ "division", required_argument, NULL, 'D' },
		{ "manual", no_argument, NULL, 'm' },
		{ "json", no_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	long long	 n;
	int		 c;

	memset(a, 0, sizeof(*a));
	*done = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, "d:u:a:y:f:p:D:mjh", opts, NULL)) !=
	    -1) {
		switch (c) {
		case 'd':
			a->db = optarg;
			break;
		case 'u':
			a->unit = optarg;
			break;
		case 'a':
			a->as_of = optarg;
			break;
		case 'y':
			if (str_toint(optarg, 1949, 2099, &n) != FZ_OK) {
				*done = 1;
				return cli_usage(usage, EXIT_USAGE);
			}
			a->year = (int)n;
			break;
		case 'f':
			a->file = optarg;
			break;
		case 'p':
			a->plan = optarg;
			break;
		case 'D':
			a->division = optarg;
			break;
		case 'm':
			a->manual = 1;
			break;
		case 'j':
			a->json = 1;
			break;
		case 'h':
			*done = 1;
			return cli_usage(usage, EXIT_OK);
		default:
			*done = 1;
			return cli_usage(usage, EXIT_USAGE);
		}
	}
	a->db = cli_db(a->db);
	a->first = optind;
	return EXIT_OK;
}

static void
actor_init(struct actor *ac)
{
	core_actor_system(ac);
	ac->login = cli_actor();
}

/* "70.0%（7/10）未达标" */
static void
value_text(json_t *v, struct buf *b)
{
	json_t	*den = json_object_get(v, "denominator"),
		*met = json_object_get(v, "met");

	if (json_is_null(json_object_get(v, "value")))
		buf_addstr(b, "无数据");
	else
		buf_addstr(b, json_string_value(json_object_get(v,
		    "value_text")));
	if (json_is_integer(den))
		buf_addf(b, "（%lld/%lld）", (long long)json_integer_value(
		    json_object_get(v, "numerator")),
		    (long long)json_integer_value(den));
	if (json_is_boolean(met))
		buf_addstr(b, json_is_true(met) ? " 达标" : " 未达标");
}

static const char *
cmp_text(json_t *c)
{
	const char	*s = json_string_value(c);

	return s == NULL ? "" : str_eq(s, ">=") ? "≥ " : str_eq(s, "<=") ?
	    "≤ " : "= ";
}

/* "≥ 100%" of a definition, or 无 when it has no target. */
static const char *
target_text(json_t *d, char *out, size_t n)
{
	if (!json_is_number(json_object_get(d, "target")))
		snprintf(out, n, "无");
	else
		snprintf(out, n, "%s%g%s", cmp_text(json_object_get(d,
		    "comparator")), json_number_value(json_object_get(d,
		    "target")), json_string_value(json_object_get(d, "unit")));
	return out;
}

/* One division's dashboard: each indicator's total and its units'. */
static int
ind_list_division(struct store *st, const struct args *a)
{
	struct actor	 ac;
	struct diags	 dg = { 0 };
	struct buf	 b = BUF_INIT;
	json_t		*o = NULL, *d, *v;
	size_t		 i, j;

	actor_init(&ac);
	if (core_ind_scope_json(st, &ac, a->division, &o, &dg) != FZ_OK) {
		cli_print_diags(&dg, "fazhi");
		diags_release(&dg);
		return EXIT_ERR;
	}
	if (a->json) {
		cli_print_json(o);
		return EXIT_OK;
	}
	json_array_foreach(json_object_get(o, "indicators"), i, d) {
		json_t *vals = json_object_get(d, "values");

		printf("%s %s：%s\n", json_string_value(json_object_get(d,
		    "key")), json_string_value(json_object_get(d, "name")),
		    json_array_size(vals) == 0 ? "该区划尚未计算" : "");
		json_array_foreach(vals, j, v) {
			json_t *u = json_object_get(v, "unit");

			buf_reset(&b);
			value_text(v, &b);
			printf("  %s  %s\n", json_is_object(u) ?
			    json_string_value(json_object_get(u, "name")) :
			    a->division, b.ptr);
		}
	}
	buf_release(&b);
	json_decref(o);
	return EXIT_OK;
}

static int
ind_list(int argc, char **argv)
{
	struct args	 a;
	struct actor	 ac;
	struct store	*st;
	json_t		*o = NULL, *d;
	struct buf	 b = BUF_INIT;
	size_t		 i;
	char		 tgt[64];
	int		 done, rc;

	rc = parse(argc, argv, &a, &done);
	if (done)
		return rc;
	if (argc != a.first)
		return cli_usage(usage, EXIT_USAGE);
	if ((st = cli_open(a.db)) == NULL)
		return EXIT_ERR;
	if (a.division != NULL) {
		rc = ind_list_division(st, &a);
		store_close(st);
		return rc;
	}
	actor_init(&ac);
	if (core_ind_list_json(st, &ac, &o) != FZ_OK) {
		fprintf(stderr, "fazhi: %s\n", store_errmsg(st));
		store_close(st);
		return EXIT_ERR;
	}
	if (a.json) {
		cli_print_json(o);
		store_close(st);
		return EXIT_OK;
	}
	json_array_foreach(json_object_get(o, "indicators"), i, d) {
		json_t *c = json_object_get(d, "county");

		buf_reset(&b);
		if (json_is_object(c)) {
			value_text(c, &b);
			buf_addf(&b, "，统计日 %s", json_string_value(
			    json_object_get(c, "as_of")));
		} else
			buf_addstr(&b, "尚未计算");
		printf("%-24s 第%lld版  %s  目标 %s  全县 %s\n",
		    json_string_value(json_object_get(d, "key")),
		    (long long)json_integer_value(json_object_get(d,
		    "version")), json_string_value(json_object_get(d, "name")),
		    target_text(d, tgt, sizeof(tgt)), b.ptr);
	}
	buf_release(&b);
	json_decref(o);
	store_close(st);
	return EXIT_OK;
}

/* The records of one value, by role, as lines: each record's key and
 * title, then its registry's dates that are set, with their labels. */
static void
print_records(const struct reg_desc *d, json_t *drill, const char *role,
    const char *title)
{
	json_t		*a = json_object_get(drill, role), *r;
	size_t		 i;
	int		 k;

	if (json_array_size(a) == 0 || d == NULL)
		return;
	printf("%s（%zu）：\n", title, json_array_size(a));
	json_array_foreach(a, i, r) {
		json_t *u = json_object_get(r, "unit");

		printf("  %lld  %s", (long long)json_integer_value(
		    json_object_get(r, "id")), json_is_object(u) ?
		    json_string_value(json_object_get(u, "name")) : "");
		for (k = 0; d != NULL && k < d->nfields; k++) {
			json_t *v = json_object_get(r, d->fields[k].key);

			if (k == d->key_field || k == d->title)
				printf("  %s", json_is_string(v) ?
				    json_string_value(v) : "—");
			else if (d->fields[k].type == REG_DATE &&
			    json_is_string(v))
				printf("  %s %s", d->fields[k].label,
				    json_string_value(v));
		}
		printf("\n");
	}
}

static int
ind_show(int argc, char **argv)
{
	struct args	 a;
	struct actor	 ac;
	struct diags	 dg = { 0 };
	struct store	*st;
	struct unit_dir	 dir = { 0 };
	struct buf	 b = BUF_INIT;
	json_t		*o = NULL, *v, *drill = NULL;
	int64_t		 pick = 0, unit = 0;
	size_t		 i;
	char		 tgt[64];
	int		 done, rc;

	rc = parse(argc, argv, &a, &done);
	if (done)
		return rc;
	if (argc - a.first != 1)
		return cli_usage(usage, EXIT_USAGE);
	if ((st = cli_open(a.db)) == NULL)
		return EXIT_ERR;
	actor_init(&ac);
	rc = EXIT_ERR;
	if (a.unit != NULL) {
		const struct unit *u;

		if (core_units_load(st, &dir) != FZ_OK ||
		    (u = reg_unit_lookup(&dir, a.unit)) == NULL) {
			fprintf(stderr, "fazhi: 单位名录中没有“%s”\n", a.unit);
			goto out;
		}
		unit = u->id;
	}
	if (core_ind_show_json(st, &ac, argv[a.first], &o, &dg) != FZ_OK) {
		cli_print_diags(&dg, "fazhi");
		goto out;
	}
	/* The value drilled into: the county's, or --unit's. */
	json_array_foreach(json_object_get(o, "values"), i, v) {
		json_t *u = json_object_get(v, "unit");

		if ((unit == 0 && json_is_null(u)) || (unit != 0 &&
		    json_is_object(u) && json_integer_value(json_object_get(u,
		    "id")) == unit))
			pick = json_integer_value(json_object_get(v, "id"));
	}
	if (pick != 0 && core_ind_value_json(st, &ac, pick, &drill, &dg) !=
	    FZ_OK) {
		cli_print_diags(&dg, "fazhi");
		goto out;
	}
	rc = EXIT_OK;
	if (a.json) {
		json_object_set_new(o, "drill", drill ? drill : json_null());
		drill = NULL;
		cli_print_json(o);
		o = NULL;
		goto out;
	}
	printf("%s（%s，第 %lld 版）\n", json_string_value(json_object_get(o,
	    "name")), json_string_value(json_object_get(o, "key")),
	    (long long)json_integer_value(json_object_get(o, "version")));
	printf("  目标：%s；范围：%s；台账：%s；类型：%s\n",
	    target_text(o, tgt, sizeof(tgt)),
	    str_eq(json_string_value(json_object_get(o, "scope")), "unit") ?
	    "全县及各单位" : "全县", json_string_value(json_object_get(o,
	    "registry")), str_eq(json_string_value(json_object_get(o,
	    "kind")), "rate") ? "比率" : "计数");
	printf("  依据（%s）：%s\n", str_eq(json_string_value(json_object_get(o,
	    "basis")), "law") ? "法规" : str_eq(json_string_value(
	    json_object_get(o, "basis")), "practice") ? "实践做法" :
	    "本系统定义", json_string_value(json_object_get(o, "source")));
	if (json_is_string(json_object_get(o, "note")))
		printf("  口径：%s\n", json_string_value(json_object_get(o,
		    "note")));
	{
		char *p = json_dumps(json_object_get(o, "params"),
		    JSON_COMPACT | JSON_SORT_KEYS);

		printf("  参数：%s；共 %zu 个版本\n", p ? p : "{}",
		    json_array_size(json_object_get(o, "versions")));
		free(p);
	}
	if (json_array_size(json_object_get(o, "values")) == 0)
		printf("尚未计算（fazhi indicators compute）\n");
	json_array_foreach(json_object_get(o, "values"), i, v) {
		json_t *u = json_object_get(v, "unit");

		if (i == 0)
			printf("统计日 %s（计算于 %s，定义第 %lld 版）：\n",
			    json_string_value(json_object_get(v, "as_of")),
			    json_string_value(json_object_get(v,
			    "computed_at")), (long long)json_integer_value(
			    json_object_get(v, "version")));
		buf_reset(&b);
		value_text(v, &b);
		printf("  %s：%s\n", json_is_object(u) ? json_string_value(
		    json_object_get(u, "name")) : "全县", b.ptr);
	}
	if (drill != NULL) {
		const struct reg_desc *d = registry_find(json_string_value(
		    json_object_get(o, "registry")));

		print_records(d, drill, "failing", "未计入分子的记录");
		print_records(d, drill, "excluded", "不计入分母的记录（未到期限等）");
	}
out:
	json_decref(o);
	json_decref(drill);
	buf_release(&b);
	unit_dir_release(&dir);
	diags_release(&dg);
	store_close(st);
	return rc;
}

static int
ind_compute_cmd(int argc, char **argv)
{
	struct ind_compute_opts	 co;
	struct args		 a;
	struct actor		 ac;
	struct diags		 dg = { 0 };
	struct store		*st;
	struct buf		 b = BUF_INIT;
	json_t			*o = NULL, *v;
	char			 today[11];
	size_t			 i;
	int			 done, rc;

	rc = parse(argc, argv, &a, &done);
	if (done)
		return rc;
	if (argc != a.first)
		return cli_usage(usage, EXIT_USAGE);
	if ((st = cli_open(a.db)) == NULL)
		return EXIT_ERR;
	actor_init(&ac);
	date_today(today);
	co.as_of = a.as_of ? a.as_of : today;
	co.year = a.year;
	co.division = a.division;
	if (core_ind_compute(st, &ac, &co, &o, &dg) != FZ_OK) {
		cli_print_diags(&dg, "fazhi");
		store_close(st);
		diags_release(&dg);
		return EXIT_ERR;
	}
	if (a.json) {
		cli_print_json(o);
		store_close(st);
		return EXIT_OK;
	}
	printf("统计日 %s，统计范围 %s 至 %s：\n", json_string_value(
	    json_object_get(json_object_get(o, "run"), "as_of")),
	    json_string_value(json_object_get(json_object_get(o, "run"),
	    "from")), json_string_value(json_object_get(json_object_get(o,
	    "run"), "to")));
	json_array_foreach(json_object_get(o, "values"), i, v) {
		json_t *u = json_object_get(v, "unit");

		buf_reset(&b);
		value_text(v, &b);
		printf("  %-10s %s  %s\n", json_string_value(json_object_get(v,
		    "name")), json_is_object(u) ? json_string_value(
		    json_object_get(u, "name")) : a.division ? a.division :
		    "全县", b.ptr);
	}
	buf_release(&b);
	json_decref(o);
	store_close(st);
	return EXIT_OK;
}

static int
ind_define(int argc, char **argv)
{
	struct args	 a;
	struct actor	 ac;
	struct diags	 dg = { 0 };
	struct buf	 data = BUF_INIT, err = BUF_INIT;
	struct store	*st = NULL;
	json_error_t	 je;
	json_t		*in = NULL;
	int		 done, rc, version = 0, changed = 0;

	rc = parse(argc, argv, &a, &done);
	if (done)
		return rc;
	if (argc - a.first != 1 || a.file == NULL)
		return cli_usage(usage, EXIT_USAGE);
	rc = EXIT_ERR;
	if (str_eq(a.file, "-"))
		in = json_loadf(stdin, 0, &je);
	else if (file_read(a.file, 1024 * 1024, &data, &err) != FZ_OK) {
		fprintf(stderr, "fazhi: %s\n", err.ptr);
		goto out;
	} else
		in = json_loadb(data.ptr, data.len, 0, &je);
	if (in == NULL) {
		fprintf(stderr, "fazhi: 定义不是有效的 JSON（第 %d 行第 %d 列）："
		    "%s\n", je.line, je.column, je.text);
		goto out;
	}
	if ((st = cli_open(a.db)) == NULL)
		goto out;
	actor_init(&ac);
	if (core_ind_define(st, &ac, argv[a.first], in, &version, &changed,
	    &dg) != FZ_OK) {
		cli_print_diags(&dg, a.file);
		goto out;
	}
	if (changed)
		printf("指标 %s 已保存为第 %d 版；已算出的值仍属于原来的版本\n",
		    argv[a.first], version);
	else
		printf("指标 %s 与第 %d 版相同，未生成新版本\n", argv[a.first],
		    version);
	rc = EXIT_OK;
out:
	json_decref(in);
	buf_release(&data);
	buf_release(&err);
	diags_release(&dg);
	store_close(st);
	return rc;
}

static int
ind_link_cmd(int argc, char **argv)
{
	struct args	 a;
	struct actor	 ac;
	struct diags	 dg = { 0 };
	struct store	*st;
	long long	 task;
	int64_t		 plan;
	int		 done, rc, n;

	rc = parse(argc, argv, &a, &done);
	if (done)
		return rc;
	n = argc - a.first;
	if ((a.manual ? n != 2 : n != 3) || str_toint(argv[a.first], 1, 1000,
	    &task) != FZ_OK)
		return cli_usage(usage, EXIT_USAGE);
	if ((st = cli_open(a.db)) == NULL)
		return EXIT_ERR;
	actor_init(&ac);
	rc = EXIT_ERR;
	if (core_plan_lookup(st, a.plan, &plan) != FZ_OK) {
		fprintf(stderr, "fazhi: 没有找到计划%s\n", a.plan ? a.plan : "");
		goto out;
	}
	if (core_ind_link(st, &ac, plan, (int)task, argv[a.first + 1],
	    a.manual ? NULL : argv[a.first + 2], &dg) != FZ_OK) {
		cli_print_diags(&dg, "fazhi");
		goto out;
	}
	printf("第 %lld 项任务的“%s”%s%s\n", task, argv[a.first + 1],
	    a.manual ? "改为人工填报" : "关联到 ", a.manual ? "" :
	    argv[a.first + 2]);
	rc = EXIT_OK;
out:
	diags_release(&dg);
	store_close(st);
	return rc;
}

static int
ind_plan(int argc, char **argv)
{
	struct args	 a;
	struct actor	 ac;
	struct diags	 dg = { 0 };
	struct store	*st;
	struct buf	 b = BUF_INIT;
	json_t		*o = NULL, *x;
	int64_t		 plan;
	size_t		 i;
	int		 done, rc;

	rc = parse(argc, argv, &a, &done);
	if (done)
		return rc;
	if (argc != a.first)
		return cli_usage(usage, EXIT_USAGE);
	if ((st = cli_open(a.db)) == NULL)
		return EXIT_ERR;
	actor_init(&ac);
	rc = EXIT_ERR;
	if (core_plan_lookup(st, a.plan, &plan) != FZ_OK) {
		fprintf(stderr, "fazhi: 没有找到计划%s\n", a.plan ? a.plan : "");
		goto out;
	}
	if (core_plan_indicators_json(st, &ac, plan, &o, &dg) != FZ_OK) {
		cli_print_diags(&dg, "fazhi");
		goto out;
	}
	rc = EXIT_OK;
	if (a.json) {
		cli_print_json(o);
		o = NULL;
		goto out;
	}
	json_array_foreach(json_object_get(o, "indicators"), i, x) {
		json_t *v = json_object_get(x, "value");
		const char *light = json_string_value(json_object_get(x,
		    "light"));

		buf_reset(&b);
		if (str_eq(json_string_value(json_object_get(x, "mode")),
		    "manual")) {
			json_t *rp = json_object_get(x, "reported"),
			    *rv = json_object_get(rp, "value"),
			    *rd = json_object_get(rp, "done");

			buf_addstr(&b, "人工填报");
			if (json_is_object(rp)) {
				buf_addstr(&b, "：");
				if (json_is_number(rv))
					buf_addf(&b, "%g%s", json_number_value(rv),
					    json_string_value(json_object_get(x,
					    "unit")));
				if (json_is_boolean(rd))
					buf_addstr(&b, json_is_true(rd) ?
					    "已完成" : "未完成");
				buf_addf(&b, "（%s，%s）", json_string_value(
				    json_object_get(rp, "unit_name")),
				    json_string_value(json_object_get(rp,
				    "period_name")));
			} else
				buf_addstr(&b, "，尚无通过审核的报告");
		} else if (json_is_object(v)) {
			value_text(v, &b);
			buf_addf(&b, "（%s，统计日 %s）",
			    json_string_value(json_object_get(
			    json_object_get(x, "definition"), "key")),
			    json_string_value(json_object_get(v, "as_of")));
		} else
			buf_addstr(&b, "尚未计算");
		printf("%2lld  %-6s %-10s %s  %s\n",
		    (long long)json_integer_value(json_object_get(x,
		    "task_number")), str_eq(light, "green") ? "[绿]" :
		    str_eq(light, "red") ? "[红]" : "[—]",
		    json_string_value(json_object_get(x, "name")),
		    json_string_value(json_object_get(x, "phrase")), b.ptr);
	}
out:
	json_decref(o);
	buf_release(&b);
	diags_release(&dg);
	store_close(st);
	return rc;
}

int
cmd_indicators(int argc, char **argv)
{
	static const struct cli_cmd cmds[] = {
		{ "list", ind_list, "指标定义及最新的全县值" },
		{ "show", ind_show, "一个指标及其依据的记录" },
		{ "compute", ind_compute_cmd, "重新计算全部指标" },
		{ "define", ind_define, "修改指标定义（生成新版本）" },
		{ "link", ind_link_cmd, "把计划指标关联到定义或改为人工填报" },
		{ "plan", ind_plan, "计划的指标：目标、值、红绿灯" },
		{ NULL, NULL, NULL }
	};

	if (argc >= 2 && (str_eq(argv[1], "--help") || str_eq(argv[1], "-h")))
		return cli_usage(usage, EXIT_OK);
	return cli_dispatch("fazhi indicators", cmds, argc, argv);
}
