/*
 * cmd_calendar.c: fazhi calendar import|list|workdays|add-workdays: the
 * official working-day calendar (holidays and 调休 from the State Council's
 * notices) loaded from CSV files, listed, and used to count working days.
 * SPDX-License-Identifier: MIT
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli/cli.h"
#include "fazhi/calendar.h"
#include "fazhi/core.h"
#include "fazhi/util.h"
#include "fazhi/banned.h"

static const char usage[] =
    "用法：fazhi calendar import [--db 数据库] [--year 年份] 文件.csv...\n"
    "      fazhi calendar list [--db 数据库] [--json] [年份]\n"
    "      fazhi calendar workdays [--db 数据库] 起始日期 截止日期\n"
    "      fazhi calendar add-workdays [--db 数据库] 日期 天数\n"
    "\n"
    "import        导入工作日历文件（按国务院办公厅放假通知整理，表头为\n"
    "              日期,类型,名称，类型为 休 或 班，见 data/calendar/README.md）。\n"
    "              年份取自 --year、文件名 YYYY.csv 或文件中的日期。全部文件\n"
    "              检查无误才保存，有误则按行号报告；导入某年即替换该年的日历。\n"
    "list          列出某年的放假日和调休上班日；不写年份则列出已导入的年份。\n"
    "workdays      两个日期之间的工作日数：不含起始日，含截止日。\n"
    "add-workdays  某日之后的第 N 个工作日（第 1 个工作日是该日之后的第一个\n"
    "              工作日）；N 为负数时向前推算。\n"
    "\n"
    "日期写成 YYYY-MM-DD。尚未导入日历的年份只按周六、周日休息计算，并给出警告。\n";

static int
list_year_cb(const struct cal_year *y, void *arg)
{
	int	*n = arg;

	if ((*n)++ == 0)
		printf("已导入的工作日历：\n");
	printf("  %d 年  %3d 天  导入于 %s  来源：%s\n", y->year, y->ndays,
	    y->loaded_at, y->source[0] ? y->source : "（未注明）");
	return 0;
}

static int
list_day_cb(const struct cal_day *d, void *arg)
{
	int32_t	 day = 0;

	(void)arg;
	cal_date_parse(d->date, &day);
	printf("%s  %s  %s  %s\n", d->date, cal_weekday_name(cal_weekday(day)),
	    cal_kind_name(d->kind), d->name);
	return 0;
}

static int
list(struct store *st, const char *arg, int json)
{
	json_t		*o = NULL;
	long long	 year;
	int		 n = 0;
	enum fz_err	 rc;

	if (arg == NULL) {
		if ((rc = store_calendar_years(st, list_year_cb, &n)) !=
		    FZ_OK) {
			fprintf(stderr, "fazhi: %s\n", store_errmsg(st));
			return EXIT_ERR;
		}
		if (n == 0)
			printf("尚未导入任何年份的工作日历（fazhi calendar "
			    "import data/calendar/*.csv）\n");
		return EXIT_OK;
	}
	if (str_toint(arg, 1900, 2999, &year) != FZ_OK)
		return cli_usage(usage, EXIT_USAGE);
	if ((rc = core_calendar_json(st, (int)year, &o)) != FZ_OK) {
		fprintf(stderr, "fazhi: %s\n", store_errmsg(st));
		return EXIT_ERR;
	}
	if (!json_is_true(json_object_get(o, "loaded"))) {
		fprintf(stderr, "fazhi: 尚未导入 %lld 年的工作日历\n", year);
		json_decref(o);
		return EXIT_ERR;
	}
	if (json) {
		cli_print_json(o);
		return EXIT_OK;
	}
	json_decref(o);
	return store_calendar_days(st, (int)year, list_day_cb, NULL) == FZ_OK ?
	    EXIT_OK : EXIT_ERR;
}

static void
warn_unknown(int year)
{
	if (year != 0)
		fprintf(stderr, "fazhi: 警告：尚未导入 %d 年的工作日历，该年只按"
		    "周六、周日休息计算，结果可能不准\n", year);
}

static int
arithmetic(struct store *st, const char *verb, const char *a,
    const char *b)
{
	struct calendar	 cal;
	long long	 n = 0;
	char		 out[11];
	int		 count, unknown = 0, r = EXIT_ERR;
	int32_t		 day;
	const char	*bad = NULL, *wd;

	if (str_eq(verb, "add-workdays") && str_toint(b, -CAL_MAX_WORKDAYS,
	    CAL_MAX_WORKDAYS, &n) != FZ_OK) {
		fprintf(stderr, "fazhi: 天数“%s”应为 -%d 到 %d 之间的整数\n",
		    b, CAL_MAX_WORKDAYS, CAL_MAX_WORKDAYS);
		return EXIT_USAGE;
	}
	if (!cal_date_parse(a, &day))
		bad = a;
	else if (str_eq(verb, "workdays") && !cal_date_parse(b, &day))
		bad = b;
	if (bad != NULL) {
		fprintf(stderr, "fazhi: 日期“%s”无效（应为 YYYY-MM-DD 的真实"
		    "日期）\n", bad);
		return EXIT_ERR;
	}
	if (cal_load(&cal, st) != FZ_OK) {
		fprintf(stderr, "fazhi: %s\n", store_errmsg(st));
		return EXIT_ERR;
	}
	if (str_eq(verb, "workdays")) {
		if (cal_workdays_between(&cal, a, b, &count, &unknown) !=
		    FZ_OK)
			goto out;
		printf("%s 至 %s：%d 个工作日（不含起始日，含截止日）\n", a, b,
		    count);
	} else {
		if (cal_add_workdays(&cal, a, (int)n, out, &unknown) != FZ_OK)
			goto out;
		cal_date_parse(out, &day);
		wd = cal_weekday_name(cal_weekday(day));
		if (n == 0)
			printf("%s（%s）\n", out, wd);
		else
			printf("%s %s第 %lld 个工作日：%s（%s）\n", a, n > 0 ?
			    "之后" : "之前", n > 0 ? n : -n, out, wd);
	}
	warn_unknown(unknown);
	r = EXIT_OK;
out:
	cal_release(&cal);
	return r;
}

/* Is s a negative whole number (the N of add-workdays, not an option)? */
static int
negative_number(const char *s)
{
	if (s[0] != '-' || s[1] < '0' || s[1] > '9')
		return 0;
	for (s++; *s != '\0'; s++)
		if (*s < '0' || *s > '9')
			return 0;
	return 1;
}

/*
 * "add-workdays DATE -3": a copy of argv with negative numbers moved behind
 * a "--", so that getopt takes them for operands; operands keep their order.
 */
static char **
negatives_last(int argc, char **argv, int *nargc)
{
	static char	 dashes[] = "--";
	char		**v;
	int		 i, k = 0;

	v = xreallocarray(NULL, st_add((size_t)argc, 2), sizeof(*v));
	for (i = 0; i < argc; i++)
		if (i < 2 || !negative_number(argv[i]))
			v[k++] = argv[i];
	if (k < argc) {
		v[k++] = dashes;
		for (i = 2; i < argc; i++)
			if (negative_number(argv[i]))
				v[k++] = argv[i];
	}
	v[k] = NULL;
	*nargc = k;
	return v;
}

int
cmd_calendar(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "year", required_argument, NULL, 'y' },
		{ "json", no_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct diags	 dg = { 0 };
	struct store	*st = NULL;
	char		**args = NULL, **ops;
	const char	*db = NULL, *verb;
	long long	 year = 0;
	int		 c, json = 0, nops, nargs, nyears = 0, r = EXIT_USAGE;
	enum fz_err	 rc;

	if (argc < 2 || str_eq(argv[1], "--help") || str_eq(argv[1], "-h"))
		return cli_usage(usage, argc < 2 ? EXIT_USAGE : EXIT_OK);
	verb = argv[1];
	args = negatives_last(argc, argv, &nargs);
	optind = 1;
	while ((c = getopt_long(nargs - 1, args + 1, "d:y:jh", opts, NULL)) !=
	    -1) {
		switch (c) {
		case 'd':
			db = optarg;
			break;
		case 'y':
			if (str_toint(optarg, 1900, 2999, &year) != FZ_OK)
				goto usage;
			break;
		case 'j':
			json = 1;
			break;
		case 'h':
			r = cli_usage(usage, EXIT_OK);
			goto out;
		default:
			goto usage;
		}
	}
	nops = nargs - 1 - optind;
	ops = args + optind + 1;
	if (str_eq(verb, "import")) {
		if (nops < 1 || (year != 0 && nops != 1) || json)
			goto usage;
	} else if (str_eq(verb, "list")) {
		if (nops > 1 || year != 0)
			goto usage;
	} else if (str_eq(verb, "workdays") || str_eq(verb, "add-workdays")) {
		if (nops != 2 || year != 0 || json)
			goto usage;
	} else {
		fprintf(stderr, "fazhi calendar: 未知命令“%s”\n", verb);
		goto usage;
	}
	r = EXIT_ERR;
	if ((st = cli_open(cli_db(db))) == NULL)
		goto out;
	if (str_eq(verb, "list"))
		r = list(st, nops == 1 ? ops[0] : NULL, json);
	else if (!str_eq(verb, "import"))
		r = arithmetic(st, verb, ops[0], ops[1]);
	else {
		rc = core_calendar_import(st, (const char *const *)ops,
		    (size_t)nops, (int)year, cli_actor(), &nyears, &dg);
		cli_print_diags(&dg, nops == 1 ? ops[0] : "fazhi calendar");
		if (rc == FZ_OK) {
			printf("已导入 %d 个年份的工作日历\n", nyears);
			r = EXIT_OK;
		} else
			fprintf(stderr, "fazhi: 工作日历未导入，数据库未作改动\n");
	}
	goto out;
usage:
	r = cli_usage(usage, EXIT_USAGE);
out:
	diags_release(&dg);
	store_close(st);
	free(args);
	return r;
}
