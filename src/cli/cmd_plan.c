/*
 * cmd_plan.c: fazhi plan import|list|show|export: bring an official plan
 * document in, see what was found, and hand out its 任务分工表.
 * SPDX-License-Identifier: MIT
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli/cli.h"
#include "fazhi/core.h"
#include "fazhi/export.h"
#include "fazhi/util.h"
#include "fazhi/banned.h"

static const char usage[] =
    "用法：fazhi plan import [--db 路径] [--dry-run] [--update]\n"
    "                        [--format markdown|text|docx] [--json] 文件\n"
    "      fazhi plan list   [--db 路径] [--json]\n"
    "      fazhi plan show   [--db 路径] [--json] [计划]\n"
    "      fazhi plan export [--db 路径] --format xlsx|csv|md [-o 文件] [计划]\n"
    "\n"
    "import  导入法治政府建设工作计划（Markdown、纯文本或 DOCX），报告找到的\n"
    "        部分、任务、牵头单位、责任单位、指标和每条警告。同一文号的计划\n"
    "        已存在时显示差异，只有加 --update 才更新（任务编号保持不变）。\n"
    "        --dry-run 只检查，不保存。\n"
    "list    列出已导入的计划。\n"
    "show    显示一个计划（计划可写编号或文号，默认为最新的计划）。\n"
    "export  导出任务分工表（序号、任务、牵头单位、责任单位、指标、时限）；\n"
    "        xlsx 必须用 -o 指定文件，csv 和 md 默认输出到标准输出。\n";

struct args {
	const char		*db;
	const char		*out;
	const char		*format;
	int			 json;
	int			 dry_run;
	int			 update;
	int			 first;
};

static int
parse_args(int argc, char **argv, struct args *a, int *done)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "json", no_argument, NULL, 'j' },
		{ "dry-run", no_argument, NULL, 'n' },
		{ "update", no_argument, NULL, 'u' },
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	int	 c;

	memset(a, 0, sizeof(*a));
	*done = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, "d:jnuf:o:h", opts, NULL)) != -1) {
		switch (c) {
		case 'd':
			a->db = optarg;
			break;
		case 'j':
			a->json = 1;
			break;
		case 'n':
			a->dry_run = 1;
			break;
		case 'u':
			a->update = 1;
			break;
		case 'f':
			a->format = optarg;
			break;
		case 'o':
			a->out = optarg;
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

static size_t
count_refs(const struct plan *p, enum ref_role role, enum ref_kind kind)
{
	size_t	 i, j, n = 0;

	for (i = 0; i < p->ntasks; i++)
		for (j = 0; j < p->tasks[i].nrefs[role]; j++)
			if (p->tasks[i].refs[role][j].kind == kind)
				n++;
	return n;
}

static size_t
count_inds(const struct plan *p)
{
	size_t	 i, n = 0;

	for (i = 0; i < p->ntasks; i++)
		n += p->tasks[i].ninds;
	return n;
}

static void
print_refs(const struct task *t, enum ref_role role)
{
	size_t	 i;

	printf("     %s：", role == ROLE_LEAD ? "牵头单位" : "责任单位");
	if (t->nrefs[role] == 0)
		printf("（未列）");
	for (i = 0; i < t->nrefs[role]; i++) {
		const struct unit_ref *r = &t->refs[role][i];

		printf("%s%s", i ? "，" : "", r->phrase);
		switch (r->kind) {
		case REF_GROUP:
			printf("（%zu 个单位）", r->nunits);
			break;
		case REF_DESIGNATE:
			printf("（待明确）");
			break;
		case REF_UNKNOWN:
			printf("（未识别）");
			break;
		case REF_UNIT:
			if (r->nunits == 1 && !str_eq(r->units[0], r->phrase))
				printf("〔%s〕", r->units[0]);
			break;
		default:
			break;
		}
	}
	printf("\n");
}

static void
print_indicator(const struct indicator *in)
{
	printf("     指标：%s%s%s——%s", in->name ? in->name : "",
	    in->name ? "，" : "", in->phrase, ind_kind_name(in->kind));
	if (in->kind == IND_DEADLINE)
		printf(" %s %s", str_eq(in->comparator, "<=") ? "≤" :
		    in->comparator, in->target_date);
	else
		printf(" %s %g%s", str_eq(in->comparator, ">=") ? "≥" :
		    in->comparator, in->target, in->unit ? in->unit : "");
	if (in->period == PERIOD_YEAR)
		printf("，每年");
	printf("，%s\n", in->per_unit ? "各责任单位" : "全县");
}

static void
print_plan(const struct plan *p, int tasks)
{
	size_t	 i, j, s = (size_t)-1;

	printf("%s\n", p->title);
	printf("文号：%s    发文机关：%s    成文日期：%s    公开：%s\n",
	    p->doc_no ? p->doc_no : "（无）", p->issuer ? p->issuer : "（无）",
	    p->issue_date ? p->issue_date : "（无）", p->is_public < 0 ?
	    "未注明" : p->is_public ? "是" : "否");
	printf("来源：%s（%s，%zu 字节，SHA-256 %.16s…）", p->source_name,
	    p->source_format, p->source_bytes, p->source_sha256);
	if (p->revision > 0)
		printf("，第 %d 版", p->revision);
	printf("\n%zu 个部分，%zu 项任务；牵头单位 %zu 处、责任单位 %zu 处已识别，"
	    "待明确 %zu 处，未识别 %zu 处；指标 %zu 项\n", p->nsections,
	    p->ntasks, count_refs(p, ROLE_LEAD, REF_UNIT) +
	    count_refs(p, ROLE_LEAD, REF_GROUP),
	    count_refs(p, ROLE_RESP, REF_UNIT) +
	    count_refs(p, ROLE_RESP, REF_GROUP),
	    count_refs(p, ROLE_LEAD, REF_DESIGNATE) +
	    count_refs(p, ROLE_RESP, REF_DESIGNATE),
	    count_refs(p, ROLE_LEAD, REF_UNKNOWN) +
	    count_refs(p, ROLE_RESP, REF_UNKNOWN), count_inds(p));
	if (!tasks)
		return;
	for (i = 0; i < p->ntasks; i++) {
		const struct task *t = &p->tasks[i];

		if (s != (size_t)t->section) {
			s = (size_t)t->section;
			for (j = 0; j < p->nsections; j++)
				if (p->sections[j].order == t->section)
					printf("\n%s、%s\n",
					    p->sections[j].numeral,
					    p->sections[j].title);
		}
		printf("  %2d. %s\n", t->number, t->title);
		print_refs(t, ROLE_LEAD);
		print_refs(t, ROLE_RESP);
		for (j = 0; j < t->ninds; j++)
			print_indicator(&t->inds[j]);
		if (t->deadline_text != NULL)
			printf("     时限：%s\n", t->deadline_text);
	}
	for (j = 0; j < p->nsections; j++)
		if (!p->sections[j].has_tasks)
			printf("\n（%s、%s：总体要求类部分，无任务）\n",
			    p->sections[j].numeral, p->sections[j].title);
}

static void
print_intv(const char *label, const int *v, size_t n)
{
	size_t	 i;

	if (n == 0)
		return;
	printf("  %s：", label);
	for (i = 0; i < n; i++)
		printf("%s%d", i ? "、" : "", v[i]);
	printf("\n");
}

static void
print_diff(const struct plan_diff *d)
{
	if (core_plan_diff_empty(d)) {
		printf("与已保存的计划相比：任务、单位和指标没有变化"
		    "（来源文件不同）\n");
		return;
	}
	printf("与已保存的计划相比：\n");
	print_intv("新增任务（新文本中的序号）", d->added, d->nadded);
	print_intv("删除任务（原序号）", d->removed, d->nremoved);
	print_intv("内容有变化的任务（原序号）", d->changed, d->nchanged);
	print_intv("单位有变化的任务（原序号）", d->units_changed,
	    d->nunits_changed);
	if (d->renumbered)
		printf("  部分任务的序号或所属部分有变化\n");
	if (d->meta_changed)
		printf("  标题、日期、主送、抄送或部分标题有变化\n");
}

static int
plan_import(int argc, char **argv)
{
	struct args		 a;
	struct import_opts	 o;
	struct import_result	 res;
	struct plan		 p;
	struct diags		 dg = { 0 };
	struct store		*st;
	const char		*file;
	enum fz_err		 rc;
	int			 done, r;

	r = parse_args(argc, argv, &a, &done);
	if (done)
		return r;
	if (argc - a.first != 1)
		return cli_usage(usage, EXIT_USAGE);
	file = argv[a.first];
	memset(&o, 0, sizeof(o));
	if (a.format != NULL && !doc_format_parse(a.format, &o.format)) {
		fprintf(stderr, "fazhi: 未知格式“%s”（可用 markdown、text、"
		    "docx）\n", a.format);
		return EXIT_USAGE;
	}
	o.dry_run = a.dry_run;
	o.update = a.update;
	o.actor = cli_actor();
	if ((st = cli_open(a.db)) == NULL)
		return EXIT_ERR;
	plan_init(&p);
	rc = core_plan_import(st, file, &o, &p, &res, &dg);
	if (a.json) {
		json_t *j = json_object();

		json_object_set_new(j, "ok", json_boolean(rc == FZ_OK));
		if (rc == FZ_OK) {
			static const char *const actions[] = {
				"created", "updated", "unchanged", "differs",
				"checked",
			};

			json_object_set_new(j, "action",
			    json_string(actions[res.action]));
			json_object_set_new(j, "plan", core_plan_json(&p));
			if (res.exists)
				json_object_set_new(j, "diff",
				    core_diff_json(&res.diff));
		}
		json_object_set_new(j, "warnings", core_diags_json(&dg));
		cli_print_json(j);
		if (rc != FZ_OK)
			cli_print_diags(&dg, file);
	} else {
		cli_print_diags(&dg, file);
		if (rc == FZ_OK) {
			switch (res.action) {
			case IMPORT_CREATED:
				printf("已导入计划（编号 %lld）：\n",
				    (long long)p.id);
				break;
			case IMPORT_UPDATED:
				printf("已更新计划（编号 %lld，第 %d 版）：\n",
				    (long long)p.id, p.revision);
				break;
			case IMPORT_UNCHANGED:
				printf("计划（编号 %lld）与已保存的相同，未改动：\n",
				    (long long)p.id);
				break;
			case IMPORT_DIFFERS:
				printf("同一文号的计划（编号 %lld）已存在且内容不同；"
				    "未更新（加 --update 更新）：\n",
				    (long long)p.id);
				break;
			case IMPORT_CHECKED:
				printf("检查完毕（--dry-run，未保存）：\n");
				break;
			}
			print_plan(&p, 0);
			if (res.exists && res.action != IMPORT_UNCHANGED)
				print_diff(&res.diff);
			if (dg.n > 0)
				printf("警告 %zu 条（见上）\n", dg.n);
		}
	}
	if (rc != FZ_OK)
		fprintf(stderr, "fazhi: 计划未导入，数据库未改动\n");
	r = rc == FZ_OK ? EXIT_OK : EXIT_ERR;
	plan_diff_release(&res.diff);
	plan_release(&p);
	diags_release(&dg);
	store_close(st);
	return r;
}

static int
list_cb(const struct plan_summary *s, void *arg)
{
	json_t	*a = arg;

	if (a != NULL) {
		json_t *o = json_object();

		json_object_set_new(o, "id", json_integer(s->id));
		json_object_set_new(o, "doc_no", s->doc_no ?
		    json_string(s->doc_no) : json_null());
		json_object_set_new(o, "title", json_string(s->title));
		json_object_set_new(o, "year", json_integer(s->year));
		json_object_set_new(o, "revision", json_integer(s->revision));
		json_object_set_new(o, "tasks", json_integer(s->ntasks));
		json_object_set_new(o, "updated_at", json_string(s->updated_at));
		json_array_append_new(a, o);
	} else
		printf("%4lld  %-24s %s（%d 项任务，第 %d 版）\n",
		    (long long)s->id, s->doc_no ? s->doc_no : "（无文号）",
		    s->title, s->ntasks, s->revision);
	return 0;
}

static int
plan_list(int argc, char **argv)
{
	struct args	 a;
	struct store	*st;
	json_t		*arr = NULL;
	int		 done, r;

	r = parse_args(argc, argv, &a, &done);
	if (done)
		return r;
	if (argc != a.first)
		return cli_usage(usage, EXIT_USAGE);
	if ((st = cli_open(a.db)) == NULL)
		return EXIT_ERR;
	if (a.json)
		arr = json_array();
	if (store_plan_iter(st, list_cb, arr) != FZ_OK) {
		fprintf(stderr, "fazhi: %s\n", store_errmsg(st));
		json_decref(arr);
		store_close(st);
		return EXIT_ERR;
	}
	if (arr != NULL)
		cli_print_json(arr);
	store_close(st);
	return EXIT_OK;
}

/* Load the plan named by the optional operand. */
static int
load_plan(struct store *st, const char *key, struct plan *p)
{
	int64_t		 id;
	enum fz_err	 rc;

	plan_init(p);
	if ((rc = core_plan_lookup(st, key, &id)) == FZ_OK)
		rc = store_plan_get(st, id, p);
	if (rc == FZ_ENOTFOUND) {
		if (key == NULL)
			fprintf(stderr, "fazhi: 还没有导入任何计划（用 fazhi plan "
			    "import 导入）\n");
		else
			fprintf(stderr, "fazhi: 找不到计划“%s”（可用 fazhi plan "
			    "list 查看）\n", key);
		return EXIT_ERR;
	}
	if (rc != FZ_OK) {
		fprintf(stderr, "fazhi: %s\n", store_errmsg(st));
		return EXIT_ERR;
	}
	return EXIT_OK;
}

static int
plan_show(int argc, char **argv)
{
	struct args	 a;
	struct store	*st;
	struct plan	 p;
	int		 done, r;

	r = parse_args(argc, argv, &a, &done);
	if (done)
		return r;
	if (argc - a.first > 1)
		return cli_usage(usage, EXIT_USAGE);
	if ((st = cli_open(a.db)) == NULL)
		return EXIT_ERR;
	if ((r = load_plan(st, argc > a.first ? argv[a.first] : NULL, &p)) ==
	    EXIT_OK) {
		if (a.json) {
			json_t *j = json_object();

			json_object_set_new(j, "plan", core_plan_json(&p));
			cli_print_json(j);
		} else
			print_plan(&p, 1);
	}
	plan_release(&p);
	store_close(st);
	return r;
}

static int
plan_export(int argc, char **argv)
{
	struct args		 a;
	struct store		*st;
	struct plan		 p;
	struct buf		 out = BUF_INIT, err = BUF_INIT;
	enum export_format	 fmt;
	enum fz_err		 rc = FZ_OK;
	FILE			*f;
	int			 done, r;

	r = parse_args(argc, argv, &a, &done);
	if (done)
		return r;
	if (argc - a.first > 1 || a.format == NULL)
		return cli_usage(usage, EXIT_USAGE);
	if (!export_format_parse(a.format, &fmt)) {
		fprintf(stderr, "fazhi: 未知导出格式“%s”（可用 xlsx、csv、md）\n",
		    a.format);
		return EXIT_USAGE;
	}
	if (fmt == EXPORT_XLSX && a.out == NULL) {
		fprintf(stderr, "fazhi: 导出 xlsx 须用 -o 指定输出文件\n");
		return EXIT_USAGE;
	}
	if ((st = cli_open(a.db)) == NULL)
		return EXIT_ERR;
	if ((r = load_plan(st, argc > a.first ? argv[a.first] : NULL, &p)) !=
	    EXIT_OK)
		goto out;
	if (fmt == EXPORT_XLSX)
		rc = export_xlsx(&p, a.out, &err);
	else {
		rc = fmt == EXPORT_CSV ? export_csv(&p, &out) :
		    export_md(&p, &out);
		if (rc == FZ_OK) {
			if (a.out == NULL)
				f = stdout;
			else if ((f = fopen(a.out, "wb")) == NULL) {
				buf_addf(&err, "无法写入“%s”", a.out);
				rc = FZ_EIO;
			}
			if (rc == FZ_OK) {
				if (fwrite(out.ptr, 1, out.len, f) != out.len)
					rc = FZ_EIO;
				if (f != stdout && fclose(f) != 0)
					rc = FZ_EIO;
				if (rc != FZ_OK)
					buf_addf(&err, "写入“%s”失败",
					    a.out ? a.out : "标准输出");
			}
		}
	}
	if (rc != FZ_OK) {
		fprintf(stderr, "fazhi: 导出失败：%s\n", err.len ? err.ptr :
		    fz_strerror(rc));
		r = EXIT_ERR;
	} else if (a.out != NULL)
		fprintf(stderr, "已导出任务分工表到 %s\n", a.out);
out:
	plan_release(&p);
	buf_release(&out);
	buf_release(&err);
	store_close(st);
	return r;
}

int
cmd_plan(int argc, char **argv)
{
	static const struct cli_cmd cmds[] = {
		{ "import", plan_import, "导入工作计划文件" },
		{ "list", plan_list, "列出已导入的计划" },
		{ "show", plan_show, "显示一个计划" },
		{ "export", plan_export, "导出任务分工表（xlsx、csv、md）" },
		{ NULL, NULL, NULL }
	};

	if (argc >= 3 && cli_wants_help(argc, argv))
		return cli_usage(usage, EXIT_OK);
	return cli_dispatch("fazhi plan", cmds, argc, argv);
}
