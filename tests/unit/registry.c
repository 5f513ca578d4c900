/*
 * registry.c: the registry framework without a store: cells of every type
 * (dates as offices write them and as Excel stores them, units by code or
 * name, enums, limits), rows of a table into records with errors per cell,
 * the XLSX reader (shared and inline strings, date styles, the 1904 date
 * system, sparse rows), and the three filing rates of task 9 computed over
 * tests/registry/normative-2022.csv, whose values are worked out by hand
 * in tests/cli/t1200-registry.sh; the rules of the 行政应诉 and 行政复议
 * registries, each naming its field; the rules of the 活动 and 证明事项清单
 * registries and their counts and 告知承诺 rate over a few records.
 * SPDX-License-Identifier: MIT
 */
#include "testlib.h"
#include "fazhi/calendar.h"

#include <unistd.h>

#include <jansson.h>
#include <zip.h>

#include "fazhi/csv.h"
#include "fazhi/export.h"
#include "fazhi/indicator.h"
#include "fazhi/registry.h"

static const struct reg_desc	*D;

/* The units of the fixture: three of 莘县's. */
static void
dir_make(struct unit_dir *dir)
{
	static const struct {
		int64_t		 id;
		const char	*code, *name, *shrt, *alias;
	} u[] = {
		{ 11, "sfj", "莘县司法局", "县司法局", NULL },
		{ 25, "scjg", "莘县市场监督管理局", "县市场监管局", NULL },
		{ 40, "371522102", "莘县朝城镇人民政府", "朝城镇", "朝城镇人民政府" },
	};
	size_t	 i;

	memset(dir, 0, sizeof(*dir));
	for (i = 0; i < sizeof(u) / sizeof(u[0]); i++) {
		struct unit x;

		memset(&x, 0, sizeof(x));
		x.id = u[i].id;
		x.code = xstrdup(u[i].code);
		x.name = xstrdup(u[i].name);
		strv_add(&x.shorts, &x.nshorts, u[i].shrt);
		if (u[i].alias != NULL)
			strv_add(&x.aliases, &x.naliases, u[i].alias);
		unit_dir_add(dir, &x);
		unit_release(&x);
	}
}

static const struct reg_field *
field(const char *key)
{
	int	 i = reg_field_index(D, key);

	assert_true(i >= 0);
	return &D->fields[i];
}

/* The date a cell reads as, or "" when refused. */
static const char *
date_of(const char *cell, int xlsx)
{
	static char		 out[16];
	struct reg_value	 v = { 1, NULL, 0 };
	char			 why[400];

	out[0] = '\0';
	if (reg_cell_parse(field("published"), cell, xlsx, NULL, &v, why,
	    sizeof(why)) == FZ_OK && !v.null)
		snprintf(out, sizeof(out), "%s", v.s);
	free(v.s);
	return out;
}

static void
test_dates(void **state)
{
	(void)state;
	assert_string_equal(date_of("2022-03-05", 0), "2022-03-05");
	assert_string_equal(date_of(" 2022-3-5 ", 0), "2022-03-05");
	assert_string_equal(date_of("2022/3/5", 0), "2022-03-05");
	assert_string_equal(date_of("2022.03.05", 0), "2022-03-05");
	assert_string_equal(date_of("2022年3月5日", 0), "2022-03-05");
	assert_string_equal(date_of("20220305", 0), "2022-03-05");
	assert_string_equal(date_of("２０２２－０３－０５", 0), "2022-03-05");
	/* Excel's serial: 44562 is 2022-01-01, 44625 is 2022-03-05. */
	assert_string_equal(date_of("44562", 1), "2022-01-01");
	assert_string_equal(date_of("44625", 1), "2022-03-05");
	assert_string_equal(date_of("44625.75", 1), "2022-03-05");
	assert_string_equal(date_of("44625", 0), "");	/* not in CSV */
	assert_string_equal(date_of("2022-02-29", 0), "");
	assert_string_equal(date_of("2024-02-29", 0), "2024-02-29");
	assert_string_equal(date_of("2022-13-01", 0), "");
	assert_string_equal(date_of("1948-12-31", 0), "");
	assert_string_equal(date_of("2022年3月", 0), "");
	assert_string_equal(date_of("明天", 0), "");
	assert_string_equal(date_of("99999999", 1), "");
	assert_string_equal(date_of("", 0), "");
}

static void
test_cells(void **state)
{
	struct unit_dir		 dir;
	struct reg_value	 v = { 1, NULL, 0 };
	struct buf		 big = BUF_INIT;
	char			 why[400];
	int			 i;

	(void)state;
	dir_make(&dir);
	/* Units by code, full name, short form and alias. */
	assert_int_equal(reg_cell_parse(field("unit"), "scjg", 0, &dir, &v,
	    why, sizeof(why)), FZ_OK);
	assert_int_equal(v.i, 25);
	assert_string_equal(v.s, "莘县市场监督管理局");
	assert_int_equal(reg_cell_parse(field("unit"), "朝城镇人民政府", 0,
	    &dir, &v, why, sizeof(why)), FZ_OK);
	assert_int_equal(v.i, 40);
	assert_int_equal(reg_cell_parse(field("unit"), "县司法局", 0, &dir, &v,
	    why, sizeof(why)), FZ_OK);
	assert_int_equal(v.i, 11);
	assert_int_equal(reg_cell_parse(field("unit"), "县财政局", 0, &dir, &v,
	    why, sizeof(why)), FZ_EINVAL);
	assert_non_null(strstr(why, "县财政局"));
	/* Enums: exactly one of the values. */
	assert_int_equal(reg_cell_parse(field("conclusion"), "纠正", 0, NULL,
	    &v, why, sizeof(why)), FZ_OK);
	assert_int_equal(reg_cell_parse(field("conclusion"), "同意", 0, NULL,
	    &v, why, sizeof(why)), FZ_EINVAL);
	assert_non_null(strstr(why, "予以备案、纠正、撤销、不予备案"));
	/* Text: 200 characters (not bytes) at most; no control bytes. */
	for (i = 0; i < 200; i++)
		buf_addstr(&big, "字");
	assert_int_equal(reg_cell_parse(field("title"), big.ptr, 0, NULL, &v,
	    why, sizeof(why)), FZ_OK);
	buf_addstr(&big, "字");
	assert_int_equal(reg_cell_parse(field("title"), big.ptr, 0, NULL, &v,
	    why, sizeof(why)), FZ_EINVAL);
	assert_non_null(strstr(why, "200"));
	assert_int_equal(reg_cell_parse(field("title"), "a\001b", 0, NULL, &v,
	    why, sizeof(why)), FZ_EINVAL);
	assert_int_equal(reg_cell_parse(field("title"), "\xe8\x8e", 0, NULL,
	    &v, why, sizeof(why)), FZ_EINVAL);
	assert_int_equal(reg_cell_parse(field("note"), "两行\n说明", 0, NULL,
	    &v, why, sizeof(why)), FZ_OK);
	/* Empty is null. */
	assert_int_equal(reg_cell_parse(field("filed"), "  ", 0, NULL, &v,
	    why, sizeof(why)), FZ_OK);
	assert_true(v.null);
	free(v.s);
	buf_release(&big);
	unit_dir_release(&dir);
}

/* Parse a CSV text; errors in dg. */
static enum fz_err
rows(const char *text, struct reg_record **r, size_t *n, struct diags *dg)
{
	struct unit_dir	 dir;
	struct csv	 tab;
	int		 colmap[REG_MAX_FIELDS], xlsx;
	enum fz_err	 rc;

	dir_make(&dir);
	if ((rc = reg_table_read(text, strlen(text), &tab, &xlsx, dg)) ==
	    FZ_OK)
		rc = reg_rows_parse(D, &tab, xlsx, &dir, "2023-06-30", r, n,
		    colmap, dg);
	csv_release(&tab);
	unit_dir_release(&dir);
	return rc;
}

#define HEAD "制定机关,文号,标题,公布日期,报送备案日期,审查完成日期,审查结论," \
	    "有效期至,清理状态,备注\n"

static void
test_rows(void **state)
{
	struct reg_record	*r = NULL;
	struct diags		 dg = { 0 };
	size_t			 n = 0;

	(void)state;
	assert_int_equal(rows(HEAD "sfj,A〔2022〕1号,甲,2022-01-10,"
	    "2022-01-20,2022-02-01,予以备案,2027-01-09,有效,\n\n"
	    "县市场监管局,A〔2022〕1号,乙,2022/2/1,,,,,,\n", &r, &n, &dg),
	    FZ_OK);
	assert_int_equal(n, 2);
	assert_int_equal(r[0].line, 2);
	assert_int_equal(r[1].line, 4);		/* the blank line 3 skipped */
	assert_string_equal(r[1].v[reg_field_index(D, "published")].s,
	    "2022-02-01");
	assert_true(r[1].v[reg_field_index(D, "filed")].null);
	reg_records_free(r, n);

	/* Errors: each cell by line and column, every row checked. */
	assert_int_equal(rows(HEAD "sfj,A1,甲,2022-01-10,2022-01-09,,,,,\n"
	    "xx,A2,乙,2022-01-10,,,,,,\n"
	    "sfj,A3,丙,2022-01-10,2022-01-11,2022-01-12,,,,\n"
	    "sfj,A4,丁,2022-01-10,,,,2022-01-10,,\n"
	    "sfj,A5,戊,2022-01-10,,,,,,\n"
	    "司法局,A5,己,2022-01-11,,,,,,\n"
	    "县司法局,A5,庚,2022-01-12,,,,,,\n", &r, &n, &dg), FZ_EINVAL);
	assert_null(r);
	assert_int_equal(dg.nerrors, 6);
	assert_int_equal(dg.v[0].line, 2);
	assert_int_equal(dg.v[0].column, 5);
	assert_string_equal(dg.v[0].code, "filed");
	assert_non_null(strstr(dg.v[0].message, "第2行第5列（报送备案日期）"));
	assert_int_equal(dg.v[1].line, 3);
	assert_int_equal(dg.v[1].column, 1);
	assert_int_equal(dg.v[2].line, 4);
	assert_string_equal(dg.v[2].code, "conclusion");
	assert_int_equal(dg.v[3].line, 5);
	assert_string_equal(dg.v[3].code, "expires");
	/* 司法局 is not a short form in the fixture's directory; 县司法局 is:
	 * A5 twice for sfj, reported at the later line, 8, column 2. */
	assert_int_equal(dg.v[4].line, 7);
	assert_string_equal(dg.v[4].code, "unit");
	assert_int_equal(dg.v[5].line, 8);
	assert_int_equal(dg.v[5].column, 2);
	assert_non_null(strstr(dg.v[5].message, "与第6行重复"));
	diags_release(&dg);

	/* A header with an unknown column and without a required one. */
	assert_int_equal(rows("制定机关,文号,题目,公布日期\nsfj,A1,甲,2022-01-10\n",
	    &r, &n, &dg), FZ_EINVAL);
	assert_int_equal(dg.nerrors, 2);
	assert_int_equal(dg.v[0].column, 3);
	assert_non_null(strstr(dg.v[1].message, "缺少“标题”列"));
	diags_release(&dg);
	/* A file of the columns it has: no optional column is required. */
	assert_int_equal(rows("文号,制定机关,公布日期,标题\nA1,sfj,2022-01-10,甲\n",
	    &r, &n, &dg), FZ_OK);
	assert_int_equal(n, 1);
	assert_false(r[0].given[reg_field_index(D, "filed")]);
	reg_records_free(r, n);
	/* The aliases of a header. */
	assert_int_equal(rows("发文机关,发文字号,文件名称,发布日期\n"
	    "sfj,A1,甲,2022-01-10\n", &r, &n, &dg), FZ_OK);
	reg_records_free(r, n);
	diags_release(&dg);
}

/* A workbook written by hand: inline strings, a date style, 1904 dates,
 * a sparse row, the sheet found through the workbook's relations. */
static void
zip_put(zip_t *z, const char *name, const char *text)
{
	zip_source_t	*s = zip_source_buffer(z, text, strlen(text), 0);

	assert_non_null(s);
	assert_true(zip_file_add(z, name, s, ZIP_FL_OVERWRITE) >= 0);
}

static void
test_xlsx(void **state)
{
	char		 path[] = "/tmp/fazhi-xlsx-XXXXXX";
	struct buf	 data = BUF_INIT;
	struct diags	 dg = { 0 };
	struct csv	 tab;
	zip_t		*z;
	int		 fd, err, xlsx;

	(void)state;
	assert_true((fd = mkstemp(path)) >= 0);
	close(fd);
	assert_non_null(z = zip_open(path, ZIP_TRUNCATE, &err));
	zip_put(z, "xl/workbook.xml", "<workbook xmlns=\"x\" xmlns:r=\""
	    "http://schemas.openxmlformats.org/officeDocument/2006/"
	    "relationships\"><workbookPr date1904=\"1\"/><sheets><sheet "
	    "name=\"甲\" sheetId=\"1\" r:id=\"rId7\"/></sheets></workbook>");
	zip_put(z, "xl/_rels/workbook.xml.rels", "<Relationships><Relationship "
	    "Id=\"rId7\" Target=\"worksheets/data.xml\"/></Relationships>");
	zip_put(z, "xl/styles.xml", "<styleSheet><numFmts><numFmt numFmtId="
	    "\"200\" formatCode=\"yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&"
	    "quot;\"/></numFmts><cellXfs><xf numFmtId=\"0\"/><xf numFmtId="
	    "\"200\"/><xf numFmtId=\"14\"/></cellXfs></styleSheet>");
	zip_put(z, "xl/sharedStrings.xml", "<sst><si><t>文号</t></si><si><r><t>"
	    "公布</t></r><r><t>日期</t></r><rPh><t>ガ</t></rPh></si></sst>");
	zip_put(z, "xl/worksheets/data.xml", "<worksheet><sheetData>"
	    "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\">"
	    "<v>1</v></c></row><row r=\"2\"/>"
	    "<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>X1</t></is></c>"
	    "<c r=\"B3\" s=\"1\"><v>43164</v></c></row>"
	    "<row r=\"5\"><c r=\"C5\" s=\"2\"><v>43164.5</v></c>"
	    "<c r=\"D5\"><v>42</v></c></row></sheetData></worksheet>");
	assert_int_equal(zip_close(z), 0);
	tl_read(path, &data);
	unlink(path);
	assert_int_equal(reg_table_read(data.ptr, data.len, &tab, &xlsx, &dg),
	    FZ_OK);
	assert_true(xlsx);
	assert_int_equal(tab.nrows, 3);		/* the empty row 2 is dropped */
	assert_string_equal(tab.rows[0].f[1], "公布日期");	/* no ガ */
	assert_int_equal(tab.rows[1].line, 3);
	assert_string_equal(tab.rows[1].f[0], "X1");
	/* 1904 system: 43164 days after 1904-01-01 is 2022-03-06. */
	assert_string_equal(tab.rows[1].f[1], "2022-03-06");
	assert_int_equal(tab.rows[2].line, 5);
	assert_int_equal(tab.rows[2].n, 4);
	assert_string_equal(tab.rows[2].f[0], "");
	assert_string_equal(tab.rows[2].f[2], "2022-03-06");
	assert_string_equal(tab.rows[2].f[3], "42");	/* not a date style */
	csv_release(&tab);
	buf_release(&data);
	diags_release(&dg);
}

/* What the exporter writes, the reader reads back. */
static void
test_xlsx_round_trip(void **state)
{
	static const char *const headers[] = { "文号", "公布日期", "件数" };
	static const enum export_col kinds[] = { EXPORT_COL_TEXT,
	    EXPORT_COL_DATE, EXPORT_COL_INT };
	char		 path[] = "/tmp/fazhi-xlsx-XXXXXX";
	char		 c0[] = "=1+1", c1[] = "2022-03-05", c2[] = "7",
			 c3[] = "莘司发〔2022〕1号", c4[] = "", c5[] = "";
	char		*cells[] = { c0, c1, c2, c3, c4, c5 };
	struct export_table t = { "表", 3, headers, kinds, NULL, cells, 2 };
	struct buf	 data = BUF_INIT, err = BUF_INIT;
	struct diags	 dg = { 0 };
	struct csv	 tab;
	int		 fd, xlsx;

	(void)state;
	assert_true((fd = mkstemp(path)) >= 0);
	close(fd);
	assert_int_equal(export_table_xlsx(&t, path, &err), FZ_OK);
	tl_read(path, &data);
	unlink(path);
	assert_int_equal(reg_table_read(data.ptr, data.len, &tab, &xlsx, &dg),
	    FZ_OK);
	assert_int_equal(tab.nrows, 3);
	assert_string_equal(tab.rows[0].f[2], "件数");
	assert_string_equal(tab.rows[1].f[0], "=1+1");	/* text, no formula */
	assert_string_equal(tab.rows[1].f[1], "2022-03-05");
	assert_string_equal(tab.rows[1].f[2], "7");
	assert_string_equal(tab.rows[2].f[0], "莘司发〔2022〕1号");
	csv_release(&tab);
	buf_release(&data);
	buf_release(&err);
	diags_release(&dg);
}

/* The built-in definitions, as migration 0008 writes them. */
static void
def_make(struct ind_def *d, const char *key, const char *num,
    const char *den, const char *params)
{
	memset(d, 0, sizeof(*d));
	snprintf(d->key, sizeof(d->key), "%s", key);
	snprintf(d->name, sizeof(d->name), "%s", key);
	snprintf(d->registry, sizeof(d->registry), "normative");
	snprintf(d->kind, sizeof(d->kind), "rate");
	snprintf(d->unit, sizeof(d->unit), "%%");
	snprintf(d->scope, sizeof(d->scope), "unit");
	snprintf(d->basis, sizeof(d->basis), "law");
	snprintf(d->comparator, sizeof(d->comparator), ">=");
	d->has_target = 1;
	d->target = 100;
	d->numerator = xstrdup(num);
	d->denominator = den ? xstrdup(den) : NULL;
	d->params = xstrdup(params);
	d->source = xstrdup("test");
}

#define DUE "{\"any\":[{\"op\":\"set\",\"field\":\"filed\"},{\"op\":" \
	    "\"past\",\"field\":\"published\",\"days\":\"$limit_days\"}]}"

/* "num/den failing-ids" of a definition over the fixture. */
static const char *
rate(struct reg_record *r, size_t n, const struct ind_def *def,
    const char *as_of, int64_t unit)
{
	static char		 out[256];
	struct ind_result	 res;
	struct buf		 b = BUF_INIT;
	char			 why[400];
	size_t			 i;

	assert_int_equal(ind_compute(D, def, r, n, as_of, NULL, unit, &res, why,
	    sizeof(why)), FZ_OK);
	buf_addf(&b, "%lld/%lld", (long long)res.num, (long long)res.den);
	for (i = 0; i < res.nfailing; i++)
		buf_addf(&b, " %lld", (long long)res.failing[i]);
	snprintf(out, sizeof(out), "%s", b.ptr);
	buf_release(&b);
	ind_result_release(&res);
	return out;
}

static void
test_rates(void **state)
{
	struct buf		 data = BUF_INIT;
	struct reg_record	*r = NULL, *y = NULL;
	struct diags		 dg = { 0 };
	struct ind_def		 filing, timely, review, bad;
	struct ind_result	 res;
	size_t			 n = 0, i, ny = 0;
	char			 why[400];

	(void)state;
	tl_read("tests/registry/normative-2022.csv", &data);
	assert_int_equal(rows(data.ptr, &r, &n, &dg), FZ_OK);
	assert_int_equal(n, 12);
	/* Ids as the file's rows (A1 = 1 … C4 = 12); the store gives the
	 * records of 2022 only: A4 (row 4) is of 2021. */
	y = xcalloc(n, sizeof(*y));
	for (i = 0; i < n; i++) {
		r[i].id = (int64_t)i + 1;
		if (i != 3)
			y[ny++] = r[i];
	}
	def_make(&filing, "filing", "{\"op\":\"set\",\"field\":\"filed\"}", DUE,
	    "{\"limit_days\":30}");
	def_make(&timely, "timely", "{\"op\":\"within\",\"field\":\"filed\","
	    "\"from\":\"published\",\"days\":\"$limit_days\"}", DUE,
	    "{\"limit_days\":30}");
	def_make(&review, "review", "{\"op\":\"set\",\"field\":\"reviewed\"}",
	    "{\"all\":[{\"op\":\"set\",\"field\":\"filed\"},{\"any\":[{\"op\":"
	    "\"set\",\"field\":\"reviewed\"},{\"op\":\"past\",\"field\":"
	    "\"filed\",\"days\":\"$review_days\"}]}]}", "{\"review_days\":30}");
	/* As of 2022-12-31 (see t1200): B2 (6) never filed; A3 (3) on day
	 * 31 and C2 (10) on day 45 late; A2 and C3 on day 30 on time; B3 (7)
	 * not reviewed. */
	assert_string_equal(rate(y, ny, &filing, "2022-12-31", 0), "9/10 6");
	assert_string_equal(rate(y, ny, &timely, "2022-12-31", 0),
	    "7/10 3 6 10");
	assert_string_equal(rate(y, ny, &review, "2022-12-31", 0), "7/8 7");
	assert_string_equal(rate(y, ny, &timely, "2022-12-31", 25), "2/3 6");
	assert_string_equal(rate(y, ny, &review, "2022-12-31", 40), "3/3");
	/* As of 2022-06-30 only what was published and done by then. */
	{
		struct reg_record h[6];
		size_t k, m = 0;

		for (k = 0; k < ny; k++)
			if (strcmp(y[k].v[reg_field_index(D, "published")].s,
			    "2022-06-30") <= 0)
				h[m++] = y[k];
		assert_int_equal(m, 6);
		assert_string_equal(rate(h, m, &filing, "2022-06-30", 0), "5/5");
		assert_string_equal(rate(h, m, &timely, "2022-06-30", 0),
		    "4/5 3");
		/* On 2022-07-01 B2's 30 days have not passed; on 07-02 they
		 * have: the last allowed day counts as in time. */
		assert_string_equal(rate(h, m, &filing, "2022-07-01", 0), "5/5");
		assert_string_equal(rate(h, m, &filing, "2022-07-02", 0),
		    "5/6 6");
	}
	/* The value and whether it meets the target, exactly. */
	assert_int_equal(ind_compute(D, &review, y, ny, "2022-12-31", NULL, 0, &res,
	    why, sizeof(why)), FZ_OK);
	assert_true(res.has_value);
	assert_true(res.value == 87.5);
	assert_int_equal(res.met, 0);
	/* Outside the denominator: B2 (6) and B4 (8) never filed, C3 (11)
	 * whose review is not yet due. */
	assert_int_equal(res.nexcluded, 3);
	assert_int_equal(res.excluded[0], 6);
	assert_int_equal(res.excluded[1], 8);
	assert_int_equal(res.excluded[2], 11);
	ind_result_release(&res);
	assert_int_equal(ind_compute(D, &review, y, ny, "2022-12-31", NULL, 11, &res,
	    why, sizeof(why)), FZ_OK);
	assert_int_equal(res.met, 1);		/* 县司法局 3/3 */
	ind_result_release(&res);
	/* No records: no value, neither met nor not. */
	assert_int_equal(ind_compute(D, &review, y, 0, "2022-12-31", NULL, 0, &res,
	    why, sizeof(why)), FZ_OK);
	assert_false(res.has_value);
	assert_int_equal(res.met, -1);
	ind_result_release(&res);
	/* A definition that does not hold together is refused. */
	def_make(&bad, "bad", "{\"op\":\"within\",\"field\":\"title\","
	    "\"from\":\"published\",\"days\":5}", NULL, "{}");
	assert_int_equal(ind_def_check(&bad, why, sizeof(why)), FZ_EINVAL);
	assert_non_null(strstr(why, "日期"));
	ind_def_release(&bad);
	def_make(&bad, "bad", "{\"op\":\"past\",\"field\":\"filed\","
	    "\"days\":\"$nosuch\"}", NULL, "{}");
	assert_int_equal(ind_def_check(&bad, why, sizeof(why)), FZ_EINVAL);
	ind_def_release(&bad);
	ind_def_release(&filing);
	ind_def_release(&timely);
	ind_def_release(&review);
	free(y);
	reg_records_free(r, n);
	buf_release(&data);
	diags_release(&dg);
}

/*
 * Working-day limits and groups, worked out by hand. 2022's calendar:
 * 10-01..10-07 off (国庆), Saturday 10-08 and Sunday 10-09 worked. A
 * document published Friday 2022-09-30 and filed Monday 10-10: the
 * working days after 09-30 are 10-08 (1), 10-09 (2), 10-10 (3); on
 * weekdays alone (no calendar) 10-03 (1) … 10-10 is the 6th.
 */
static void
test_workdays_groups(void **state)
{
	static const char csv[] =
	    "制定机关,文号,标题,公布日期,报送备案日期,备注\n"
	    "sfj,甲1,一,2022-09-30,2022-10-10,A\n"
	    "sfj,甲2,二,2022-09-30,2022-10-11,A\n"
	    "sfj,甲3,三,2022-09-30,2022-10-11,B\n"
	    "sfj,甲4,四,2022-09-30,2022-10-12,\n";
	static const struct cal_day d2022[] = {
		{ "2022-10-01", CAL_OFF, "国庆节" }, { "2022-10-02", CAL_OFF,
		"国庆节" }, { "2022-10-03", CAL_OFF, "国庆节" },
		{ "2022-10-04", CAL_OFF, "国庆节" }, { "2022-10-05", CAL_OFF,
		"国庆节" }, { "2022-10-06", CAL_OFF, "国庆节" },
		{ "2022-10-07", CAL_OFF, "国庆节" }, { "2022-10-08", CAL_WORK,
		"国庆节" }, { "2022-10-09", CAL_WORK, "国庆节" },
	};
	struct calendar		 cal;
	struct reg_record	*r = NULL;
	struct diags		 dg = { 0 };
	struct ind_def		 w3, grp, bad;
	struct ind_result	 res;
	size_t			 n = 0, i;
	char			 why[400];

	(void)state;
	cal_init(&cal);
	assert_int_equal(cal_add_year(&cal, 2022, d2022, 9), 9);
	assert_int_equal(rows(csv, &r, &n, &dg), FZ_OK);
	assert_int_equal(n, 4);
	for (i = 0; i < n; i++)
		r[i].id = (int64_t)i + 1;
	def_make(&w3, "w3", "{\"op\":\"within\",\"field\":\"filed\","
	    "\"from\":\"published\",\"workdays\":\"$limit\"}", NULL,
	    "{\"limit\":3}");
	/* With the calendar only 甲1 (day 3) is in time. */
	assert_int_equal(ind_compute(D, &w3, r, n, "2022-12-31", &cal, 0,
	    &res, why, sizeof(why)), FZ_OK);
	assert_int_equal(res.num, 1);
	assert_int_equal(res.den, 4);
	assert_int_equal(res.counted[0], 1);
	ind_result_release(&res);
	/* Weekdays alone: none. */
	assert_int_equal(ind_compute(D, &w3, r, n, "2022-12-31", NULL, 0,
	    &res, why, sizeof(why)), FZ_OK);
	assert_int_equal(res.num, 0);
	ind_result_release(&res);
	/* Grouped by 备注: {甲1, 甲2} is in time through 甲1, 甲3 is not,
	 * 甲4 (no 备注) is a group of its own and not: 1 of 3. */
	def_make(&grp, "grp", w3.numerator, NULL,
	    "{\"limit\":3,\"group_by\":[\"note\"]}");
	assert_int_equal(ind_compute(D, &grp, r, n, "2022-12-31", &cal, 0,
	    &res, why, sizeof(why)), FZ_OK);
	assert_int_equal(res.num, 1);
	assert_int_equal(res.den, 3);
	assert_int_equal(res.ncounted, 2);	/* both records of the group */
	assert_int_equal(res.nfailing, 2);
	ind_result_release(&res);
	/* "atleast": filed on or after the 6th working day after 公布:
	 * with the calendar 10-10 is day 3, 10-12 day 5: none; on weekdays
	 * alone the 6th is 10-10: all four. */
	def_make(&bad, "al", "{\"op\":\"atleast\",\"field\":\"filed\","
	    "\"from\":\"published\",\"workdays\":6}", NULL, "{}");
	assert_int_equal(ind_compute(D, &bad, r, n, "2022-12-31", &cal, 0,
	    &res, why, sizeof(why)), FZ_OK);
	assert_int_equal(res.num, 0);
	ind_result_release(&res);
	assert_int_equal(ind_compute(D, &bad, r, n, "2022-12-31", NULL, 0,
	    &res, why, sizeof(why)), FZ_OK);
	assert_int_equal(res.num, 4);
	ind_result_release(&res);
	ind_def_release(&bad);
	/* Refused: both days and workdays; an unknown group field. */
	def_make(&bad, "bad", "{\"op\":\"within\",\"field\":\"filed\","
	    "\"from\":\"published\",\"days\":3,\"workdays\":3}", NULL, "{}");
	assert_int_equal(ind_def_check(&bad, why, sizeof(why)), FZ_EINVAL);
	ind_def_release(&bad);
	def_make(&bad, "bad", "{\"op\":\"set\",\"field\":\"filed\"}", NULL,
	    "{\"group_by\":[\"nosuch\"]}");
	assert_int_equal(ind_def_check(&bad, why, sizeof(why)), FZ_EINVAL);
	assert_non_null(strstr(why, "nosuch"));
	ind_def_release(&bad);
	ind_def_release(&w3);
	ind_def_release(&grp);
	reg_records_free(r, n);
	diags_release(&dg);
	cal_release(&cal);
}

/*
 * The first field a record breaks, from the JSON of a form (as the API
 * reads it), or "" when it passes every rule of its registry.
 */
static const char *
broken(const char *reg, const char *json, const char *today)
{
	static char		 out[64];
	const struct reg_desc	*d = registry_find(reg);
	struct unit_dir		 dir;
	struct reg_record	 r;
	struct reg_problems	 p;
	struct diags		 dg = { 0 };
	json_t			*j = json_loads(json, 0, NULL);

	assert_non_null(d);
	assert_non_null(j);
	dir_make(&dir);
	assert_int_equal(reg_record_from_json(d, j, &dir, NULL, &r, &dg),
	    FZ_OK);
	memset(&p, 0, sizeof(p));
	reg_record_check(d, &r, today, &p);
	snprintf(out, sizeof(out), "%s", p.n > 0 ?
	    d->fields[p.v[0].field].key : "");
	reg_record_release(&r);
	unit_dir_release(&dir);
	diags_release(&dg);
	json_decref(j);
	return out;
}

/* 行政应诉 and 行政复议: each rule of their check functions names its field. */
static void
test_litigation_rules(void **state)
{
#define LIT(x)	"{\"unit\":\"sfj\",\"reg_no\":\"A-1\",\"case_no\":\"A\"," \
	    "\"cause\":\"案由\",\"court\":\"莘县人民法院\",\"instance\":" \
	    "\"一审\",\"noticed\":\"2022-02-01\"," x "}"
#define REC(x)	"{\"agency\":\"sfj\",\"case_no\":\"莘政复〔2024〕1号\"," \
	    "\"applicant\":\"甲\",\"respondent\":\"scjg\",\"applied\":" \
	    "\"2024-03-01\",\"accepted\":\"2024-03-02\"," x "}"
	const char	*t = "2024-12-31";

	(void)state;
	assert_string_equal(broken("litigation", LIT("\"heard\":true,"
	    "\"hearing_date\":\"2022-03-01\",\"head\":\"王五\","
	    "\"head_rank\":\"正职\""), t), "");
	assert_string_equal(broken("litigation", LIT("\"heard\":true,"
	    "\"hearing_date\":\"2022-03-01\""), t), "absence_reason");
	assert_string_equal(broken("litigation", LIT("\"heard\":true,"
	    "\"hearing_date\":\"2022-03-01\",\"head\":\"周八\","
	    "\"head_rank\":\"其他工作人员\""), t), "absence_reason");
	assert_string_equal(broken("litigation", LIT("\"heard\":true,"
	    "\"hearing_date\":\"2022-03-01\",\"head\":\"王五\","
	    "\"head_rank\":\"副职\",\"absence_reason\":\"公务\""), t),
	    "absence_reason");
	assert_string_equal(broken("litigation", LIT("\"heard\":true,"
	    "\"hearing_date\":\"2022-03-01\",\"head\":\"王五\""), t),
	    "head_rank");
	assert_string_equal(broken("litigation", LIT("\"heard\":true"), t),
	    "hearing_date");
	assert_string_equal(broken("litigation", LIT("\"heard\":false,"
	    "\"staff\":\"李四\""), t), "staff");
	assert_string_equal(broken("litigation", LIT("\"heard\":true,"
	    "\"hearing_date\":\"2022-01-20\",\"head\":\"王五\","
	    "\"head_rank\":\"正职\""), t), "hearing_date");
	/* Scheduled: nothing of the hearing yet, and no reason asked. */
	assert_string_equal(broken("litigation", LIT("\"heard\":true,"
	    "\"hearing_date\":\"2022-03-01\""), "2022-02-15"), "");
	assert_string_equal(broken("litigation", LIT("\"heard\":true,"
	    "\"hearing_date\":\"2022-03-01\",\"head\":\"王五\","
	    "\"head_rank\":\"正职\""), "2022-02-15"), "head");
	assert_string_equal(broken("litigation", LIT("\"heard\":false,"
	    "\"outcome\":\"改判\",\"judged\":\"2022-05-01\""), t),
	    "outcome");
	assert_string_equal(broken("litigation", LIT("\"heard\":false,"
	    "\"outcome\":\"原告撤诉\""), t), "judged");
	assert_string_equal(broken("litigation", LIT("\"heard\":false,"
	    "\"judged\":\"2022-01-05\",\"outcome\":\"原告撤诉\""), t),
	    "judged");
	assert_string_equal(broken("reconsideration", REC(""
	    "\"concluded\":\"2024-04-01\",\"closing\":\"决定\","
	    "\"decision\":\"撤销\""), t), "");
	assert_string_equal(broken("reconsideration", REC(""
	    "\"concluded\":\"2024-04-01\",\"closing\":\"调解\","
	    "\"decision\":\"撤销\""), t), "decision");
	assert_string_equal(broken("reconsideration", REC("\"decision\":"
	    "\"维持\""), t), "decision");
	assert_string_equal(broken("reconsideration", REC(""
	    "\"concluded\":\"2024-04-01\",\"closing\":\"决定\""), t),
	    "decision");
	assert_string_equal(broken("reconsideration", REC(""
	    "\"concluded\":\"2024-03-01\",\"closing\":\"终止\""), t),
	    "concluded");
	assert_string_equal(broken("reconsideration", REC(""
	    "\"closing\":\"终止\""), t), "concluded");
	assert_string_equal(broken("reconsideration", REC("\"simple\":true,"
	    "\"extended\":true"), t), "extended");
	assert_string_equal(broken("reconsideration", REC("\"simple\":true"),
	    "2024-03-01"), "accepted");
#undef LIT
#undef REC
}

/*
 * The 重大行政决策 registry (tests/cli/t1210-decision.sh works the rates
 * out by hand; the fuzz seed is its fixture on this file's units: 县政府
 * is 县司法局 (11), 县自然资源局 is 县市场监管局 (25)). Rows 1-10 are ids
 * 1-10; the store would give the 8 decided in 2022: all but 4 and 8.
 */
static enum fz_err
decision_rows(const char *text, struct reg_record **r, size_t *n,
    struct diags *dg)
{
	struct unit_dir	 dir;
	struct csv	 tab;
	int		 colmap[REG_MAX_FIELDS], xlsx;
	enum fz_err	 rc;

	dir_make(&dir);
	if ((rc = reg_table_read(text, strlen(text), &tab, &xlsx, dg)) ==
	    FZ_OK)
		rc = reg_rows_parse(registry_find("decision"), &tab, xlsx, &dir,
		    "2023-06-30", r, n, colmap, dg);
	csv_release(&tab);
	unit_dir_release(&dir);
	return rc;
}

#define DHEAD "决策机关,决策事项编号,决策事项名称,年度,列入年度目录,目录公布日期," \
	    "公众参与,征求意见开始日期,征求意见截止日期,专家论证,论证日期,风险评估," \
	    "风险评估日期,送审日期,审查完成日期,审查意见,会议类型,会议名称或届次," \
	    "决定日期,决定结果,公布日期,归档日期,决策后评估日期,备注\n"

static void
test_decision(void **state)
{
	static const struct cal_day d2022[] = {
		{ "2022-04-24", CAL_WORK, "劳动节" }, { "2022-04-30", CAL_OFF,
		"劳动节" }, { "2022-05-01", CAL_OFF, "劳动节" }, { "2022-05-02",
		CAL_OFF, "劳动节" }, { "2022-05-03", CAL_OFF, "劳动节" },
		{ "2022-05-04", CAL_OFF, "劳动节" }, { "2022-05-07", CAL_WORK,
		"劳动节" }, { "2022-10-01", CAL_OFF, "国庆节" }, { "2022-10-02",
		CAL_OFF, "国庆节" }, { "2022-10-03", CAL_OFF, "国庆节" },
		{ "2022-10-04", CAL_OFF, "国庆节" }, { "2022-10-05", CAL_OFF,
		"国庆节" }, { "2022-10-06", CAL_OFF, "国庆节" }, { "2022-10-07",
		CAL_OFF, "国庆节" }, { "2022-10-08", CAL_WORK, "国庆节" },
		{ "2022-10-09", CAL_WORK, "国庆节" },
	};
	const struct reg_desc	*dd = registry_find("decision");
	struct buf		 data = BUF_INIT;
	struct reg_record	*r = NULL, *y = NULL;
	struct diags		 dg = { 0 };
	struct calendar		 cal;
	struct ind_def		 t, c;
	struct ind_result	 res;
	size_t			 n = 0, i, ny = 0;
	char			 why[400];

	(void)state;
	assert_non_null(dd);
	assert_true(dd->nfields <= REG_MAX_FIELDS);
	tl_read("fuzz/corpus/registry/decision-2022.csv", &data);
	assert_int_equal(decision_rows(data.ptr, &r, &n, &dg), FZ_OK);
	assert_int_equal(n, 10);
	y = xcalloc(n, sizeof(*y));
	for (i = 0; i < n; i++) {
		r[i].id = (int64_t)i + 1;
		if (i != 3 && i != 7)
			y[ny++] = r[i];
	}
	cal_init(&cal);
	assert_int_equal(cal_add_year(&cal, 2022, d2022, 16), 16);
	/* 合法性审查时间达标率: 7 working days from 送审 to 审查完成. On
	 * weekdays alone only 6 (5 working days) falls short; on the
	 * calendar 3 too (09-30 → 10-11: 10-08, 10-09, 10-10, 10-11 = 4),
	 * while 2 (09-28 → 10-12) is exactly the 7th. 5 (never reviewed)
	 * is outside. */
	def_make(&t, "decision.review_time_rate", "{\"op\":\"atleast\","
	    "\"field\":\"review_done\",\"from\":\"review_sent\",\"workdays\":"
	    "\"$w\"}", "{\"all\":[{\"op\":\"set\",\"field\":\"decided\"},"
	    "{\"op\":\"set\",\"field\":\"review_done\"}]}", "{\"w\":7}");
	snprintf(t.registry, sizeof(t.registry), "decision");
	assert_int_equal(ind_def_check(&t, why, sizeof(why)), FZ_OK);
	assert_int_equal(ind_compute(dd, &t, y, ny, "2022-12-31", NULL, 0,
	    &res, why, sizeof(why)), FZ_OK);
	assert_int_equal(res.num, 6);
	assert_int_equal(res.den, 7);
	assert_int_equal(res.failing[0], 6);
	ind_result_release(&res);
	assert_int_equal(ind_compute(dd, &t, y, ny, "2022-12-31", &cal, 0,
	    &res, why, sizeof(why)), FZ_OK);
	assert_int_equal(res.num, 5);
	assert_int_equal(res.nfailing, 2);
	assert_int_equal(res.failing[0], 3);
	assert_int_equal(res.failing[1], 6);
	assert_int_equal(res.nexcluded, 1);
	assert_int_equal(res.excluded[0], 5);
	ind_result_release(&res);
	/* 公众参与率: 30 days counts (1, 3, 6), 29 (2) and 19 (9) fail; 7 is
	 * 不适用. */
	def_make(&c, "decision.participation_rate", "{\"op\":\"atleast\","
	    "\"field\":\"comment_to\",\"from\":\"comment_from\",\"days\":30}",
	    "{\"all\":[{\"op\":\"set\",\"field\":\"decided\"},{\"not\":{"
	    "\"op\":\"eq\",\"field\":\"participation\",\"value\":\"不适用\"}}"
	    "]}", "{}");
	snprintf(c.registry, sizeof(c.registry), "decision");
	assert_int_equal(ind_compute(dd, &c, y, ny, "2022-12-31", &cal, 0,
	    &res, why, sizeof(why)), FZ_OK);
	assert_int_equal(res.num, 5);
	assert_int_equal(res.den, 7);
	assert_int_equal(res.failing[0], 2);
	assert_int_equal(res.failing[1], 9);
	ind_result_release(&res);
	ind_def_release(&t);
	ind_def_release(&c);
	free(y);
	reg_records_free(r, n);
	buf_release(&data);

	/* The rules (a file of every column) name their field: decided
	 * before the review ended, a meeting without its date, 是 without
	 * its date. */
	assert_int_equal(decision_rows(DHEAD
	    "sfj,A,甲,2022,,,,,,,,,,2022-04-01,2022-04-12,合法,政府常务会议,,"
	    "2022-04-11,通过,,,,\n"
	    "sfj,B,乙,2022" ",,,,,,,,,,,,," "专题会议" ",,,,,,,\n"
	    "sfj,C,丙,2022" ",,,,,," "是" ",,,,,,,,,,,,,,\n", &r, &n, &dg),
	    FZ_EINVAL);
	assert_int_equal(dg.nerrors, 3);
	assert_string_equal(dg.v[0].code, "decided");
	assert_int_equal(dg.v[0].column, 19);
	assert_non_null(strstr(dg.v[0].message, "未经合法性审查"));
	assert_string_equal(dg.v[1].code, "decided");
	assert_int_equal(dg.v[1].line, 3);
	assert_string_equal(dg.v[2].code, "expert_date");
	assert_int_equal(dg.v[2].line, 4);
	assert_int_equal(dg.v[2].column, 11);
	diags_release(&dg);
	cal_release(&cal);
}

/*
 * The 好差评 registry's rules: the first problem of a record given as the
 * JSON of the form ("field: message"), "" when none, and its stage.
 */
static const char *
rating_problem(const char *js, const char **stage)
{
	static char		 out[400], st[64];
	const struct reg_desc	*d = registry_find("rating");
	struct unit_dir		 dir;
	struct reg_record	 rec;
	struct reg_problems	 p;
	struct diags		 dg = { 0 };
	json_t			*in, *o;

	dir_make(&dir);
	assert_non_null(d);
	in = json_loads(js, 0, NULL);
	assert_non_null(in);
	assert_int_equal(reg_record_from_json(d, in, &dir, NULL, &rec, &dg),
	    FZ_OK);
	memset(&p, 0, sizeof(p));
	reg_record_check(d, &rec, "2023-02-01", &p);
	out[0] = '\0';
	if (p.n > 0)
		snprintf(out, sizeof(out), "%s: %s", d->fields[p.v[0].field].key,
		    p.v[0].msg);
	o = reg_record_json(d, &rec, 1);
	snprintf(st, sizeof(st), "%s", json_is_string(json_object_get(o,
	    "stage")) ? json_string_value(json_object_get(o, "stage")) : "-");
	if (stage != NULL)
		*stage = st;
	json_decref(o);
	json_decref(in);
	reg_record_release(&rec);
	diags_release(&dg);
	unit_dir_release(&dir);
	return out;
}

#define RBASE "{\"unit\":\"sfj\",\"rating_no\":\"T\",\"item\":\"事项\"," \
	    "\"rated_on\":\"2022-03-01\",\"channel\":\"短信\"," \
	    "\"real_name\":true,"

static void
test_rating_rules(void **state)
{
	const char	*st;

	(void)state;
	/* Every stage in order: no problem, the last stage is the current. */
	assert_string_equal(rating_problem(RBASE "\"grade\":\"不满意\","
	    "\"accepted\":\"2022-03-01\",\"visited\":\"2022-03-02\","
	    "\"verdict\":\"属实\",\"measures\":\"改\",\"fixed\":\"2022-03-08\","
	    "\"feedback\":\"2022-03-09\",\"feedback_way\":\"电话\","
	    "\"satisfaction\":\"满意\",\"disclosed\":\"2022-03-15\","
	    "\"application\":\"考核\"}", &st), "");
	assert_string_equal(st, "已应用结果");
	assert_string_equal(rating_problem(RBASE "\"grade\":\"非常不满意\"}",
	    &st), "");
	assert_string_equal(st, "待受理");
	assert_string_equal(rating_problem(RBASE "\"grade\":\"基本满意\"}",
	    &st), "");
	assert_string_equal(st, "-");		/* no 差评, no stage */
	/* A stage on a 好评; dated before the one before; skipped. */
	assert_true(str_startswith(rating_problem(RBASE "\"grade\":\"满意\","
	    "\"fixed\":\"2022-03-02\"}", NULL), "fixed: 评价等级为“满意”，不是差评"));
	assert_string_equal(rating_problem(RBASE "\"grade\":\"不满意\","
	    "\"accepted\":\"2022-02-28\"}", NULL),
	    "accepted: 受理日期 2022-02-28 早于评价日期 2022-03-01");
	assert_true(str_startswith(rating_problem(RBASE "\"grade\":\"不满意\","
	    "\"accepted\":\"2022-03-01\",\"fixed\":\"2022-03-02\","
	    "\"measures\":\"改\"}", NULL), "fixed: 填写了整改完成日期，但没有"
	    "回访核实日期"));
	assert_string_equal(rating_problem(RBASE "\"grade\":\"不满意\","
	    "\"accepted\":\"2022-03-01\",\"visited\":\"2022-03-02\","
	    "\"verdict\":\"属实\",\"fixed\":\"2022-03-03\"}", NULL),
	    "measures: 填写了整改完成日期，须写明整改措施");
	/* Appeals: only of an untrue or malicious 差评; the result and its
	 * date together; a 差评 cleared on appeal needs no 整改 and may be
	 * fed back after the 复核. */
	assert_true(str_startswith(rating_problem(RBASE "\"grade\":\"不满意\","
	    "\"accepted\":\"2022-03-01\",\"visited\":\"2022-03-02\","
	    "\"verdict\":\"部分属实\",\"appealed\":\"2022-03-03\"}", NULL),
	    "appealed: 核实结论为“部分属实”，不能申诉"));
	assert_string_equal(rating_problem(RBASE "\"grade\":\"不满意\","
	    "\"accepted\":\"2022-03-01\",\"visited\":\"2022-03-02\","
	    "\"verdict\":\"恶意差评\",\"appealed\":\"2022-03-03\","
	    "\"appeal_result\":\"申诉成立\"}", NULL),
	    "appeal_decided: 填写了申诉结果，须填写复核日期");
	assert_string_equal(rating_problem(RBASE "\"grade\":\"不满意\","
	    "\"accepted\":\"2022-03-01\",\"visited\":\"2022-03-02\","
	    "\"verdict\":\"恶意差评\",\"appealed\":\"2022-03-03\"}", &st), "");
	assert_string_equal(st, "申诉复核中");
	assert_string_equal(rating_problem(RBASE "\"grade\":\"不满意\","
	    "\"accepted\":\"2022-03-01\",\"visited\":\"2022-03-02\","
	    "\"verdict\":\"恶意差评\",\"appealed\":\"2022-03-03\","
	    "\"appeal_decided\":\"2022-03-07\",\"appeal_result\":\"申诉成立\","
	    "\"feedback\":\"2022-03-08\",\"feedback_way\":\"电话\"}", &st), "");
	assert_string_equal(st, "申诉成立（不计差评）");
	assert_string_equal(rating_problem(RBASE "\"grade\":\"不满意\","
	    "\"accepted\":\"2022-03-01\",\"visited\":\"2022-03-02\","
	    "\"verdict\":\"恶意差评\",\"appealed\":\"2022-03-03\","
	    "\"appeal_decided\":\"2022-03-07\",\"appeal_result\":\"申诉不成立\","
	    "\"feedback\":\"2022-03-08\",\"feedback_way\":\"电话\"}", NULL),
	    "feedback: 填写了反馈日期，但没有整改完成日期：应先整改，后反馈");
	/* 反馈方式 and 满意度 need a 反馈; 结果应用 a 信息公开; no future. */
	assert_string_equal(rating_problem(RBASE "\"grade\":\"不满意\","
	    "\"satisfaction\":\"满意\",\"accepted\":\"2022-03-01\"}", NULL),
	    "satisfaction: 填写了评价人满意度，但没有反馈日期");
	assert_true(str_startswith(rating_problem(RBASE "\"grade\":\"不满意\","
	    "\"accepted\":\"2023-03-01\"}", NULL), "accepted: 2023-03-01晚于今天"));
}

/*
 * The 活动 and 证明事项清单 registries: their rules name the field at
 * fault; the counts of tasks 2 and 3 and the 告知承诺 rate over records
 * worked out by hand (ids as the rows: 1 is the first record).
 */
#define AHEAD "组织单位,活动编号,活动类型,活动名称,活动日期,地点,主讲人或主持人," \
	    "主要负责人出席,领导班子成员人数,参加人数,参加人员,备注\n"
#define PHEAD "索要单位,证明事项名称,设定依据,适用事项,开具单位,是否实行告知" \
	    "承诺制,状态,清单公布日期,备注\n"

static void
test_activity_proof(void **state)
{
	struct reg_record	*r = NULL;
	struct diags		 dg = { 0 };
	struct ind_def		 deploy, court, promise;
	size_t			 n = 0, i;

	(void)state;
	D = registry_find("activity");
	assert_non_null(D);
	/* Each broken rule at its cell; rows() checks as of 2023-06-30. */
	assert_int_equal(rows(AHEAD
	    "sfj,1,部署会议,甲,2022-02-03,,,,,,,\n"
	    "sfj,2,旁听庭审,乙,2022-02-03,,,否,5,3,,\n"
	    "sfj,3,集体学法,丙,2022-02-03,,,,,-1,,\n"
	    "sfj,4,集体学法,丁,2023-07-01,,,,,,,\n"
	    "sfj,5,旁听庭审,戊,2022-02-03,,,,,6,,\n"
	    "sfj,6,部署会议,己,2022-02-03,,,是,0,30,,\n", &r, &n, &dg),
	    FZ_EINVAL);
	assert_int_equal(dg.nerrors, 6);
	assert_string_equal(dg.v[0].code, "chief");
	assert_int_equal(dg.v[0].column, 8);
	assert_string_equal(dg.v[1].code, "leaders");
	assert_non_null(strstr(dg.v[1].message, "多于参加人数 3"));
	assert_string_equal(dg.v[2].code, "attendance");
	assert_int_equal(dg.v[2].column, 10);
	assert_string_equal(dg.v[3].code, "held");
	assert_string_equal(dg.v[4].code, "leaders");
	assert_non_null(strstr(dg.v[4].message, "旁听庭审须填写"));
	assert_string_equal(dg.v[5].code, "leaders");
	assert_non_null(strstr(dg.v[5].message, "至少为 1"));
	diags_release(&dg);

	/*
	 * 部署会议 (主要负责人出席 是): 1, and 5 (12-01) when held by the
	 * as-of date; 2 had a deputy. 旁听庭审 with a leader: 3 and 6; 4 had
	 * none. 朝城镇 is unit 40.
	 */
	assert_int_equal(rows(AHEAD
	    "sfj,1,部署会议,甲,2022-02-25,,,是,4,30,,\n"
	    "sfj,2,部署会议,乙,2022-04-10,,,否,1,20,,\n"
	    "sfj,3,旁听庭审,丙,2022-06-16,,,否,3,8,,\n"
	    "朝城镇,1,旁听庭审,丁,2022-08-18,,,否,0,5,,\n"
	    "朝城镇,2,部署会议,戊,2022-12-01,,,是,3,45,,\n"
	    "371522102,3,旁听庭审,己,2022-09-01,,,否,1,6,,\n", &r, &n, &dg),
	    FZ_OK);
	for (i = 0; i < n; i++)
		r[i].id = (int64_t)i + 1;
	def_make(&deploy, "deploy", "{\"all\":[{\"op\":\"eq\",\"field\":"
	    "\"kind\",\"value\":\"部署会议\"},{\"op\":\"eq\",\"field\":"
	    "\"chief\",\"value\":true},{\"op\":\"set\",\"field\":\"held\"}]}",
	    NULL, "{}");
	def_make(&court, "court", "{\"all\":[{\"op\":\"eq\",\"field\":"
	    "\"kind\",\"value\":\"旁听庭审\"},{\"op\":\"ge\",\"field\":"
	    "\"leaders\",\"value\":1},{\"op\":\"set\",\"field\":\"held\"}]}",
	    NULL, "{}");
	snprintf(deploy.registry, sizeof(deploy.registry), "activity");
	snprintf(court.registry, sizeof(court.registry), "activity");
	snprintf(deploy.kind, sizeof(deploy.kind), "count");
	snprintf(court.kind, sizeof(court.kind), "count");
	deploy.target = court.target = 1;
	assert_string_equal(rate(r, n, &deploy, "2022-12-31", 0), "2/-1");
	assert_string_equal(rate(r, n, &deploy, "2022-11-30", 0), "1/-1");
	assert_string_equal(rate(r, n, &deploy, "2022-12-31", 40), "1/-1");
	assert_string_equal(rate(r, n, &court, "2022-12-31", 0), "2/-1");
	assert_string_equal(rate(r, n, &court, "2022-12-31", 40), "1/-1");
	reg_records_free(r, n);
	ind_def_release(&deploy);
	ind_def_release(&court);

	D = registry_find("proof");
	assert_non_null(D);
	assert_int_equal(rows(PHEAD "sfj,甲证明,《某条例》第一条,某事项,,是,取消,"
	    "2022-06-30,\n", &r, &n, &dg), FZ_EINVAL);
	assert_int_equal(dg.nerrors, 1);
	assert_string_equal(dg.v[0].code, "promise");
	assert_int_equal(dg.v[0].column, 6);
	diags_release(&dg);
	/* Under 告知承诺 among the items kept: 1 and 4 of 1, 2, 4 (3 is
	 * cancelled; 4's empty 状态 is 保留): 2/3, 2 failing. */
	assert_int_equal(rows(PHEAD
	    "sfj,甲证明,《某条例》第一条,某事项,,是,保留,2022-06-30,\n"
	    "sfj,乙证明,《某条例》第二条,某事项,,否,保留,2022-06-30,\n"
	    "sfj,丙证明,《某条例》第三条,某事项,,否,取消,2022-06-30,\n"
	    "朝城镇,丁证明,《某条例》第四条,某事项,,是,,2022-08-01,\n", &r, &n,
	    &dg), FZ_OK);
	for (i = 0; i < n; i++)
		r[i].id = (int64_t)i + 1;
	def_make(&promise, "promise", "{\"op\":\"eq\",\"field\":\"promise\","
	    "\"value\":true}", "{\"not\":{\"op\":\"eq\",\"field\":\"status\","
	    "\"value\":\"取消\"}}", "{}");
	snprintf(promise.registry, sizeof(promise.registry), "proof");
	promise.has_target = 0;
	promise.comparator[0] = '\0';
	assert_string_equal(rate(r, n, &promise, "2022-12-31", 0), "2/3 2");
	assert_string_equal(rate(r, n, &promise, "2022-12-31", 40), "1/1");
	reg_records_free(r, n);
	ind_def_release(&promise);
	D = registry_find("normative");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_cells),
		cmocka_unit_test(test_rows),
		cmocka_unit_test(test_xlsx),
		cmocka_unit_test(test_xlsx_round_trip),
		cmocka_unit_test(test_rates),
		cmocka_unit_test(test_workdays_groups),
		cmocka_unit_test(test_litigation_rules),
		cmocka_unit_test(test_decision),
		cmocka_unit_test(test_rating_rules),
		cmocka_unit_test(test_activity_proof),
	};

	D = registry_find("normative");
	return cmocka_run_group_tests_name("registry", tests, NULL, NULL);
}
