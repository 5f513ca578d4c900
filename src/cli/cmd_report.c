/*
 * cmd_report.c: fazhi report annual: generate the year's 法治政府建设年度
 * 报告 (the county's, or a unit's with --unit) and write it as DOCX, HTML,
 * PDF (the DOCX converted by LibreOffice headless), text or JSON; list,
 * show, edit, submit, return, approve, publish and verify it.
 * SPDX-License-Identifier: MIT
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli/cli.h"
#include "fazhi/annual.h"
#include "fazhi/core.h"
#include "fazhi/util.h"
#include "fazhi/banned.h"

static const char usage[] =
    "用法：fazhi report annual [--db 数据库] --year 年度 [--unit 单位代码]\n"
    "                          [--plan 计划] [--format docx|html|pdf|text|json]\n"
    "                          [-o 文件]\n"
    "      fazhi report annual list [--db 数据库] [--year 年度] [--json]\n"
    "      fazhi report annual show [--db 数据库] [--json] 编号\n"
    "      fazhi report annual edit [--db 数据库] --part 部分 --paragraph 段\n"
    "                          --sentence 句 [--text 文字] [--cite 报告编号,…]\n"
    "                          [--claim|--no-claim] [--delete|--insert]\n"
    "                          [--reason 说明] 编号\n"
    "      fazhi report annual submit|approve|publish [--db 数据库] 编号\n"
    "      fazhi report annual return [--db 数据库] --reason 理由 编号\n"
    "      fazhi report annual verify [--db 数据库] 编号\n"
    "\n"
    "第一种用法生成年度报告草稿（一、主要举措和成效；二、存在的不足和原因；\n"
    "三、党政主要负责人履行推进法治建设第一责任人职责情况；四、下一年度主要\n"
    "安排；五、其他需要报告的情况）并输出；数据未变时不产生新版本。报告已提交、\n"
    "已审核或已发布时不再重新生成，输出当前版本（已发布的输出存档的 DOCX）。\n"
    "没有通过审核的依据的表述标注“待核实”，须补充依据（--cite）、改为非成效\n"
    "表述（--no-claim）或删除后才能发布。--part 1 至 5 为五个部分，0 为开头；\n"
    "--paragraph、--sentence 从 1 数起。docx 和 pdf 须用 -o 指定文件；pdf 由\n"
    "LibreOffice（soffice --headless）从 DOCX 转换。verify 重新计算已发布版本\n"
    "及其 DOCX 的 SHA-256 并与存档核对。\n";

struct opts {
	const char	*db;
	const char	*unit;
	const char	*plan;
	const char	*format;
	const char	*out;
	const char	*text;
	const char	*cite;
	const char	*reason;
	long long	 year;
	long long	 part;
	long long	 para;
	long long	 sent;
	int		 claim;		/* -1 keep */
	int		 del;
	int		 ins;
	int		 json;
};

static int
parse(int argc, char **argv, struct opts *o)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "year", required_argument, NULL, 'y' },
		{ "unit", required_argument, NULL, 'u' },
		{ "plan", required_argument, NULL, 'p' },
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "part", required_argument, NULL, 'P' },
		{ "paragraph", required_argument, NULL, 'G' },
		{ "sentence", required_argument, NULL, 'S' },
		{ "text", required_argument, NULL, 't' },
		{ "cite", required_argument, NULL, 'c' },
		{ "claim", no_argument, NULL, 'C' },
		{ "no-claim", no_argument, NULL, 'N' },
		{ "delete", no_argument, NULL, 'D' },
		{ "insert", no_argument, NULL, 'I' },
		{ "reason", required_argument, NULL, 'r' },
		{ "json", no_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	int	 c;

	memset(o, 0, sizeof(*o));
	o->claim = -1;
	o->part = o->para = o->sent = -1;
	optind = 1;
	while ((c = getopt_long(argc, argv, "d:y:u:p:f:o:jh", opts, NULL)) !=
	    -1) {
		switch (c) {
		case 'd':
			o->db = optarg;
			break;
		case 'y':
			if (str_toint(optarg, 2000, 2100, &o->year) != FZ_OK)
				return -2;
			break;
		case 'u':
			o->unit = optarg;
			break;
		case 'p':
			o->plan = optarg;
			break;
		case 'f':
			o->format = optarg;
			break;
		case 'o':
			o->out = optarg;
			break;
		case 'P':
			if (str_toint(optarg, 0, 5, &o->part) != FZ_OK)
				return -2;
			break;
		case 'G':
			if (str_toint(optarg, 1, 100000, &o->para) != FZ_OK)
				return -2;
			break;
		case 'S':
			if (str_toint(optarg, 1, 100000, &o->sent) != FZ_OK)
				return -2;
			break;
		case 't':
			o->text = optarg;
			break;
		case 'c':
			o->cite = optarg;
			break;
		case 'C':
			o->claim = 1;
			break;
		case 'N':
			o->claim = 0;
			break;
		case 'D':
			o->del = 1;
			break;
		case 'I':
			o->ins = 1;
			break;
		case 'r':
			o->reason = optarg;
			break;
		case 'j':
			o->json = 1;
			break;
		case 'h':
			return -1;
		default:
			return -2;
		}
	}
	return optind;
}

static void
actor_init(struct actor *ac)
{
	core_actor_system(ac);
	ac->login = cli_actor();
}

static int
write_file(const char *path, const struct buf *b)
{
	FILE	*f;
	int	 bad;

	if (path == NULL || str_eq(path, "-")) {
		fwrite(b->ptr, 1, b->len, stdout);
		return 0;
	}
	if ((f = fopen(path, "wb")) == NULL) {
		fprintf(stderr, "fazhi: 无法创建 %s\n", path);
		return -1;
	}
	bad = fwrite(b->ptr, 1, b->len, f) != b->len;
	bad |= fclose(f) != 0;
	if (bad)
		fprintf(stderr, "fazhi: 无法写入 %s\n", path);
	return bad ? -1 : 0;
}

/* Write the report's content (or its published DOCX) in a format. */
static int
emit(struct store *st, const struct annual_report *a, json_t *c,
    const char *format, const char *path)
{
	enum annual_format	 f;
	struct buf		 b = BUF_INIT, pdf = BUF_INIT, err = BUF_INIT;
	struct diags		 dg = { 0 };
	int			 want_pdf = str_eq(format, "pdf"), rc = EXIT_ERR;
	int			 published = str_eq(a->state, "published");

	if (want_pdf)
		f = ANNUAL_DOCX;
	else if (!core_annual_format_parse(format, &f))
		return cli_usage(usage, EXIT_USAGE);
	if ((f == ANNUAL_DOCX) && (path == NULL || str_eq(path, "-"))) {
		fprintf(stderr, "fazhi: %s 须用 -o 指定输出文件\n", format);
		return EXIT_USAGE;
	}
	if (f == ANNUAL_DOCX && published) {
		if (core_annual_docx(st, a->id, &b, &dg) != FZ_OK) {
			cli_print_diags(&dg, "fazhi");
			goto out;
		}
	} else if (core_annual_render(c, f, !published, &b, &err) != FZ_OK) {
		fprintf(stderr, "fazhi: %s\n", err.ptr);
		goto out;
	}
	if (want_pdf) {
		if (core_annual_pdf(&b, &pdf, &dg) != FZ_OK) {
			cli_print_diags(&dg, "fazhi");
			goto out;
		}
		rc = write_file(path, &pdf) == 0 ? EXIT_OK : EXIT_ERR;
	} else
		rc = write_file(path, &b) == 0 ? EXIT_OK : EXIT_ERR;
out:
	buf_release(&b);
	buf_release(&pdf);
	buf_release(&err);
	diags_release(&dg);
	return rc;
}

static void
summary(const struct annual_report *a, const json_t *c)
{
	fprintf(stderr, "年度报告 %lld：%s%s%d年度，第%d版，%s，待核实 %d 处\n",
	    (long long)a->id, a->unit_id ? a->unit_name : "全县",
	    a->unit_id ? "，" : "", a->year, a->version,
	    core_annual_state_name(a->state), core_annual_flags(c));
}

static int
generate(struct opts *o)
{
	struct store		*st;
	struct actor		 ac;
	struct diags		 dg = { 0 };
	struct annual_report	 a;
	json_t			*c = NULL;
	int64_t			 plan, unit;
	int			 rc = EXIT_ERR;
	enum fz_err		 e;

	if (o->year == 0)
		return cli_usage(usage, EXIT_USAGE);
	if ((st = cli_open(cli_db(o->db))) == NULL)
		return EXIT_ERR;
	actor_init(&ac);
	if (core_annual_scope(st, o->plan, (int)o->year, o->unit, &plan,
	    &unit, &dg) != FZ_OK)
		goto diag;
	e = store_annual_find(st, plan, (int)o->year, unit, &a);
	if (e == FZ_ENOTFOUND || (e == FZ_OK && str_eq(a.state, "draft")))
		e = core_annual_generate(st, &ac, plan, (int)o->year, unit, &a,
		    &dg);
	else if (e != FZ_OK) {
		fprintf(stderr, "fazhi: %s\n", store_errmsg(st));
		goto out;
	}
	if (e != FZ_OK)
		goto diag;
	if (core_annual_get(st, &ac, a.id, &a, &c, &dg) != FZ_OK)
		goto diag;
	summary(&a, c);
	rc = emit(st, &a, c, o->format ? o->format : "docx", o->out);
	goto out;
diag:
	cli_print_diags(&dg, "fazhi");
out:
	json_decref(c);
	diags_release(&dg);
	store_close(st);
	return rc;
}

static void
print_flags(const json_t *c)
{
	json_t	*part, *p, *s;
	size_t	 i, j, k;

	json_array_foreach(json_object_get(json_object_get(c, "preamble"),
	    "sentences"), k, s)
		if (json_is_true(json_object_get(s, "flag")))
			printf("  待核实 --part 0 --paragraph 1 --sentence %zu："
			    "%s\n", k + 1, json_string_value(json_object_get(s,
			    "text")));
	json_array_foreach(json_object_get(c, "parts"), i, part)
		json_array_foreach(json_object_get(part, "paragraphs"), j, p)
			json_array_foreach(json_object_get(p, "sentences"), k,
			    s)
				if (json_is_true(json_object_get(s, "flag")))
					printf("  待核实 --part %zu --paragraph %zu "
					    "--sentence %zu：%s\n", i + 1, j + 1,
					    k + 1, json_string_value(
					    json_object_get(s, "text")));
}

static int
verb_run(const char *verb, struct opts *o, const char *arg)
{
	struct store		*st;
	struct actor		 ac;
	struct diags		 dg = { 0 };
	struct annual_report	 a;
	json_t			*c = NULL, *x;
	long long		 id;
	int			 rc = EXIT_ERR;
	enum fz_err		 e;

	if (str_toint(arg, 1, INT64_MAX, &id) != FZ_OK)
		return cli_usage(usage, EXIT_USAGE);
	if (str_eq(verb, "edit") && (o->part < 0 || o->para < 0 ||
	    o->sent < 0))
		return cli_usage(usage, EXIT_USAGE);
	if ((st = cli_open(cli_db(o->db))) == NULL)
		return EXIT_ERR;
	actor_init(&ac);
	if (str_eq(verb, "show")) {
		if (core_annual_get(st, &ac, id, &a, &c, &dg) != FZ_OK)
			goto diag;
		if (o->json) {
			x = core_annual_json(&a);
			json_object_set_new(x, "flags", json_integer(
			    core_annual_flags(c)));
			json_object_set_new(x, "events",
			    core_annual_events_json(st, a.id));
			json_object_set(x, "content", c ? c : json_null());
			cli_print_json(x);
			rc = EXIT_OK;
			goto out;
		}
		printf("年度报告 %lld：%s %d年度  第%d版  %s  待核实 %d 处\n",
		    (long long)a.id, a.unit_id ? a.unit_name : "全县", a.year,
		    a.version, core_annual_state_name(a.state),
		    core_annual_flags(c));
		if (a.published_version)
			printf("已发布第%d版  %s  内容 SHA-256 %s  DOCX SHA-256 %s\n",
			    a.published_version, a.published_at,
			    a.content_sha256, a.docx_sha256);
		print_flags(c);
		rc = EXIT_OK;
		goto out;
	}
	if (str_eq(verb, "verify")) {
		if (core_annual_verify(st, id, &dg) != FZ_OK)
			goto diag;
		printf("年度报告 %lld：已发布版本与存档散列值一致\n", id);
		rc = EXIT_OK;
		goto out;
	}
	if (str_eq(verb, "edit")) {
		x = json_object();
		json_object_set_new(x, "part", json_integer(o->part - 1));
		json_object_set_new(x, "paragraph", json_integer(o->para - 1));
		json_object_set_new(x, "sentence", json_integer(o->sent - 1));
		if (o->text)
			json_object_set_new(x, "text", json_string(o->text));
		if (o->claim >= 0)
			json_object_set_new(x, "claim", json_boolean(o->claim));
		if (o->del)
			json_object_set_new(x, "delete", json_true());
		if (o->ins)
			json_object_set_new(x, "insert", json_true());
		if (o->reason)
			json_object_set_new(x, "reason", json_string(o->reason));
		if (o->cite) {
			json_t *ids = json_array();
			const char *p = o->cite;
			long long v;
			char num[24];

			while (*p) {
				size_t n = strcspn(p, ",，");

				if (n == 0 || n >= sizeof(num)) {
					json_decref(ids);
					json_decref(x);
					store_close(st);
					return cli_usage(usage, EXIT_USAGE);
				}
				memcpy(num, p, n);
				num[n] = '\0';
				if (str_toint(num, 1, INT64_MAX, &v) != FZ_OK) {
					json_decref(ids);
					json_decref(x);
					store_close(st);
					return cli_usage(usage, EXIT_USAGE);
				}
				json_array_append_new(ids, json_integer(v));
				p += n;
				if (*p == ',')
					p++;
				else if (str_startswith(p, "，"))
					p += 3;
			}
			json_object_set_new(x, "reports", ids);
		}
		e = core_annual_edit(st, &ac, id, x, &a, &dg);
		json_decref(x);
		if (e != FZ_OK)
			goto diag;
	} else {
		if (str_eq(verb, "return") && o->reason == NULL)
			goto usage;
		if (core_annual_transition(st, &ac, id, verb, o->reason, &a,
		    &dg) != FZ_OK)
			goto diag;
	}
	if (core_annual_get(st, &ac, id, &a, &c, &dg) != FZ_OK)
		goto diag;
	summary(&a, c);
	if (str_eq(verb, "publish"))
		printf("内容 SHA-256 %s\nDOCX SHA-256 %s\n", a.content_sha256,
		    a.docx_sha256);
	rc = EXIT_OK;
	goto out;
usage:
	rc = cli_usage(usage, EXIT_USAGE);
	goto out;
diag:
	cli_print_diags(&dg, "fazhi");
out:
	json_decref(c);
	diags_release(&dg);
	store_close(st);
	return rc;
}

static int
list(struct opts *o)
{
	struct store		*st;
	struct annual_report	*v = NULL;
	size_t			 n = 0, i;
	json_t			*a;

	if ((st = cli_open(cli_db(o->db))) == NULL)
		return EXIT_ERR;
	if (store_annual_list(st, 0, (int)o->year, &v, &n) != FZ_OK) {
		fprintf(stderr, "fazhi: %s\n", store_errmsg(st));
		store_close(st);
		return EXIT_ERR;
	}
	a = json_array();
	for (i = 0; i < n; i++) {
		if (o->json)
			json_array_append_new(a, core_annual_json(&v[i]));
		else
			printf("%4lld  %d年度  %-24s 第%d版  %s\n",
			    (long long)v[i].id, v[i].year, v[i].unit_id ?
			    v[i].unit_name : "全县", v[i].version,
			    core_annual_state_name(v[i].state));
	}
	if (o->json)
		cli_print_json(a);
	else
		json_decref(a);
	free(v);
	store_close(st);
	return EXIT_OK;
}

static int
annual(int argc, char **argv)
{
	static const char *const verbs[] = { "list", "show", "edit", "submit",
	    "return", "approve", "publish", "verify", NULL };
	struct opts	 o;
	const char	*verb = NULL;
	size_t		 i;
	int		 first;

	if (argc >= 2)
		for (i = 0; verbs[i] != NULL; i++)
			if (str_eq(argv[1], verbs[i]))
				verb = verbs[i];
	if (verb != NULL) {
		argc--;
		argv++;
	}
	first = parse(argc, argv, &o);
	if (first == -1)
		return cli_usage(usage, EXIT_OK);
	if (first < 0)
		return cli_usage(usage, EXIT_USAGE);
	if (verb == NULL) {
		if (first != argc)
			return cli_usage(usage, EXIT_USAGE);
		return generate(&o);
	}
	if (str_eq(verb, "list")) {
		if (first != argc)
			return cli_usage(usage, EXIT_USAGE);
		return list(&o);
	}
	if (first != argc - 1)
		return cli_usage(usage, EXIT_USAGE);
	return verb_run(verb, &o, argv[first]);
}

int
cmd_report(int argc, char **argv)
{
	static const struct cli_cmd cmds[] = {
		{ "annual", annual, "法治政府建设年度报告：生成、编辑、审核、发布" },
		{ NULL, NULL, NULL }
	};

	return cli_dispatch("fazhi report", cmds, argc, argv);
}
