/*
 * docx.c: the OOXML writer. The output is unzipped in memory (libzip), its
 * document.xml parsed (libxml2): well-formed, texts escaped, characters XML
 * refuses dropped, and the GB/T 9704-2012 page worked out here from the
 * millimetres of the standard (A4, 37 mm top, 28 mm inside, 156 x 225 mm
 * text area, 22 lines of 28 characters of 16 pt).
 * SPDX-License-Identifier: MIT
 */
#include "testlib.h"

#include <zip.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "fazhi/docx.h"

static int
unzip_part(const struct buf *z, const char *name, struct buf *out)
{
	zip_error_t	 ze;
	zip_source_t	*src;
	zip_t		*za;
	zip_file_t	*zf;
	zip_stat_t	 st;
	char		 tmp[4096];
	zip_int64_t	 n;

	zip_error_init(&ze);
	src = zip_source_buffer_create(z->ptr, z->len, 0, &ze);
	assert_non_null(src);
	za = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &ze);
	assert_non_null(za);
	if (zip_stat(za, name, 0, &st) < 0) {
		zip_close(za);
		return 0;
	}
	zf = zip_fopen(za, name, 0);
	assert_non_null(zf);
	while ((n = zip_fread(zf, tmp, sizeof(tmp))) > 0)
		buf_add(out, tmp, (size_t)n);
	zip_fclose(zf);
	zip_close(za);
	zip_error_fini(&ze);
	return 1;
}

static xmlDoc *
parse(const struct buf *x)
{
	xmlDoc	*doc = xmlReadMemory(x->ptr, (int)x->len, "document.xml",
	    NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);

	assert_non_null(doc);
	return doc;
}

static xmlNode *
find(xmlNode *n, const char *name)
{
	xmlNode	*r;

	for (; n != NULL; n = n->next) {
		if (n->type == XML_ELEMENT_NODE &&
		    strcmp((const char *)n->name, name) == 0)
			return n;
		if ((r = find(n->children, name)) != NULL)
			return r;
	}
	return NULL;
}

static long
attr(xmlNode *n, const char *name)
{
	xmlChar	*v;
	long	 x;

	assert_non_null(n);
	v = xmlGetProp(n, (const xmlChar *)name);
	assert_non_null(v);
	x = strtol((const char *)v, NULL, 10);
	xmlFree(v);
	return x;
}

static void
all_text(xmlNode *n, struct buf *b)
{
	for (; n != NULL; n = n->next) {
		if (n->type == XML_ELEMENT_NODE &&
		    strcmp((const char *)n->name, "t") == 0) {
			xmlChar *c = xmlNodeGetContent(n);

			buf_addstr(b, (const char *)c);
			xmlFree(c);
		} else if (n->type == XML_ELEMENT_NODE &&
		    strcmp((const char *)n->name, "p") == 0) {
			all_text(n->children, b);
			buf_addch(b, '\n');
			continue;
		}
		all_text(n->children, b);
	}
}

static struct docx *
sample(void)
{
	struct docx	*d = docx_new();
	static const char *const hdr[] = { "单位", "问题 & 整改" };
	static const char *const row[] = { "县司法局", "<已整改>" };

	docx_meta(d, "关于2022年度法治政府建设情况的报告", "莘县人民政府",
	    "2023-03-20");
	docx_para_text(d, DOCX_TITLE, "莘县人民政府关于2022年度法治政府建设"
	    "情况的报告");
	docx_para_text(d, DOCX_ADDRESSEE, "县委、县人大常委会：");
	docx_para_text(d, DOCX_HEADING1, "一、主要举措和成效");
	docx_para_text(d, DOCX_HEADING2, "（一）持续推进学习宣传贯彻习近平法治思想。");
	docx_para(d, DOCX_BODY);
	docx_run(d, "一是<规范性文件>备案审查率达到100%，\"A&B\"'s", 0);
	docx_run(d, "待核实", DOCX_RUN_HIGHLIGHT);
	docx_run(d, "〔报告3〕", DOCX_RUN_SUPER);
	docx_run(d, "控制\x01字符\x0b与坏字节\xff去掉。", 0);
	docx_table_begin(d, 2, hdr, NULL);
	docx_table_row(d, row);
	docx_table_end(d);
	docx_para_text(d, DOCX_SIGNATURE, "莘县人民政府");
	docx_para_text(d, DOCX_SIGNATURE, "2023年3月20日");
	return d;
}

static void
test_document(void **state)
{
	struct docx	*d = sample();
	struct buf	 z = BUF_INIT, x = BUF_INIT, err = BUF_INIT, t = BUF_INIT;
	xmlDoc		*doc;
	xmlNode		*root, *n;
	long		 top, left, right, bottom, pitch, cs;
	double		 pitch_pt;

	(void)state;
	assert_int_equal(docx_write_buf(d, &z, &err), FZ_OK);
	assert_true(z.len > 4 && memcmp(z.ptr, "PK\x03\x04", 4) == 0);
	assert_true(unzip_part(&z, "word/document.xml", &x));
	doc = parse(&x);
	root = xmlDocGetRootElement(doc);
	all_text(root, &t);
	assert_non_null(strstr(t.ptr, "一是<规范性文件>备案审查率达到100%，"
	    "\"A&B\"'s待核实〔报告3〕控制字符与坏字节去掉。"));
	assert_non_null(strstr(t.ptr, "问题 & 整改"));
	assert_non_null(strstr(t.ptr, "<已整改>"));
	assert_non_null(strstr(x.ptr, "&lt;规范性文件&gt;"));
	assert_null(strstr(x.ptr, "\x01"));
	assert_non_null(strstr(x.ptr, "<w:highlight w:val=\"yellow\"/>"));
	assert_non_null(strstr(x.ptr, "<w:tblHeader/>"));

	/* A4 and the margins of GB/T 9704-2012 in twips (1 mm = 1440/25.4) */
	n = find(root->children, "pgSz");
	assert_int_equal(attr(n, "w"), 11906);
	assert_int_equal(attr(n, "h"), 16838);
	n = find(root->children, "pgMar");
	top = attr(n, "top");
	left = attr(n, "left");
	right = attr(n, "right");
	bottom = attr(n, "bottom");
	assert_true(labs(top - 2098) <= 57);		/* 37 mm ± 1 mm */
	assert_true(labs(left - 1587) <= 57);		/* 28 mm ± 1 mm */
	assert_true(labs((11906 - left - right) - 8844) <= 2);	/* 156 mm */
	assert_true(labs((16838 - top - bottom) - 12756) <= 2);	/* 225 mm */
	/* 22 lines in 225 mm; 28 characters in 156 mm, over a 16 pt font */
	n = find(root->children, "docGrid");
	pitch = attr(n, "linePitch");
	assert_true(pitch * 22 <= 16838 - top - bottom);
	assert_true(pitch * 23 > 16838 - top - bottom);
	cs = attr(n, "charSpace");
	pitch_pt = 16.0 + cs / 4096.0;
	assert_true(pitch_pt * 20 * 28 <= 11906 - left - right + 1);
	assert_true(pitch_pt * 20 * 29 > 11906 - left - right);
	assert_non_null(strstr(x.ptr, "w:type=\"lines\""));
	xmlFreeDoc(doc);

	/* the other parts: well-formed, the footer's PAGE field and dashes */
	static const char *const parts[] = { "[Content_Types].xml",
	    "_rels/.rels", "word/_rels/document.xml.rels", "word/styles.xml",
	    "word/settings.xml", "word/fontTable.xml", "word/footer1.xml",
	    "word/footer2.xml", "docProps/core.xml", "docProps/app.xml" };
	for (size_t i = 0; i < sizeof(parts) / sizeof(parts[0]); i++) {
		buf_reset(&x);
		assert_true(unzip_part(&z, parts[i], &x));
		xmlFreeDoc(parse(&x));
		if (strcmp(parts[i], "word/footer1.xml") == 0) {
			assert_non_null(strstr(x.ptr, " PAGE "));
			assert_non_null(strstr(x.ptr, "— "));
			assert_non_null(strstr(x.ptr, "\"right\""));
		}
		if (strcmp(parts[i], "word/styles.xml") == 0) {
			const char *sp = strstr(x.ptr, "<w:spacing w:val=\"");
			double adv;

			/* 28 characters of 16 pt, narrowed, fit 156 mm; 29 do not */
			assert_non_null(sp);
			adv = 16.0 + strtol(sp + 18, NULL, 10) / 20.0;
			assert_true(adv * 20 * 28 <= 11906 - left - right);
			assert_true(adv * 20 * 29 > 11906 - left - right);
			assert_non_null(strstr(x.ptr, "方正小标宋简体"));
			assert_non_null(strstr(x.ptr, "<w:sz w:val=\"44\"/>"));
			assert_non_null(strstr(x.ptr, "仿宋_GB2312"));
		}
	}
	docx_free(d);
	buf_release(&z);
	buf_release(&x);
	buf_release(&t);
	buf_release(&err);
}

static void
test_deterministic_and_plain(void **state)
{
	struct docx	*a = sample(), *b = sample();
	struct buf	 za = BUF_INIT, zb = BUF_INIT, err = BUF_INIT;

	(void)state;
	assert_int_equal(docx_write_buf(a, &za, &err), FZ_OK);
	assert_int_equal(docx_write_buf(b, &zb, &err), FZ_OK);
	assert_int_equal(za.len, zb.len);
	assert_memory_equal(za.ptr, zb.ptr, za.len);
	assert_non_null(strstr(docx_plain(a), "一、主要举措和成效\n"));
	assert_non_null(strstr(docx_plain(a), "县司法局\t<已整改>\n"));
	assert_null(strstr(docx_plain(a), "\x01"));
	docx_free(a);
	docx_free(b);
	docx_free(NULL);
	buf_release(&za);
	buf_release(&zb);
	buf_release(&err);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_document),
		cmocka_unit_test(test_deterministic_and_plain),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
