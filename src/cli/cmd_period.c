/*
 * cmd_period.c: fazhi period add|generate|list|lock|unlock: the reporting
 * periods of a plan — by hand, or the plan year's months or quarters at
 * once — and locking a period once its reports are closed.
 * SPDX-License-Identifier: MIT
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "cli/cli.h"
#include "fazhi/core.h"
#include "fazhi/util.h"
#include "fazhi/banned.h"

static const char usage[] =
    "用法：fazhi period add [--db 数据库] --name 名称 --start 日期 --end 日期\n"
    "                       --due 日期 [--grace 天数] 计划\n"
    "      fazhi period generate [--db 数据库] --quarterly|--monthly\n"
    "                       [--due-day 日] [--grace 天数] 计划\n"
    "      fazhi period list [--db 数据库] [--json] 计划\n"
    "      fazhi period lock|unlock [--db 数据库] 报送期编号\n"
    "\n"
    "日期写成 YYYY-MM-DD；计划写编号或文号。generate 按计划年度生成 4 个季度\n"
    "或 12 个月的报送期，截止日为每期结束后下一个月的第 N 日（默认 5 日），\n"
    "全部成功才保存。锁定的报送期不再接受报送。\n";

static int
list_cb(const struct period *p, void *arg)
{
	json_t	*a = arg;

	if (a == NULL) {
		printf("%4lld  %-16s %s 至 %s  %s 前报送  宽限 %d 天%s\n",
		    (long long)p->id, p->name, p->starts, p->ends, p->due,
		    p->grace_days, p->locked ? "  已锁定" : "");
		return 0;
	}
	json_array_append_new(a, json_pack("{s:I,s:s,s:s,s:s,s:s,s:i,s:b}",
	    "id", (json_int_t)p->id, "name", p->name, "starts", p->starts,
	    "ends", p->ends, "due", p->due, "grace_days", p->grace_days,
	    "locked", p->locked));
	return 0;
}

int
cmd_period(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "name", required_argument, NULL, 'n' },
		{ "start", required_argument, NULL, 's' },
		{ "end", required_argument, NULL, 'e' },
		{ "due", required_argument, NULL, 'u' },
		{ "grace", required_argument, NULL, 'g' },
		{ "due-day", required_argument, NULL, 'D' },
		{ "quarterly", no_argument, NULL, 'q' },
		{ "monthly", no_argument, NULL, 'm' },
		{ "json", no_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct period	 p;
	struct diags	 dg = { 0 };
	struct store	*st = NULL;
	const char	*db = NULL, *verb, *arg, *name = "", *s = "", *e = "",
			*u = "";
	long long	 grace = 0, due_day = 5, id;
	int		 c, kind = -1, json = 0, r = EXIT_ERR;
	int64_t		 plan;
	enum fz_err	 rc;

	if (argc < 2 || str_eq(argv[1], "--help") || str_eq(argv[1], "-h"))
		return cli_usage(usage, argc < 2 ? EXIT_USAGE : EXIT_OK);
	verb = argv[1];
	optind = 1;
	while ((c = getopt_long(argc - 1, argv + 1, "d:n:s:e:u:g:D:qmjh",
	    opts, NULL)) != -1) {
		switch (c) {
		case 'd':
			db = optarg;
			break;
		case 'n':
			name = optarg;
			break;
		case 's':
			s = optarg;
			break;
		case 'e':
			e = optarg;
			break;
		case 'u':
			u = optarg;
			break;
		case 'g':
			if (str_toint(optarg, 0, 60, &grace) != FZ_OK)
				return cli_usage(usage, EXIT_USAGE);
			break;
		case 'D':
			if (str_toint(optarg, 1, 28, &due_day) != FZ_OK)
				return cli_usage(usage, EXIT_USAGE);
			break;
		case 'q':
			kind = 1;
			break;
		case 'm':
			kind = 0;
			break;
		case 'j':
			json = 1;
			break;
		case 'h':
			return cli_usage(usage, EXIT_OK);
		default:
			return cli_usage(usage, EXIT_USAGE);
		}
	}
	if (optind != argc - 2)
		return cli_usage(usage, EXIT_USAGE);
	arg = argv[optind + 1];
	if (str_eq(verb, "lock") || str_eq(verb, "unlock")) {
		if (str_toint(arg, 1, INT64_MAX, &id) != FZ_OK)
			return cli_usage(usage, EXIT_USAGE);
		if ((st = cli_open(cli_db(db))) == NULL)
			return EXIT_ERR;
		rc = core_period_lock(st, id, str_eq(verb, "lock"),
		    cli_actor(), &dg);
		if (rc == FZ_OK)
			printf("报送期 %lld 已%s\n", id, str_eq(verb, "lock") ?
			    "锁定" : "解锁");
		goto done;
	}
	if (!str_eq(verb, "add") && !str_eq(verb, "generate") &&
	    !str_eq(verb, "list")) {
		fprintf(stderr, "fazhi period: 未知命令“%s”\n", verb);
		return cli_usage(usage, EXIT_USAGE);
	}
	if (str_eq(verb, "generate") && kind < 0) {
		fprintf(stderr, "fazhi: generate 需要 --quarterly 或 --monthly\n");
		return EXIT_USAGE;
	}
	if ((st = cli_open(cli_db(db))) == NULL)
		return EXIT_ERR;
	if ((rc = core_plan_lookup(st, arg, &plan)) != FZ_OK) {
		fprintf(stderr, "fazhi: 找不到计划“%s”\n", arg);
		goto out;
	}
	if (str_eq(verb, "list")) {
		json_t *a = json ? json_array() : NULL;

		if ((rc = store_period_iter(st, plan, list_cb, a)) != FZ_OK) {
			fprintf(stderr, "fazhi: %s\n", store_errmsg(st));
			json_decref(a);
			goto out;
		}
		if (a != NULL)
			cli_print_json(a);
		r = EXIT_OK;
		goto out;
	}
	if (str_eq(verb, "add")) {
		memset(&p, 0, sizeof(p));
		p.plan_id = plan;
		snprintf(p.name, sizeof(p.name), "%s", name);
		snprintf(p.starts, sizeof(p.starts), "%s", s);
		snprintf(p.ends, sizeof(p.ends), "%s", e);
		snprintf(p.due, sizeof(p.due), "%s", u);
		if (strlen(s) > 10 || strlen(e) > 10 || strlen(u) > 10)
			p.starts[0] = '\0';	/* reported as invalid */
		p.grace_days = (int)grace;
		rc = core_period_add(st, &p, cli_actor(), &dg);
		if (rc == FZ_OK)
			printf("已添加报送期 %lld：%s\n", (long long)p.id, p.name);
	} else {
		rc = core_periods_generate(st, plan, kind, (int)due_day,
		    (int)grace, cli_actor(), &dg);
		if (rc == FZ_OK)
			printf("已生成%s报送期\n", kind ? " 4 个季度" :
			    " 12 个月");
	}
done:
	cli_print_diags(&dg, "fazhi period");
	r = rc == FZ_OK ? EXIT_OK : EXIT_ERR;
out:
	diags_release(&dg);
	store_close(st);
	return r;
}
