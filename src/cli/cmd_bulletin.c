/*
 * cmd_bulletin.c: fazhi bulletin: the 通报 ranking the units by 报送及时率,
 * 一次通过率, overdue items and open findings, as text, JSON or a
 * printable HTML page (the DOCX form is rendered from the same data).
 * SPDX-License-Identifier: MIT
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli/cli.h"
#include "fazhi/buf.h"
#include "fazhi/core.h"
#include "fazhi/supervise.h"
#include "fazhi/util.h"
#include "fazhi/banned.h"

static const char usage[] =
    "用法：fazhi bulletin [--db 数据库] [--plan 计划] [--period 报送期|--as-of 日期]\n"
    "                     [--title 标题] [--format text|html|docx|json]\n"
    "                     [-o 文件]\n"
    "\n"
    "生成通报：各单位按报送及时率、一次通过率、逾期事项（逾期未报的报告和\n"
    "超过整改期限的督察发现问题）、未销号问题依次排名，统计到 --as-of 日期\n"
    "（默认今天）。--format html 生成可打印的网页，docx 生成按党政机关公文\n"
    "格式排版的 Word 文档（须用 -o 指定文件），默认输出到标准输出。\n"
    "\n"
    "  --plan     只统计该计划的报告（编号或文号），默认全部\n"
    "  --period   统计到该报送期（名称或编号）的截止日期，只统计该计划\n"
    "  --as-of    统计截止日期（YYYY-MM-DD）\n"
    "  --title    通报标题\n"
    "  -o         写入该文件\n";

struct period_find {
	const char	*key;
	struct period	 p;
	int		 found;
};

static int
period_match(const struct period *p, void *arg)
{
	struct period_find	*f = arg;
	char			 id[24];

	snprintf(id, sizeof(id), "%lld", (long long)p->id);
	if (!f->found && (str_eq(p->name, f->key) || str_eq(id, f->key))) {
		f->p = *p;
		f->found = 1;
	}
	return 0;
}

static void
rate(FILE *fp, const json_t *u, const char *k, const char *num, long long den)
{
	const json_t	*v = json_object_get(u, k);

	if (json_is_number(v))
		fprintf(fp, "  %.1f%%（%lld/%lld）", json_number_value(v) * 100,
		    (long long)json_integer_value(json_object_get(u, num)),
		    den);
	else
		fprintf(fp, "  —");
}

int
cmd_bulletin(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "plan", required_argument, NULL, 'p' },
		{ "as-of", required_argument, NULL, 'a' },
		{ "period", required_argument, NULL, 'P' },
		{ "title", required_argument, NULL, 'T' },
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct bulletin_opts	 o;
	struct diags		 dg = { 0 };
	struct actor		 ac;
	struct store		*st;
	struct buf		 b = BUF_INIT;
	const char		*db = NULL, *plan = NULL, *format = "text";
	const char		*path = NULL, *period = NULL;
	struct period_find	 pf;
	char			 today[11], title[200];
	int			 c, r = EXIT_ERR;
	json_t			*out = NULL, *u;
	FILE			*fp = stdout;
	size_t			 i;

	memset(&o, 0, sizeof(o));
	date_today(today);
	o.as_of = today;
	optind = 1;
	while ((c = getopt_long(argc, argv, "d:p:a:P:T:f:o:h", opts, NULL)) !=
	    -1) {
		switch (c) {
		case 'd':
			db = optarg;
			break;
		case 'p':
			plan = optarg;
			break;
		case 'a':
			if (!core_date_valid(optarg)) {
				fprintf(stderr, "fazhi bulletin: --as-of 应为有效"
				    "的 YYYY-MM-DD，而不是“%s”\n", optarg);
				return EXIT_USAGE;
			}
			o.as_of = optarg;
			break;
		case 'P':
			period = optarg;
			break;
		case 'T':
			o.title = optarg;
			break;
		case 'f':
			format = optarg;
			break;
		case 'o':
			path = optarg;
			break;
		case 'h':
			return cli_usage(usage, EXIT_OK);
		default:
			return cli_usage(usage, EXIT_USAGE);
		}
	}
	if (optind != argc)
		return cli_usage(usage, EXIT_USAGE);
	if (!str_eq(format, "text") && !str_eq(format, "html") &&
	    !str_eq(format, "json") && !str_eq(format, "docx")) {
		fprintf(stderr, "fazhi bulletin: --format 应为 text、html、"
		    "docx 或 json\n");
		return EXIT_USAGE;
	}
	if (str_eq(format, "docx") && path == NULL) {
		fprintf(stderr, "fazhi bulletin: --format docx 须用 -o 指定"
		    "文件\n");
		return EXIT_USAGE;
	}
	if ((st = cli_open(db)) == NULL)
		return EXIT_ERR;
	core_actor_system(&ac);
	ac.login = cli_actor();
	if (plan != NULL && core_plan_lookup(st, plan, &o.plan_id) != FZ_OK) {
		fprintf(stderr, "fazhi bulletin: 找不到计划“%s”\n", plan);
		goto out;
	}
	if (period != NULL) {
		memset(&pf, 0, sizeof(pf));
		pf.key = period;
		if ((o.plan_id == 0 && core_plan_lookup(st, NULL, &o.plan_id) !=
		    FZ_OK) || store_period_iter(st, o.plan_id, period_match,
		    &pf) != FZ_OK || !pf.found) {
			fprintf(stderr, "fazhi bulletin: 找不到报送期“%s”\n",
			    period);
			goto out;
		}
		o.as_of = pf.p.due;
		if (o.title == NULL) {
			snprintf(title, sizeof(title), "关于%s法治政府建设工作"
			    "推进情况的通报", pf.p.name);
			o.title = title;
		}
	}
	if (core_bulletin(st, &ac, &o, &out, &dg) != FZ_OK) {
		cli_print_diags(&dg, "fazhi bulletin");
		goto out;
	}
	if (path != NULL && (fp = fopen(path, "w")) == NULL) {
		fprintf(stderr, "fazhi bulletin: 无法写入 %s\n", path);
		fp = stdout;
		goto out;
	}
	if (str_eq(format, "html")) {
		sup_bulletin_html(out, &b);
		fwrite(b.ptr, 1, b.len, fp);
	} else if (str_eq(format, "docx")) {
		struct buf e = BUF_INIT;

		if (sup_bulletin_docx(out, &b, &e) != FZ_OK ||
		    fwrite(b.ptr, 1, b.len, fp) != b.len) {
			fprintf(stderr, "fazhi bulletin: 无法生成 DOCX：%s\n",
			    e.len ? e.ptr : path);
			buf_release(&e);
			goto out;
		}
		buf_release(&e);
	} else if (str_eq(format, "json")) {
		char *s = json_dumps(out, JSON_INDENT(2) | JSON_PRESERVE_ORDER);

		fprintf(fp, "%s\n", s ? s : "");
		free(s);
	} else {
		fprintf(fp, "%s（统计截至 %s）\n", json_string_value(
		    json_object_get(out, "title")), o.as_of);
		json_array_foreach(json_object_get(out, "units"), i, u) {
			fprintf(fp, "%lld  %s", (long long)json_integer_value(
			    json_object_get(u, "rank")), json_string_value(
			    json_object_get(u, "unit_name")));
			fprintf(fp, "  及时率");
			rate(fp, u, "timely_rate", "on_time", json_integer_value(
			    json_object_get(u, "submitted")) +
			    json_integer_value(json_object_get(u, "missed")));
			fprintf(fp, "  一次通过率");
			rate(fp, u, "first_pass_rate", "first_pass",
			    json_integer_value(json_object_get(u,
			    "accepted")));
			fprintf(fp, "  逾期事项 %lld  未销号问题 %lld\n",
			    (long long)json_integer_value(json_object_get(u,
			    "overdue_items")), (long long)json_integer_value(
			    json_object_get(u, "open_findings")));
		}
	}
	if (fp != stdout && fclose(fp) != 0) {
		fp = stdout;
		fprintf(stderr, "fazhi bulletin: 写入 %s 失败\n", path);
		goto out;
	}
	fp = stdout;
	r = EXIT_OK;
out:
	if (fp != stdout)
		fclose(fp);
	buf_release(&b);
	json_decref(out);
	diags_release(&dg);
	store_close(st);
	return r;
}
