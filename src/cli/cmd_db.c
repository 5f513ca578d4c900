/*
 * cmd_db.c: fazhi db status|migrate|copy: what a store holds, bringing it
 * to this program's schema, and moving a whole store between SQLite and
 * PostgreSQL with every table verified.
 * SPDX-License-Identifier: MIT
 */
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "fazhi/util.h"
#include "fazhi/banned.h"

static const char usage[] =
    "用法：fazhi db status [--db 数据库]\n"
    "      fazhi db migrate [--db 数据库]\n"
    "      fazhi db copy --from 数据库 --to 数据库\n"
    "\n"
    "数据库可以是 SQLite 文件路径（或 sqlite:路径），也可以是 PostgreSQL 连接串\n"
    "（postgresql://用户@主机/库名 或 postgresql:///库名?host=/套接字目录）。\n"
    "status   显示数据库引擎、结构版本和每张表的行数。\n"
    "migrate  把数据库升级到本程序的结构版本（同 fazhi init）。\n"
    "copy     把整个数据库复制到另一个新建的空数据库（可跨引擎），保留全部编号；\n"
    "         提交前逐表核对行数和内容摘要（SHA-256），不一致则不保存。\n";

static void
bar(uint64_t done, uint64_t total, void *arg)
{
	struct progress	*p = arg;

	if (p->total != total)
		progress_start(p, "复制数据", total);
	progress_update(p, done);
}

static int
db_copy(const char *from, const char *to)
{
	struct store		*src = NULL, *dst = NULL;
	struct copy_report	 rep;
	struct progress		 pr;
	enum fz_err		 rc;
	size_t			 i;
	int			 a = 0, b = 0, r = EXIT_ERR;
	int64_t			 rows = 0;

	if ((src = cli_open(from)) == NULL)
		return EXIT_ERR;
	if ((rc = store_open(to, 1, &dst)) != FZ_OK ||
	    (rc = store_migrate(dst, &a, &b)) != FZ_OK) {
		fprintf(stderr, "fazhi: 目标数据库：%s\n", dst ?
		    store_errmsg(dst) : fz_strerror(rc));
		goto out;
	}
	memset(&pr, 0, sizeof(pr));
	rc = store_copy(src, dst, &rep, bar, &pr);
	progress_end(&pr);
	if (rc != FZ_OK) {
		fprintf(stderr, "fazhi: 复制失败，目标数据库未改动：%s\n",
		    store_errmsg(dst));
		goto out;
	}
	printf("%-18s %10s  %s\n", "表", "行数", "内容摘要（SHA-256，两边一致）");
	for (i = 0; i < rep.n; i++) {
		printf("%-18s %10lld  %.16s…\n", rep.t[i].table,
		    (long long)rep.t[i].rows, rep.t[i].sha256);
		rows += rep.t[i].rows;
	}
	printf("已复制 %lld 行，%zu 张表逐表核对一致：%s（%s）→ %s（%s）\n",
	    (long long)rows, rep.n, from, store_backend(src), to,
	    store_backend(dst));
	store_audit(dst, cli_actor(), "db.copy", from, "复制整个数据库");
	r = EXIT_OK;
out:
	store_close(src);
	store_close(dst);
	return r;
}

static int
db_status(const char *db)
{
	struct store		*st;
	struct copy_report	 rep;
	size_t			 i;
	int			 v = 0;

	if ((st = cli_open(db)) == NULL)
		return EXIT_ERR;
	store_schema_version(st, &v);
	printf("数据库：%s\n引擎：%s\n结构版本：%d（本程序 %d）\n", db,
	    store_backend(st), v, store_schema_latest(st));
	if (store_digest(st, &rep) != FZ_OK) {
		fprintf(stderr, "fazhi: %s\n", store_errmsg(st));
		store_close(st);
		return EXIT_ERR;
	}
	for (i = 0; i < rep.n; i++)
		printf("  %-18s %10lld 行\n", rep.t[i].table,
		    (long long)rep.t[i].rows);
	store_close(st);
	return EXIT_OK;
}

int
cmd_db(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "from", required_argument, NULL, 'f' },
		{ "to", required_argument, NULL, 't' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char	*db = NULL, *from = NULL, *to = NULL, *verb;
	int		 c;

	if (argc < 2 || str_eq(argv[1], "--help") || str_eq(argv[1], "-h"))
		return cli_usage(usage, argc < 2 ? EXIT_USAGE : EXIT_OK);
	verb = argv[1];
	optind = 1;
	while ((c = getopt_long(argc - 1, argv + 1, "d:f:t:h", opts,
	    NULL)) != -1) {
		switch (c) {
		case 'd':
			db = optarg;
			break;
		case 'f':
			from = optarg;
			break;
		case 't':
			to = optarg;
			break;
		case 'h':
			return cli_usage(usage, EXIT_OK);
		default:
			return cli_usage(usage, EXIT_USAGE);
		}
	}
	if (optind != argc - 1)
		return cli_usage(usage, EXIT_USAGE);
	if (str_eq(verb, "status"))
		return db_status(cli_db(db));
	if (str_eq(verb, "migrate")) {
		char	*args[] = { argv[0], (char *)(uintptr_t)"--db",
		    (char *)(uintptr_t)cli_db(db), NULL };

		return cmd_init(3, args);
	}
	if (str_eq(verb, "copy")) {
		if (from == NULL || to == NULL) {
			fprintf(stderr, "fazhi: db copy 需要 --from 和 --to\n");
			return EXIT_USAGE;
		}
		return db_copy(from, to);
	}
	fprintf(stderr, "fazhi db: 未知命令“%s”\n", verb);
	return EXIT_USAGE;
}
