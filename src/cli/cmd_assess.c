/*
 * cmd_assess.c: fazhi assess: the assessment (考核): show or set the
 * rubric, give a manual item's points with a reason and evidence, compute
 * and store a run, show a stored run, export it as XLSX or CSV.
 * SPDX-License-Identifier: MIT
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli/cli.h"
#include "fazhi/assess.h"
#include "fazhi/buf.h"
#include "fazhi/core.h"
#include "fazhi/util.h"
#include "fazhi/banned.h"

static const char usage[] =
    "用法：fazhi assess rubric show [--year 年度] [--json]\n"
    "       fazhi assess rubric set --file 细则.json [--year 年度]\n"
    "       fazhi assess score 单位 考核项 得分 --reason 理由 --file 佐证材料\n"
    "                          [--year 年度]\n"
    "       fazhi assess run [--as-of 日期] [--json]\n"
    "       fazhi assess show [--run 编号] [--unit 单位] [--json]\n"
    "       fazhi assess export --format xlsx|csv -o 文件 [--run 编号]\n"
    "\n"
    "考核：按考核细则给各单位计分、排名。细则的考核项有标识（key）、名称、\n"
    "分值（weight，0–100 的整数）和计分方式（kind）：reports_on_time 报送\n"
    "及时率×分值，first_pass 一次通过率×分值，indicators_met 达标指标的\n"
    "比例×分值（无法判断的指标值不计），findings_closed 已销号的督察问题\n"
    "比例×分值，overdue_penalty 分值减去每项逾期事项扣 per_item 分（最低\n"
    "0 分），manual 由依法治县办逐单位评分（须写理由、附佐证材料）。没有\n"
    "可计数事项的比例项得满分。细则每次修改生成新版本，结果记录所用版本；\n"
    "--year 指定年度的细则，未指定或该年度没有细则时用默认细则。\n"
    "\n"
    "  --as-of    考核截止日期（YYYY-MM-DD），默认今天；人工评分取该年度的\n"
    "  --year     年度（rubric 默认为默认细则，score 默认为今年）\n"
    "  --run      考核结果编号，默认最近一次\n"
    "  --unit     只显示该单位（编码或名称）\n"
    "  --json     输出 JSON\n";

struct args {
	const char	*db, *file, *reason, *as_of, *format, *out, *unit;
	int		 year, json;
	int64_t		 run;
	char		 today[11];
};

static int
parse(int argc, char **argv, struct args *a)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "file", required_argument, NULL, 'f' },
		{ "reason", required_argument, NULL, 'r' },
		{ "as-of", required_argument, NULL, 'a' },
		{ "format", required_argument, NULL, 'F' },
		{ "output", required_argument, NULL, 'o' },
		{ "unit", required_argument, NULL, 'u' },
		{ "year", required_argument, NULL, 'y' },
		{ "run", required_argument, NULL, 'R' },
		{ "json", no_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	char	*end;
	long	 v;
	int	 c;

	memset(a, 0, sizeof(*a));
	date_today(a->today);
	a->as_of = a->today;
	optind = 1;
	while ((c = getopt_long(argc, argv, "d:f:r:a:F:o:u:y:R:jh", opts,
	    NULL)) != -1) {
		switch (c) {
		case 'd':
			a->db = optarg;
			break;
		case 'f':
			a->file = optarg;
			break;
		case 'r':
			a->reason = optarg;
			break;
		case 'a':
			if (!core_date_valid(optarg)) {
				fprintf(stderr, "fazhi assess: --as-of 应为有效的 "
				    "YYYY-MM-DD，而不是“%s”\n", optarg);
				return EXIT_USAGE;
			}
			a->as_of = optarg;
			break;
		case 'F':
			a->format = optarg;
			break;
		case 'o':
			a->out = optarg;
			break;
		case 'u':
			a->unit = optarg;
			break;
		case 'y':
			v = strtol(optarg, &end, 10);
			if (*end != '\0' || v < 2000 || v > 2100) {
				fprintf(stderr, "fazhi assess: --year 应为 2000 "
				    "到 2100 的年度\n");
				return EXIT_USAGE;
			}
			a->year = (int)v;
			break;
		case 'R':
			v = strtol(optarg, &end, 10);
			if (*end != '\0' || v <= 0) {
				fprintf(stderr, "fazhi assess: --run 应为考核结果"
				    "编号\n");
				return EXIT_USAGE;
			}
			a->run = v;
			break;
		case 'j':
			a->json = 1;
			break;
		case 'h':
			return cli_usage(usage, EXIT_OK) + 100;
		default:
			return cli_usage(usage, EXIT_USAGE);
		}
	}
	return -1;
}

static struct store *
open_as(const struct args *a, struct actor *ac)
{
	struct store	*st;

	if ((st = cli_open(a->db)) == NULL)
		return NULL;
	core_actor_system(ac);
	ac->login = cli_actor();
	return st;
}

static int
fail(struct diags *dg)
{
	cli_print_diags(dg, "fazhi assess");
	return EXIT_ERR;
}

/* Parse; returns -1 to go on, else the exit code. */
static int
start(int argc, char **argv, struct args *a, int nargs)
{
	int	 r = parse(argc, argv, a);

	if (r >= 100)
		return r - 100;
	if (r >= 0)
		return r;
	if (argc - optind != nargs)
		return cli_usage(usage, EXIT_USAGE);
	return -1;
}

/* "默认考核细则第 1 版" or "2022 年考核细则第 2 版". */
static void
print_version(const char *what, const json_t *r)
{
	long long	 y = json_integer_value(json_object_get(r, "year"));

	if (y == 0)
		printf("默认%s", what);
	else
		printf("%lld 年%s", y, what);
	printf("第 %lld 版", (long long)json_integer_value(json_object_get(r,
	    "version")));
}

static void
print_rubric(const json_t *r)
{
	const json_t	*it;
	size_t		 i;
	long long	 sum = 0;

	print_version("考核细则", r);
	printf("\n");
	json_array_foreach(json_object_get(r, "items"), i, it) {
		enum assess_kind k = assess_kind_parse(json_string_value(
		    json_object_get(it, "kind")));

		sum += json_integer_value(json_object_get(it, "weight"));
		printf("%s  %s  %lld 分  %s", json_string_value(json_object_get(
		    it, "key")), json_string_value(json_object_get(it, "name")),
		    (long long)json_integer_value(json_object_get(it,
		    "weight")), assess_kind_name(k));
		if (k == ASSESS_OVERDUE_PENALTY)
			printf("（每项扣 %lld 分）", (long long)
			    json_integer_value(json_object_get(it, "per_item")));
		printf("\n");
	}
	printf("合计 %lld 分\n", sum);
	if (json_string_length(json_object_get(r, "note")) > 0)
		printf("说明：%s\n", json_string_value(json_object_get(r,
		    "note")));
}

static int
cmd_rubric(int argc, char **argv)
{
	struct args	 a;
	struct actor	 ac;
	struct store	*st;
	struct diags	 dg = { 0 };
	struct buf	 data = BUF_INIT, err = BUF_INIT;
	json_t		*j = NULL;
	json_error_t	 je;
	int		 r, version = 0;

	if ((r = start(argc, argv, &a, 1)) >= 0)
		return r;
	if (!str_eq(argv[optind], "show") && !str_eq(argv[optind], "set"))
		return cli_usage(usage, EXIT_USAGE);
	if (str_eq(argv[optind], "set") && a.file == NULL) {
		fprintf(stderr, "fazhi assess rubric set: 须用 --file 指定细则"
		    "（JSON）\n");
		return EXIT_USAGE;
	}
	if ((st = open_as(&a, &ac)) == NULL)
		return EXIT_ERR;
	r = EXIT_ERR;
	if (str_eq(argv[optind], "show")) {
		if (core_assess_rubric_get(st, &ac, a.year, &j, &dg) != FZ_OK) {
			r = fail(&dg);
			goto out;
		}
		if (a.json) {
			cli_print_json(j);
			j = NULL;
		} else
			print_rubric(j);
		r = EXIT_OK;
		goto out;
	}
	if (file_read(a.file, 1024 * 1024, &data, &err) != FZ_OK) {
		fprintf(stderr, "fazhi assess: %s\n", err.ptr);
		goto out;
	}
	if ((j = json_loadb(data.ptr, data.len, 0, &je)) == NULL) {
		fprintf(stderr, "fazhi assess: %s 第 %d 行不是有效的 JSON：%s\n",
		    a.file, je.line, je.text);
		goto out;
	}
	if (core_assess_rubric_set(st, &ac, a.year, j, &version, &dg) !=
	    FZ_OK) {
		r = fail(&dg);
		goto out;
	}
	printf("已保存考核细则第 %d 版\n", version);
	r = EXIT_OK;
out:
	json_decref(j);
	buf_release(&data);
	buf_release(&err);
	diags_release(&dg);
	store_close(st);
	return r;
}

static int
cmd_score(int argc, char **argv)
{
	struct args			 a;
	struct actor			 ac;
	struct store			*st;
	struct diags			 dg = { 0 };
	struct buf			 data = BUF_INIT, err = BUF_INIT;
	struct assess_manual_input	 in;
	const char			*base;
	int64_t				 id;
	char				 y[5];
	int				 r;

	if ((r = start(argc, argv, &a, 3)) >= 0)
		return r;
	memset(&in, 0, sizeof(in));
	if ((in.points = assess_points_parse(argv[optind + 2])) < 0) {
		fprintf(stderr, "fazhi assess score: 得分应为最多两位小数的"
		    "非负数，而不是“%s”\n", argv[optind + 2]);
		return EXIT_USAGE;
	}
	snprintf(y, sizeof(y), "%.4s", a.today);
	in.year = a.year ? a.year : (int)strtol(y, NULL, 10);
	in.item_key = argv[optind + 1];
	in.reason = a.reason;
	if ((st = open_as(&a, &ac)) == NULL)
		return EXIT_ERR;
	r = EXIT_ERR;
	if (store_sup_unit_find(st, argv[optind], &in.unit_id) != FZ_OK) {
		fprintf(stderr, "fazhi assess: 单位名录中没有“%s”\n",
		    argv[optind]);
		goto out;
	}
	if (a.file != NULL) {
		if (file_read(a.file, 64L * 1024 * 1024, &data, &err) !=
		    FZ_OK) {
			fprintf(stderr, "fazhi assess: %s\n", err.ptr);
			goto out;
		}
		base = strrchr(a.file, '/');
		in.file_name = base ? base + 1 : a.file;
		in.data = data.ptr ? data.ptr : "";
		in.len = data.len;
	}
	if (core_assess_manual_add(st, &ac, &in, &id, &dg) != FZ_OK) {
		r = fail(&dg);
		goto out;
	}
	printf("已评分（编号 %lld）\n", (long long)id);
	r = EXIT_OK;
out:
	buf_release(&data);
	buf_release(&err);
	diags_release(&dg);
	store_close(st);
	return r;
}

static void
print_result(const json_t *res)
{
	const json_t	*u, *it, *rub = json_object_get(res, "rubric");
	size_t		 i, k;

	printf("考核结果（统计截至 %s，", json_string_value(json_object_get(res,
	    "as_of")));
	print_version("考核细则", rub);
	printf("）\n");
	json_array_foreach(json_object_get(res, "units"), i, u) {
		printf("%lld  %s  总分 %s", (long long)json_integer_value(
		    json_object_get(u, "rank")), json_string_value(
		    json_object_get(u, "unit_name")), json_string_value(
		    json_object_get(u, "total")));
		json_array_foreach(json_object_get(u, "items"), k, it) {
			long long num = json_integer_value(json_object_get(it,
			    "num")), den = json_integer_value(json_object_get(
			    it, "den"));

			printf("  %s %s", json_string_value(json_object_get(it,
			    "name")), json_string_value(json_object_get(it,
			    "points")));
			switch (assess_kind_parse(json_string_value(
			    json_object_get(it, "kind")))) {
			case ASSESS_OVERDUE_PENALTY:
				printf("（逾期 %lld 项）", num);
				break;
			case ASSESS_MANUAL:
				if (den == 0)
					printf("（未评）");
				break;
			default:
				printf("（%lld/%lld）", num, den);
				break;
			}
		}
		printf("\n");
	}
	printf("输入摘要 %s\n", json_string_value(json_object_get(res,
	    "inputs_sha256")));
}

static int
cmd_run(int argc, char **argv)
{
	struct args	 a;
	struct actor	 ac;
	struct store	*st;
	struct diags	 dg = { 0 };
	json_t		*j = NULL;
	int		 r;

	if ((r = start(argc, argv, &a, 0)) >= 0)
		return r;
	if ((st = open_as(&a, &ac)) == NULL)
		return EXIT_ERR;
	if (core_assess_run(st, &ac, a.as_of, &j, &dg) != FZ_OK)
		r = fail(&dg);
	else {
		if (a.json) {
			cli_print_json(j);
			j = NULL;
		} else
			print_result(j);
		r = EXIT_OK;
	}
	json_decref(j);
	diags_release(&dg);
	store_close(st);
	return r;
}

static int
load_run(const struct args *a, struct store *st, const struct actor *ac,
    json_t **j)
{
	struct diags	 dg = { 0 };
	int64_t		 unit = 0;
	int		 r = EXIT_OK;

	if (a->unit != NULL && store_sup_unit_find(st, a->unit, &unit) !=
	    FZ_OK) {
		fprintf(stderr, "fazhi assess: 单位名录中没有“%s”\n", a->unit);
		return EXIT_ERR;
	}
	if (core_assess_show(st, ac, a->run, unit, j, &dg) != FZ_OK)
		r = fail(&dg);
	diags_release(&dg);
	return r;
}

static int
cmd_show(int argc, char **argv)
{
	struct args	 a;
	struct actor	 ac;
	struct store	*st;
	json_t		*j = NULL;
	int		 r;

	if ((r = start(argc, argv, &a, 0)) >= 0)
		return r;
	if ((st = open_as(&a, &ac)) == NULL)
		return EXIT_ERR;
	if ((r = load_run(&a, st, &ac, &j)) == EXIT_OK) {
		if (a.json) {
			cli_print_json(j);
			j = NULL;
		} else
			print_result(j);
	}
	json_decref(j);
	store_close(st);
	return r;
}

static int
cmd_export(int argc, char **argv)
{
	struct args	 a;
	struct actor	 ac;
	struct store	*st;
	struct buf	 out = BUF_INIT, err = BUF_INIT;
	json_t		*j = NULL;
	FILE		*fp;
	int		 r;

	if ((r = start(argc, argv, &a, 0)) >= 0)
		return r;
	if (a.format == NULL || (!str_eq(a.format, "xlsx") &&
	    !str_eq(a.format, "csv")) || a.out == NULL) {
		fprintf(stderr, "fazhi assess export: 须用 --format xlsx|csv "
		    "和 -o 指定格式和文件\n");
		return EXIT_USAGE;
	}
	if ((st = open_as(&a, &ac)) == NULL)
		return EXIT_ERR;
	if ((r = load_run(&a, st, &ac, &j)) != EXIT_OK)
		goto out;
	r = EXIT_ERR;
	if (core_assess_export(j, a.format, a.out, &out, &err) != FZ_OK) {
		fprintf(stderr, "fazhi assess: 无法导出：%s\n", err.len ?
		    err.ptr : a.out);
		goto out;
	}
	if (str_eq(a.format, "csv")) {
		if ((fp = fopen(a.out, "wb")) == NULL ||
		    fwrite(out.ptr, 1, out.len, fp) != out.len) {
			fprintf(stderr, "fazhi assess: 无法写入 %s\n", a.out);
			if (fp != NULL)
				fclose(fp);
			goto out;
		}
		if (fclose(fp) != 0) {
			fprintf(stderr, "fazhi assess: 无法写入 %s\n", a.out);
			goto out;
		}
	}
	r = EXIT_OK;
out:
	json_decref(j);
	buf_release(&out);
	buf_release(&err);
	store_close(st);
	return r;
}

int
cmd_assess(int argc, char **argv)
{
	static const struct cli_cmd cmds[] = {
		{ "rubric", cmd_rubric, "考核细则：show、set" },
		{ "score", cmd_score, "人工评分项评分（附理由和佐证材料）" },
		{ "run", cmd_run, "计算并保存考核结果" },
		{ "show", cmd_show, "显示考核结果" },
		{ "export", cmd_export, "导出考核结果（XLSX 或 CSV）" },
		{ NULL, NULL, NULL }
	};

	if (argc >= 2 && (str_eq(argv[1], "--help") || str_eq(argv[1], "-h")))
		return cli_usage(usage, EXIT_OK);
	return cli_dispatch("fazhi assess", cmds, argc, argv);
}
