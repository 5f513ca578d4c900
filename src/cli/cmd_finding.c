/*
 * cmd_finding.c: fazhi finding add|edit|list|show|rectify|check|close|
 * reopen: 督察发现问题 from the command line: registered (and edited
 * until 销号) by the 依法治县办, the
 * units' 整改情况 with evidence files, the 核查 and 销号 by someone
 * outside the unit, and 重新打开 with a reason. --as LOGIN acts as an
 * account (its roles decide what it may do); without it, as fazhi.
 * SPDX-License-Identifier: MIT
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli/cli.h"
#include "fazhi/core.h"
#include "fazhi/supervise.h"
#include "fazhi/buf.h"
#include "fazhi/util.h"
#include "fazhi/banned.h"

static const char usage[] =
    "用法：fazhi finding add --source 来源 --found 日期 --deadline 日期\n"
    "                        --description 问题描述 --requirement 整改要求\n"
    "                        --unit 单位 [--unit 单位…] [--task 序号…]\n"
    "                        [--plan 计划] [--doc-no 文号] [--doc-title 标题]\n"
    "      fazhi finding edit 编号 [--source 来源] [--doc-no 文号]\n"
    "                         [--doc-title 标题] [--description 问题描述]\n"
    "                         [--requirement 整改要求] [--deadline 日期]\n"
    "                         [--unit 单位…] [--task 序号…] [--reason 说明]\n"
    "      fazhi finding list [--unit 单位] [--state 状态] [--source 来源]\n"
    "                         [--year 年度]\n"
    "      fazhi finding show 编号\n"
    "      fazhi finding rectify 编号 [--unit 单位] [--text 整改情况]\n"
    "                            [--file 文件…] [--submit]\n"
    "      fazhi finding check 编号 [--unit 单位] --pass|--fail [--comment 意见]\n"
    "      fazhi finding close 编号 [--unit 单位]\n"
    "      fazhi finding reopen 编号 [--unit 单位] --reason 理由\n"
    "      （每个命令都可加 --db 数据库、--as 账号、--json）\n"
    "\n"
    "督察发现问题的登记、整改、核查、销号和重新打开。\n"
    "add      登记督察发现问题。来源：省级督察、市级督察、县级督察或投诉举报；\n"
    "         --unit 为整改责任单位（编码、全称或简称），--task 为计划任务序号。\n"
    "         与本年度或上一年度同一单位或同一任务的问题相似的，标记为重复问题。\n"
    "edit     修改尚未销号的问题：只改给出的项；--unit、--task 给出时取代原有的\n"
    "         整改责任单位或关联任务（已填报整改情况的单位不能移除）。修改后\n"
    "         的整改期限由 fazhi escalate 重新计算逾期。\n"
    "rectify  整改责任单位填报整改情况、上传佐证材料，--submit 提交核查。\n"
    "check    核查（须由整改责任单位以外的人员），--fail 须写明 --comment。\n"
    "close    销号：须核查通过且有佐证材料，核查人不得属于整改责任单位。\n"
    "reopen   重新打开已销号的问题，保留原有记录。\n"
    "--unit   问题有多个整改责任单位时指定其一。\n"
    "--as     以该账号的身份和权限操作，否则以 fazhi 系统身份。\n";

#define MAXLIST	32

struct args {
	const char	*db, *as, *plan;
	const char	*source, *found, *deadline, *description;
	const char	*requirement, *doc_no, *doc_title;
	const char	*units[MAXLIST];
	size_t		 nunits;
	const char	*tasks[MAXLIST];
	size_t		 ntasks;
	const char	*files[MAXLIST];
	size_t		 nfiles;
	const char	*state, *text, *comment, *reason;
	int		 year;
	int		 submit, pass, fail, json;
	int		 first;
};

static int
parse(int argc, char **argv, struct args *a, int *done)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "as", required_argument, NULL, 'A' },
		{ "plan", required_argument, NULL, 'p' },
		{ "source", required_argument, NULL, 's' },
		{ "found", required_argument, NULL, 'F' },
		{ "deadline", required_argument, NULL, 'D' },
		{ "description", required_argument, NULL, 'e' },
		{ "requirement", required_argument, NULL, 'r' },
		{ "doc-no", required_argument, NULL, 'n' },
		{ "doc-title", required_argument, NULL, 'N' },
		{ "unit", required_argument, NULL, 'u' },
		{ "task", required_argument, NULL, 't' },
		{ "file", required_argument, NULL, 'f' },
		{ "state", required_argument, NULL, 'S' },
		{ "year", required_argument, NULL, 'y' },
		{ "text", required_argument, NULL, 'x' },
		{ "comment", required_argument, NULL, 'c' },
		{ "reason", required_argument, NULL, 'R' },
		{ "submit", no_argument, NULL, 'B' },
		{ "pass", no_argument, NULL, 'P' },
		{ "fail", no_argument, NULL, 'L' },
		{ "json", no_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	long long	 n;
	int		 c;

	memset(a, 0, sizeof(*a));
	*done = 1;
	optind = 1;
	while ((c = getopt_long(argc, argv, "d:A:p:s:F:D:e:r:n:N:u:t:f:S:y:"
	    "x:c:R:BPLjh", opts, NULL)) != -1) {
		switch (c) {
		case 'd':
			a->db = optarg;
			break;
		case 'A':
			a->as = optarg;
			break;
		case 'p':
			a->plan = optarg;
			break;
		case 's':
			a->source = optarg;
			break;
		case 'F':
			a->found = optarg;
			break;
		case 'D':
			a->deadline = optarg;
			break;
		case 'e':
			a->description = optarg;
			break;
		case 'r':
			a->requirement = optarg;
			break;
		case 'n':
			a->doc_no = optarg;
			break;
		case 'N':
			a->doc_title = optarg;
			break;
		case 'S':
			a->state = optarg;
			break;
		case 'x':
			a->text = optarg;
			break;
		case 'c':
			a->comment = optarg;
			break;
		case 'R':
			a->reason = optarg;
			break;
		case 'B':
			a->submit = 1;
			break;
		case 'P':
			a->pass = 1;
			break;
		case 'L':
			a->fail = 1;
			break;
		case 'j':
			a->json = 1;
			break;
		case 'u':
		case 't':
		case 'f': {
			const char	**v = c == 'u' ? a->units : c == 't' ?
			    a->tasks : a->files;
			size_t		 *k = c == 'u' ? &a->nunits : c == 't' ?
			    &a->ntasks : &a->nfiles;

			if (*k == MAXLIST) {
				fprintf(stderr, "fazhi finding: 最多 %d 个"
				    "--%s\n", MAXLIST, c == 'u' ? "unit" :
				    c == 't' ? "task" : "file");
				return EXIT_USAGE;
			}
			v[(*k)++] = optarg;
			break;
		}
		case 'y':
			if (str_toint(optarg, 1900, 2999, &n) != FZ_OK) {
				fprintf(stderr, "fazhi finding: --year 应为"
				    "年份，而不是“%s”\n", optarg);
				return EXIT_USAGE;
			}
			a->year = (int)n;
			break;
		case 'h':
			return cli_usage(usage, EXIT_OK);
		default:
			return cli_usage(usage, EXIT_USAGE);
		}
	}
	a->first = optind;
	*done = 0;
	return EXIT_OK;
}

/* The operand: a finding's number. */
static int
finding_id(int argc, char **argv, const struct args *a, int64_t *id)
{
	long long	 n;

	if (a->first + 1 != argc) {
		cli_usage(usage, EXIT_USAGE);
		return -1;
	}
	if (str_toint(argv[a->first], 1, INT64_MAX, &n) != FZ_OK) {
		fprintf(stderr, "fazhi finding: 问题编号应为正整数，而不是“%s”\n",
		    argv[a->first]);
		return -1;
	}
	*id = n;
	return 0;
}

struct ctx {
	struct store	*st;
	struct account	 acc;
	struct actor	 ac;
};

static int
ctx_open(struct ctx *x, const struct args *a)
{
	memset(x, 0, sizeof(*x));
	if ((x->st = cli_open(a->db)) == NULL)
		return -1;
	if (a->as == NULL) {
		core_actor_system(&x->ac);
		x->ac.login = cli_actor();
		return 0;
	}
	if (store_account_get(x->st, a->as, &x->acc) != FZ_OK ||
	    x->acc.disabled) {
		fprintf(stderr, "fazhi finding: 没有可用的账号“%s”\n", a->as);
		store_close(x->st);
		x->st = NULL;
		return -1;
	}
	core_actor_of(&x->acc, &x->ac);
	return 0;
}

static void
ctx_close(struct ctx *x)
{
	account_release(&x->acc);
	store_close(x->st);
}

static int
unit_of(struct store *st, const char *s, int64_t *id)
{
	*id = 0;
	if (s == NULL)
		return 0;
	if (store_sup_unit_find(st, s, id) != FZ_OK) {
		fprintf(stderr, "fazhi finding: 单位名录中没有“%s”\n", s);
		return -1;
	}
	return 0;
}

static int
fail(struct diags *dg)
{
	cli_print_diags(dg, "fazhi finding");
	return dg->nerrors > 0 && dg->v[0].code != NULL &&
	    str_eq(dg->v[0].code, "usage") ? EXIT_USAGE : EXIT_ERR;
}

/*
 * The ids of --unit and --task (tasks in the plan *plan, looked up first
 * when want_plan); 0, or -1 after saying what is wrong.
 */
static int
resolve_refs(struct ctx *x, const struct args *a, int want_plan,
    int64_t *plan, int64_t *units, int64_t *tasks)
{
	long long	 n;
	size_t		 i;

	if (want_plan && core_plan_lookup(x->st, a->plan, plan) != FZ_OK) {
		fprintf(stderr, "fazhi finding: 找不到计划“%s”\n", a->plan ?
		    a->plan : "（最新）");
		return -1;
	}
	for (i = 0; i < a->nunits; i++)
		if (unit_of(x->st, a->units[i], &units[i]) != 0)
			return -1;
	for (i = 0; i < a->ntasks; i++)
		if (str_toint(a->tasks[i], 1, 100000, &n) != FZ_OK ||
		    store_sup_task_find(x->st, *plan, (int)n, &tasks[i]) !=
		    FZ_OK) {
			fprintf(stderr, "fazhi finding: 计划中没有第“%s”项"
			    "任务\n", a->tasks[i]);
			return -1;
		}
	return 0;
}

/* The finding after a change: as JSON with --json, else the message. */
static void
print_finding(struct ctx *x, const struct args *a, int64_t id,
    const char *what, struct diags *dg)
{
	json_t	*o = NULL;

	if (!a->json) {
		printf("%s督察发现问题 %lld\n", what, (long long)id);
		return;
	}
	if (core_finding_json(x->st, &x->ac, id, &o, dg) == FZ_OK)
		cli_print_json(o);
	json_decref(o);
}

static int
cmd_add(int argc, char **argv)
{
	struct args		 a;
	struct ctx		 x;
	struct finding_input	 in;
	struct diags		 dg = { 0 };
	int64_t			 units[MAXLIST], tasks[MAXLIST], id;
	int			 done, r;

	if ((r = parse(argc, argv, &a, &done)) != EXIT_OK || done)
		return r;
	if (a.first != argc)
		return cli_usage(usage, EXIT_USAGE);
	if (ctx_open(&x, &a) != 0)
		return EXIT_ERR;
	r = EXIT_ERR;
	memset(&in, 0, sizeof(in));
	if (resolve_refs(&x, &a, a.plan != NULL || a.ntasks > 0, &in.plan_id,
	    units, tasks) != 0)
		goto out;
	in.source_kind = a.source;
	in.doc_no = a.doc_no;
	in.doc_title = a.doc_title;
	in.found_on = a.found;
	in.description = a.description;
	in.requirement = a.requirement;
	in.deadline = a.deadline;
	in.units = units;
	in.nunits = a.nunits;
	in.tasks = tasks;
	in.ntasks = a.ntasks;
	if (core_finding_add(x.st, &x.ac, &in, &id, &dg) != FZ_OK) {
		r = fail(&dg);
		goto out;
	}
	r = EXIT_OK;
	print_finding(&x, &a, id, "已登记", &dg);
out:
	diags_release(&dg);
	ctx_close(&x);
	return r;
}

static int
cmd_edit(int argc, char **argv)
{
	struct args		 a;
	struct ctx		 x;
	struct finding_edit	 e;
	struct diags		 dg = { 0 };
	int64_t			 units[MAXLIST], tasks[MAXLIST], id, plan = 0;
	int			 done, r;

	if ((r = parse(argc, argv, &a, &done)) != EXIT_OK || done)
		return r;
	if (finding_id(argc, argv, &a, &id) != 0)
		return EXIT_USAGE;
	if (a.found != NULL) {
		fprintf(stderr, "fazhi finding: 发现日期不能修改\n");
		return EXIT_USAGE;
	}
	if (ctx_open(&x, &a) != 0)
		return EXIT_ERR;
	r = EXIT_ERR;
	memset(&e, 0, sizeof(e));
	if (resolve_refs(&x, &a, a.ntasks > 0, &plan, units, tasks) != 0)
		goto out;
	e.f.source_kind = a.source;
	e.f.doc_no = a.doc_no;
	e.f.doc_title = a.doc_title;
	e.f.description = a.description;
	e.f.requirement = a.requirement;
	e.f.deadline = a.deadline;
	e.f.units = units;
	e.f.nunits = a.nunits;
	e.set_units = a.nunits > 0;
	e.f.tasks = tasks;
	e.f.ntasks = a.ntasks;
	e.set_tasks = a.ntasks > 0;
	e.reason = a.reason;
	if (core_finding_edit(x.st, &x.ac, id, &e, &dg) != FZ_OK) {
		r = fail(&dg);
		goto out;
	}
	r = EXIT_OK;
	print_finding(&x, &a, id, "已修改", &dg);
out:
	diags_release(&dg);
	ctx_close(&x);
	return r;
}

static int
cmd_list(int argc, char **argv)
{
	struct args		 a;
	struct ctx		 x;
	struct finding_filter	 fl;
	struct diags		 dg = { 0 };
	json_t			*out = NULL, *o, *u;
	size_t			 i, j;
	int			 done, r;

	if ((r = parse(argc, argv, &a, &done)) != EXIT_OK || done)
		return r;
	if (a.first != argc)
		return cli_usage(usage, EXIT_USAGE);
	if (ctx_open(&x, &a) != 0)
		return EXIT_ERR;
	r = EXIT_ERR;
	memset(&fl, 0, sizeof(fl));
	if (unit_of(x.st, a.units[0], &fl.unit_id) != 0)
		goto out;
	fl.state = a.state;
	if (a.source != NULL && (fl.source_kind = sup_source_key(a.source)) ==
	    NULL) {
		fprintf(stderr, "fazhi finding: 来源应为省级督察、市级督察、"
		    "县级督察或投诉举报\n");
		r = EXIT_USAGE;
		goto out;
	}
	fl.year = a.year;
	fl.limit = 100000;
	if (core_finding_list(x.st, &x.ac, &fl, &out, &dg) != FZ_OK) {
		r = fail(&dg);
		goto out;
	}
	r = EXIT_OK;
	if (a.json) {
		cli_print_json(out);
		goto out;
	}
	json_array_foreach(out, i, o) {
		printf("%lld  %s  %s  整改期限 %s  %s%s\n",
		    (long long)json_integer_value(json_object_get(o, "id")),
		    json_string_value(json_object_get(o, "found_on")),
		    json_string_value(json_object_get(o, "source_name")),
		    json_string_value(json_object_get(o, "deadline")),
		    json_string_value(json_object_get(o, "state_name")),
		    json_is_integer(json_object_get(o, "repeat_of")) ?
		    "  重复问题" : "");
		printf("    %s\n", json_string_value(json_object_get(o,
		    "description")));
		json_array_foreach(json_object_get(o, "units"), j, u)
			printf("    %s：%s\n", json_string_value(
			    json_object_get(u, "unit_name")),
			    json_string_value(json_object_get(u,
			    "state_name")));
	}
	printf("共 %zu 个问题\n", json_array_size(out));
out:
	json_decref(out);
	diags_release(&dg);
	ctx_close(&x);
	return r;
}

static const char *
jstr(const json_t *o, const char *k)
{
	const char	*s = json_string_value(json_object_get(o, k));

	return s ? s : "";
}

static int
cmd_show(int argc, char **argv)
{
	struct args	 a;
	struct ctx	 x;
	struct diags	 dg = { 0 };
	json_t		*o = NULL, *u, *e, *t;
	int64_t		 id;
	size_t		 i, j;
	int		 done, r;

	if ((r = parse(argc, argv, &a, &done)) != EXIT_OK || done)
		return r;
	if (finding_id(argc, argv, &a, &id) != 0)
		return EXIT_USAGE;
	if (ctx_open(&x, &a) != 0)
		return EXIT_ERR;
	if (core_finding_json(x.st, &x.ac, id, &o, &dg) != FZ_OK) {
		r = fail(&dg);
		goto out;
	}
	if (a.json) {
		cli_print_json(o);
		goto out;
	}
	printf("督察发现问题 %lld（%s）\n", (long long)id, jstr(o,
	    "state_name"));
	printf("来源：%s %s %s\n", jstr(o, "source_name"), jstr(o, "doc_no"),
	    jstr(o, "doc_title"));
	printf("发现日期：%s\n整改期限：%s\n", jstr(o, "found_on"),
	    jstr(o, "deadline"));
	printf("问题描述：%s\n整改要求：%s\n", jstr(o, "description"),
	    jstr(o, "requirement"));
	if (json_is_integer(json_object_get(o, "repeat_of")))
		printf("重复问题：与第 %lld 号问题重复\n",
		    (long long)json_integer_value(json_object_get(o,
		    "repeat_of")));
	json_array_foreach(json_object_get(o, "tasks"), i, t)
		printf("%s第%lld项", i ? "、" : "关联任务：",
		    (long long)json_integer_value(json_object_get(t, "number")));
	if (json_array_size(json_object_get(o, "tasks")) > 0)
		printf("\n");
	json_array_foreach(json_object_get(o, "units"), i, u) {
		printf("整改责任单位：%s（%s）\n", jstr(u, "unit_name"),
		    jstr(u, "state_name"));
		if (*jstr(u, "text") != '\0')
			printf("  整改情况：%s\n", jstr(u, "text"));
		if (*jstr(u, "checked_by") != '\0')
			printf("  核查：%s %s %s\n", jstr(u, "checked_by"),
			    jstr(u, "checked_at"), jstr(u, "check_comment"));
		json_array_foreach(json_object_get(u, "evidence"), j, e)
			printf("  佐证材料：%s（%lld 字节）\n", jstr(e, "name"),
			    (long long)json_integer_value(json_object_get(e,
			    "size")));
	}
	printf("记录：\n");
	json_array_foreach(json_object_get(o, "history"), i, e)
		printf("  %s %s %s%s%s%s%s\n", jstr(e, "at"), jstr(e, "actor"),
		    jstr(e, "action_name"), *jstr(e, "unit_name") ? " " : "",
		    jstr(e, "unit_name"), *jstr(e, "reason") ? "：" : "",
		    jstr(e, "reason"));
	r = EXIT_OK;
out:
	json_decref(o);
	diags_release(&dg);
	ctx_close(&x);
	return r;
}

enum op { OP_RECTIFY, OP_CHECK, OP_CLOSE, OP_REOPEN };

static int
change(int argc, char **argv, enum op op)
{
	static const char *const done_msg[] = {
		[OP_RECTIFY] = "已保存整改情况", [OP_CHECK] = "已核查",
		[OP_CLOSE] = "已销号", [OP_REOPEN] = "已重新打开",
	};
	struct args	 a;
	struct ctx	 x;
	struct diags	 dg = { 0 };
	struct evidence	 ev;
	struct buf	 data = BUF_INIT, err = BUF_INIT;
	int64_t		 id, unit;
	size_t		 i;
	enum fz_err	 rc = FZ_OK;
	int		 done, r;

	if ((r = parse(argc, argv, &a, &done)) != EXIT_OK || done)
		return r;
	if (finding_id(argc, argv, &a, &id) != 0)
		return EXIT_USAGE;
	if (op == OP_CHECK && a.pass == a.fail) {
		fprintf(stderr, "fazhi finding check: 须指定 --pass 或 --fail "
		    "之一\n");
		return EXIT_USAGE;
	}
	if (ctx_open(&x, &a) != 0)
		return EXIT_ERR;
	r = EXIT_ERR;
	if (unit_of(x.st, a.units[0], &unit) != 0)
		goto out;
	switch (op) {
	case OP_RECTIFY:
		for (i = 0; i < a.nfiles && rc == FZ_OK; i++) {
			const char	*base = strrchr(a.files[i], '/');

			buf_reset(&data);
			buf_reset(&err);
			if (file_read(a.files[i], 64L * 1024 * 1024, &data,
			    &err) != FZ_OK) {
				fprintf(stderr, "fazhi finding: %s\n", err.ptr);
				goto out;
			}
			rc = core_finding_evidence_add(x.st, &x.ac, id, unit,
			    base ? base + 1 : a.files[i], data.ptr, data.len,
			    &ev, &dg);
			if (rc == FZ_OK && !a.json)
				printf("已上传佐证材料 %s\n", ev.name);
		}
		if (rc == FZ_OK && (a.text != NULL || a.submit ||
		    a.nfiles == 0))
			rc = core_finding_rectify(x.st, &x.ac, id, unit, a.text,
			    a.submit, &dg);
		break;
	case OP_CHECK:
		rc = core_finding_check(x.st, &x.ac, id, unit, a.pass,
		    a.comment, &dg);
		break;
	case OP_CLOSE:
		rc = core_finding_close(x.st, &x.ac, id, unit, &dg);
		break;
	case OP_REOPEN:
		rc = core_finding_reopen(x.st, &x.ac, id, unit, a.reason, &dg);
		break;
	}
	if (rc != FZ_OK) {
		r = fail(&dg);
		goto out;
	}
	r = EXIT_OK;
	if (a.json) {
		json_t	*o = NULL;

		if (core_finding_json(x.st, &x.ac, id, &o, &dg) == FZ_OK)
			cli_print_json(o);
		json_decref(o);
	} else
		printf("%s\n", op == OP_RECTIFY && a.submit ? "已提交整改情况" :
		    done_msg[op]);
out:
	buf_release(&data);
	buf_release(&err);
	diags_release(&dg);
	ctx_close(&x);
	return r;
}

static int
cmd_rectify(int argc, char **argv)
{
	return change(argc, argv, OP_RECTIFY);
}

static int
cmd_check(int argc, char **argv)
{
	return change(argc, argv, OP_CHECK);
}

static int
cmd_close(int argc, char **argv)
{
	return change(argc, argv, OP_CLOSE);
}

static int
cmd_reopen(int argc, char **argv)
{
	return change(argc, argv, OP_REOPEN);
}

int
cmd_finding(int argc, char **argv)
{
	static const struct cli_cmd cmds[] = {
		{ "add", cmd_add, "登记督察发现问题" },
		{ "edit", cmd_edit, "修改尚未销号的督察发现问题" },
		{ "list", cmd_list, "列出督察发现问题" },
		{ "show", cmd_show, "一个问题及其整改情况和记录" },
		{ "rectify", cmd_rectify, "填报整改情况、上传佐证材料、提交" },
		{ "check", cmd_check, "核查整改情况" },
		{ "close", cmd_close, "销号" },
		{ "reopen", cmd_reopen, "重新打开" },
		{ NULL, NULL, NULL }
	};

	if (argc >= 2 && (str_eq(argv[1], "--help") || str_eq(argv[1], "-h")))
		return cli_usage(usage, EXIT_OK);
	return cli_dispatch("fazhi finding", cmds, argc, argv);
}
