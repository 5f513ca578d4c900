/*
 * xlsx.c: read the first worksheet of an Excel (XLSX) workbook into rows
 * of cell texts, as csv.c does for CSV files: libzip opens the zip from
 * memory, each part is inflated within a size limit and parsed by libxml2
 * (no network, no entity expansion). Shared strings, inline strings and
 * numbers are read; a number formatted as a date becomes YYYY-MM-DD (1900
 * or 1904 date system). reg_table_read() picks XLSX or CSV by content.
 * SPDX-License-Identifier: MIT
 */
#include <stdlib.h>
#include <string.h>

#include <zip.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "fazhi/registry.h"
#include "fazhi/util.h"
#include "fazhi/banned.h"

#define XLSX_MAX_PART	(16u * 1024 * 1024)	/* one inflated XML part */
#define XLSX_MAX_ROWS	200000
#define XLSX_MAX_COLS	256
#define XLSX_MAX_SST	1000000

static int
is_el(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE &&
	    strcmp((const char *)n->name, name) == 0;
}

static char *
attr(const xmlNode *n, const char *name)
{
	xmlChar	*v = xmlGetProp(n, (const xmlChar *)name);
	char	*s;

	if (v == NULL)
		return NULL;
	s = xstrdup((const char *)v);
	xmlFree(v);
	return s;
}

/* One part of the zip, inflated; FZ_ENOTFOUND when absent. */
static enum fz_err
part(zip_t *za, const char *name, char **out, size_t *len, struct diags *dg)
{
	zip_stat_t	 zs;
	zip_file_t	*zf;
	zip_int64_t	 got;
	char		*p;

	*out = NULL;
	zip_stat_init(&zs);
	if (zip_stat(za, name, 0, &zs) != 0)
		return FZ_ENOTFOUND;
	if (!(zs.valid & ZIP_STAT_SIZE) || zs.size > XLSX_MAX_PART) {
		diags_error(dg, 0, 0, "too_big", "XLSX 中的 %s 已损坏或解压后过大"
		    "（上限 %u 字节）", name, XLSX_MAX_PART);
		return FZ_ETOOBIG;
	}
	if ((zf = zip_fopen(za, name, 0)) == NULL) {
		diags_error(dg, 0, 0, "bad_xlsx", "无法打开 XLSX 中的 %s", name);
		return FZ_EFORMAT;
	}
	p = xmalloc((size_t)zs.size + 1);
	got = zip_fread(zf, p, zs.size);
	zip_fclose(zf);
	if (got < 0 || (zip_uint64_t)got != zs.size) {
		free(p);
		diags_error(dg, 0, 0, "bad_xlsx", "XLSX 中的 %s 已损坏，无法解压",
		    name);
		return FZ_EFORMAT;
	}
	p[zs.size] = '\0';
	*out = p;
	*len = (size_t)zs.size;
	return FZ_OK;
}

/* A part parsed as XML; NULL (with a diag) if absent or broken. */
static xmlDoc *
part_xml(zip_t *za, const char *name, int required, enum fz_err *rc,
    struct diags *dg)
{
	char	*x = NULL;
	size_t	 n = 0;
	xmlDoc	*doc = NULL;

	*rc = part(za, name, &x, &n, dg);
	if (*rc == FZ_ENOTFOUND) {
		if (required) {
			diags_error(dg, 0, 0, "bad_xlsx", "XLSX 文件中没有 %s，"
			    "不是 Excel 工作簿", name);
			*rc = FZ_EFORMAT;
		}
		return NULL;
	}
	if (*rc != FZ_OK)
		return NULL;
	doc = xmlReadMemory(x, (int)n, name, NULL, XML_PARSE_NONET |
	    XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	free(x);
	if (doc == NULL || xmlDocGetRootElement(doc) == NULL) {
		diags_error(dg, 0, 0, "bad_xlsx", "XLSX 中的 %s 不是有效的 XML",
		    name);
		xmlFreeDoc(doc);
		*rc = FZ_EFORMAT;
		return NULL;
	}
	return doc;
}

/* The text of t elements below n, phonetic runs (rPh) left out. */
static void
texts(const xmlNode *n, struct buf *b)
{
	const xmlNode	*c;

	for (c = n->children; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE || is_el(c, "rPh"))
			continue;
		if (is_el(c, "t")) {
			xmlChar *t = xmlNodeGetContent(c);

			if (t != NULL) {
				buf_addstr(b, (const char *)t);
				xmlFree(t);
			}
		} else
			texts(c, b);
	}
}

struct book {
	char		**sst;
	size_t		 nsst;
	unsigned char	*datexf;	/* cell style index → is a date */
	size_t		 nxf;
	int		 date1904;
};

static void
book_release(struct book *bk)
{
	strv_free(bk->sst, bk->nsst);
	free(bk->datexf);
	memset(bk, 0, sizeof(*bk));
}

/* Is a number format a date? Built-in 14–22, 45–47, or a code with
 * y, m or d outside quotes and brackets (and not only an elapsed time). */
static int
numfmt_is_date(int id, const char *code)
{
	int	 quoted = 0, bracket = 0, dated = 0;

	if ((id >= 14 && id <= 22) || (id >= 45 && id <= 47) ||
	    (id >= 27 && id <= 36) || (id >= 50 && id <= 58))
		return 1;
	for (; code != NULL && *code != '\0'; code++) {
		if (*code == '"')
			quoted = !quoted;
		else if (*code == '[' && !quoted)
			bracket = 1;
		else if (*code == ']' && !quoted)
			bracket = 0;
		else if (*code == '\\' && code[1] != '\0')
			code++;
		else if (!quoted && !bracket && strchr("ymdYMD", *code))
			dated = 1;
	}
	return dated;
}

static void
read_styles(xmlDoc *doc, struct book *bk)
{
	const xmlNode	*root = xmlDocGetRootElement(doc), *c, *x;
	struct {
		int	 id;
		char	*code;
	}		*fmts = NULL;
	size_t		 nf = 0, cap = 0, i;

	for (c = root->children; c != NULL; c = c->next) {
		if (is_el(c, "numFmts"))
			for (x = c->children; x != NULL; x = x->next) {
				char *id, *code;
				long long v;

				if (!is_el(x, "numFmt") || nf >= 1000)
					continue;
				id = attr(x, "numFmtId");
				code = attr(x, "formatCode");
				if (id != NULL && str_toint(id, 0, 100000, &v) ==
				    FZ_OK) {
					VEC_GROW(fmts, nf, cap);
					fmts[nf].id = (int)v;
					fmts[nf++].code = code;
					code = NULL;
				}
				free(id);
				free(code);
			}
		if (!is_el(c, "cellXfs"))
			continue;
		for (x = c->children; x != NULL; x = x->next) {
			char *id;
			long long v = 0;
			const char *code = NULL;

			if (!is_el(x, "xf") || bk->nxf >= 65536)
				continue;
			id = attr(x, "numFmtId");
			if (id == NULL || str_toint(id, 0, 100000, &v) != FZ_OK)
				v = 0;
			free(id);
			for (i = 0; i < nf; i++)
				if (fmts[i].id == (int)v)
					code = fmts[i].code;
			bk->datexf = xreallocarray(bk->datexf, bk->nxf + 1, 1);
			bk->datexf[bk->nxf++] = (unsigned char)numfmt_is_date(
			    (int)v, code);
		}
	}
	for (i = 0; i < nf; i++)
		free(fmts[i].code);
	free(fmts);
}

static enum fz_err
read_sst(xmlDoc *doc, struct book *bk, struct diags *dg)
{
	const xmlNode	*root = xmlDocGetRootElement(doc), *c;
	struct buf	 b = BUF_INIT;
	size_t		 cap = 0;

	for (c = root->children; c != NULL; c = c->next) {
		if (!is_el(c, "si"))
			continue;
		if (bk->nsst >= XLSX_MAX_SST) {
			diags_error(dg, 0, 0, "too_big", "XLSX 共享字符串过多");
			buf_release(&b);
			return FZ_ETOOBIG;
		}
		buf_reset(&b);
		texts(c, &b);
		if (bk->nsst >= cap) {
			cap = cap ? st_mult(cap, 2) : 64;
			bk->sst = xreallocarray(bk->sst, cap, sizeof(char *));
		}
		bk->sst[bk->nsst++] = xstrdup(b.ptr);
	}
	buf_release(&b);
	return FZ_OK;
}

/* The path of the first worksheet: workbook.xml and its relations. */
static char *
first_sheet(zip_t *za, struct book *bk, struct diags *dg)
{
	xmlDoc		*wb, *rels;
	const xmlNode	*c, *s;
	char		*rid = NULL, *path = NULL, *v;
	enum fz_err	 rc;

	if ((wb = part_xml(za, "xl/workbook.xml", 0, &rc, dg)) != NULL) {
		for (c = xmlDocGetRootElement(wb)->children; c != NULL;
		    c = c->next) {
			if (is_el(c, "workbookPr") && (v = attr(c,
			    "date1904")) != NULL) {
				bk->date1904 = str_eq(v, "1") ||
				    str_eq(v, "true");
				free(v);
			}
			if (!is_el(c, "sheets"))
				continue;
			for (s = c->children; s != NULL && rid == NULL;
			    s = s->next) {
				xmlChar *id;

				if (!is_el(s, "sheet"))
					continue;
				/* r:id, in the relationships namespace */
				id = xmlGetNsProp(s, (const xmlChar *)"id",
				    (const xmlChar *)"http://schemas.openxmlformats"
				    ".org/officeDocument/2006/relationships");
				if (id != NULL) {
					rid = xstrdup((const char *)id);
					xmlFree(id);
				}
			}
		}
		xmlFreeDoc(wb);
	}
	if (rid != NULL && (rels = part_xml(za, "xl/_rels/workbook.xml.rels",
	    0, &rc, dg)) != NULL) {
		for (c = xmlDocGetRootElement(rels)->children; c != NULL &&
		    path == NULL; c = c->next) {
			char *id, *target;

			if (!is_el(c, "Relationship"))
				continue;
			id = attr(c, "Id");
			target = attr(c, "Target");
			if (id != NULL && target != NULL && str_eq(id, rid) &&
			    strstr(target, "..") == NULL) {
				struct buf b = BUF_INIT;

				if (target[0] == '/')
					buf_addstr(&b, target + 1);
				else
					buf_addf(&b, "xl/%s", target);
				path = buf_detach(&b, NULL);
			}
			free(id);
			free(target);
		}
		xmlFreeDoc(rels);
	}
	free(rid);
	return path ? path : xstrdup("xl/worksheets/sheet1.xml");
}

/* "BC12" → column index 54 (0-based), row 12; 0 if not a reference. */
static int
cell_ref(const char *r, long *col, long *row)
{
	long	 c = 0, n = 0;
	int	 letters = 0;

	for (; *r >= 'A' && *r <= 'Z'; r++, letters++) {
		c = c * 26 + (*r - 'A' + 1);
		if (c > 16384)
			return 0;
	}
	if (letters == 0)
		return 0;
	for (; *r >= '0' && *r <= '9'; r++) {
		n = n * 10 + (*r - '0');
		if (n > 1048576)
			return 0;
	}
	if (*r != '\0' || n == 0)
		return 0;
	*col = c - 1;
	*row = n;
	return 1;
}

/* A serial number of a date-formatted cell as YYYY-MM-DD, else NULL. */
static int
serial_date(const char *v, int date1904, char out[11])
{
	char	*end;
	double	 x = strtod(v, &end);
	long	 base, serial;

	if (*v == '\0' || *end != '\0' || !(x >= 1 && x < 2958466))
		return 0;
	serial = (long)x;	/* x >= 1: the day, without the time */
	if (date1904)
		date_days("1904-01-01", &base);
	else {
		date_days("1900-01-01", &base);
		base -= 2;		/* serial 1 is 1900-01-01 */
		if (serial < 61)
			base++;		/* Excel's 1900-02-29 */
	}
	date_from_days(base + serial, out);
	return 1;
}

static void
row_set(struct csv_row *row, long col, const char *s)
{
	while ((long)row->n < col)
		strv_add(&row->f, &row->n, "");
	strv_add(&row->f, &row->n, s);
}

static enum fz_err
read_sheet(xmlDoc *doc, const struct book *bk, struct csv *tab,
    struct diags *dg)
{
	const xmlNode	*root = xmlDocGetRootElement(doc), *sd, *r, *c, *x;
	struct buf	 b = BUF_INIT;
	long		 lastrow = 0;
	enum fz_err	 rc = FZ_OK;

	for (sd = root->children; sd != NULL; sd = sd->next) {
		if (!is_el(sd, "sheetData"))
			continue;
		for (r = sd->children; r != NULL; r = r->next) {
			struct csv_row	 row;
			long		 rown = lastrow + 1, col = -1;
			int		 blank = 1;
			char		*ra;

			if (!is_el(r, "row"))
				continue;
			if ((ra = attr(r, "r")) != NULL) {
				long long v;

				if (str_toint(ra, 1, 1048576, &v) == FZ_OK)
					rown = (long)v;
				free(ra);
			}
			if (rown <= lastrow || tab->nrows >= XLSX_MAX_ROWS) {
				diags_error(dg, (int)rown, 0, "bad_xlsx",
				    "第%ld行：XLSX 的行号重复、倒序或行数过多",
				    rown);
				rc = FZ_EFORMAT;
				goto out;
			}
			lastrow = rown;
			memset(&row, 0, sizeof(row));
			row.line = (int)rown;
			for (c = r->children; c != NULL; c = c->next) {
				char *ref, *t, *s, date[11];
				long cc, rr;

				if (!is_el(c, "c"))
					continue;
				col++;
				if ((ref = attr(c, "r")) != NULL) {
					if (!cell_ref(ref, &cc, &rr) || rr != rown ||
					    cc < col) {
						diags_error(dg, (int)rown, 0,
						    "bad_xlsx", "第%ld行：单元格"
						    "位置“%.20s”无效", rown, ref);
						free(ref);
						rc = FZ_EFORMAT;
						strv_free(row.f, row.n);
						goto out;
					}
					col = cc;
					free(ref);
				}
				if (col >= XLSX_MAX_COLS) {
					diags_error(dg, (int)rown, (int)col + 1,
					    "bad_xlsx", "第%ld行：列数超过 %d",
					    rown, XLSX_MAX_COLS);
					rc = FZ_EFORMAT;
					strv_free(row.f, row.n);
					goto out;
				}
				t = attr(c, "t");
				s = attr(c, "s");
				buf_reset(&b);
				for (x = c->children; x != NULL; x = x->next) {
					if (is_el(x, "v")) {
						xmlChar *v = xmlNodeGetContent(x);

						if (v != NULL) {
							buf_addstr(&b,
							    (const char *)v);
							xmlFree(v);
						}
					} else if (is_el(x, "is"))
						texts(x, &b);
				}
				if (t != NULL && str_eq(t, "s")) {
					long long k;

					if (str_toint(b.ptr, 0, (long long)bk->nsst
					    - 1, &k) != FZ_OK) {
						diags_error(dg, (int)rown,
						    (int)col + 1, "bad_xlsx",
						    "第%ld行第%ld列：共享字符串编号"
						    "无效", rown, col + 1);
						rc = FZ_EFORMAT;
					} else {
						buf_reset(&b);
						buf_addstr(&b, bk->sst[k]);
					}
				} else if (t != NULL && str_eq(t, "d")) {
					if (b.len > 10)
						buf_truncate(&b, 10);
				} else if ((t == NULL || str_eq(t, "n")) &&
				    s != NULL) {
					long long xf;

					if (str_toint(s, 0, (long long)bk->nxf - 1,
					    &xf) == FZ_OK && bk->datexf[xf] &&
					    serial_date(b.ptr, bk->date1904,
					    date)) {
						buf_reset(&b);
						buf_addstr(&b, date);
					}
				}
				free(t);
				free(s);
				if (rc != FZ_OK) {
					strv_free(row.f, row.n);
					goto out;
				}
				if (b.len > 0)
					blank = 0;
				row_set(&row, col, b.ptr);
			}
			if (blank) {
				strv_free(row.f, row.n);
				continue;
			}
			VEC_GROW(tab->rows, tab->nrows, tab->cap);
			tab->rows[tab->nrows++] = row;
		}
	}
out:
	buf_release(&b);
	return rc;
}

enum fz_err
xlsx_read(const char *data, size_t len, struct csv *tab, struct diags *dg)
{
	zip_source_t	*src = NULL;
	zip_t		*za = NULL;
	zip_error_t	 ze;
	xmlDoc		*doc = NULL;
	struct book	 bk;
	char		*sheet = NULL;
	enum fz_err	 rc = FZ_EFORMAT;

	memset(tab, 0, sizeof(*tab));
	memset(&bk, 0, sizeof(bk));
	tab->encoding = "XLSX";
	zip_error_init(&ze);
	if ((src = zip_source_buffer_create(data, len, 0, &ze)) == NULL ||
	    (za = zip_open_from_source(src, ZIP_RDONLY, &ze)) == NULL) {
		diags_error(dg, 0, 0, "bad_xlsx", "不是有效的 XLSX 文件（无法"
		    "作为 zip 压缩包打开）：%s", zip_error_strerror(&ze));
		goto out;
	}
	src = NULL;	/* owned by za */
	if ((doc = part_xml(za, "xl/sharedStrings.xml", 0, &rc, dg)) !=
	    NULL) {
		rc = read_sst(doc, &bk, dg);
		xmlFreeDoc(doc);
		doc = NULL;
		if (rc != FZ_OK)
			goto out;
	} else if (rc != FZ_ENOTFOUND)
		goto out;
	if ((doc = part_xml(za, "xl/styles.xml", 0, &rc, dg)) != NULL) {
		read_styles(doc, &bk);
		xmlFreeDoc(doc);
		doc = NULL;
	} else if (rc != FZ_ENOTFOUND)
		goto out;
	sheet = first_sheet(za, &bk, dg);
	if (dg->nerrors > 0) {
		rc = FZ_EFORMAT;
		goto out;
	}
	if ((doc = part_xml(za, sheet, 1, &rc, dg)) == NULL)
		goto out;
	rc = read_sheet(doc, &bk, tab, dg);
out:
	xmlFreeDoc(doc);
	free(sheet);
	book_release(&bk);
	if (za != NULL)
		zip_discard(za);
	if (src != NULL)
		zip_source_free(src);
	zip_error_fini(&ze);
	if (rc != FZ_OK)
		csv_release(tab);
	return rc;
}

enum fz_err
reg_table_read(const char *data, size_t len, struct csv *tab, int *xlsx,
    struct diags *dg)
{
	*xlsx = 0;
	memset(tab, 0, sizeof(*tab));
	if (len >= 4 && memcmp(data, "PK\x03\x04", 4) == 0) {
		*xlsx = 1;
		return xlsx_read(data, len, tab, dg);
	}
	if (len >= 8 && memcmp(data, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8) ==
	    0) {
		diags_error(dg, 0, 0, "bad_format", "不支持旧版 Excel（.xls）"
		    "文件：请在 Excel 或 WPS 中另存为 .xlsx 或 CSV");
		return FZ_EFORMAT;
	}
	return csv_parse(data, len, tab, dg);
}
