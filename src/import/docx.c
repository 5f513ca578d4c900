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


/*
 * Word's automatic numbering (w:numPr): the label a reader sees, such as
 * "1." or "（一）", is not in the text; rebuild it from numbering.xml.
 */
enum numfmt {
	NUMFMT_DECIMAL, NUMFMT_CHINESE, NUMFMT_NONE
};

#define NUM_LEVELS	9

struct numlvl {
	enum numfmt	 fmt;
	char		*text;		/* lvlText: "%1." */
	int		 start;
};

struct abstractnum {
	int		 id;
	struct numlvl	 lvl[NUM_LEVELS];
};

struct numinst {
	int		 id;
	int		 abs;
	int		 override[NUM_LEVELS];	/* startOverride, or -1 */
	int		 counter[NUM_LEVELS];
	int		 started[NUM_LEVELS];
};

struct numbering {
	struct abstractnum	*abs;
	size_t			 nabs, abscap;
	struct numinst		*num;
	size_t			 nnum, numcap;
};

static int
wattr_int(const xmlNode *n, const char *name, int dflt)
{
	char		*v = wattr(n, name);
	long long	 x;
	int		 r = dflt;

	if (v != NULL && str_toint(v, -1000000, 1000000, &x) == FZ_OK)
		r = (int)x;
	free(v);
	return r;
}

static void
numbering_release(struct numbering *nb)
{
	size_t	 i;
	int	 k;

	for (i = 0; i < nb->nabs; i++)
		for (k = 0; k < NUM_LEVELS; k++)
			free(nb->abs[i].lvl[k].text);
	free(nb->abs);
	free(nb->num);
	memset(nb, 0, sizeof(*nb));
}

static void
numbering_parse(struct numbering *nb, const xmlNode *root)
{
	const xmlNode	*c, *l, *d;
	int		 k;

	for (c = root->children; c != NULL; c = c->next) {
		if (is_w(c, "abstractNum")) {
			struct abstractnum *a;

			VEC_GROW(nb->abs, nb->nabs, nb->abscap);
			a = &nb->abs[nb->nabs++];
			memset(a, 0, sizeof(*a));
			a->id = wattr_int(c, "abstractNumId", -1);
			for (k = 0; k < NUM_LEVELS; k++)
				a->lvl[k].start = 1;
			for (l = c->children; l != NULL; l = l->next) {
				int ilvl;

				if (!is_w(l, "lvl"))
					continue;
				ilvl = wattr_int(l, "ilvl", -1);
				if (ilvl < 0 || ilvl >= NUM_LEVELS)
					continue;
				for (d = l->children; d != NULL; d = d->next) {
					char *v;

					if (is_w(d, "start"))
						a->lvl[ilvl].start =
						    wattr_int(d, "val", 1);
					else if (is_w(d, "lvlText")) {
						free(a->lvl[ilvl].text);
						a->lvl[ilvl].text =
						    wattr(d, "val");
					} else if (is_w(d, "numFmt") &&
					    (v = wattr(d, "val")) != NULL) {
						a->lvl[ilvl].fmt =
						    str_eq(v, "decimal") ?
						    NUMFMT_DECIMAL :
						    str_startswith(v,
						    "chineseCounting") ?
						    NUMFMT_CHINESE :
						    NUMFMT_NONE;
						free(v);
					}
				}
			}
		} else if (is_w(c, "num")) {
			struct numinst *n;

			VEC_GROW(nb->num, nb->nnum, nb->numcap);
			n = &nb->num[nb->nnum++];
			memset(n, 0, sizeof(*n));
			n->id = wattr_int(c, "numId", -1);
			n->abs = -1;
			for (k = 0; k < NUM_LEVELS; k++)
				n->override[k] = -1;
			for (l = c->children; l != NULL; l = l->next) {
				if (is_w(l, "abstractNumId"))
					n->abs = wattr_int(l, "val", -1);
				else if (is_w(l, "lvlOverride")) {
					int ilvl = wattr_int(l, "ilvl", -1);

					if (ilvl < 0 || ilvl >= NUM_LEVELS)
						continue;
					for (d = l->children; d != NULL;
					    d = d->next)
						if (is_w(d, "startOverride"))
							n->override[ilvl] =
							    wattr_int(d, "val",
							    1);
				}
			}
		}
	}
}

static void
cn_numeral(struct buf *b, int v)
{
	static const char *const d[] = {
		"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"
	};

	if (v < 0 || v > 99) {
		buf_addf(b, "%d", v);
		return;
	}
	if (v < 10) {
		buf_addstr(b, d[v]);
		return;
	}
	if (v >= 20)
		buf_addstr(b, d[v / 10]);
	buf_addstr(b, "十");
	if (v % 10)
		buf_addstr(b, d[v % 10]);
}

/* The label of a numbered paragraph, appended to b; advances counters. */
static void
numbering_label(struct numbering *nb, int numid, int ilvl, struct buf *b)
{
	struct numinst		*n = NULL;
	struct abstractnum	*a = NULL;
	const char		*t;
	size_t			 i;
	int			 k;

	if (ilvl < 0 || ilvl >= NUM_LEVELS)
		return;
	for (i = 0; i < nb->nnum; i++)
		if (nb->num[i].id == numid)
			n = &nb->num[i];
	if (n == NULL)
		return;
	for (i = 0; i < nb->nabs; i++)
		if (nb->abs[i].id == n->abs)
			a = &nb->abs[i];
	if (a == NULL || a->lvl[ilvl].fmt == NUMFMT_NONE ||
	    a->lvl[ilvl].text == NULL)
		return;
	if (!n->started[ilvl]) {
		n->counter[ilvl] = n->override[ilvl] >= 0 ?
		    n->override[ilvl] : a->lvl[ilvl].start;
		n->started[ilvl] = 1;
	} else if (n->counter[ilvl] < 1000000)
		n->counter[ilvl]++;
	for (k = ilvl + 1; k < NUM_LEVELS; k++)
		n->started[k] = 0;
	for (t = a->lvl[ilvl].text; *t != '\0'; t++) {
		if (t[0] == '%' && t[1] >= '1' && t[1] <= '9') {
			k = t[1] - '1';
			if (a->lvl[k].fmt == NUMFMT_CHINESE)
				cn_numeral(b, n->counter[k]);
			else
				buf_addf(b, "%d", n->counter[k]);
			t++;
		} else
			buf_addch(b, *t);
	}
}

/* w:pPr/w:numPr of a paragraph: its numId and ilvl, or 0. */
static int
para_numpr(const xmlNode *p, int *numid, int *ilvl)
{
	const xmlNode	*c, *d, *e;

	for (c = p->children; c != NULL; c = c->next) {
		if (!is_w(c, "pPr"))
			continue;
		for (d = c->children; d != NULL; d = d->next) {
			if (!is_w(d, "numPr"))
				continue;
			*numid = -1;
			*ilvl = 0;
			for (e = d->children; e != NULL; e = e->next) {
				if (is_w(e, "numId"))
					*numid = wattr_int(e, "val", -1);
				else if (is_w(e, "ilvl"))
					*ilvl = wattr_int(e, "val", 0);
			}
			return *numid > 0;
		}
	}
	return 0;
}

static void
walk_body(const xmlNode *body, struct numbering *nb, struct paras *ps,
    struct buf *text, int *line)
{
	const xmlNode	*c, *tr, *tc, *pp;
	struct buf	 b = BUF_INIT, cell = BUF_INIT, row = BUF_INIT;

	for (c = body->children; c != NULL; c = c->next) {
		if (is_w(c, "p")) {
			int numid, ilvl;

			++*line;
			buf_reset(&b);
			if (para_numpr(c, &numid, &ilvl))
				numbering_label(nb, numid, ilvl, &b);
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
			walk_body(c, nb, ps, text, line);	/* w:sdt … */
	}
	buf_release(&b);
	buf_release(&cell);
	buf_release(&row);
}

/*
 * Read one member of the zip into a new NUL-terminated buffer, refusing
 * one that inflates past IMPORT_MAX_XML. FZ_ENOTFOUND if absent.
 */
static enum fz_err
zip_member(zip_t *za, const char *name, char **out, size_t *len,
    struct diags *dg)
{
	zip_stat_t	 zs;
	zip_file_t	*zf = NULL;
	zip_int64_t	 got;
	char		*p = NULL;
	enum fz_err	 rc = FZ_EFORMAT;

	*out = NULL;
	zip_stat_init(&zs);
	if (zip_stat(za, name, 0, &zs) != 0)
		return FZ_ENOTFOUND;
	if (!(zs.valid & ZIP_STAT_SIZE)) {
		diags_error(dg, 0, 0, "bad_docx", "DOCX 中的 %s 已损坏", name);
		return FZ_EFORMAT;
	}
	if (zs.size > IMPORT_MAX_XML) {
		diags_error(dg, 0, 0, "too_big",
		    "DOCX 中的 %s 解压后过大（%llu 字节），上限为 %u 字节",
		    name, (unsigned long long)zs.size, IMPORT_MAX_XML);
		return FZ_ETOOBIG;
	}
	if ((zf = zip_fopen(za, name, 0)) == NULL) {
		diags_error(dg, 0, 0, "bad_docx", "无法打开 DOCX 中的 %s：%s",
		    name, zip_strerror(za));
		goto out;
	}
	p = xmalloc((size_t)zs.size + 1);
	got = zip_fread(zf, p, zs.size);
	if (got < 0 || (zip_uint64_t)got != zs.size) {
		diags_error(dg, 0, 0, "bad_docx", "DOCX 中的 %s 已损坏，无法解压",
		    name);
		goto out;
	}
	p[zs.size] = '\0';
	*out = p;
	*len = (size_t)zs.size;
	p = NULL;
	rc = FZ_OK;
out:
	free(p);
	if (zf != NULL)
		zip_fclose(zf);
	return rc;
}

static xmlDoc *
parse_xml(const char *xml, size_t len, const char *name)
{
	if (len > INT32_MAX)
		return NULL;
	return xmlReadMemory(xml, (int)len, name, NULL, XML_PARSE_NONET |
	    XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
}

enum fz_err
import_docx_paras(const char *data, size_t len, struct paras *ps,
    struct buf *text, struct diags *dg)
{
	zip_source_t		*src = NULL;
	zip_t			*za = NULL;
	zip_error_t		 ze;
	xmlDoc			*doc = NULL, *ndoc = NULL;
	xmlNode			*root, *c;
	char			*xml = NULL, *nxml = NULL;
	size_t			 xlen = 0, nlen = 0;
	struct numbering	 nb;
	enum fz_err		 rc = FZ_EFORMAT;
	int			 line = 0;

	memset(&nb, 0, sizeof(nb));
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
	rc = zip_member(za, "word/document.xml", &xml, &xlen, dg);
	if (rc == FZ_ENOTFOUND) {
		diags_error(dg, 0, 0, "bad_docx",
		    "DOCX 文件中没有 word/document.xml，不是 Word 文档");
		rc = FZ_EFORMAT;
	}
	if (rc != FZ_OK)
		goto out;
	rc = zip_member(za, "word/numbering.xml", &nxml, &nlen, dg);
	if (rc != FZ_OK && rc != FZ_ENOTFOUND)
		goto out;
	rc = FZ_EFORMAT;
	if (nxml != NULL && (ndoc = parse_xml(nxml, nlen,
	    "numbering.xml")) != NULL && xmlDocGetRootElement(ndoc) != NULL)
		numbering_parse(&nb, xmlDocGetRootElement(ndoc));
	if ((doc = parse_xml(xml, xlen, "document.xml")) == NULL ||
	    (root = xmlDocGetRootElement(doc)) == NULL) {
		diags_error(dg, 0, 0, "bad_docx",
		    "DOCX 正文不是有效的 XML");
		goto out;
	}
	for (c = root->children; c != NULL; c = c->next)
		if (is_w(c, "body"))
			walk_body(c, &nb, ps, text, &line);
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
	numbering_release(&nb);
	xmlFreeDoc(doc);
	xmlFreeDoc(ndoc);
	free(xml);
	free(nxml);
	if (za != NULL)
		zip_discard(za);
	if (src != NULL)
		zip_source_free(src);
	zip_error_fini(&ze);
	return rc;
}
