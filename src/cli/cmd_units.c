/*
 * cmd_units.c: fazhi units import|list and fazhi divisions import: the unit
 * directory and the administrative divisions, from CSV files.
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

static const char units_usage[] =
    "用法：fazhi units import [--db 路径] 文件.csv\n"
    "      fazhi units list [--db 路径] [--json]\n"
    "\n"
    "import  导入单位名录（UTF-8 或 GB18030 编码的 CSV，表头见\n"
    "        data/units/README.md）。先检查全部行，任何一行有误则整个\n"
    "        文件不导入，并按行号报告；已有单位按编码更新。\n"
    "list    列出单位名录。\n";

static const char div_usage[] =
    "用法：fazhi divisions import [--db 路径] 文件.csv\n"
    "\n"
    "导入行政区划（GB/T 2260 代码），表头为 code,name,level,parent_code。\n";

struct args {
	const char	*db;
	int		 json;
	int		 first;		/* index of the first operand */
};

static int
parse_args(int argc, char **argv, struct args *a, const char *usage,
    int *done)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "json", no_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	int	 c;

	memset(a, 0, sizeof(*a));
	*done = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, "d:jh", opts, NULL)) != -1) {
		switch (c) {
		case 'd':
			a->db = optarg;
			break;
		case 'j':
			a->json = 1;
			break;
		case 'h':
			*done = 1;
			return cli_usage(usage, EXIT_OK);
		default:
			*done = 1;
			return cli_usage(usage, EXIT_USAGE);
		}
	}
	a->db = cli_db(a->db);
	a->first = optind;
	return EXIT_OK;
}

static int
units_import(int argc, char **argv)
{
	struct args	 a;
	struct diags	 dg = { 0 };
	struct store	*st;
	int		 done, r, n = 0;

	r = parse_args(argc, argv, &a, units_usage, &done);
	if (done)
		return r;
	if (argc - a.first != 1)
		return cli_usage(units_usage, EXIT_USAGE);
	if ((st = cli_open(a.db)) == NULL)
		return EXIT_ERR;
	if (core_units_import(st, argv[a.first], cli_actor(), &n, &dg) !=
	    FZ_OK) {
		cli_print_diags(&dg, argv[a.first]);
		fprintf(stderr, "fazhi: 单位名录未导入（%zu 处错误），数据库"
		    "未改动\n", dg.nerrors);
		r = EXIT_ERR;
	} else {
		cli_print_diags(&dg, argv[a.first]);
		printf("已导入 %d 个单位\n", n);
		r = EXIT_OK;
	}
	diags_release(&dg);
	store_close(st);
	return r;
}

static int
units_list(int argc, char **argv)
{
	struct args	 a;
	struct store	*st;
	struct unit_dir	 dir = { 0 };
	size_t		 i, k;
	int		 done, r;

	r = parse_args(argc, argv, &a, units_usage, &done);
	if (done)
		return r;
	if (argc != a.first)
		return cli_usage(units_usage, EXIT_USAGE);
	if ((st = cli_open(a.db)) == NULL)
		return EXIT_ERR;
	if (core_units_load(st, &dir) != FZ_OK) {
		fprintf(stderr, "fazhi: %s\n", store_errmsg(st));
		store_close(st);
		return EXIT_ERR;
	}
	if (a.json)
		cli_print_json(core_units_json(&dir));
	else {
		printf("%-10s %-10s %-4s %s\n", "编码", "类型", "执法",
		    "名称（简称；别名）");
		for (i = 0; i < dir.n; i++) {
			const struct unit *u = &dir.v[i];

			printf("%-10s %-10s %-4s %s", u->code,
			    unit_kind_name(u->kind),
			    u->enforcement ? "是" : "否", u->name);
			for (k = 0; k < u->nshorts; k++)
				printf("%s%s", k == 0 ? "（" : "、",
				    u->shorts[k]);
			for (k = 0; k < u->naliases; k++)
				printf("%s%s", k == 0 ? (u->nshorts ? "；" :
				    "（") : "、", u->aliases[k]);
			printf("%s\n", u->nshorts + u->naliases ? "）" : "");
		}
		printf("共 %zu 个单位\n", dir.n);
	}
	unit_dir_release(&dir);
	store_close(st);
	return EXIT_OK;
}

int
cmd_units(int argc, char **argv)
{
	static const struct cli_cmd cmds[] = {
		{ "import", units_import, "导入单位名录 CSV" },
		{ "list", units_list, "列出单位名录" },
		{ NULL, NULL, NULL }
	};

	return cli_dispatch("fazhi units", cmds, argc, argv);
}

static int
divisions_import(int argc, char **argv)
{
	struct args	 a;
	struct diags	 dg = { 0 };
	struct store	*st;
	int		 done, r, n = 0;

	r = parse_args(argc, argv, &a, div_usage, &done);
	if (done)
		return r;
	if (argc - a.first != 1)
		return cli_usage(div_usage, EXIT_USAGE);
	if ((st = cli_open(a.db)) == NULL)
		return EXIT_ERR;
	r = core_divisions_import(st, argv[a.first], cli_actor(), &n,
	    &dg) == FZ_OK ?
	    EXIT_OK : EXIT_ERR;
	cli_print_diags(&dg, argv[a.first]);
	if (r == EXIT_OK)
		printf("已导入 %d 个行政区划\n", n);
	else
		fprintf(stderr, "fazhi: 行政区划未导入，数据库未改动\n");
	diags_release(&dg);
	store_close(st);
	return r;
}

int
cmd_divisions(int argc, char **argv)
{
	static const struct cli_cmd cmds[] = {
		{ "import", divisions_import, "导入行政区划 CSV" },
		{ NULL, NULL, NULL }
	};

	return cli_dispatch("fazhi divisions", cmds, argc, argv);
}
