/*
 * cli.c: helpers of the command-line front end: where the store is, how
 * it is opened and checked, how diagnostics and JSON are printed, and the
 * subcommand dispatcher.
 * SPDX-License-Identifier: MIT
 */
#include <getopt.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "cli/cli.h"
#include "fazhi/util.h"
#include "fazhi/banned.h"

const char *
cli_db(const char *opt)
{
	const char	*e;

	if (opt != NULL)
		return opt;
	if ((e = getenv("FAZHI_DB")) != NULL && *e != '\0')
		return e;
	return CLI_DEFAULT_DB;
}

struct store *
cli_open(const char *db)
{
	struct store	*st = NULL;
	enum fz_err	 rc;
	int		 v = 0, n = 0;

	db = cli_db(db);	/* --db, else $FAZHI_DB, else the default */
	if ((rc = store_open(db, 0, &st)) != FZ_OK) {
		if (rc == FZ_ENOTFOUND)
			fprintf(stderr, "fazhi: 数据库“%s”不存在：请先运行 "
			    "fazhi init --db %s\n", db, db);
		else
			fprintf(stderr, "fazhi: %s\n", st != NULL ?
			    store_errmsg(st) : fz_strerror(rc));
		store_close(st);
		return NULL;
	}
	if ((rc = store_schema_version(st, &v)) != FZ_OK) {
		fprintf(stderr, "fazhi: 无法读取数据库“%s”：%s\n", db,
		    store_errmsg(st));
		store_close(st);
		return NULL;
	}
	if (v == 0) {
		fprintf(stderr, "fazhi: 数据库“%s”尚未初始化：请先运行 "
		    "fazhi init --db %s\n", db, db);
		store_close(st);
		return NULL;
	}
	if (v <= store_schema_latest(st) && store_schema_pending(st, &n) ==
	    FZ_OK && n > 0) {
		fprintf(stderr, "fazhi: 数据库“%s”有 %d 个结构升级尚未应用："
		    "请运行 fazhi init 升级\n", db, n);
		store_close(st);
		return NULL;
	}
	if (v != store_schema_latest(st)) {
		fprintf(stderr, "fazhi: 数据库“%s”的结构版本为 %d，本程序为 "
		    "%d：%s\n", db, v, store_schema_latest(st),
		    v < store_schema_latest(st) ? "请运行 fazhi init 升级" :
		    "请使用更新版本的 fazhi");
		store_close(st);
		return NULL;
	}
	return st;
}

const char *
cli_actor(void)
{
	static char	 actor[128];
	struct passwd	*pw;
	const char	*u = NULL;

	if ((pw = getpwuid(getuid())) != NULL)
		u = pw->pw_name;
	snprintf(actor, sizeof(actor), "cli:%s", u != NULL ? u : "unknown");
	return actor;
}

void
cli_print_diags(const struct diags *d, const char *file)
{
	size_t	 i;

	for (i = 0; i < d->n; i++) {
		const struct diag *g = &d->v[i];

		if (g->line > 0)
			fprintf(stderr, "%s:%d: %s：%s\n", file, g->line,
			    g->is_error ? "错误" : "警告", g->message);
		else
			fprintf(stderr, "%s: %s：%s\n", file,
			    g->is_error ? "错误" : "警告", g->message);
	}
}

void
cli_print_json(struct json_t *j)
{
	char	*s = json_dumps(j, JSON_INDENT(2) | JSON_PRESERVE_ORDER);

	if (s != NULL) {
		fputs(s, stdout);
		fputc('\n', stdout);
		free(s);
	}
	json_decref(j);
}

int
cli_usage(const char *text, int code)
{
	fputs(text, code == EXIT_OK ? stdout : stderr);
	return code;
}

int
cli_db_only(int argc, char **argv, const char *usage, const char **db)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	int	 c;

	*db = NULL;
	optind = 1;
	while ((c = getopt_long(argc, argv, "d:h", opts, NULL)) != -1) {
		switch (c) {
		case 'd':
			*db = optarg;
			break;
		case 'h':
			return cli_usage(usage, EXIT_OK);
		default:
			return cli_usage(usage, EXIT_USAGE);
		}
	}
	if (optind != argc)
		return cli_usage(usage, EXIT_USAGE);
	*db = cli_db(*db);
	return -1;
}

int
cli_wants_help(int argc, char **argv)
{
	int	 i;

	for (i = 1; i < argc; i++) {
		if (str_eq(argv[i], "--"))
			break;
		if (str_eq(argv[i], "--help") || str_eq(argv[i], "-h"))
			return 1;
	}
	return 0;
}

int
cli_dispatch(const char *prog, const struct cli_cmd *cmds, int argc,
    char **argv)
{
	const struct cli_cmd	*c;

	if (argc < 2 || str_eq(argv[1], "--help") || str_eq(argv[1], "-h") ||
	    str_eq(argv[1], "help")) {
		FILE *f = argc < 2 ? stderr : stdout;

		fprintf(f, "用法：%s <命令> [选项]\n\n命令：\n", prog);
		for (c = cmds; c->name != NULL; c++)
			fprintf(f, "  %-10s %s\n", c->name, c->summary);
		fprintf(f, "\n每个命令都可以加 --help 查看用法。\n");
		return argc < 2 ? EXIT_USAGE : EXIT_OK;
	}
	for (c = cmds; c->name != NULL; c++)
		if (str_eq(argv[1], c->name))
			return c->fn(argc - 1, argv + 1);
	fprintf(stderr, "%s: 未知命令“%s”（用 %s --help 查看全部命令）\n",
	    prog, argv[1], prog);
	return EXIT_USAGE;
}
