/*
 * cmd_audit.c: fazhi audit verify: walk the audit log's hash chain and
 * name the first entry that was edited or whose predecessor was deleted;
 * print the newest hash, to be kept outside the system as an anchor.
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>

#include "cli/cli.h"
#include "fazhi/util.h"
#include "fazhi/banned.h"

static const char usage[] =
    "用法：fazhi audit verify [--db 数据库]\n"
    "\n"
    "逐条核对操作日志的散列链：每条记录含前一条记录的散列和自身的散列\n"
    "（SHA-256），记录被改动或删除都会使链断开。链完整时退出码为 0，否则\n"
    "为 1，并指出第一条出问题的记录。请把输出的最新散列另行保存（如每日\n"
    "打印或报送），以便发现末尾记录被删除。\n";

int
cmd_audit(int argc, char **argv)
{
	struct audit_check	 c;
	struct store		*st;
	const char		*db;
	int			 r;

	if (argc < 2 || str_eq(argv[1], "--help") || str_eq(argv[1], "-h"))
		return cli_usage(usage, argc < 2 ? EXIT_USAGE : EXIT_OK);
	if (!str_eq(argv[1], "verify")) {
		fprintf(stderr, "fazhi audit: 未知命令“%s”\n", argv[1]);
		return cli_usage(usage, EXIT_USAGE);
	}
	if ((r = cli_db_only(argc - 1, argv + 1, usage, &db)) >= 0)
		return r;
	if ((st = cli_open(db)) == NULL)
		return EXIT_ERR;
	if (store_audit_verify(st, &c) != FZ_OK) {
		fprintf(stderr, "fazhi: %s\n", store_errmsg(st));
		store_close(st);
		return EXIT_ERR;
	}
	if (c.bad_id != 0) {
		fprintf(stderr, "fazhi: 操作日志的散列链在第 %lld 条记录处断开：%s"
		    "\n", (long long)c.bad_id, c.why);
		r = EXIT_ERR;
	} else {
		printf("操作日志完整：%lld 条记录", (long long)c.entries);
		if (c.unchained > 0)
			printf("（其中 %lld 条早于散列链，未校验）",
			    (long long)c.unchained);
		printf("\n最新散列：%s\n", c.head[0] ? c.head : "（无）");
		r = EXIT_OK;
	}
	store_close(st);
	return r;
}
