/*
 * portal.c: the public portal under /portal/, for anyone, without a
 * session and without JavaScript: server-rendered, accessible HTML of the
 * published plans (sections, tasks with their public status, indicators),
 * the published annual reports, public evidence files, and open data (the
 * same public fields as JSON and CSV). Everything it shows comes from the
 * public model of core/publish.c; every text is HTML-escaped here. What is
 * not published answers 404 like what does not exist.
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "http-int.h"
#include "portal-int.h"
#include "fazhi/annual.h"
#include "fazhi/core.h"
#include "fazhi/store.h"
#include "fazhi/util.h"
#include "fazhi/banned.h"

#define SITE	"法治政府建设信息公开"

/*
 * No script of any kind, styles and images from the portal only, no
 * forms, no framing.
 */
#define PORTAL_CSP	"default-src 'none'; style-src 'self'; " \
	"img-src 'self'; base-uri 'none'; form-action 'none'; " \
	"frame-ancestors 'none'"

int
portal_path(const char *url)
{
	return str_eq(url, "/portal") || str_startswith(url, "/portal/");
}

/* ---- Writers ---- */

/* Text escaped for HTML content and attribute values. */
static void
esc(struct buf *b, const char *s)
{
	for (; s != NULL && *s != '\0'; s++)
		switch (*s) {
		case '&':
			buf_addstr(b, "&amp;");
			break;
		case '<':
			buf_addstr(b, "&lt;");
			break;
		case '>':
			buf_addstr(b, "&gt;");
			break;
		case '"':
			buf_addstr(b, "&quot;");
			break;
		case '\'':
			buf_addstr(b, "&#39;");
			break;
		default:
			buf_addch(b, *s);
		}
}

static const char *
jstr(const json_t *o, const char *key)
{
	const char	*s = json_string_value(json_object_get(o, key));

	return s ? s : "";
}

static long long
jint(const json_t *o, const char *key)
{
	return (long long)json_integer_value(json_object_get(o, key));
}

/* A number as people write it: 100, 95.5. */
static void
num(struct buf *b, const json_t *v)
{
	if (json_is_integer(v))
		buf_addf(b, "%lld", (long long)json_integer_value(v));
	else if (json_is_number(v))
		buf_addf(b, "%g", json_number_value(v));
}

/* Text in paragraphs, one per line. */
static void
paras(struct buf *b, const char *s)
{
	const char	*e;

	while (s != NULL && *s != '\0') {
		e = strchr(s, '\n');
		if (e == NULL)
			e = s + strlen(s);
		if (e > s) {
			char *t = xstrndup(s, (size_t)(e - s));

			buf_addstr(b, "<p>");
			esc(b, t);
			buf_addstr(b, "</p>\n");
			free(t);
		}
		s = *e ? e + 1 : e;
	}
}

static void
page_open(struct buf *b, const char *title)
{
	buf_addstr(b, "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n<meta name=\"viewport\" "
	    "content=\"width=device-width, initial-scale=1\">\n<title>");
	esc(b, title);
	buf_addstr(b, " - " SITE "</title>\n<link rel=\"stylesheet\" "
	    "href=\"/portal/style.css\">\n</head>\n<body>\n"
	    "<a class=\"skip\" href=\"#main\">跳到正文</a>\n"
	    "<header>\n<p class=\"site\"><a href=\"/portal/\">" SITE
	    "</a></p>\n<nav aria-label=\"主导航\">\n<ul>\n"
	    "<li><a href=\"/portal/\">首页</a></li>\n"
	    "<li><a href=\"/portal/reports\">年度报告</a></li>\n"
	    "<li><a href=\"/portal/data\">开放数据</a></li>\n"
	    "</ul>\n</nav>\n</header>\n<main id=\"main\" tabindex=\"-1\">\n");
}

static void
page_close(struct buf *b)
{
	buf_addstr(b, "</main>\n<footer>\n<p>本网站内容由依法治县办公开发布；"
	    "个人信息已依法作脱敏处理。<a href=\"/portal/data\">开放数据</a>"
	    "</p>\n</footer>\n</body>\n</html>\n");
}

/* Breadcrumbs: pairs of label and href (NULL href: the current page). */
static void
crumbs(struct buf *b, const char *const *v, size_t n)
{
	size_t	 i;

	buf_addstr(b, "<nav aria-label=\"当前位置\" class=\"crumbs\"><ol>");
	for (i = 0; i + 1 < n; i += 2) {
		if (v[i + 1] != NULL) {
			buf_addstr(b, "<li><a href=\"");
			esc(b, v[i + 1]);
			buf_addstr(b, "\">");
			esc(b, v[i]);
			buf_addstr(b, "</a></li>");
		} else {
			buf_addstr(b, "<li aria-current=\"page\">");
			esc(b, v[i]);
			buf_addstr(b, "</li>");
		}
	}
	buf_addstr(b, "</ol></nav>\n");
}

static int
has_field(const json_t *model, const char *key)
{
	size_t	 i;
	json_t	*v;

	json_array_foreach(json_object_get(model, "fields"), i, v)
		if (str_eq(json_string_value(v), key))
			return 1;
	return 0;
}

/* ---- The annual reports (to be connected to migration 0017) ---- */

/*
 * The published annual reports (法治政府建设年度报告), newest first, into a
 * JSON array of {"year", "title", "published_on", "href"}. The annual
 * report tables come with another change (migration 0017); until it is
 * connected here the list is empty, and the page says so.
 */
/* A published annual report's content as published (never a draft). */
static enum fz_err
annual_content(struct store *st, const struct annual_report *a, json_t **c)
{
	char		*text = NULL;
	int		 flags = 0;
	enum fz_err	 rc;

	*c = NULL;
	if (!str_eq(a->state, "published") || a->published_version < 1)
		return FZ_ENOTFOUND;
	if ((rc = store_annual_version_get(st, a->id, a->published_version,
	    &text, &flags)) != FZ_OK)
		return rc;
	*c = json_loads(text, 0, NULL);
	free(text);
	return *c != NULL ? FZ_OK : FZ_EDB;
}

enum fz_err
portal_annual_list(struct store *st, json_t **out)
{
	struct annual_report	*v = NULL;
	size_t			 i, n = 0;
	enum fz_err		 rc;

	*out = json_array();
	if ((rc = store_annual_list(st, 0, 0, &v, &n)) != FZ_OK)
		return rc;
	for (i = 0; i < n; i++) {
		json_t	*c = NULL;
		char	 href[64];

		if (!str_eq(v[i].state, "published") ||
		    annual_content(st, &v[i], &c) != FZ_OK)
			continue;
		snprintf(href, sizeof(href), "/portal/reports/%lld",
		    (long long)v[i].id);
		json_array_append_new(*out, json_pack("{s:s,s:s,s:i}",
		    "title", jstr(c, "title"), "href", href, "year",
		    v[i].year));
		json_decref(c);
	}
	free(v);
	return FZ_OK;
}

/* ---- Pages ---- */

static void
plan_heading(struct buf *b, const json_t *plan)
{
	buf_addstr(b, "<p class=\"docno\">");
	esc(b, jstr(plan, "issuer"));
	if (*jstr(plan, "doc_no") != '\0') {
		buf_addstr(b, " <span>");
		esc(b, jstr(plan, "doc_no"));
		buf_addstr(b, "</span>");
	}
	if (*jstr(plan, "issue_date") != '\0') {
		buf_addstr(b, " <time datetime=\"");
		esc(b, jstr(plan, "issue_date"));
		buf_addstr(b, "\">");
		esc(b, jstr(plan, "issue_date"));
		buf_addstr(b, "</time>");
	}
	buf_addstr(b, "</p>\n");
}

static void
page_home(struct buf *b, const json_t *plans)
{
	size_t	 i;
	json_t	*p;

	page_open(b, "首页");
	buf_addstr(b, "<h1>" SITE "</h1>\n<p>这里公开本县法治政府建设工作计划、"
	    "各项任务的办理情况、考核指标和年度报告。</p>\n"
	    "<h2>工作计划</h2>\n");
	if (json_array_size(plans) == 0)
		buf_addstr(b, "<p>暂无公开的工作计划。</p>\n");
	else
		buf_addstr(b, "<ul class=\"plans\">\n");
	json_array_foreach(plans, i, p) {
		buf_addf(b, "<li><a href=\"/portal/plans/%lld\">",
		    jint(p, "id"));
		esc(b, jstr(p, "title"));
		buf_addstr(b, "</a>");
		if (*jstr(p, "doc_no") != '\0') {
			buf_addstr(b, "（");
			esc(b, jstr(p, "doc_no"));
			buf_addstr(b, "）");
		}
		buf_addf(b, "，共 %lld 项任务</li>\n", jint(p, "tasks"));
	}
	if (json_array_size(plans) > 0)
		buf_addstr(b, "</ul>\n");
	buf_addstr(b, "<h2>其他公开内容</h2>\n<ul>\n<li><a href=\"/portal/"
	    "reports\">法治政府建设年度报告</a></li>\n<li><a href=\"/portal/"
	    "data\">开放数据（JSON、CSV）</a></li>\n</ul>\n");
	page_close(b);
}

static void
task_link(struct buf *b, long long plan, const json_t *t)
{
	buf_addf(b, "<a href=\"/portal/plans/%lld/tasks/%lld\">%lld. ", plan,
	    jint(t, "number"), jint(t, "number"));
	if (*jstr(t, "title") != '\0')
		esc(b, jstr(t, "title"));
	else
		buf_addf(b, "第 %lld 项任务", jint(t, "number"));
	buf_addstr(b, "</a>");
}

/* The tasks of one section (0: every task) as a table. */
static void
task_table(struct buf *b, const json_t *m, long long section)
{
	long long	 plan = jint(json_object_get(m, "plan"), "id");
	int		 st = has_field(m, "status");
	size_t		 i;
	json_t		*t;

	buf_addstr(b, "<div class=\"wrap\"><table>\n<caption>任务清单</caption>\n"
	    "<thead><tr><th scope=\"col\">序号和任务</th>");
	if (st)
		buf_addstr(b, "<th scope=\"col\">办理状态</th>"
		    "<th scope=\"col\">已办结单位</th>");
	buf_addstr(b, "</tr></thead>\n<tbody>\n");
	json_array_foreach(json_object_get(m, "tasks"), i, t) {
		json_t *s = json_object_get(t, "status");

		if (section != 0 && jint(t, "section") != section)
			continue;
		buf_addstr(b, "<tr><th scope=\"row\">");
		task_link(b, plan, t);
		buf_addstr(b, "</th>");
		if (st) {
			buf_addstr(b, "<td>");
			esc(b, jstr(s, "name"));
			buf_addf(b, "</td><td>%lld / %lld</td>",
			    jint(s, "units_done"), jint(s, "units"));
		}
		buf_addstr(b, "</tr>\n");
	}
	buf_addstr(b, "</tbody>\n</table></div>\n");
}

static void
page_plan(struct buf *b, const json_t *m)
{
	const json_t	*plan = json_object_get(m, "plan");
	long long	 id = jint(plan, "id");
	char		 href[64];
	size_t		 i, k;
	json_t		*s;
	const char	*cr[4];

	page_open(b, jstr(plan, "title"));
	cr[0] = "首页", cr[1] = "/portal/", cr[2] = jstr(plan, "title");
	cr[3] = NULL;
	crumbs(b, cr, 4);
	buf_addstr(b, "<h1>");
	esc(b, jstr(plan, "title"));
	buf_addstr(b, "</h1>\n");
	plan_heading(b, plan);
	if (*jstr(plan, "preamble") != '\0') {
		buf_addstr(b, "<section aria-labelledby=\"pre\"><h2 id=\"pre\">"
		    "导语</h2>\n");
		paras(b, jstr(plan, "preamble"));
		buf_addstr(b, "</section>\n");
	}
	buf_addstr(b, "<section aria-labelledby=\"secs\"><h2 id=\"secs\">"
	    "工作任务</h2>\n<ol class=\"sections\">\n");
	json_array_foreach(json_object_get(m, "sections"), i, s) {
		json_t *t;

		buf_addf(b, "<li><a href=\"/portal/plans/%lld/sections/%lld\">",
		    id, jint(s, "order"));
		esc(b, jstr(s, "numeral"));
		buf_addstr(b, "、");
		esc(b, jstr(s, "title"));
		buf_addstr(b, "</a>\n<ul>\n");
		json_array_foreach(json_object_get(m, "tasks"), k, t) {
			if (jint(t, "section") != jint(s, "order"))
				continue;
			buf_addstr(b, "<li>");
			task_link(b, id, t);
			buf_addstr(b, "</li>\n");
		}
		buf_addstr(b, "</ul></li>\n");
	}
	buf_addstr(b, "</ol>\n</section>\n<section aria-labelledby=\"more\">"
	    "<h2 id=\"more\">相关内容</h2>\n<ul>\n");
	if (has_field(m, "indicators"))
		buf_addf(b, "<li><a href=\"/portal/plans/%lld/indicators\">"
		    "考核指标</a></li>\n", id);
	snprintf(href, sizeof(href), "/portal/plans/%lld", id);
	buf_addf(b, "<li><a href=\"%s/plan.json\">计划数据（JSON）</a></li>\n"
	    "<li><a href=\"%s/tasks.csv\">任务清单（CSV）</a></li>\n", href,
	    href);
	buf_addstr(b, "</ul>\n</section>\n");
	page_close(b);
}

static const json_t *
section_of(const json_t *m, long long order)
{
	size_t	 i;
	json_t	*s;

	json_array_foreach(json_object_get(m, "sections"), i, s)
		if (jint(s, "order") == order)
			return s;
	return NULL;
}

static void
page_section(struct buf *b, const json_t *m, const json_t *s)
{
	const json_t	*plan = json_object_get(m, "plan");
	char		 href[64];
	struct buf	 t = BUF_INIT;
	const char	*cr[6];

	snprintf(href, sizeof(href), "/portal/plans/%lld", jint(plan, "id"));
	buf_addstr(&t, jstr(s, "numeral"));
	buf_addstr(&t, "、");
	buf_addstr(&t, jstr(s, "title"));
	page_open(b, t.ptr);
	cr[0] = "首页", cr[1] = "/portal/", cr[2] = jstr(plan, "title");
	cr[3] = href, cr[4] = t.ptr, cr[5] = NULL;
	crumbs(b, cr, 6);
	buf_addstr(b, "<h1>");
	esc(b, t.ptr);
	buf_addstr(b, "</h1>\n");
	task_table(b, m, jint(s, "order"));
	page_close(b);
	buf_release(&t);
}

static const json_t *
task_of(const json_t *m, long long number)
{
	size_t	 i;
	json_t	*t;

	json_array_foreach(json_object_get(m, "tasks"), i, t)
		if (jint(t, "number") == number)
			return t;
	return NULL;
}

static void
unit_list(struct buf *b, const char *label, const json_t *a)
{
	size_t	 i;
	json_t	*v;

	buf_addstr(b, "<dt>");
	esc(b, label);
	buf_addstr(b, "</dt><dd>");
	json_array_foreach(a, i, v) {
		if (i > 0)
			buf_addstr(b, "；");
		esc(b, json_string_value(v));
	}
	if (json_array_size(a) == 0)
		buf_addstr(b, "无");
	buf_addstr(b, "</dd>\n");
}

static void
page_task(struct buf *b, const json_t *m, const json_t *t)
{
	const json_t	*plan = json_object_get(m, "plan");
	const json_t	*s = section_of(m, jint(t, "section"));
	json_t		*st, *v;
	char		 href[64], shref[96], h1[64];
	struct buf	 sec = BUF_INIT;
	size_t		 i;
	const char	*cr[8];

	snprintf(href, sizeof(href), "/portal/plans/%lld", jint(plan, "id"));
	snprintf(shref, sizeof(shref), "%s/sections/%lld", href,
	    jint(t, "section"));
	snprintf(h1, sizeof(h1), "第 %lld 项任务", jint(t, "number"));
	if (s != NULL) {
		buf_addstr(&sec, jstr(s, "numeral"));
		buf_addstr(&sec, "、");
		buf_addstr(&sec, jstr(s, "title"));
	}
	page_open(b, h1);
	cr[0] = "首页", cr[1] = "/portal/", cr[2] = jstr(plan, "title");
	cr[3] = href;
	if (s != NULL) {
		cr[4] = sec.ptr, cr[5] = shref, cr[6] = h1, cr[7] = NULL;
		crumbs(b, cr, 8);
	} else {
		cr[4] = h1, cr[5] = NULL;
		crumbs(b, cr, 6);
	}
	buf_addf(b, "<h1>%s", h1);
	if (*jstr(t, "title") != '\0') {
		buf_addstr(b, "：");
		esc(b, jstr(t, "title"));
	}
	buf_addstr(b, "</h1>\n");
	if (json_object_get(t, "text") != NULL) {
		buf_addstr(b, "<section aria-labelledby=\"text\"><h2 id=\"text\">"
		    "任务内容</h2>\n");
		paras(b, jstr(t, "text"));
		buf_addstr(b, "</section>\n");
	}
	if (json_object_get(t, "lead") != NULL) {
		buf_addstr(b, "<section aria-labelledby=\"units\"><h2 "
		    "id=\"units\">承办单位</h2>\n<dl>\n");
		unit_list(b, "牵头单位", json_object_get(t, "lead"));
		unit_list(b, "责任单位", json_object_get(t, "responsible"));
		buf_addstr(b, "</dl>\n</section>\n");
	}
	if ((st = json_object_get(t, "status")) != NULL) {
		buf_addstr(b, "<section aria-labelledby=\"status\"><h2 "
		    "id=\"status\">办理状态</h2>\n<p>总体状态：<strong>");
		esc(b, jstr(st, "name"));
		buf_addf(b, "</strong>（%lld 个单位中 %lld 个已办结）</p>\n",
		    jint(st, "units"), jint(st, "units_done"));
		if (json_array_size(json_object_get(st, "by_unit")) > 0) {
			buf_addstr(b, "<div class=\"wrap\"><table>\n<caption>"
			    "各单位办理状态</caption>\n<thead><tr><th scope="
			    "\"col\">单位</th><th scope=\"col\">分工</th><th "
			    "scope=\"col\">状态</th></tr></thead>\n<tbody>\n");
			json_array_foreach(json_object_get(st, "by_unit"), i,
			    v) {
				buf_addstr(b, "<tr><th scope=\"row\">");
				esc(b, jstr(v, "unit"));
				buf_addstr(b, "</th><td>");
				buf_addstr(b, str_eq(jstr(v, "role"), "lead") ?
				    "牵头" : "责任");
				buf_addstr(b, "</td><td>");
				esc(b, jstr(v, "state_name"));
				buf_addstr(b, "</td></tr>\n");
			}
			buf_addstr(b, "</tbody>\n</table></div>\n");
		}
		buf_addstr(b, "</section>\n");
	}
	if (json_object_get(t, "progress") != NULL) {
		buf_addstr(b, "<section aria-labelledby=\"prog\"><h2 id=\"prog\">"
		    "进展情况</h2>\n");
		if (json_array_size(json_object_get(t, "progress")) == 0)
			buf_addstr(b, "<p>暂无审核通过的进展情况。</p>\n");
		json_array_foreach(json_object_get(t, "progress"), i, v) {
			buf_addstr(b, "<article class=\"progress\"><h3>");
			esc(b, jstr(v, "unit"));
			buf_addstr(b, " · ");
			esc(b, jstr(v, "period"));
			buf_addstr(b, "</h3>\n<p class=\"meta\">");
			esc(b, jstr(v, "progress_name"));
			if (*jstr(v, "accepted_on") != '\0') {
				buf_addstr(b, "，审核通过于 <time datetime=\"");
				esc(b, jstr(v, "accepted_on"));
				buf_addstr(b, "\">");
				esc(b, jstr(v, "accepted_on"));
				buf_addstr(b, "</time>");
			}
			buf_addstr(b, "</p>\n");
			paras(b, jstr(v, "summary"));
			buf_addstr(b, "</article>\n");
		}
		buf_addstr(b, "</section>\n");
	}
	if (json_array_size(json_object_get(t, "files")) > 0) {
		buf_addstr(b, "<section aria-labelledby=\"files\"><h2 "
		    "id=\"files\">公开附件</h2>\n<ul>\n");
		json_array_foreach(json_object_get(t, "files"), i, v) {
			buf_addf(b, "<li><a href=\"/portal/files/%lld\" "
			    "download>", jint(v, "id"));
			esc(b, jstr(v, "name"));
			buf_addf(b, "</a>（%lld 字节，", jint(v, "size"));
			esc(b, jstr(v, "unit"));
			buf_addstr(b, "）</li>\n");
		}
		buf_addstr(b, "</ul>\n</section>\n");
	}
	page_close(b);
	buf_release(&sec);
}

static const char *
met_name(const json_t *v)
{
	return json_is_true(v) ? "已达标" : json_is_false(v) ? "未达标" :
	    "暂无数据";
}

static void
page_indicators(struct buf *b, const json_t *m)
{
	const json_t	*plan = json_object_get(m, "plan");
	char		 href[64];
	size_t		 i;
	json_t		*v, *d;
	const char	*cr[6];

	snprintf(href, sizeof(href), "/portal/plans/%lld", jint(plan, "id"));
	page_open(b, "考核指标");
	cr[0] = "首页", cr[1] = "/portal/", cr[2] = jstr(plan, "title");
	cr[3] = href, cr[4] = "考核指标", cr[5] = NULL;
	crumbs(b, cr, 6);
	buf_addstr(b, "<h1>考核指标</h1>\n<p>计划中的硬性目标及其完成情况。"
	    "计算口径见“定义”一栏及其依据。</p>\n<p><a href=\"");
	buf_addstr(b, href);
	buf_addstr(b, "/indicators.json\">指标数据（JSON）</a> · <a href=\"");
	buf_addstr(b, href);
	buf_addstr(b, "/indicators.csv\">指标数据（CSV）</a></p>\n"
	    "<div class=\"wrap\"><table>\n<caption>指标完成情况</caption>\n"
	    "<thead><tr><th scope=\"col\">任务</th><th scope=\"col\">指标</th>"
	    "<th scope=\"col\">目标</th><th scope=\"col\">当前值</th>"
	    "<th scope=\"col\">是否达标</th><th scope=\"col\">定义及依据</th>"
	    "</tr></thead>\n<tbody>\n");
	json_array_foreach(json_object_get(m, "indicators"), i, v) {
		buf_addf(b, "<tr><td><a href=\"%s/tasks/%lld\">第 %lld 项</a>"
		    "</td><th scope=\"row\">", href, jint(v, "task_number"),
		    jint(v, "task_number"));
		esc(b, jstr(v, "name"));
		buf_addstr(b, "</th><td>");
		esc(b, jstr(v, "phrase"));
		buf_addstr(b, "</td><td>");
		if (*jstr(v, "value_text") != '\0')
			esc(b, jstr(v, "value_text"));
		else
			buf_addstr(b, "—");
		buf_addstr(b, "</td><td>");
		buf_addstr(b, met_name(json_object_get(v, "met")));
		buf_addstr(b, "</td><td>");
		if (json_is_object(d = json_object_get(v, "definition"))) {
			esc(b, jstr(d, "name"));
			if (*jstr(d, "basis") != '\0') {
				buf_addstr(b, "：");
				esc(b, jstr(d, "basis"));
			}
			if (*jstr(d, "source") != '\0') {
				buf_addstr(b, "（依据：");
				esc(b, jstr(d, "source"));
				buf_addstr(b, "）");
			}
		} else
			buf_addstr(b, "由承办单位在审核通过的进展报告中填报");
		buf_addstr(b, "</td></tr>\n");
	}
	buf_addstr(b, "</tbody>\n</table></div>\n");
	page_close(b);
}

static void
page_reports(struct buf *b, const json_t *list)
{
	size_t		 i;
	json_t		*v;
	const char	*cr[4] = { "首页", "/portal/", "年度报告", NULL };

	page_open(b, "法治政府建设年度报告");
	crumbs(b, cr, 4);
	buf_addstr(b, "<h1>法治政府建设年度报告</h1>\n");
	if (json_array_size(list) == 0)
		buf_addstr(b, "<p>暂无已公开的年度报告。</p>\n");
	else
		buf_addstr(b, "<ul>\n");
	json_array_foreach(list, i, v) {
		buf_addstr(b, "<li><a href=\"");
		esc(b, jstr(v, "href"));
		buf_addstr(b, "\">");
		esc(b, jstr(v, "title"));
		buf_addstr(b, "</a></li>\n");
	}
	if (json_array_size(list) > 0)
		buf_addstr(b, "</ul>\n");
	page_close(b);
}

/* One published annual report: its text, a paragraph a line, and the
 * DOCX as published. */
static void
page_report(struct buf *b, long long id, const json_t *c, const char *text)
{
	const char	*cr[6] = { "首页", "/portal/", "年度报告", "/portal/reports",
			    jstr(c, "title"), NULL };
	const char	*p = text, *nl;

	page_open(b, jstr(c, "title"));
	crumbs(b, cr, 6);
	buf_addstr(b, "<h1>");
	esc(b, jstr(c, "title"));
	buf_addf(b, "</h1>\n<p><a href=\"/portal/reports/%lld.docx\">下载 "
	    "Word 文档（DOCX）</a></p>\n<article>\n", id);
	/* The title is the first line of the text: shown above. */
	if ((nl = strchr(p, '\n')) != NULL)
		p = nl + 1;
	while (*p != '\0') {
		nl = strchr(p, '\n');
		if (nl == NULL)
			nl = p + strlen(p);
		if (nl > p) {
			struct buf line = BUF_INIT;

			buf_add(&line, p, (size_t)(nl - p));
			buf_addstr(b, "<p>");
			esc(b, line.ptr);
			buf_addstr(b, "</p>\n");
			buf_release(&line);
		}
		p = *nl != '\0' ? nl + 1 : nl;
	}
	buf_addstr(b, "</article>\n");
	page_close(b);
}

static const json_t *newest(const json_t *);

static void
page_data(struct buf *b, const json_t *plans)
{
	size_t		 i;
	json_t		*p;
	const json_t	*last = newest(plans);
	const char	*cr[4] = { "首页", "/portal/", "开放数据", NULL };

	page_open(b, "开放数据");
	crumbs(b, cr, 4);
	buf_addstr(b, "<h1>开放数据</h1>\n<p>与网页公开内容相同的数据，"
	    "JSON 和 CSV（UTF-8 编码，可用 Excel 或 WPS 打开）两种格式。"
	    "任务以计划文件中的序号标识，序号不随系统变化。</p>\n");
	if (last != NULL) {
		buf_addstr(b, "<p>最新公开的计划：<a href=\"/portal/data/"
		    "plan.json\">plan.json</a> · <a href=\"/portal/data/"
		    "tasks.csv\">tasks.csv</a>");
		if (has_field(last, "indicators"))
			buf_addstr(b, " · <a href=\"/portal/data/indicators.json"
			    "\">indicators.json</a> · <a href=\"/portal/data/"
			    "indicators.csv\">indicators.csv</a>");
		buf_addstr(b, "</p>\n");
	} else
		buf_addstr(b, "<p>暂无公开的工作计划。</p>\n");
	json_array_foreach(plans, i, p) {
		long long id = jint(p, "id");

		buf_addstr(b, "<h2>");
		esc(b, jstr(p, "title"));
		buf_addf(b, "</h2>\n<ul>\n<li><a href=\"/portal/plans/%lld/"
		    "plan.json\">计划和任务（JSON）</a></li>\n<li><a href=\""
		    "/portal/plans/%lld/tasks.csv\">任务清单（CSV）</a></li>\n",
		    id, id);
		if (has_field(p, "indicators"))
			buf_addf(b, "<li><a href=\"/portal/plans/%lld/"
			    "indicators.json\">指标（JSON）</a></li>\n<li><a "
			    "href=\"/portal/plans/%lld/indicators.csv\">指标"
			    "（CSV）</a></li>\n", id, id);
		buf_addstr(b, "</ul>\n");
	}
	page_close(b);
}

/* ---- Open data ---- */

/* One CSV field, quoted; a leading = + - @ tab or CR is defused. */
static void
csv_cell(struct buf *b, const char *s)
{
	if (s == NULL)
		s = "";
	buf_addch(b, '"');
	if (strchr("=+-@\t\r", s[0]) != NULL && s[0] != '\0')
		buf_addch(b, '\'');
	for (; *s != '\0'; s++) {
		if (*s == '"')
			buf_addch(b, '"');
		buf_addch(b, *s);
	}
	buf_addch(b, '"');
}

static void
csv_join(struct buf *b, const json_t *a)
{
	struct buf	 t = BUF_INIT;
	size_t		 i;
	json_t		*v;

	json_array_foreach(a, i, v) {
		if (i > 0)
			buf_addstr(&t, "；");
		buf_addstr(&t, json_string_value(v));
	}
	csv_cell(b, t.ptr);
	buf_release(&t);
}

static void
tasks_csv(struct buf *b, const json_t *m)
{
	int	 text = has_field(m, "task_text"), units = has_field(m, "units"),
		 st = has_field(m, "status");
	size_t	 i;
	json_t	*t;
	char	 n[32];

	buf_addstr(b, "\xEF\xBB\xBF\"序号\",\"部分\",\"任务\"");
	if (text)
		buf_addstr(b, ",\"任务内容\"");
	if (units)
		buf_addstr(b, ",\"牵头单位\",\"责任单位\"");
	if (st)
		buf_addstr(b, ",\"办理状态\",\"已办结单位数\",\"单位数\"");
	buf_addstr(b, "\r\n");
	json_array_foreach(json_object_get(m, "tasks"), i, t) {
		const json_t *s = section_of(m, jint(t, "section"));

		snprintf(n, sizeof(n), "%lld", jint(t, "number"));
		csv_cell(b, n);
		buf_addch(b, ',');
		csv_cell(b, s ? jstr(s, "title") : "");
		buf_addch(b, ',');
		csv_cell(b, jstr(t, "title"));
		if (text) {
			buf_addch(b, ',');
			csv_cell(b, jstr(t, "text"));
		}
		if (units) {
			buf_addch(b, ',');
			csv_join(b, json_object_get(t, "lead"));
			buf_addch(b, ',');
			csv_join(b, json_object_get(t, "responsible"));
		}
		if (st) {
			json_t *x = json_object_get(t, "status");

			buf_addch(b, ',');
			csv_cell(b, jstr(x, "name"));
			snprintf(n, sizeof(n), "%lld", jint(x, "units_done"));
			buf_addch(b, ',');
			csv_cell(b, n);
			snprintf(n, sizeof(n), "%lld", jint(x, "units"));
			buf_addch(b, ',');
			csv_cell(b, n);
		}
		buf_addstr(b, "\r\n");
	}
}

static void
indicators_csv(struct buf *b, const json_t *m)
{
	size_t		 i;
	json_t		*v, *d;
	struct buf	 x = BUF_INIT;
	char		 n[32];

	buf_addstr(b, "\xEF\xBB\xBF\"任务序号\",\"指标\",\"目标\",\"比较\","
	    "\"目标值\",\"单位\",\"当前值\",\"是否达标\",\"定义\",\"计算口径\","
	    "\"依据\"\r\n");
	json_array_foreach(json_object_get(m, "indicators"), i, v) {
		d = json_object_get(v, "definition");
		snprintf(n, sizeof(n), "%lld", jint(v, "task_number"));
		csv_cell(b, n);
		buf_addch(b, ',');
		csv_cell(b, jstr(v, "name"));
		buf_addch(b, ',');
		csv_cell(b, jstr(v, "phrase"));
		buf_addch(b, ',');
		csv_cell(b, jstr(v, "comparator"));
		buf_addch(b, ',');
		buf_reset(&x);
		num(&x, json_object_get(v, "target"));
		csv_cell(b, x.ptr);
		buf_addch(b, ',');
		csv_cell(b, jstr(v, "unit"));
		buf_addch(b, ',');
		buf_reset(&x);
		num(&x, json_object_get(v, "value"));
		csv_cell(b, x.ptr);
		buf_addch(b, ',');
		csv_cell(b, met_name(json_object_get(v, "met")));
		buf_addch(b, ',');
		csv_cell(b, jstr(d, "name"));
		buf_addch(b, ',');
		csv_cell(b, jstr(d, "basis"));
		buf_addch(b, ',');
		csv_cell(b, jstr(d, "source"));
		buf_addstr(b, "\r\n");
	}
	buf_release(&x);
}

static void
json_out(struct buf *b, json_t *o)
{
	char	*s = json_dumps(o, JSON_INDENT(1) | JSON_PRESERVE_ORDER);

	if (s != NULL)
		buf_addstr(b, s);
	buf_addch(b, '\n');
	free(s);
}

/* ---- Dispatch ---- */

static const char css[] =
"html{font-family:\"Noto Sans CJK SC\",\"Microsoft YaHei\",\"PingFang SC\","
"sans-serif;line-height:1.7;color:#1a1a1a;background:#fff}\n"
"body{margin:0 auto;max-width:60rem;padding:0 1rem}\n"
"a{color:#0b4f9c}a:visited{color:#5a2d82}\n"
"a:focus,main:focus{outline:3px solid #b35900;outline-offset:2px}\n"
".skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem}\n"
".skip:focus{left:1rem}\n"
"header{border-bottom:3px solid #a8161b;padding:.5rem 0}\n"
".site{font-size:1.3rem;font-weight:bold;margin:.3rem 0}\n"
".site a{color:#a8161b;text-decoration:none}\n"
"nav ul{list-style:none;padding:0;margin:0;display:flex;flex-wrap:wrap;"
"gap:1rem}\n"
".crumbs ol{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.5rem}"
"\n.crumbs li+li::before{content:\"›\";margin-right:.5rem;color:#555}\n"
".docno{color:#444}\n"
".wrap{overflow-x:auto}\n"
"table{border-collapse:collapse;width:100%;margin:1rem 0}\n"
"caption{text-align:left;font-weight:bold;padding:.3rem 0}\n"
"th,td{border:1px solid #767676;padding:.4rem .6rem;text-align:left;"
"vertical-align:top}\n"
"thead th{background:#eef2f7}\n"
"tbody th{font-weight:normal}\n"
".meta{color:#444}\n"
"footer{border-top:1px solid #767676;margin-top:2rem;color:#444;"
"font-size:.9rem}\n"
"@media print{header nav,.skip,footer a{display:none}"
"a{color:#000;text-decoration:none}body{max-width:none}"
"th,td{border-color:#000}}\n";

struct answer {
	unsigned	 status;
	const char	*type;
	const char	*name;		/* attachment */
	char		 name_buf[256];
	char		 type_buf[64];
	struct buf	 body;
};

static void
not_found(struct answer *a)
{
	a->status = 404;
	a->type = "text/html; charset=utf-8";
	buf_reset(&a->body);
	page_open(&a->body, "没有找到");
	buf_addstr(&a->body, "<h1>没有找到</h1>\n<p>您访问的页面不存在。"
	    "<a href=\"/portal/\">返回首页</a></p>\n");
	page_close(&a->body);
}

/* A positive integer segment, up to the next '/' or the end. */
static int
seg_int(const char **p, long long *v)
{
	char		 t[24];
	size_t		 n = strcspn(*p, "/");

	if (n == 0 || n >= sizeof(t))
		return 0;
	memcpy(t, *p, n);
	t[n] = '\0';
	if (str_toint(t, 1, INT64_MAX, v) != FZ_OK)
		return 0;
	*p += n;
	return 1;
}

/* The newest published plan (by year, then id), or NULL. */
static const json_t *
newest(const json_t *plans)
{
	const json_t	*best = NULL;
	size_t		 i;
	json_t		*p;

	json_array_foreach(plans, i, p)
		if (best == NULL || jint(p, "year") > jint(best, "year") ||
		    (jint(p, "year") == jint(best, "year") && jint(p, "id") >
		    jint(best, "id")))
			best = p;
	return best;
}

/* A plan's page or data file; rest is what follows /portal/plans/ID. */
static enum fz_err
plan_route(struct store *st, long long id, const char *rest,
    struct answer *a)
{
	json_t		*m = NULL, *x;
	const json_t	*s, *t;
	long long	 n;
	enum fz_err	 rc;

	if ((rc = core_portal_plan(st, id, &m)) != FZ_OK)
		return rc;
	a->type = "text/html; charset=utf-8";
	if (*rest == '\0' || str_eq(rest, "/"))
		page_plan(&a->body, m);
	else if (str_startswith(rest, "/sections/") && (rest += 10,
	    seg_int(&rest, &n)) && *rest == '\0' &&
	    (s = section_of(m, n)) != NULL)
		page_section(&a->body, m, s);
	else if (str_startswith(rest, "/tasks/") && (rest += 7,
	    seg_int(&rest, &n)) && *rest == '\0' &&
	    (t = task_of(m, n)) != NULL)
		page_task(&a->body, m, t);
	else if (str_eq(rest, "/indicators") && has_field(m, "indicators"))
		page_indicators(&a->body, m);
	else if (str_eq(rest, "/plan.json")) {
		a->type = "application/json; charset=utf-8";
		json_out(&a->body, m);
	} else if (str_eq(rest, "/tasks.csv")) {
		a->type = "text/csv; charset=utf-8";
		a->name = "tasks.csv";
		tasks_csv(&a->body, m);
	} else if (str_eq(rest, "/indicators.json") && has_field(m,
	    "indicators")) {
		a->type = "application/json; charset=utf-8";
		x = json_pack("{s:O,s:O}", "plan", json_object_get(m, "plan"),
		    "indicators", json_object_get(m, "indicators"));
		json_out(&a->body, x);
		json_decref(x);
	} else if (str_eq(rest, "/indicators.csv") && has_field(m,
	    "indicators")) {
		a->type = "text/csv; charset=utf-8";
		a->name = "indicators.csv";
		indicators_csv(&a->body, m);
	} else
		rc = FZ_ENOTFOUND;
	json_decref(m);
	return rc;
}

/* /portal/reports/ID and /portal/reports/ID.docx: published only. */
static enum fz_err
report_route(struct store *st, const char *p, struct answer *a)
{
	struct annual_report	 r;
	struct diags		 dg = { 0 };
	struct buf		 text = BUF_INIT, err = BUF_INIT;
	json_t			*c = NULL;
	long long		 id;
	enum fz_err		 rc;
	int			 docx;

	{
		char	 t[24];
		size_t	 k = strspn(p, "0123456789");

		if (k == 0 || k >= sizeof(t))
			return FZ_ENOTFOUND;
		memcpy(t, p, k);
		t[k] = '\0';
		if (str_toint(t, 1, INT64_MAX, &id) != FZ_OK)
			return FZ_ENOTFOUND;
		p += k;
	}
	docx = str_eq(p, ".docx");
	if (!docx && *p != '\0')
		return FZ_ENOTFOUND;
	if ((rc = store_annual_get(st, id, &r)) != FZ_OK)
		return rc;
	if ((rc = annual_content(st, &r, &c)) != FZ_OK)
		goto out;
	if (docx) {
		if ((rc = core_annual_docx(st, id, &a->body, &dg)) != FZ_OK)
			goto out;
		a->type = "application/vnd.openxmlformats-officedocument."
		    "wordprocessingml.document";
		snprintf(a->name_buf, sizeof(a->name_buf), "%s.docx",
		    jstr(c, "title"));
		a->name = a->name_buf;
	} else if ((rc = core_annual_render(c, ANNUAL_TEXT, 0, &text,
	    &err)) == FZ_OK)
		page_report(&a->body, id, c, text.ptr);
out:
	json_decref(c);
	buf_release(&text);
	buf_release(&err);
	diags_release(&dg);
	return rc;
}

static enum fz_err
route(struct store *st, const char *url, struct answer *a)
{
	json_t		*plans = NULL, *list;
	const char	*p;
	long long	 id;
	enum fz_err	 rc;

	if (str_eq(url, "/portal/style.css")) {
		a->type = "text/css; charset=utf-8";
		buf_addstr(&a->body, css);
		return FZ_OK;
	}
	/* Nothing at all while the portal is off. */
	if ((rc = core_portal_plans(st, &plans)) != FZ_OK)
		return rc;
	list = json_object_get(plans, "plans");
	a->type = "text/html; charset=utf-8";
	if (str_eq(url, "/portal") || str_eq(url, "/portal/"))
		page_home(&a->body, list);
	else if (str_eq(url, "/portal/reports")) {
		json_t *r = NULL;

		if ((rc = portal_annual_list(st, &r)) == FZ_OK)
			page_reports(&a->body, r);
		json_decref(r);
	} else if (str_startswith(url, "/portal/reports/"))
		rc = report_route(st, url + 16, a);
	else if (str_eq(url, "/portal/data"))
		page_data(&a->body, list);
	else if (str_startswith(url, "/portal/data/")) {
		id = newest(list) ? jint(newest(list), "id") : 0;
		p = url + 12;
		if (id == 0 || (!str_eq(p, "/plan.json") && !str_eq(p,
		    "/tasks.csv") && !str_eq(p, "/indicators.json") &&
		    !str_eq(p, "/indicators.csv")))
			rc = FZ_ENOTFOUND;
		else
			rc = plan_route(st, id, p, a);
	} else if (str_startswith(url, "/portal/plans/")) {
		p = url + 14;
		rc = seg_int(&p, &id) ? plan_route(st, id, p, a) :
		    FZ_ENOTFOUND;
	} else if (str_startswith(url, "/portal/files/")) {
		struct evidence	 e;

		p = url + 14;
		if (!seg_int(&p, &id) || *p != '\0')
			rc = FZ_ENOTFOUND;
		else if ((rc = core_portal_file(st, id, &e, &a->body)) ==
		    FZ_OK) {
			struct buf t = BUF_INIT;

			/* the name as the page shows it: redacted */
			a->type = "application/octet-stream";
			core_redact(st, e.name, &t);
			snprintf(a->name_buf, sizeof(a->name_buf), "%s", t.ptr);
			buf_release(&t);
			a->name = a->name_buf;
		}
	} else
		rc = FZ_ENOTFOUND;
	json_decref(plans);
	return rc;
}

/* The answer to a portal URL without the server (fuzz/fuzz_portal.c). */
enum fz_err
portal_route(struct store *st, const char *url, struct buf *body,
    const char **type)
{
	struct answer	 a;
	enum fz_err	 rc;

	memset(&a, 0, sizeof(a));
	buf_init(&a.body);
	a.status = 200;
	rc = route(st, url, &a);
	buf_add(body, a.body.ptr, a.body.len);
	*type = a.type;
	buf_release(&a.body);
	return rc;
}

/*
 * Answers kept per thread by URL and data version (cache.c), like the
 * API's: every change is audited, so an answer made at version v holds
 * while the version is v. Kept as "type\nname\nbody"; files are not kept.
 */
static int
from_cache(struct store *st, const char *url, struct answer *a, char **key,
    int64_t *ver)
{
	const char	*c, *nl1, *nl2;
	struct buf	 k = BUF_INIT;
	size_t		 len;

	*key = NULL;
	if (str_startswith(url, "/portal/files/") || (str_startswith(url,
	    "/portal/reports/") && strchr(url, '.') != NULL) ||
	    store_data_version(st, ver) != FZ_OK)
		return 0;
	buf_addf(&k, "portal|%s", url);
	if ((c = http_cache_get(k.ptr, *ver, &len)) == NULL ||
	    (nl1 = memchr(c, '\n', len)) == NULL ||
	    (nl2 = memchr(nl1 + 1, '\n', len - (size_t)(nl1 + 1 - c))) ==
	    NULL) {
		*key = buf_detach(&k, NULL);
		return 0;
	}
	buf_release(&k);
	snprintf(a->type_buf, sizeof(a->type_buf), "%.*s", (int)(nl1 - c), c);
	a->type = a->type_buf;
	if (nl2 > nl1 + 1) {
		snprintf(a->name_buf, sizeof(a->name_buf), "%.*s",
		    (int)(nl2 - nl1 - 1), nl1 + 1);
		a->name = a->name_buf;
	}
	buf_add(&a->body, nl2 + 1, len - (size_t)(nl2 + 1 - c));
	return 1;
}

static void
to_cache(const char *key, int64_t ver, const struct answer *a)
{
	struct buf	 b = BUF_INIT;

	buf_addf(&b, "%s\n%s\n", a->type, a->name ? a->name : "");
	buf_add(&b, a->body.ptr, a->body.len);
	http_cache_put(key, ver, b.ptr, b.len);
	buf_release(&b);
}

/* Does a comma-separated If-None-Match list hold this entity tag? */
static int
etag_match(const char *list, const char *etag)
{
	if (list == NULL)
		return 0;
	return strstr(list, etag) != NULL || str_eq(list, "*");
}

enum MHD_Result
portal_serve(struct req *r)
{
	struct answer		 a;
	struct MHD_Response	*resp;
	struct store		*st;
	unsigned char		 h[32];
	char			 etag[40], cd[800], *key = NULL;
	int			 head = str_eq(r->method, "HEAD");
	int64_t			 ver = 0;
	enum fz_err		 rc;
	enum MHD_Result		 ret;
	size_t			 i;

	memset(&a, 0, sizeof(a));
	buf_init(&a.body);
	a.status = 200;
	if (!str_eq(r->method, "GET") && !head) {
		a.status = 405;
		a.type = "text/plain; charset=utf-8";
		buf_addstr(&a.body, "不支持此请求方法\n");
	} else if ((st = http_thread_store()) == NULL) {
		a.status = 503;
		a.type = "text/plain; charset=utf-8";
		buf_addstr(&a.body, "数据库暂时不可用\n");
	} else if (from_cache(st, r->url, &a, &key, &ver)) {
		/* the answer made at this data version */
	} else if ((rc = route(st, r->url, &a)) != FZ_OK) {
		if (rc == FZ_ENOTFOUND || rc == FZ_EINVAL)
			not_found(&a);
		else {
			fprintf(stderr, "fazhi serve: %s: %s\n", r->url,
			    store_errmsg(st));
			a.status = 500;
			a.type = "text/plain; charset=utf-8";
			a.name = NULL;
			buf_reset(&a.body);
			buf_addstr(&a.body, "服务器内部错误，请稍后再试\n");
		}
	}
	if (key != NULL && a.status == 200)
		to_cache(key, ver, &a);
	free(key);
	crypto_hash_sha256(h, (const unsigned char *)a.body.ptr, a.body.len);
	etag[0] = '"';
	for (i = 0; i < 16; i++)
		snprintf(etag + 1 + 2 * i, 3, "%02x", h[i]);
	etag[33] = '"';
	etag[34] = '\0';
	if (a.status == 200 && etag_match(MHD_lookup_connection_value(r->conn,
	    MHD_HEADER_KIND, "If-None-Match"), etag)) {
		a.status = 304;
		buf_reset(&a.body);
	}
	resp = MHD_create_response_from_buffer(head ? 0 : a.body.len,
	    a.body.ptr, MHD_RESPMEM_MUST_COPY);
	if (a.status != 304)
		MHD_add_response_header(resp, "Content-Type", a.type);
	if (a.status == 200 || a.status == 304) {
		MHD_add_response_header(resp, "ETag", etag);
		/* Public, but asked again each time: a withdrawn
		 * publication disappears at once. */
		MHD_add_response_header(resp, "Cache-Control",
		    "public, no-cache");
	} else
		MHD_add_response_header(resp, "Cache-Control", "no-store");
	if (a.status == 405)
		MHD_add_response_header(resp, "Allow", "GET, HEAD");
	if (a.name != NULL && a.status == 200) {
		struct buf	 enc = BUF_INIT;
		const char	*s;

		for (s = a.name; *s != '\0'; s++) {
			unsigned char c = (unsigned char)*s;

			if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
			    (c >= '0' && c <= '9') || strchr("-._~", c))
				buf_addch(&enc, c);
			else
				buf_addf(&enc, "%%%02X", c);
		}
		snprintf(cd, sizeof(cd), "attachment; filename=\"file\"; "
		    "filename*=UTF-8''%s", enc.ptr);
		buf_release(&enc);
		MHD_add_response_header(resp, "Content-Disposition", cd);
	}
	MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(resp, "X-Frame-Options", "DENY");
	MHD_add_response_header(resp, "Referrer-Policy", "no-referrer");
	MHD_add_response_header(resp, "Content-Security-Policy", PORTAL_CSP);
	ret = MHD_queue_response(r->conn, a.status, resp);
	MHD_destroy_response(resp);
	buf_release(&a.body);
	return ret;
}
