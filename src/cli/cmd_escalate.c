/*
 * cmd_escalate.c: fazhi escalate, meant for cron after fazhi remind: the
 * ladder 提醒 → 催办 → 通报 → 约谈 on overdue 整改 and 未报 reports, each
 * step recorded once per unit and item with a notice to the unit; 约谈 is
 * proposed (拟约谈) and confirmed with --confirm. --list shows the steps.
 * SPDX-License-Identifier: MIT
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli/cli.h"
#include "fazhi/core.h"
#include "fazhi/supervise.h"
#include "fazhi/util.h"
#include "fazhi/banned.h"

static const char usage[] =
    "用法：fazhi escalate [--db 数据库] [--today 日期] [--dry-run] [--json]\n"
    "      fazhi escalate --list [--unit 单位] [--db 数据库] [--json]\n"
    "      fazhi escalate --confirm 编号 [--as 账号] [--db 数据库]\n"
    "\n"
    "对超过整改期限仍未提交整改情况的督察发现问题，以及逾期未报的进展情况\n"
    "（由 fazhi remind 记为“未报”），按逾期的工作日数依次提醒、催办、通报、\n"
    "约谈：每个单位每个事项每一步只记一次，并给单位留下通知；约谈只记为\n"
    "“拟约谈”，由依法治县办用 --confirm 确认。逾期天数的门槛在设置\n"
    "escalate.remind_days、urge_days、bulletin_days、interview_days 中\n"
    "（默认 1、3、5、10 个工作日）。宜在 fazhi remind 之后每天运行。\n"
    "\n"
    "  --today    以该日期（YYYY-MM-DD）为今天，默认为系统日期\n"
    "  --dry-run  只列出将要记录的步骤，不记录、不发通知\n"
    "  --list     列出已记录的步骤（--unit 只列一个单位的）\n"
    "  --confirm  确认一项拟约谈\n"
    "  --as       以该账号的身份和权限操作\n"
    "  --json     以 JSON 输出\n";

int
cmd_escalate(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "today", required_argument, NULL, 't' },
		{ "dry-run", no_argument, NULL, 'n' },
		{ "list", no_argument, NULL, 'l' },
		{ "unit", required_argument, NULL, 'u' },
		{ "confirm", required_argument, NULL, 'c' },
		{ "as", required_argument, NULL, 'A' },
		{ "json", no_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct escalate_opts	 o = { NULL, 0 };
	struct diags		 dg = { 0 };
	struct account		 acc;
	struct actor		 ac;
	struct store		*st;
	const char		*db = NULL, *unit = NULL, *as = NULL;
	char			 today[11];
	long			 dummy;
	long long		 confirm = 0;
	int			 c, as_json = 0, list = 0, r = EXIT_ERR;
	int64_t			 unit_id = 0;
	json_t			*out = NULL, *x;
	size_t			 i;

	date_today(today);
	o.today = today;
	optind = 1;
	while ((c = getopt_long(argc, argv, "d:t:nlu:c:A:jh", opts, NULL)) !=
	    -1) {
		switch (c) {
		case 'd':
			db = optarg;
			break;
		case 't':
			if (date_days(optarg, &dummy) != FZ_OK) {
				fprintf(stderr, "fazhi escalate: --today 应为有效"
				    "的 YYYY-MM-DD，而不是“%s”\n", optarg);
				return EXIT_USAGE;
			}
			o.today = optarg;
			break;
		case 'n':
			o.dry_run = 1;
			break;
		case 'l':
			list = 1;
			break;
		case 'u':
			unit = optarg;
			break;
		case 'c':
			if (str_toint(optarg, 1, INT64_MAX, &confirm) !=
			    FZ_OK) {
				fprintf(stderr, "fazhi escalate: --confirm 应为"
				    "记录编号，而不是“%s”\n", optarg);
				return EXIT_USAGE;
			}
			break;
		case 'A':
			as = optarg;
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
	if (optind != argc || (list && confirm))
		return cli_usage(usage, EXIT_USAGE);
	if ((st = cli_open(db)) == NULL)
		return EXIT_ERR;
	memset(&acc, 0, sizeof(acc));
	core_actor_system(&ac);
	ac.login = cli_actor();
	if (as != NULL) {
		if (store_account_get(st, as, &acc) != FZ_OK || acc.disabled) {
			fprintf(stderr, "fazhi escalate: 没有可用的账号“%s”\n",
			    as);
			goto out;
		}
		core_actor_of(&acc, &ac);
	}
	if (unit != NULL && store_sup_unit_find(st, unit, &unit_id) != FZ_OK) {
		fprintf(stderr, "fazhi escalate: 单位名录中没有“%s”\n", unit);
		goto out;
	}
	if (confirm) {
		if (core_escalation_confirm(st, &ac, confirm, &dg) != FZ_OK) {
			cli_print_diags(&dg, "fazhi escalate");
			goto out;
		}
		printf("已确认约谈 %lld\n", confirm);
		r = EXIT_OK;
		goto out;
	}
	if (list) {
		if (core_escalation_list(st, &ac, unit_id, &out, &dg) != FZ_OK) {
			cli_print_diags(&dg, "fazhi escalate");
			goto out;
		}
		r = EXIT_OK;
		if (as_json) {
			cli_print_json(out);
			goto out;
		}
		json_array_foreach(out, i, x)
			printf("%lld  %s  %s%s  %s  %s\n",
			    (long long)json_integer_value(json_object_get(x,
			    "id")), json_string_value(json_object_get(x,
			    "on_date")), str_eq(json_string_value(
			    json_object_get(x, "state")), "proposed") ? "拟" :
			    "", json_string_value(json_object_get(x,
			    "step_name")), json_string_value(json_object_get(x,
			    "unit_name")), json_string_value(json_object_get(x,
			    "reason")));
		goto out;
	}
	if (core_escalate(st, &ac, &o, &out, &dg) != FZ_OK) {
		cli_print_diags(&dg, "fazhi escalate");
		goto out;
	}
	r = EXIT_OK;
	if (as_json) {
		cli_print_json(out);
		goto out;
	}
	printf("%s%s：%zu 项新的督办步骤%s\n", o.today, o.dry_run ?
	    "（试运行，不记录）" : "", json_array_size(json_object_get(out,
	    "steps")), json_is_true(json_object_get(out, "provisional")) ?
	    "（部分年度未导入工作日历，按周末计算，结果为暂定）" : "");
	json_array_foreach(json_object_get(out, "steps"), i, x)
		printf("  %s%s  %s  %s\n", str_eq(json_string_value(
		    json_object_get(x, "state")), "proposed") ? "拟" : "",
		    json_string_value(json_object_get(x, "step_name")),
		    json_string_value(json_object_get(x, "unit_name")),
		    json_string_value(json_object_get(x, "reason")));
	if (!o.dry_run)
		printf("发出通知 %lld 条\n", (long long)json_integer_value(
		    json_object_get(out, "notices_sent")));
out:
	json_decref(out);
	diags_release(&dg);
	account_release(&acc);
	store_close(st);
	return r;
}
