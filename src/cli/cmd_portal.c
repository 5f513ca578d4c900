/*
 * cmd_portal.c: fazhi portal show|publish|unpublish|on|off: what the
 * public portal (/portal/) shows, from the command line: the same
 * settings, the same checks and the same audit entries as the 信息公开
 * page (core/publish.c).
 * SPDX-License-Identifier: MIT
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli/cli.h"
#include "fazhi/core.h"
#include "fazhi/util.h"
#include "fazhi/banned.h"

static const char usage[] =
    "用法：fazhi portal show [--plan 计划] [--db 数据库]\n"
    "      fazhi portal publish [--plan 计划] [--fields 字段,…] [--db 数据库]\n"
    "      fazhi portal unpublish [--plan 计划] [--db 数据库]\n"
    "      fazhi portal on|off [--db 数据库]\n"
    "\n"
    "公开门户（/portal/，无需登录）显示的内容。show 列出门户开关、各计划是否\n"
    "公开及公开的字段（给出 --plan 时另列该计划审核通过报告的附件及是否公开）；\n"
    "publish 公开计划（默认最新的计划）并开启门户，--fields 为公开的字段，\n"
    "默认 task_text,units,status，可选 task_text（任务内容）、units（牵头单位和\n"
    "责任单位）、status（办理状态）、progress（审核通过的进展情况）、indicators\n"
    "（指标完成情况）；unpublish 撤下计划；on、off 开启或关闭整个门户。\n"
    "个人姓名、内部意见和退回原因不能公开；文字中的人名、手机号码和身份证号码\n"
    "在门户上自动遮盖。每次改动记入操作日志。\n";

int
cmd_portal(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "plan", required_argument, NULL, 'p' },
		{ "fields", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct pub_change	 ch;
	struct actor		 ac;
	struct diags		 dg = { 0 };
	struct store		*st = NULL;
	const char		*db = NULL, *plan = NULL, *verb;
	const char		*fields[16];
	char			*list = NULL, *p, *save = NULL;
	int64_t			 id = 0;
	json_t			*o = NULL;
	int			 c, r = EXIT_ERR;
	enum fz_err		 rc;

	if (argc < 2 || str_eq(argv[1], "--help") || str_eq(argv[1], "-h"))
		return cli_usage(usage, argc < 2 ? EXIT_USAGE : EXIT_OK);
	verb = argv[1];
	optind = 1;
	while ((c = getopt_long(argc - 1, argv + 1, "d:p:f:h", opts, NULL)) !=
	    -1) {
		switch (c) {
		case 'd':
			db = optarg;
			break;
		case 'p':
			plan = optarg;
			break;
		case 'f':
			free(list);
			list = xstrdup(optarg);
			break;
		case 'h':
			free(list);
			return cli_usage(usage, EXIT_OK);
		default:
			free(list);
			return cli_usage(usage, EXIT_USAGE);
		}
	}
	if (optind != argc - 1 || (!str_eq(verb, "show") && !str_eq(verb,
	    "publish") && !str_eq(verb, "unpublish") && !str_eq(verb, "on") &&
	    !str_eq(verb, "off"))) {
		free(list);
		return cli_usage(usage, EXIT_USAGE);
	}
	memset(&ch, 0, sizeof(ch));
	ch.enabled = -1;
	ch.fields = fields;
	if (list == NULL)
		list = xstrdup("task_text,units,status");
	for (p = strtok_r(list, ",", &save); p != NULL && ch.nfields < 16;
	    p = strtok_r(NULL, ",", &save)) {
		if (!core_pub_field_valid(p)) {
			fprintf(stderr, "fazhi portal: 没有可公开的字段“%s”\n", p);
			free(list);
			return EXIT_USAGE;
		}
		fields[ch.nfields++] = p;
	}
	if ((st = cli_open(cli_db(db))) == NULL)
		goto out;
	if ((plan != NULL || str_eq(verb, "publish") || str_eq(verb,
	    "unpublish")) && (rc = core_plan_lookup(st, plan, &id)) != FZ_OK) {
		fprintf(stderr, "fazhi portal: 没有找到计划%s%s\n", plan ? " " :
		    "", plan ? plan : "");
		goto out;
	}
	core_actor_system(&ac);
	ac.login = cli_actor();
	if (str_eq(verb, "show")) {
		if ((rc = core_publication_json(st, id, &o)) != FZ_OK) {
			fprintf(stderr, "fazhi: %s\n", store_errmsg(st));
			goto out;
		}
		cli_print_json(o);
		r = EXIT_OK;
		goto out;
	}
	if (str_eq(verb, "on") || str_eq(verb, "off"))
		ch.enabled = str_eq(verb, "on");
	else {
		ch.plan_id = id;
		ch.published = str_eq(verb, "publish");
		if (ch.published)
			ch.enabled = 1;
		else {
			/* keep the fields chosen before */
			struct pub_plan	 pp;

			if (store_pub_plan_get(st, id, &pp) == FZ_OK) {
				free(list);
				list = xstrdup(pp.fields);
				ch.nfields = 0;
				for (p = strtok_r(list, ",", &save); p != NULL &&
				    ch.nfields < 16; p = strtok_r(NULL, ",", &save))
					fields[ch.nfields++] = p;
			}
		}
	}
	if ((rc = core_publication_set(st, &ac, &ch, &dg)) != FZ_OK) {
		cli_print_diags(&dg, NULL);
		goto out;
	}
	if (ch.plan_id > 0)
		printf("计划 %lld 已%s\n", (long long)id, ch.published ?
		    "在门户公开" : "从门户撤下");
	else
		printf("公开门户已%s\n", ch.enabled ? "开启" : "关闭");
	r = EXIT_OK;
out:
	diags_release(&dg);
	free(list);
	store_close(st);
	return r;
}
