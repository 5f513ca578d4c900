/*
 * cmd_remind.c: fazhi remind, meant for cron or a systemd timer: for the
 * plan's open periods, list per unit what is due soon, what is overdue
 * (recorded once as 未报) and what waits for approval or review, and leave
 * each unit a notice; --dry-run lists without recording anything.
 * SPDX-License-Identifier: MIT
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include <jansson.h>

#include "cli/cli.h"
#include "fazhi/core.h"
#include "fazhi/util.h"
#include "fazhi/banned.h"

static const char usage[] =
    "用法：fazhi remind [--db 数据库] [--plan 计划] [--today 日期]\n"
    "                   [--dry-run] [--json]\n"
    "\n"
    "按单位列出工作计划各开放报送期中即将到期、逾期未报和待审批、待审核的\n"
    "事项。逾期未报的记为“未报”（每项只记一次），并给各单位留下提醒（同一\n"
    "单位同一类提醒每天一次）。宜由 cron 或 systemd 定时器每天运行。\n"
    "\n"
    "  --plan     计划编号或文号，默认为最新的计划\n"
    "  --today    以该日期（YYYY-MM-DD）为今天，默认为系统日期\n"
    "  --dry-run  只列出，不记录未报、不发提醒\n"
    "  --json     以 JSON 输出\n";

static void
print_items(const char *label, json_t *a)
{
	json_t	*x;
	size_t	 i;

	if (json_array_size(a) == 0)
		return;
	printf("  %s：", label);
	json_array_foreach(a, i, x)
		printf("%s第%lld项（截止 %s）", i ? "、" : "",
		    (long long)json_integer_value(json_object_get(x,
		    "task_number")), json_string_value(json_object_get(x,
		    "deadline")));
	printf("\n");
}

int
cmd_remind(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "plan", required_argument, NULL, 'p' },
		{ "today", required_argument, NULL, 't' },
		{ "dry-run", no_argument, NULL, 'n' },
		{ "json", no_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct remind_opts	 o = { 0, NULL, 0 };
	struct diags		 dg = { 0 };
	struct store		*st;
	const char		*db = NULL, *plan = NULL;
	char			 today[11];
	long			 dummy;
	int			 c, as_json = 0, r = EXIT_ERR;
	json_t			*out = NULL, *u;
	size_t			 i;
	enum fz_err		 rc;

	date_today(today);
	o.today = today;
	optind = 1;
	while ((c = getopt_long(argc, argv, "d:p:t:njh", opts, NULL)) != -1) {
		switch (c) {
		case 'd':
			db = optarg;
			break;
		case 'p':
			plan = optarg;
			break;
		case 't':
			if (date_days(optarg, &dummy) != FZ_OK) {
				fprintf(stderr, "fazhi remind: --today 应为有效的"
				    " YYYY-MM-DD，而不是“%s”\n", optarg);
				return EXIT_USAGE;
			}
			o.today = optarg;
			break;
		case 'n':
			o.dry_run = 1;
			break;
		case 'j':
			as_json = 1;
			break;
		case 'h':
			return cli_usage(usage, EXIT_OK);
		default:
			return cli_usage(usage, EXIT_USAGE);
		}
	}
	if (optind != argc)
		return cli_usage(usage, EXIT_USAGE);
	if ((st = cli_open(db)) == NULL)
		return EXIT_ERR;
	if (plan != NULL && core_plan_lookup(st, plan, &o.plan_id) != FZ_OK) {
		fprintf(stderr, "fazhi remind: 找不到计划“%s”\n", plan);
		goto out;
	}
	if ((rc = core_remind(st, &o, &out, &dg)) != FZ_OK) {
		cli_print_diags(&dg, NULL);
		goto out;
	}
	r = EXIT_OK;
	if (as_json) {
		cli_print_json(out);
		goto out;
	}
	printf("%s %s：%zu 个单位有待办事项，%zu 份报告待审核\n", o.today,
	    o.dry_run ? "（试运行，不记录）" : "",
	    json_array_size(json_object_get(out, "units")),
	    json_array_size(json_object_get(out, "review")));
	json_array_foreach(json_object_get(out, "units"), i, u) {
		printf("%s（%s）\n", json_string_value(json_object_get(u,
		    "unit_name")), json_string_value(json_object_get(u,
		    "period")));
		print_items("逾期未报", json_object_get(u, "overdue"));
		print_items("即将到期", json_object_get(u, "due"));
		print_items("待负责人审批", json_object_get(u, "approve"));
	}
	if (!o.dry_run)
		printf("新记未报 %lld 项，发出提醒 %lld 条\n",
		    (long long)json_integer_value(json_object_get(out,
		    "missed_recorded")), (long long)json_integer_value(
		    json_object_get(out, "notices_sent")));
out:
	json_decref(out);
	diags_release(&dg);
	store_close(st);
	return r;
}
