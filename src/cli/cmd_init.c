/*
 * cmd_init.c: fazhi init: create a store or migrate it to the schema this
 * program knows, refusing one that a newer fazhi has migrated further.
 * SPDX-License-Identifier: MIT
 */
#include <sys/stat.h>

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "fazhi/util.h"
#include "fazhi/banned.h"

static const char usage[] =
    "用法：fazhi init [--db 路径]\n"
    "\n"
    "创建数据库，或把已有数据库升级到本程序的结构版本。\n"
    "默认数据库为 $FAZHI_DB，未设置时为 " CLI_DEFAULT_DB "。\n";

/* Create the folder of a database file, one level, as `make demo` needs. */
static void
make_parent(const char *path)
{
	char	 dir[4096];
	char	*slash;

	if (snprintf(dir, sizeof(dir), "%s", path) >= (int)sizeof(dir))
		return;
	if ((slash = strrchr(dir, '/')) == NULL || slash == dir)
		return;
	*slash = '\0';
	if (mkdir(dir, 0750) == -1 && errno != EEXIST)
		fprintf(stderr, "fazhi: 无法创建目录“%s”：%s\n", dir,
		    strerror(errno));
}

int
cmd_init(int argc, char **argv)
{
	const char	*db;
	struct store	*st = NULL;
	enum fz_err	 rc;
	int		 r, from = 0, to = 0, pending = 0;

	if ((r = cli_db_only(argc, argv, usage, &db)) >= 0)
		return r;
	if (!str_startswith(db, "postgres"))
		make_parent(db);
	if ((rc = store_open(db, 1, &st)) != FZ_OK) {
		fprintf(stderr, "fazhi: %s\n", st ? store_errmsg(st) :
		    fz_strerror(rc));
		store_close(st);
		return EXIT_ERR;
	}
	if ((rc = store_schema_pending(st, &pending)) != FZ_OK)
		pending = 1;	/* store_migrate says what is wrong */
	if ((rc = store_migrate(st, &from, &to)) != FZ_OK) {
		fprintf(stderr, "fazhi: 无法初始化数据库“%s”：%s\n", db,
		    store_errmsg(st));
		store_close(st);
		return EXIT_ERR;
	}
	if (pending == 0)
		printf("数据库 %s 已是最新（结构版本 %d）\n", db, to);
	else if (from == to)
		printf("已为数据库 %s 补上 %d 个结构升级（结构版本 %d）\n", db,
		    pending, to);
	else if (from == 0)
		printf("已创建数据库 %s（结构版本 %d）\n", db, to);
	else
		printf("已将数据库 %s 从结构版本 %d 升级到 %d\n", db, from, to);
	store_close(st);
	return EXIT_OK;
}
