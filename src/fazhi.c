/*
 * fazhi.c: main() of the fazhi program, a table of subcommands in the
 * manner of git: fazhi init, units, divisions, plan, calendar… Each
 * subcommand lives in src/cli/cmd_<name>.c and calls core/ for the work.
 * SPDX-License-Identifier: MIT
 */
#include <locale.h>
#include <stdio.h>

#include "cli/cli.h"
#include "fazhi/util.h"
#include "fazhi/banned.h"

#define FAZHI_VERSION	"0.1.0"

static int
cmd_version(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	printf("fazhi %s\n", FAZHI_VERSION);
	return EXIT_OK;
}

int
main(int argc, char **argv)
{
	static const struct cli_cmd cmds[] = {
		{ "init", cmd_init, "创建或升级数据库" },
		{ "db", cmd_db, "数据库：status、migrate、copy（SQLite 与 PostgreSQL 之间）" },
		{ "divisions", cmd_divisions, "行政区划：import" },
		{ "units", cmd_units, "单位名录：import、list" },
		{ "serve", cmd_serve, "启动 HTTP 服务（JSON API）" },
		{ "period", cmd_period, "报送期：add、generate、list、lock、unlock" },
		{ "calendar", cmd_calendar, "工作日历：import、list、workdays、add-workdays" },
		{ "remind", cmd_remind, "提醒：列出并记录即将到期、逾期未报和待审核事项" },
		{ "user", cmd_user, "账号：add、passwd、disable、enable、list" },
		{ "plan", cmd_plan, "工作计划：import、list、show、export" },
		{ "registry", cmd_registry, "台账（行政规范性文件…）：list、show、import、export、expiring" },
		{ "indicators", cmd_indicators, "指标：list、show、compute、define、link、plan" },
		{ "finding", cmd_finding, "督察发现问题：add、list、show、rectify、check、close、reopen" },
		{ "escalate", cmd_escalate, "督办：逾期事项依次提醒、催办、通报、约谈" },
		{ "bulletin", cmd_bulletin, "通报：各单位按及时率、一次通过率等排名" },
		{ "audit", cmd_audit, "操作日志：verify（核对散列链）" },
		{ "portal", cmd_portal, "公开门户：show、publish、unpublish、on、off" },
		{ "report", cmd_report, "年度报告：annual（生成、审核、发布法治政府建设年度报告）" },
		{ "assess", cmd_assess, "考核：rubric、score、run、show、export（按考核细则计分、排名）" },
		{ "version", cmd_version, "显示版本" },
		{ NULL, NULL, NULL }
	};

	setlocale(LC_CTYPE, "C.UTF-8");
	if (argc >= 2 && str_eq(argv[1], "--version"))
		return cmd_version(argc, argv);
	return cli_dispatch("fazhi", cmds, argc, argv);
}
