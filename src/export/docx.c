/*
 * docx.c: write Word documents (OOXML, ECMA-376) laid out to GB/T 9704-2012:
 * the parts a document needs ([Content_Types].xml, _rels, word/document.xml,
 * styles, settings, fontTable, odd and even footers with a PAGE field,
 * docProps) built as text and zipped with libzip. Paragraph kinds map to
 * styles; the section carries the page, the margins and the 22 x 28 grid.
 * SPDX-License-Identifier: MIT
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <zip.h>

#include "fazhi/docx.h"
#include "fazhi/util.h"
#include "fazhi/banned.h"

/* Text area 156 mm x 225 mm from the top-left margins 37 mm and 28 mm. */
#define TEXT_W		DOCX_MM_TWIPS(156)
#define TEXT_H		DOCX_MM_TWIPS(225)
#define MARGIN_TOP	DOCX_MM_TWIPS(37)
#define MARGIN_LEFT	DOCX_MM_TWIPS(28)
#define MARGIN_RIGHT	(DOCX_PAGE_W - MARGIN_LEFT - TEXT_W)
#define MARGIN_BOTTOM	(DOCX_PAGE_H - MARGIN_TOP - TEXT_H)
#define LINE_PITCH	(TEXT_H / DOCX_LINES)
#define BODY_HALFPTS	32	/* 3号, 16 pt */
#define FIXED_MTIME	946684800	/* 2000-01-01: equal input, equal bytes */
/*
 * 28 characters of 16 pt need 448 pt; the text area is 442.2 pt wide. Word
 * squeezes characters to a linesAndChars grid but LibreOffice gives each
 * 16 pt character two cells of 15.8 pt (14 a line). So the grid is of
 * lines, its charSpace kept to say the pitch, and every character is
 * narrowed by 0.25 pt (w:spacing -5 twentieths): 28 a line everywhere.
 */
#define CHAR_SQUEEZE	(-5)	/* twentieths of a point */

struct docx {
	struct buf	 body;		/* w:body content so far */
	struct buf	 plain;
	int		 in_para;
	int		 in_table;
	size_t		 ncols;
	int		*widths;	/* twips per column */
	char		*title;
	char		*author;
	char		*date;
};

static const char *const style_id[DOCX__MAX] = {
	[DOCX_TITLE] = "fzTitle",
	[DOCX_SUBTITLE] = "fzSubtitle",
	[DOCX_ADDRESSEE] = "fzAddressee",
	[DOCX_HEADING1] = "fzHeading1",
	[DOCX_HEADING2] = "fzHeading2",
	[DOCX_BODY] = "fzBody",
	[DOCX_SIGNATURE] = "fzSignature",
	[DOCX_BLANK] = "fzBody",
};

static int
xml_char_ok(uint32_t c)
{
	return c == 0x9 || c == 0xA || c == 0xD ||
	    (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) ||
	    (c >= 0x10000 && c <= 0x10FFFF);
}

void
docx_xml_escape(struct buf *b, const char *s)
{
	size_t	 n = strlen(s), i = 0, k;
	uint32_t cp;

	while (i < n) {
		k = utf8_decode(s + i, n - i, &cp);
		if (k == 0) {
			i++;
			continue;
		}
		if (!xml_char_ok(cp)) {
			i += k;
			continue;
		}
		switch (cp) {
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
			buf_addstr(b, "&apos;");
			break;
		default:
			buf_add(b, s + i, k);
		}
		i += k;
	}
}

/* The text as plain UTF-8, what XML keeps of it. */
static void
plain_add(struct buf *b, const char *s)
{
	size_t	 n = strlen(s), i = 0, k;
	uint32_t cp;

	while (i < n) {
		k = utf8_decode(s + i, n - i, &cp);
		if (k == 0) {
			i++;
			continue;
		}
		if (xml_char_ok(cp) && cp != '\r')
			buf_add(b, s + i, k);
		i += k;
	}
}

struct docx *
docx_new(void)
{
	struct docx	*d = xcalloc(1, sizeof(*d));

	buf_init(&d->body);
	buf_init(&d->plain);
	return d;
}

void
docx_free(struct docx *d)
{
	if (d == NULL)
		return;
	buf_release(&d->body);
	buf_release(&d->plain);
	free(d->widths);
	free(d->title);
	free(d->author);
	free(d->date);
	free(d);
}

void
docx_meta(struct docx *d, const char *title, const char *author,
    const char *date)
{
	free(d->title);
	free(d->author);
	free(d->date);
	d->title = title ? xstrdup(title) : NULL;
	d->author = author ? xstrdup(author) : NULL;
	d->date = date ? xstrdup(date) : NULL;
}

static void
para_close(struct docx *d)
{
	if (!d->in_para)
		return;
	buf_addstr(&d->body, "</w:p>\n");
	buf_addch(&d->plain, '\n');
	d->in_para = 0;
}

void
docx_para(struct docx *d, enum docx_kind k)
{
	if (d->in_table)
		docx_table_end(d);
	para_close(d);
	if ((unsigned)k >= DOCX__MAX)
		k = DOCX_BODY;
	buf_addf(&d->body, "<w:p><w:pPr><w:pStyle w:val=\"%s\"/></w:pPr>",
	    style_id[k]);
	d->in_para = 1;
}

static void
run_props(struct buf *b, unsigned flags)
{
	if (flags == 0)
		return;
	buf_addstr(b, "<w:rPr>");
	if (flags & DOCX_RUN_BOLD)
		buf_addstr(b, "<w:b/><w:bCs/>");
	if (flags & DOCX_RUN_HIGHLIGHT)
		buf_addstr(b, "<w:highlight w:val=\"yellow\"/>");
	if (flags & DOCX_RUN_SUPER)
		buf_addstr(b, "<w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/>"
		    "<w:vertAlign w:val=\"superscript\"/>");
	buf_addstr(b, "</w:rPr>");
}

/* One w:r; tabs and line breaks become w:tab and w:br. */
static void
run_xml(struct buf *b, const char *text, unsigned flags)
{
	const char	*p = text, *q;

	buf_addstr(b, "<w:r>");
	run_props(b, flags);
	while (*p != '\0') {
		q = p + strcspn(p, "\t\n");
		if (q > p) {
			char *seg = xstrndup(p, (size_t)(q - p));

			buf_addstr(b, "<w:t xml:space=\"preserve\">");
			docx_xml_escape(b, seg);
			buf_addstr(b, "</w:t>");
			free(seg);
		}
		if (*q == '\t')
			buf_addstr(b, "<w:tab/>");
		else if (*q == '\n')
			buf_addstr(b, "<w:br/>");
		else
			break;
		p = q + 1;
	}
	buf_addstr(b, "</w:r>");
}

void
docx_run(struct docx *d, const char *text, unsigned flags)
{
	if (!d->in_para)
		docx_para(d, DOCX_BODY);
	if (text == NULL || *text == '\0')
		return;
	run_xml(&d->body, text, flags);
	plain_add(&d->plain, text);
}

void
docx_para_text(struct docx *d, enum docx_kind k, const char *text)
{
	docx_para(d, k);
	if (text != NULL)
		docx_run(d, text, 0);
}

static void
cell_xml(struct docx *d, size_t col, const char *text, int header)
{
	buf_addf(&d->body, "<w:tc><w:tcPr><w:tcW w:w=\"%d\" w:type=\"dxa\"/>"
	    "</w:tcPr><w:p><w:pPr><w:pStyle w:val=\"fzTable\"/>%s</w:pPr>",
	    d->widths[col], header ? "<w:jc w:val=\"center\"/>" : "");
	if (text != NULL && *text != '\0')
		run_xml(&d->body, text, header ? DOCX_RUN_BOLD : 0);
	buf_addstr(&d->body, "</w:p></w:tc>");
	if (col > 0)
		buf_addch(&d->plain, '\t');
	if (text != NULL)
		plain_add(&d->plain, text);
}

void
docx_table_begin(struct docx *d, size_t ncols, const char *const *headers,
    const double *widths_mm)
{
	size_t	 i;
	int	 total = 0;

	if (d->in_table)
		docx_table_end(d);
	para_close(d);
	if (ncols == 0)
		ncols = 1;
	free(d->widths);
	d->widths = xcalloc(ncols, sizeof(*d->widths));
	d->ncols = ncols;
	for (i = 0; i < ncols; i++) {
		d->widths[i] = widths_mm ? DOCX_MM_TWIPS(widths_mm[i]) :
		    TEXT_W / (int)ncols;
		total += d->widths[i];
	}
	buf_addf(&d->body, "<w:tbl><w:tblPr><w:tblW w:w=\"%d\" w:type=\"dxa\"/>"
	    "<w:jc w:val=\"center\"/><w:tblBorders>", total);
	static const char *const sides[] = { "top", "left", "bottom", "right",
	    "insideH", "insideV" };
	for (i = 0; i < sizeof(sides) / sizeof(sides[0]); i++)
		buf_addf(&d->body, "<w:%s w:val=\"single\" w:sz=\"4\" "
		    "w:space=\"0\" w:color=\"000000\"/>", sides[i]);
	buf_addstr(&d->body, "</w:tblBorders><w:tblLayout w:type=\"fixed\"/>"
	    "<w:tblCellMar><w:left w:w=\"85\" w:type=\"dxa\"/>"
	    "<w:right w:w=\"85\" w:type=\"dxa\"/></w:tblCellMar>"
	    "</w:tblPr><w:tblGrid>");
	for (i = 0; i < ncols; i++)
		buf_addf(&d->body, "<w:gridCol w:w=\"%d\"/>", d->widths[i]);
	buf_addstr(&d->body, "</w:tblGrid>");
	d->in_table = 1;
	buf_addstr(&d->body, "<w:tr><w:trPr><w:tblHeader/></w:trPr>");
	for (i = 0; i < ncols; i++)
		cell_xml(d, i, headers ? headers[i] : NULL, 1);
	buf_addstr(&d->body, "</w:tr>\n");
	buf_addch(&d->plain, '\n');
}

void
docx_table_row(struct docx *d, const char *const *cells)
{
	size_t	 i;

	if (!d->in_table)
		return;
	buf_addstr(&d->body, "<w:tr><w:trPr><w:cantSplit/></w:trPr>");
	for (i = 0; i < d->ncols; i++)
		cell_xml(d, i, cells ? cells[i] : NULL, 0);
	buf_addstr(&d->body, "</w:tr>\n");
	buf_addch(&d->plain, '\n');
}

void
docx_table_end(struct docx *d)
{
	if (!d->in_table)
		return;
	/* Word needs a paragraph between a table and what follows. */
	buf_addstr(&d->body, "</w:tbl>\n");
	d->in_table = 0;
}

const char *
docx_plain(const struct docx *d)
{
	return d->plain.ptr;
}

#define XML_DECL "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
#define NS_W "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
#define NS_R "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""

static const char content_types[] = XML_DECL
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
    "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
    "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
    "<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
    "<Override PartName=\"/word/settings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>"
    "<Override PartName=\"/word/fontTable.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml\"/>"
    "<Override PartName=\"/word/footer1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>"
    "<Override PartName=\"/word/footer2.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>"
    "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
    "<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
    "</Types>\n";

static const char root_rels[] = XML_DECL
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
    "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\" Target=\"docProps/app.xml\"/>"
    "</Relationships>\n";

static const char doc_rels[] = XML_DECL
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings\" Target=\"settings.xml\"/>"
    "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable\" Target=\"fontTable.xml\"/>"
    "<Relationship Id=\"rId4\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" Target=\"footer1.xml\"/>"
    "<Relationship Id=\"rId5\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" Target=\"footer2.xml\"/>"
    "</Relationships>\n";

static const char settings_xml[] = XML_DECL
    "<w:settings " NS_W ">"
    "<w:zoom w:percent=\"100\"/>"
    "<w:evenAndOddHeaders/>"
    "<w:defaultTabStop w:val=\"640\"/>"
    "<w:characterSpacingControl w:val=\"compressPunctuation\"/>"
    "<w:compat><w:compatSetting w:name=\"compatibilityMode\" "
    "w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>"
    "</w:settings>\n";

/* The fonts GB/T 9704 names, each with a fallback for machines without it. */
static const char font_table[] = XML_DECL
    "<w:fonts " NS_W ">"
    "<w:font w:name=\"方正小标宋简体\"><w:altName w:val=\"华文中宋\"/><w:charset w:val=\"86\"/><w:family w:val=\"script\"/><w:pitch w:val=\"variable\"/></w:font>"
    "<w:font w:name=\"仿宋_GB2312\"><w:altName w:val=\"仿宋\"/><w:charset w:val=\"86\"/><w:family w:val=\"modern\"/><w:pitch w:val=\"fixed\"/></w:font>"
    "<w:font w:name=\"仿宋\"><w:altName w:val=\"FangSong\"/><w:charset w:val=\"86\"/><w:family w:val=\"modern\"/><w:pitch w:val=\"fixed\"/></w:font>"
    "<w:font w:name=\"黑体\"><w:altName w:val=\"SimHei\"/><w:charset w:val=\"86\"/><w:family w:val=\"modern\"/><w:pitch w:val=\"fixed\"/></w:font>"
    "<w:font w:name=\"楷体_GB2312\"><w:altName w:val=\"楷体\"/><w:charset w:val=\"86\"/><w:family w:val=\"modern\"/><w:pitch w:val=\"fixed\"/></w:font>"
    "<w:font w:name=\"宋体\"><w:altName w:val=\"SimSun\"/><w:charset w:val=\"86\"/><w:family w:val=\"auto\"/><w:pitch w:val=\"variable\"/></w:font>"
    "<w:font w:name=\"Times New Roman\"><w:charset w:val=\"00\"/><w:family w:val=\"roman\"/><w:pitch w:val=\"variable\"/></w:font>"
    "</w:fonts>\n";

static void
style_fonts(struct buf *b, const char *ea, int halfpts)
{
	buf_addf(b, "<w:rFonts w:ascii=\"Times New Roman\" "
	    "w:hAnsi=\"Times New Roman\" w:eastAsia=\"%s\" "
	    "w:cs=\"Times New Roman\"/><w:sz w:val=\"%d\"/>"
	    "<w:szCs w:val=\"%d\"/>", ea, halfpts, halfpts);
}

static void
para_style(struct buf *b, const char *id, const char *name, const char *ppr,
    const char *font, int halfpts, int outline)
{
	buf_addf(b, "<w:style w:type=\"paragraph\" w:customStyle=\"1\" "
	    "w:styleId=\"%s\"><w:name w:val=\"%s\"/><w:basedOn w:val=\"Normal\"/>"
	    "<w:qFormat/><w:pPr>%s", id, name, ppr);
	if (outline >= 0)
		buf_addf(b, "<w:outlineLvl w:val=\"%d\"/>", outline);
	buf_addstr(b, "</w:pPr><w:rPr>");
	style_fonts(b, font, halfpts);
	buf_addstr(b, "</w:rPr></w:style>");
}

static void
styles_xml(struct buf *b)
{
	char	 exact[96], indent[] = "<w:ind w:firstLineChars=\"200\" "
	    "w:firstLine=\"640\"/>";
	struct buf ppr = BUF_INIT;

	snprintf(exact, sizeof(exact), "<w:spacing w:before=\"0\" "
	    "w:after=\"0\" w:line=\"%d\" w:lineRule=\"exact\"/>", LINE_PITCH);
	buf_addstr(b, XML_DECL "<w:styles " NS_W "><w:docDefaults><w:rPrDefault>"
	    "<w:rPr>");
	style_fonts(b, "仿宋_GB2312", BODY_HALFPTS);
	buf_addf(b, "<w:spacing w:val=\"%d\"/>", CHAR_SQUEEZE);
	buf_addstr(b, "<w:kern w:val=\"2\"/><w:lang w:val=\"en-US\" "
	    "w:eastAsia=\"zh-CN\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault>"
	    "<w:pPrDefault><w:pPr>");
	buf_addstr(b, exact);
	buf_addstr(b, "</w:pPr></w:pPrDefault></w:docDefaults>"
	    "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\">"
	    "<w:name w:val=\"Normal\"/><w:qFormat/><w:pPr><w:widowControl "
	    "w:val=\"0\"/><w:jc w:val=\"both\"/>");
	buf_addstr(b, exact);
	buf_addstr(b, "</w:pPr><w:rPr>");
	style_fonts(b, "仿宋_GB2312", BODY_HALFPTS);
	buf_addstr(b, "</w:rPr></w:style>");

	buf_addf(&ppr, "<w:jc w:val=\"center\"/>");
	para_style(b, "fzTitle", "公文标题", ppr.ptr, "方正小标宋简体", 44, -1);
	para_style(b, "fzSubtitle", "副标题", ppr.ptr, "楷体_GB2312",
	    BODY_HALFPTS, -1);
	para_style(b, "fzAddressee", "主送机关", "<w:ind w:firstLine=\"0\"/>",
	    "仿宋_GB2312", BODY_HALFPTS, -1);
	para_style(b, "fzHeading1", "一级标题", indent, "黑体", BODY_HALFPTS,
	    0);
	para_style(b, "fzHeading2", "二级标题", indent, "楷体_GB2312",
	    BODY_HALFPTS, 1);
	para_style(b, "fzBody", "正文", indent, "仿宋_GB2312", BODY_HALFPTS,
	    -1);
	para_style(b, "fzSignature", "署名日期", "<w:ind w:rightChars=\"400\" "
	    "w:right=\"1280\"/><w:jc w:val=\"right\"/>", "仿宋_GB2312",
	    BODY_HALFPTS, -1);
	para_style(b, "fzTable", "表格文字", "<w:spacing w:before=\"0\" "
	    "w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>"
	    "<w:snapToGrid w:val=\"0\"/><w:jc w:val=\"left\"/>", "仿宋_GB2312",
	    28, -1);
	para_style(b, "fzFooter", "页码", "<w:spacing w:before=\"0\" "
	    "w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>"
	    "<w:snapToGrid w:val=\"0\"/>", "宋体", 28, -1);
	buf_addstr(b, "</w:styles>\n");
	buf_release(&ppr);
}

/*
 * The page number, "— 1 —" in 4号宋体: odd pages at the right and even
 * pages at the left, each one character in from the text area's edge.
 */
static void
footer_xml(struct buf *b, int odd)
{
	buf_addf(b, XML_DECL "<w:ftr " NS_W " " NS_R "><w:p><w:pPr>"
	    "<w:pStyle w:val=\"fzFooter\"/><w:ind %s/><w:jc w:val=\"%s\"/>"
	    "</w:pPr>", odd ? "w:right=\"280\"" : "w:left=\"280\"",
	    odd ? "right" : "left");
	buf_addstr(b, "<w:r><w:t xml:space=\"preserve\">— </w:t></w:r>"
	    "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
	    "<w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>"
	    "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>"
	    "<w:r><w:t>1</w:t></w:r>"
	    "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
	    "<w:r><w:t xml:space=\"preserve\"> —</w:t></w:r></w:p></w:ftr>\n");
}

/* The 28-character pitch over 16 pt in 1/4096 pt, as Word writes it. */
static int
char_space(void)
{
	double pitch_pt = (double)TEXT_W / DOCX_CHARS / 20.0;
	double v = (pitch_pt - BODY_HALFPTS / 2.0) * 4096.0;

	return (int)(v < 0 ? v - 0.5 : v + 0.5);
}

static void
document_xml(const struct docx *d, struct buf *b)
{
	buf_addstr(b, XML_DECL "<w:document " NS_W " " NS_R "><w:body>\n");
	buf_add(b, d->body.ptr, d->body.len);
	if (d->in_para)
		buf_addstr(b, "</w:p>\n");
	if (d->in_table)
		buf_addstr(b, "</w:tbl>\n");
	/* A document must not end with a table. */
	if (d->in_table || d->body.len == 0 ||
	    str_endswith(d->body.ptr, "</w:tbl>\n"))
		buf_addstr(b, "<w:p/>\n");
	buf_addf(b, "<w:sectPr><w:footerReference w:type=\"default\" "
	    "r:id=\"rId4\"/><w:footerReference w:type=\"even\" r:id=\"rId5\"/>"
	    "<w:pgSz w:w=\"%d\" w:h=\"%d\"/>"
	    "<w:pgMar w:top=\"%d\" w:right=\"%d\" w:bottom=\"%d\" "
	    "w:left=\"%d\" w:header=\"851\" w:footer=\"%d\" w:gutter=\"0\"/>"
	    "<w:pgNumType w:fmt=\"decimal\"/><w:cols w:space=\"425\"/>"
	    "<w:docGrid w:type=\"lines\" w:linePitch=\"%d\" "
	    "w:charSpace=\"%d\"/></w:sectPr></w:body></w:document>\n",
	    DOCX_PAGE_W, DOCX_PAGE_H, MARGIN_TOP, MARGIN_RIGHT, MARGIN_BOTTOM,
	    MARGIN_LEFT, MARGIN_BOTTOM - DOCX_MM_TWIPS(7) - 280, LINE_PITCH,
	    char_space());
}

static void
core_xml(const struct docx *d, struct buf *b)
{
	buf_addstr(b, XML_DECL "<cp:coreProperties "
	    "xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
	    "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
	    "xmlns:dcterms=\"http://purl.org/dc/terms/\" "
	    "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">");
	if (d->title != NULL) {
		buf_addstr(b, "<dc:title>");
		docx_xml_escape(b, d->title);
		buf_addstr(b, "</dc:title>");
	}
	if (d->author != NULL) {
		buf_addstr(b, "<dc:creator>");
		docx_xml_escape(b, d->author);
		buf_addstr(b, "</dc:creator>");
	}
	buf_addstr(b, "<dc:language>zh-CN</dc:language>");
	if (d->date != NULL && strlen(d->date) == 10) {
		buf_addstr(b, "<dcterms:created xsi:type=\"dcterms:W3CDTF\">");
		docx_xml_escape(b, d->date);
		buf_addstr(b, "T00:00:00Z</dcterms:created>");
	}
	buf_addstr(b, "</cp:coreProperties>\n");
}

static const char app_xml[] = XML_DECL
    "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
    "<Application>fazhi</Application></Properties>\n";

enum { P_CT, P_RELS, P_DOCRELS, P_DOC, P_STYLES, P_SETTINGS, P_FONTS,
	P_FTR1, P_FTR2, P_CORE, P_APP, P__MAX };

static const char *const part_name[P__MAX] = {
	[P_CT] = "[Content_Types].xml",
	[P_RELS] = "_rels/.rels",
	[P_DOCRELS] = "word/_rels/document.xml.rels",
	[P_DOC] = "word/document.xml",
	[P_STYLES] = "word/styles.xml",
	[P_SETTINGS] = "word/settings.xml",
	[P_FONTS] = "word/fontTable.xml",
	[P_FTR1] = "word/footer1.xml",
	[P_FTR2] = "word/footer2.xml",
	[P_CORE] = "docProps/core.xml",
	[P_APP] = "docProps/app.xml",
};

enum fz_err
docx_write_buf(struct docx *d, struct buf *out, struct buf *err)
{
	struct buf	 parts[P__MAX];
	zip_error_t	 ze;
	zip_source_t	*src = NULL, *s;
	zip_t		*za = NULL;
	zip_int64_t	 idx, len;
	enum fz_err	 rc = FZ_EIO;
	size_t		 i;

	for (i = 0; i < P__MAX; i++)
		buf_init(&parts[i]);
	buf_addstr(&parts[P_CT], content_types);
	buf_addstr(&parts[P_RELS], root_rels);
	buf_addstr(&parts[P_DOCRELS], doc_rels);
	document_xml(d, &parts[P_DOC]);
	styles_xml(&parts[P_STYLES]);
	buf_addstr(&parts[P_SETTINGS], settings_xml);
	buf_addstr(&parts[P_FONTS], font_table);
	footer_xml(&parts[P_FTR1], 1);
	footer_xml(&parts[P_FTR2], 0);
	core_xml(d, &parts[P_CORE]);
	buf_addstr(&parts[P_APP], app_xml);

	zip_error_init(&ze);
	if ((src = zip_source_buffer_create(NULL, 0, 0, &ze)) == NULL)
		goto zerr;
	if ((za = zip_open_from_source(src, ZIP_TRUNCATE, &ze)) == NULL)
		goto zerr;
	zip_source_keep(src);
	for (i = 0; i < P__MAX; i++) {
		s = zip_source_buffer(za, parts[i].ptr, parts[i].len, 0);
		if (s == NULL)
			goto zaerr;
		idx = zip_file_add(za, part_name[i], s, ZIP_FL_ENC_UTF_8);
		if (idx < 0) {
			zip_source_free(s);
			goto zaerr;
		}
		zip_file_set_mtime(za, (zip_uint64_t)idx, FIXED_MTIME, 0);
	}
	if (zip_close(za) < 0)
		goto zaerr;
	za = NULL;
	if (zip_source_open(src) < 0 ||
	    zip_source_seek(src, 0, SEEK_END) < 0 ||
	    (len = zip_source_tell(src)) < 0 ||
	    zip_source_seek(src, 0, SEEK_SET) < 0) {
		buf_addf(err, "docx: %s", zip_error_strerror(zip_source_error(src)));
		goto out;
	}
	buf_grow(out, (size_t)len);
	if (zip_source_read(src, out->ptr + out->len, (zip_uint64_t)len) !=
	    len) {
		zip_source_close(src);
		buf_addstr(err, "docx: short read of the zip");
		goto out;
	}
	out->len += (size_t)len;
	out->ptr[out->len] = '\0';
	zip_source_close(src);
	rc = FZ_OK;
	goto out;
zaerr:
	buf_addf(err, "docx: %s", zip_strerror(za));
	goto out;
zerr:
	buf_addf(err, "docx: %s", zip_error_strerror(&ze));
out:
	if (za != NULL)
		zip_discard(za);
	if (src != NULL)
		zip_source_free(src);
	zip_error_fini(&ze);
	for (i = 0; i < P__MAX; i++)
		buf_release(&parts[i]);
	return rc;
}

enum fz_err
docx_write(struct docx *d, const char *path, struct buf *err)
{
	struct buf	 b = BUF_INIT;
	enum fz_err	 rc;
	FILE		*f;

	if ((rc = docx_write_buf(d, &b, err)) != FZ_OK)
		goto out;
	if ((f = fopen(path, "wb")) == NULL) {
		buf_addf(err, "%s: cannot create", path);
		rc = FZ_EIO;
		goto out;
	}
	if ((fwrite(b.ptr, 1, b.len, f) != b.len) + (fclose(f) != 0)) {
		buf_addf(err, "%s: cannot write", path);
		rc = FZ_EIO;
		goto out;
	}
out:
	buf_release(&b);
	return rc;
}
