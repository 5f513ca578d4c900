/*
 * cmd_registry.c: fazhi registry list|show|import|export|expiring|columns:
 * the registries (台账) from the command line: records listed and shown
 * with their history, imported from CSV or XLSX all or nothing, exported
 * in the same columns, and those whose term of validity is ending.
 * SPDX-License-Identifier: MIT
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli/cli.h"
#include "fazhi/core.h"
#include "fazhi/registry.h"
#include "fazhi/util.h"
#include "fazhi/banned.h"

static const char usage[] =
    "用法：fazhi registry list 台账 [--unit 单位] [--from 日期] [--to 日期]\n"
    "                          [--q 文字] [--json]\n"
    "      fazhi registry show 台账 编号 [--json]\n"
    "      fazhi registry import 台账 文件.csv|文件.xlsx [--dry-run] [--json]\n"
    "      fazhi registry export 台账 -o 文件.xlsx|文件.csv [--unit 单位]\n"
    "                          [--from 日期] [--to 日期]\n"
    "      fazhi registry expiring 台账 [--days 天数] [--today 日期] [--json]\n"
    "      fazhi registry columns 台账\n"
    "      （每个命令都可加 --db 数据库）\n"
    "\n"
    "台账：normative、activity、proof 等；不写子命令则列出全部台账。\n"
    "list      列出记录（按台账的日期），--unit 只列一个单位的（编码、全称或\n"
    "          简称）。\n"
    "show      一条记录及其修改历史和佐证材料。\n"
    "import    从 CSV（UTF-8 或 GB18030）或 XLSX 导入：第一行为列名（与导出\n"
    "          相同），每个单元格都检查，任何一处有误则整个文件不导入，并按\n"
    "          “第N行第M列（列名）”报告；已登记的记录（同一单位、同一编号，\n"
    "          如同一制定机关的同一文号）按文件更新并保留修改历史。--dry-run\n"
    "          只检查。\n"
    "export    导出为 XLSX 或 CSV（按 -o 的扩展名），列与导入相同。\n"
    "expiring  有效期在今后 N 天内届满（默认 180 天，即届满前 6 个月内评估）\n"
    "          且仍有效的记录，以及已过有效期但仍登记为有效的记录。\n"
    "columns   台账的列：列名、类型、是否必填、可选的值。\n";

struct args {
	const char	*db;
	const char	*unit;
	const char	*from, *to, *q;
	const char	*out;
	const char	*today;
	int		 days;
	int		 json;
	int		 dry_run;
	int		 first;
};

static int
parse(int argc, char **argv, struct args *a, int *done)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "unit", required_argument, NULL, 'u' },
		{ "from", required_argument, NULL, 'f' },
		{ "to", required_argument, NULL, 't' },
		{ "q", required_argument, NULL, 'q' },
		{ "output", required_argument, NULL, 'o' },
		{ "today", required_argument, NULL, 'T' },
		{ "days", required_argument, NULL, 'n' },
		{ "json", no_argument, NULL, 'j' },
		{ "dry-run", no_argument, NULL, 'c' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	long long	 n;
	int		 c;

	memset(a, 0, sizeof(*a));
	a->days = REG_EXPIRY_DAYS;
	*done = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, "d:u:f:t:q:o:T:n:jch", opts,
	    NULL)) != -1) {
		switch (c) {
		case 'd':
			a->db = optarg;
			break;
		case 'u':
			a->unit = optarg;
			break;
		case 'f':
			a->from = optarg;
			break;
		case 't':
			a->to = optarg;
			break;
		case 'q':
			a->q = optarg;
			break;
		case 'o':
			a->out = optarg;
			break;
		case 'T':
			a->today = optarg;
			break;
		case 'n':
			if (str_toint(optarg, 0, 3660, &n) != FZ_OK) {
				*done = 1;
				return cli_usage(usage, EXIT_USAGE);
			}
			a->days = (int)n;
			break;
		case 'j':
			a->json = 1;
			break;
		case 'c':
			a->dry_run = 1;
			break;
		case 'h':
			*done = 1;
			return cli_usage(usage, EXIT_OK);
		default:
			*done = 1;
			return cli_usage(usage, EXIT_USAGE);
		}
	}
	if ((a->from != NULL && !core_date_valid(a->from)) ||
	    (a->to != NULL && !core_date_valid(a->to)) ||
	    (a->today != NULL && !core_date_valid(a->today))) {
		fprintf(stderr, "fazhi: 日期应写成 YYYY-MM-DD\n");
		*done = 1;
		return EXIT_USAGE;
	}
	a->db = cli_db(a->db);
	a->first = optind;
	return EXIT_OK;
}

/* The registry named by the first operand, or NULL after a message. */
static const struct reg_desc *
registry(int argc, char **argv, const struct args *a)
{
	const struct reg_desc	*d;

	if (a->first >= argc) {
		cli_usage(usage, EXIT_USAGE);
		return NULL;
	}
	if ((d = registry_find(argv[a->first])) == NULL)
		fprintf(stderr, "fazhi: 没有名为“%s”的台账（fazhi registry 列出"
		    "全部）\n", argv[a->first]);
	return d;
}

static void
cli_actor_init(struct actor *ac)
{
	core_actor_system(ac);
	ac->login = cli_actor();
}

/* --unit: a unit of the directory by code or name; 0 if not given. */
static int
unit_arg(struct store *st, const char *s, int64_t *id)
{
	struct unit_dir		 dir;
	const struct unit	*u;

	*id = 0;
	if (s == NULL)
		return 0;
	if (core_units_load(st, &dir) != FZ_OK) {
		fprintf(stderr, "fazhi: %s\n", store_errmsg(st));
		return -1;
	}
	if ((u = reg_unit_lookup(&dir, s)) == NULL) {
		fprintf(stderr, "fazhi: 单位名录中没有“%s”\n", s);
		unit_dir_release(&dir);
		return -1;
	}
	*id = u->id;
	unit_dir_release(&dir);
	return 0;
}

static void
print_record_line(const struct reg_desc *d, json_t *r)
{
	struct buf	 b = BUF_INIT;
	int		 i;

	buf_addf(&b, "%5lld", (long long)json_integer_value(json_object_get(r,
	    "id")));
	for (i = 0; i < d->nfields; i++) {
		json_t *v = json_object_get(r, d->fields[i].key);

		if (d->fields[i].flags & REG_MULTILINE)
			continue;
		buf_addstr(&b, "  ");
		if (json_is_null(v))
			buf_addstr(&b, "—");
		else if (json_is_object(v))
			buf_addstr(&b, json_string_value(json_object_get(v,
			    "name")));
		else if (json_is_string(v))
			buf_addstr(&b, json_string_value(v));
		else if (json_is_boolean(v))
			buf_addstr(&b, json_is_true(v) ? "是" : "否");
		else
			buf_addf(&b, "%lld", (long long)json_integer_value(v));
	}
	puts(b.ptr);
	buf_release(&b);
}

static int
cmd_list(int argc, char **argv)
{
	const struct reg_desc	*d;
	struct reg_filter	 f;
	struct args		 a;
	struct actor		 ac;
	struct store		*st;
	json_t			*o = NULL, *r;
	size_t			 i;
	int			 done, rc, k;

	rc = parse(argc, argv, &a, &done);
	if (done)
		return rc;
	if ((d = registry(argc, argv, &a)) == NULL)
		return EXIT_USAGE;
	if (argc - a.first != 1)
		return cli_usage(usage, EXIT_USAGE);
	if ((st = cli_open(a.db)) == NULL)
		return EXIT_ERR;
	memset(&f, 0, sizeof(f));
	f.from = a.from;
	f.to = a.to;
	f.q = a.q;
	cli_actor_init(&ac);
	rc = EXIT_ERR;
	if (unit_arg(st, a.unit, &f.unit_id) != 0)
		goto out;
	if (core_reg_list_json(st, &ac, d, &f, &o) != FZ_OK) {
		fprintf(stderr, "fazhi: %s\n", store_errmsg(st));
		goto out;
	}
	rc = EXIT_OK;
	if (a.json) {
		cli_print_json(o);
		o = NULL;
		goto out;
	}
	printf("%5s", "编号");
	for (k = 0; k < d->nfields; k++)
		if (!(d->fields[k].flags & REG_MULTILINE))
			printf("  %s", d->fields[k].label);
	printf("\n");
	json_array_foreach(json_object_get(o, "records"), i, r)
		print_record_line(d, r);
	printf("共 %lld 条%s记录\n", (long long)json_integer_value(
	    json_object_get(o, "total")), d->name);
out:
	json_decref(o);
	store_close(st);
	return rc;
}

static int
cmd_show(int argc, char **argv)
{
	const struct reg_desc	*d;
	struct args		 a;
	struct actor		 ac;
	struct diags		 dg = { 0 };
	struct store		*st;
	json_t			*o = NULL, *rec, *h;
	long long		 id;
	size_t			 i;
	int			 done, rc, k;

	rc = parse(argc, argv, &a, &done);
	if (done)
		return rc;
	if ((d = registry(argc, argv, &a)) == NULL)
		return EXIT_USAGE;
	if (argc - a.first != 2 || str_toint(argv[a.first + 1], 1, INT64_MAX,
	    &id) != FZ_OK)
		return cli_usage(usage, EXIT_USAGE);
	if ((st = cli_open(a.db)) == NULL)
		return EXIT_ERR;
	cli_actor_init(&ac);
	if (core_reg_json(st, &ac, d, id, &o, &dg) != FZ_OK) {
		cli_print_diags(&dg, "fazhi");
		rc = EXIT_ERR;
		goto out;
	}
	rc = EXIT_OK;
	if (a.json) {
		cli_print_json(o);
		o = NULL;
		goto out;
	}
	rec = json_object_get(o, "record");
	printf("%s %lld（第 %lld 版）\n", d->record_name, id,
	    (long long)json_integer_value(json_object_get(rec, "revision")));
	for (k = 0; k < d->nfields; k++) {
		json_t *v = json_object_get(rec, d->fields[k].key);

		printf("  %-14s ", d->fields[k].label);
		if (json_is_null(v))
			printf("—\n");
		else if (json_is_object(v))
			printf("%s\n", json_string_value(json_object_get(v,
			    "name")));
		else if (json_is_string(v))
			printf("%s\n", json_string_value(v));
		else if (json_is_boolean(v))
			printf("%s\n", json_is_true(v) ? "是" : "否");
		else
			printf("%lld\n", (long long)json_integer_value(v));
	}
	if (json_is_string(json_object_get(rec, "stage")))
		printf("  %-14s %s\n", "当前环节",
		    json_string_value(json_object_get(rec, "stage")));
	printf("修改历史：\n");
	json_array_foreach(json_object_get(o, "history"), i, h)
		printf("  第 %lld 版  %s  %s  %s\n",
		    (long long)json_integer_value(json_object_get(h,
		    "revision")), json_string_value(json_object_get(h, "at")),
		    json_string_value(json_object_get(h, "actor")),
		    json_string_value(json_object_get(h, "action")));
	printf("佐证材料：%zu 个\n", json_array_size(json_object_get(o,
	    "evidence")));
out:
	json_decref(o);
	diags_release(&dg);
	store_close(st);
	return rc;
}

static int
cmd_import(int argc, char **argv)
{
	const struct reg_desc		*d;
	struct reg_import_result	 res;
	struct args			 a;
	struct actor			 ac;
	struct diags			 dg = { 0 };
	struct buf			 data = BUF_INIT, err = BUF_INIT;
	struct store			*st = NULL;
	char				 today[11];
	const char			*path;
	int				 done, rc;

	rc = parse(argc, argv, &a, &done);
	if (done)
		return rc;
	if ((d = registry(argc, argv, &a)) == NULL)
		return EXIT_USAGE;
	if (argc - a.first != 2)
		return cli_usage(usage, EXIT_USAGE);
	path = argv[a.first + 1];
	if (file_read(path, CSV_MAX_BYTES, &data, &err) != FZ_OK) {
		fprintf(stderr, "fazhi: %s\n", err.ptr);
		rc = EXIT_ERR;
		goto out;
	}
	if ((st = cli_open(a.db)) == NULL) {
		rc = EXIT_ERR;
		goto out;
	}
	cli_actor_init(&ac);
	if (a.today != NULL)
		snprintf(today, sizeof(today), "%s", a.today);
	else
		date_today(today);
	if (core_reg_import(st, &ac, d, path, data.ptr, data.len, a.dry_run,
	    today, &res, &dg) != FZ_OK) {
		cli_print_diags(&dg, path);
		fprintf(stderr, "fazhi: %s未导入（%zu 处错误），数据库未改动\n",
		    d->name, dg.nerrors);
		rc = EXIT_ERR;
		goto out;
	}
	if (a.json)
		cli_print_json(json_pack("{s:s,s:b,s:s,s:i,s:i,s:i,s:i}",
		    "registry", d->key, "dry_run", a.dry_run, "format",
		    res.xlsx ? "xlsx" : "csv", "rows", res.rows, "created",
		    res.created, "updated", res.updated, "unchanged",
		    res.unchanged));
	else
		printf("%s%s：%d 行（%s%s），新增 %d，更新 %d，未变 %d\n",
		    a.dry_run ? "检查无误，未保存" : "已导入", d->name, res.rows,
		    res.xlsx ? "XLSX" : "CSV", res.xlsx ? "" :
		    str_eq(res.encoding, "GB18030") ? "，GB18030 编码" : "",
		    res.created, res.updated, res.unchanged);
	rc = EXIT_OK;
out:
	buf_release(&data);
	buf_release(&err);
	diags_release(&dg);
	store_close(st);
	return rc;
}

static int
cmd_export(int argc, char **argv)
{
	const struct reg_desc	*d;
	struct reg_filter	 f;
	struct args		 a;
	struct actor		 ac;
	struct diags		 dg = { 0 };
	struct buf		 out = BUF_INIT;
	struct store		*st;
	FILE			*fp;
	int			 done, rc, xlsx;

	rc = parse(argc, argv, &a, &done);
	if (done)
		return rc;
	if ((d = registry(argc, argv, &a)) == NULL)
		return EXIT_USAGE;
	if (argc - a.first != 1 || a.out == NULL)
		return cli_usage(usage, EXIT_USAGE);
	xlsx = str_endswith(a.out, ".xlsx") || str_endswith(a.out, ".XLSX");
	if (!xlsx && !str_endswith(a.out, ".csv") && !str_eq(a.out, "-")) {
		fprintf(stderr, "fazhi: -o 的扩展名应为 .xlsx 或 .csv（- 为标准"
		    "输出，CSV）\n");
		return EXIT_USAGE;
	}
	if ((st = cli_open(a.db)) == NULL)
		return EXIT_ERR;
	memset(&f, 0, sizeof(f));
	f.from = a.from;
	f.to = a.to;
	cli_actor_init(&ac);
	rc = EXIT_ERR;
	if (unit_arg(st, a.unit, &f.unit_id) != 0)
		goto out;
	if (core_reg_export(st, &ac, d, &f, xlsx, a.out, &out, &dg) !=
	    FZ_OK) {
		cli_print_diags(&dg, a.out);
		goto out;
	}
	if (!xlsx) {
		fp = str_eq(a.out, "-") ? stdout : fopen(a.out, "wb");
		if (fp == NULL || fwrite(out.ptr, 1, out.len, fp) != out.len ||
		    (fp != stdout && fclose(fp) != 0)) {
			fprintf(stderr, "fazhi: 无法写入“%s”\n", a.out);
			goto out;
		}
	}
	rc = EXIT_OK;
out:
	buf_release(&out);
	diags_release(&dg);
	store_close(st);
	return rc;
}

static int
cmd_expiring(int argc, char **argv)
{
	const struct reg_desc	*d;
	struct args		 a;
	struct actor		 ac;
	struct diags		 dg = { 0 };
	struct store		*st;
	json_t			*o = NULL, *r;
	char			 today[11];
	size_t			 i;
	int			 done, rc;

	rc = parse(argc, argv, &a, &done);
	if (done)
		return rc;
	if ((d = registry(argc, argv, &a)) == NULL)
		return EXIT_USAGE;
	if (argc - a.first != 1)
		return cli_usage(usage, EXIT_USAGE);
	if ((st = cli_open(a.db)) == NULL)
		return EXIT_ERR;
	if (a.today != NULL)
		snprintf(today, sizeof(today), "%s", a.today);
	else
		date_today(today);
	cli_actor_init(&ac);
	if (core_reg_expiring_json(st, &ac, d, today, a.days, &o, &dg) !=
	    FZ_OK) {
		cli_print_diags(&dg, "fazhi");
		rc = EXIT_ERR;
		goto out;
	}
	rc = EXIT_OK;
	if (a.json) {
		cli_print_json(o);
		o = NULL;
		goto out;
	}
	printf("%s 至 %s 有效期届满的%s：\n", today, json_string_value(
	    json_object_get(o, "until")), d->name);
	json_array_foreach(json_object_get(o, "expiring"), i, r)
		printf("  %s  %s  %s  有效期至 %s（还有 %lld 天）\n",
		    json_string_value(json_object_get(json_object_get(r,
		    d->fields[d->owner].key), "name")),
		    json_string_value(json_object_get(r,
		    d->fields[d->key_field].key)),
		    json_string_value(json_object_get(r,
		    d->fields[d->title].key)),
		    json_string_value(json_object_get(r,
		    d->fields[d->expires].key)),
		    (long long)json_integer_value(json_object_get(r,
		    "days_left")));
	printf("共 %zu 份\n", json_array_size(json_object_get(o, "expiring")));
	if (json_array_size(json_object_get(o, "expired")) > 0) {
		printf("已过有效期但仍登记为有效：\n");
		json_array_foreach(json_object_get(o, "expired"), i, r)
			printf("  %s  %s  %s  有效期至 %s\n",
			    json_string_value(json_object_get(json_object_get(r,
			    d->fields[d->owner].key), "name")),
			    json_string_value(json_object_get(r,
			    d->fields[d->key_field].key)),
			    json_string_value(json_object_get(r,
			    d->fields[d->title].key)),
			    json_string_value(json_object_get(r,
			    d->fields[d->expires].key)));
	}
out:
	json_decref(o);
	diags_release(&dg);
	store_close(st);
	return rc;
}

static int
cmd_columns(int argc, char **argv)
{
	static const char *const types[REG_FTYPE__MAX] = {
		[REG_TEXT] = "文字", [REG_DATE] = "日期", [REG_INT] = "整数",
		[REG_ENUM] = "选项", [REG_UNIT] = "单位", [REG_BOOL] = "是/否",
	};
	const struct reg_desc	*d;
	struct args		 a;
	int			 done, rc, i;
	size_t			 k;

	rc = parse(argc, argv, &a, &done);
	if (done)
		return rc;
	if ((d = registry(argc, argv, &a)) == NULL)
		return EXIT_USAGE;
	printf("%s（%s）的列：\n", d->name, d->key);
	for (i = 0; i < d->nfields; i++) {
		const struct reg_field *f = &d->fields[i];

		printf("  %-14s %-6s %s%s", f->label, types[f->type],
		    f->flags & REG_REQUIRED ? "必填" : "选填",
		    f->flags & REG_REVIEW ? "，由备案审查机关填写" : "");
		if (f->max > 0)
			printf("，至多 %zu 字", f->max);
		for (k = 0; f->values != NULL && f->values[k] != NULL; k++)
			printf("%s%s", k ? "、" : "，可选：", f->values[k]);
		if (f->hint != NULL)
			printf("（%s）", f->hint);
		printf("\n");
	}
	return EXIT_OK;
}

int
cmd_registry(int argc, char **argv)
{
	static const struct cli_cmd cmds[] = {
		{ "list", cmd_list, "列出记录" },
		{ "show", cmd_show, "一条记录及其修改历史" },
		{ "import", cmd_import, "从 CSV 或 XLSX 导入" },
		{ "export", cmd_export, "导出为 XLSX 或 CSV" },
		{ "expiring", cmd_expiring, "有效期即将届满的记录" },
		{ "columns", cmd_columns, "台账的列" },
		{ NULL, NULL, NULL }
	};
	int	 i;

	if (argc < 2) {
		printf("台账：\n");
		for (i = 0; i < registry_count(); i++)
			printf("  %-12s %s\n", registry_at(i)->key,
			    registry_at(i)->name);
		return EXIT_OK;
	}
	if (str_eq(argv[1], "--help") || str_eq(argv[1], "-h"))
		return cli_usage(usage, EXIT_OK);
	return cli_dispatch("fazhi registry", cmds, argc, argv);
}
