/*
 * docx.c: read the paragraphs and table rows of a Word (DOCX) document:
 * open the zip with libzip from memory, inflate word/document.xml within a
 * size limit, parse it with libxml2 (no network, no entity expansion) and
 * walk w:body in document order.
 * SPDX-License-Identifier: MIT
 */
#include <stdlib.h>
#include <string.h>

#include <zip.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "fazhi/import.h"
#include "fazhi/util.h"
#include "fazhi/banned.h"

static int
is_w(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE &&
	    strcmp((const char *)n->name, name) == 0;
}

static char *
wattr(const xmlNode *n, const char *name)
{
	xmlChar	*v = xmlGetProp(n, (const xmlChar *)name);
	char	*s;

	if (v == NULL)
		return NULL;
	s = xstrdup((const char *)v);
	xmlFree(v);
	return s;
}

/* Text of a paragraph's runs; w:br splits lines, a page break is dropped. */
static void
collect_text(const xmlNode *n, struct buf *b)
{
	const xmlNode	*c;

	for (c = n->children; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (is_w(c, "t")) {
			xmlChar *t = xmlNodeGetContent(c);

			if (t != NULL) {
				buf_addstr(b, (const char *)t);
				xmlFree(t);
			}
		} else if (is_w(c, "tab")) {
			buf_addch(b, ' ');
		} else if (is_w(c, "br") || is_w(c, "cr")) {
			char *type = wattr(c, "type");

			if (type == NULL || !str_eq(type, "page"))
				buf_addch(b, '\n');
			free(type);
		} else if (is_w(c, "pPr") || is_w(c, "rPr") ||
		    is_w(c, "instrText") || is_w(c, "delText")) {
			continue;
		} else
			collect_text(c, b);
	}
}

static int
heading_level(const xmlNode *p)
{
	const xmlNode	*c, *d;
	int		 lvl = 0;

	for (c = p->children; c != NULL; c = c->next) {
		if (!is_w(c, "pPr"))
			continue;
		for (d = c->children; d != NULL; d = d->next) {
			char	*v;
			size_t	 i;

			if (!is_w(d, "pStyle"))
				continue;
			if ((v = wattr(d, "val")) == NULL)
				continue;
			for (i = 0; v[i] != '\0'; i++)
				if (v[i] >= '1' && v[i] <= '6') {
					lvl = v[i] - '0';
					break;
				}
			if (strstr(v, "Title") != NULL)
				lvl = 1;
			free(v);
		}
	}
	return lvl;
}

static void
add_para(struct paras *ps, const char *s, int line,
    int heading)
{
	struct buf	 t = BUF_INIT;
	struct para	*p;
	const char	*nl;

	/* A soft line break makes separate paragraphs, as lines in text. */
	for (;;) {
		nl = strchr(s, '\n');
		buf_reset(&t);
		buf_add(&t, s, nl ? (size_t)(nl - s) : strlen(s));
		buf_trim(&t);
		if (t.len > 0) {
			VEC_GROW(ps->v, ps->n, ps->cap);
			p = &ps->v[ps->n++];
			memset(p, 0, sizeof(*p));
			p->kind = PARA_TEXT;
			p->line = line;
			p->heading = heading;
			p->text = xstrdup(t.ptr);
		}
		if (nl == NULL)
			break;
		s = nl + 1;
	}
	buf_release(&t);
}

static void
walk_body(const xmlNode *body, struct paras *ps, struct buf *text,
    int *line)
{
	const xmlNode	*c, *tr, *tc, *pp;
	struct buf	 b = BUF_INIT, cell = BUF_INIT, row = BUF_INIT;

	for (c = body->children; c != NULL; c = c->next) {
		if (is_w(c, "p")) {
			++*line;
			buf_reset(&b);
			collect_text(c, &b);
			buf_addstr(text, b.ptr);
			buf_addch(text, '\n');
			add_para(ps, b.ptr, *line, heading_level(c));
		} else if (is_w(c, "tbl")) {
			for (tr = c->children; tr != NULL; tr = tr->next) {
				struct para *p;

				if (!is_w(tr, "tr"))
					continue;
				++*line;
				VEC_GROW(ps->v, ps->n, ps->cap);
				p = &ps->v[ps->n++];
				memset(p, 0, sizeof(*p));
				p->kind = PARA_ROW;
				p->line = *line;
				buf_reset(&row);
				buf_addch(&row, '|');
				for (tc = tr->children; tc != NULL;
				    tc = tc->next) {
					if (!is_w(tc, "tc"))
						continue;
					buf_reset(&cell);
					for (pp = tc->children; pp != NULL;
					    pp = pp->next)
						if (is_w(pp, "p"))
							collect_text(pp, &cell);
					buf_trim(&cell);
					strv_add(&p->cells, &p->ncells,
					    cell.ptr);
					buf_addf(&row, " %s |", cell.ptr);
				}
				p->text = xstrdup(row.ptr);
				buf_addstr(text, row.ptr);
				buf_addch(text, '\n');
			}
		} else if (c->type == XML_ELEMENT_NODE && !is_w(c, "sectPr"))
			walk_body(c, ps, text, line);	/* w:sdt and the like */
	}
	buf_release(&b);
	buf_release(&cell);
	buf_release(&row);
}

enum fz_err
import_docx_paras(const char *data, size_t len, struct paras *ps,
    struct buf *text, struct diags *dg)
{
	zip_source_t	*src = NULL;
	zip_t		*za = NULL;
	zip_file_t	*zf = NULL;
	zip_error_t	 ze;
	zip_stat_t	 zs;
	xmlDoc		*doc = NULL;
	xmlNode		*root, *c;
	char		*xml = NULL;
	zip_int64_t	 got;
	enum fz_err	 rc = FZ_EFORMAT;
	int		 line = 0;

	zip_error_init(&ze);
	if ((src = zip_source_buffer_create(data, len, 0, &ze)) == NULL) {
		diags_error(dg, 0, 0, "bad_docx", "无法读取 DOCX 文件：%s",
		    zip_error_strerror(&ze));
		goto out;
	}
	if ((za = zip_open_from_source(src, ZIP_RDONLY, &ze)) == NULL) {
		diags_error(dg, 0, 0, "bad_docx",
		    "不是有效的 DOCX 文件（不是 zip 压缩包）：%s",
		    zip_error_strerror(&ze));
		goto out;
	}
	src = NULL;	/* owned by za now */
	zip_stat_init(&zs);
	if (zip_stat(za, "word/document.xml", 0, &zs) != 0 ||
	    !(zs.valid & ZIP_STAT_SIZE)) {
		diags_error(dg, 0, 0, "bad_docx",
		    "DOCX 文件中没有 word/document.xml，不是 Word 文档");
		goto out;
	}
	if (zs.size > IMPORT_MAX_XML) {
		diags_error(dg, 0, 0, "too_big",
		    "DOCX 正文解压后过大（%llu 字节），上限为 %u 字节",
		    (unsigned long long)zs.size, IMPORT_MAX_XML);
		rc = FZ_ETOOBIG;
		goto out;
	}
	if ((zf = zip_fopen(za, "word/document.xml", 0)) == NULL) {
		diags_error(dg, 0, 0, "bad_docx", "无法打开 DOCX 正文：%s",
		    zip_strerror(za));
		goto out;
	}
	xml = xmalloc((size_t)zs.size + 1);
	got = zip_fread(zf, xml, zs.size);
	if (got < 0 || (zip_uint64_t)got != zs.size) {
		diags_error(dg, 0, 0, "bad_docx", "DOCX 正文已损坏，无法解压");
		goto out;
	}
	doc = xmlReadMemory(xml, (int)zs.size, "document.xml", NULL,
	    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	if (doc == NULL || (root = xmlDocGetRootElement(doc)) == NULL) {
		diags_error(dg, 0, 0, "bad_docx",
		    "DOCX 正文不是有效的 XML");
		goto out;
	}
	for (c = root->children; c != NULL; c = c->next)
		if (is_w(c, "body"))
			walk_body(c, ps, text, &line);
	if (ps->n == 0) {
		diags_error(dg, 0, 0, "empty", "DOCX 文件中没有任何文字");
		rc = FZ_EINVAL;
		goto out;
	}
	if (!utf8_valid(text->ptr, text->len, NULL)) {
		diags_error(dg, 0, 0, "bad_encoding",
		    "DOCX 正文含有无效字符");
		goto out;
	}
	rc = FZ_OK;
out:
	xmlFreeDoc(doc);
	free(xml);
	if (zf != NULL)
		zip_fclose(zf);
	if (za != NULL)
		zip_discard(za);
	if (src != NULL)
		zip_source_free(src);
	zip_error_fini(&ze);
	return rc;
}
