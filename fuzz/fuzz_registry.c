/*
 * fuzz_registry.c: libFuzzer target for the registries' importers. The
 * input is read as a registry file (CSV, or XLSX when it is a zip), and
 * also as the parts of an XLSX built here (zipped, so mutations reach the
 * XML past the CRC): the sheet, then after NUL bytes the shared strings,
 * the styles and the workbook. Every table is parsed into records of each
 * registry against a built-in directory. Records that parse must hold
 * values of their fields' types, come back the same through the CSV
 * export and through the API's JSON, and the three filing rates, the
 * grouped 出庭应诉 rate and the 复议 time limit computed over them must
 * add up. All is released: a leak is a finding too.
 * SPDX-License-Identifier: MIT
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <zip.h>

#include "fazhi/export.h"
#include "fazhi/indicator.h"
#include "fazhi/registry.h"
#include "fazhi/util.h"
#include "fazhi/banned.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static struct unit_dir	 dir;

static void
dir_init(void)
{
	static const char *const u[][4] = {
		{ "sfj", "莘县司法局", "县司法局", "司法局" },
		{ "scjg", "莘县市场监督管理局", "县市场监管局", "市场监管局" },
		{ "371522102", "莘县朝城镇人民政府", "朝城镇", "朝城镇人民政府" },
	};
	size_t	 i;

	if (dir.n > 0)
		return;
	for (i = 0; i < sizeof(u) / sizeof(u[0]); i++) {
		struct unit x;

		memset(&x, 0, sizeof(x));
		x.id = (int64_t)(i + 1) * 10;
		x.code = xstrdup(u[i][0]);
		x.name = xstrdup(u[i][1]);
		strv_add(&x.shorts, &x.nshorts, u[i][2]);
		strv_add(&x.aliases, &x.naliases, u[i][3]);
		unit_dir_add(&dir, &x);
		unit_release(&x);
	}
}

/* An XLSX of the input's parts, stored (not deflated). */
static int
xlsx_wrap(const char *data, size_t len, struct buf *out)
{
	static const char *const names[] = {
		"xl/worksheets/sheet1.xml", "xl/sharedStrings.xml",
		"xl/styles.xml", "xl/workbook.xml",
	};
	zip_source_t	*src, *m;
	zip_t		*za;
	zip_error_t	 ze;
	zip_int64_t	 ix, n;
	const char	*p = data, *end = data + len, *nul;
	int		 i, ok = 0;

	zip_error_init(&ze);
	if ((src = zip_source_buffer_create(NULL, 0, 0, &ze)) == NULL)
		abort();
	zip_source_keep(src);
	if ((za = zip_open_from_source(src, ZIP_TRUNCATE, &ze)) == NULL)
		abort();
	for (i = 0; i < 4 && p <= end; i++) {
		nul = memchr(p, '\0', (size_t)(end - p));
		if (nul == NULL)
			nul = end;
		m = zip_source_buffer(za, p, (zip_uint64_t)(nul - p), 0);
		if (m == NULL || (ix = zip_file_add(za, names[i], m, 0)) < 0 ||
		    zip_set_file_compression(za, (zip_uint64_t)ix,
		    ZIP_CM_STORE, 0) != 0)
			abort();
		p = nul + 1;
	}
	if (zip_close(za) != 0)
		abort();
	if (zip_source_open(src) == 0) {
		if (zip_source_seek(src, 0, SEEK_END) == 0 &&
		    (n = zip_source_tell(src)) > 0 &&
		    zip_source_seek(src, 0, SEEK_SET) == 0) {
			buf_grow(out, (size_t)n);
			if (zip_source_read(src, out->ptr, (zip_uint64_t)n) ==
			    n) {
				out->len = (size_t)n;
				out->ptr[n] = '\0';
				ok = 1;
			}
		}
		zip_source_close(src);
	}
	zip_source_free(src);
	zip_error_fini(&ze);
	return ok;
}

/* A value holds what its field's type allows. */
static void
check_value(const struct reg_field *f, const struct reg_value *v)
{
	long	 day;
	size_t	 k;

	if (v->null)
		return;
	switch (f->type) {
	case REG_DATE:
		if (v->s == NULL || date_days(v->s, &day) != FZ_OK)
			abort();
		break;
	case REG_ENUM:
		for (k = 0; f->values[k] != NULL; k++)
			if (str_eq(f->values[k], v->s))
				break;
		if (f->values[k] == NULL)
			abort();
		break;
	case REG_UNIT:
		if (v->i < 10 || v->i > 30 || v->s == NULL)
			abort();
		break;
	case REG_BOOL:
		if (v->i != 0 && v->i != 1)
			abort();
		break;
	default:
		if (f->type == REG_TEXT && (v->s == NULL || !utf8_valid(v->s,
		    strlen(v->s), NULL)))
			abort();
		break;
	}
}

/* The records written as the export's CSV and read back are the same. */
static void
csv_round_trip(const struct reg_desc *d, struct reg_record *r, size_t n)
{
	struct export_table	 t;
	struct reg_record	*back = NULL;
	struct diags		 dg = { 0 };
	struct buf		 out = BUF_INIT, cell = BUF_INIT;
	struct csv		 tab;
	const char		*headers[REG_MAX_FIELDS];
	enum export_col		 kinds[REG_MAX_FIELDS];
	char			**cells;
	int			 colmap[REG_MAX_FIELDS], i, xlsx;
	size_t			 k, nb = 0;

	cells = xcalloc(n * (size_t)d->nfields + 1, sizeof(*cells));
	for (i = 0; i < d->nfields; i++) {
		headers[i] = d->fields[i].label;
		kinds[i] = EXPORT_COL_TEXT;
	}
	for (k = 0; k < n; k++)
		for (i = 0; i < d->nfields; i++) {
			buf_reset(&cell);
			reg_cell_text(&d->fields[i], &r[k].v[i], &cell);
			cells[k * (size_t)d->nfields + (size_t)i] =
			    xstrdup(cell.ptr);
		}
	memset(&t, 0, sizeof(t));
	t.sheet = d->name;
	t.ncols = (size_t)d->nfields;
	t.headers = headers;
	t.kinds = kinds;
	t.cells = cells;
	t.nrows = n;
	export_table_csv(&t, &out);
	if (reg_table_read(out.ptr, out.len, &tab, &xlsx, &dg) != FZ_OK ||
	    reg_rows_parse(d, &tab, 0, &dir, "2030-01-01", &back, &nb, colmap,
	    &dg) != FZ_OK || nb != n) {
		/* FUZZ_DEBUG=1 build-fuzz/fuzz_registry FILE says why. */
		if (getenv("FUZZ_DEBUG") != NULL) {
			fprintf(stderr, "export:\n%s\n", out.ptr);
			for (k = 0; k < dg.n; k++)
				fprintf(stderr, "%s\n", dg.v[k].message);
		}
		abort();
	}
	for (k = 0; k < n; k++)
		if (!reg_record_same(d, &r[k], &back[k]))
			abort();
	reg_records_free(back, nb);
	csv_release(&tab);
	strv_free(cells, n * (size_t)d->nfields);
	buf_release(&out);
	buf_release(&cell);
	diags_release(&dg);
}

/* Through the API's JSON: the record's JSON as a form gives it back. */
static void
json_round_trip(const struct reg_desc *d, const struct reg_record *r)
{
	struct reg_record	 back;
	struct diags		 dg = { 0 };
	json_t			*j = reg_record_json(d, r, 0);
	int			 i;

	for (i = 0; i < d->nfields; i++)
		if (d->fields[i].type == REG_UNIT && !r->v[i].null)
			json_object_set_new(j, d->fields[i].key,
			    json_integer(r->v[i].i));
	if (reg_record_from_json(d, j, &dir, NULL, &back, &dg) != FZ_OK ||
	    !reg_record_same(d, r, &back))
		abort();
	reg_record_release(&back);
	json_decref(j);
	diags_release(&dg);
}

static void
rates(const struct reg_desc *d, struct reg_record *r, size_t n)
{
	static const char *const defs[][3] = {
		{ "{\"op\":\"set\",\"field\":\"filed\"}", "{\"any\":[{\"op\":"
		    "\"set\",\"field\":\"filed\"},{\"op\":\"past\",\"field\":"
		    "\"published\",\"days\":\"$limit_days\"}]}",
		    "{\"limit_days\":30}" },
		{ "{\"op\":\"within\",\"field\":\"filed\",\"from\":"
		    "\"published\",\"days\":\"$limit_days\"}", "{\"any\":[{"
		    "\"op\":\"set\",\"field\":\"filed\"},{\"op\":\"past\","
		    "\"field\":\"published\",\"days\":\"$limit_days\"}]}",
		    "{\"limit_days\":30}" },
		{ "{\"op\":\"set\",\"field\":\"reviewed\"}", "{\"all\":[{\"op\":"
		    "\"set\",\"field\":\"filed\"},{\"not\":{\"op\":\"in\","
		    "\"field\":\"status\",\"values\":[\"废止\"]}}]}", "{}" },
	};
	struct ind_def		 def;
	struct ind_result	 res;
	char			 why[400];
	size_t			 i, k;

	if (!str_eq(d->key, "normative"))
		return;
	for (i = 0; i < sizeof(defs) / sizeof(defs[0]); i++) {
		memset(&def, 0, sizeof(def));
		snprintf(def.key, sizeof(def.key), "fuzz.rate");
		snprintf(def.name, sizeof(def.name), "率");
		snprintf(def.registry, sizeof(def.registry), "normative");
		snprintf(def.kind, sizeof(def.kind), "rate");
		snprintf(def.unit, sizeof(def.unit), "%%");
		snprintf(def.scope, sizeof(def.scope), "unit");
		snprintf(def.basis, sizeof(def.basis), "ours");
		snprintf(def.comparator, sizeof(def.comparator), ">=");
		def.has_target = 1;
		def.target = 100;
		def.numerator = (char *)(uintptr_t)defs[i][0];
		def.denominator = (char *)(uintptr_t)defs[i][1];
		def.params = (char *)(uintptr_t)defs[i][2];
		def.source = (char *)(uintptr_t)"本系统定义";
		for (k = 0; k < 2; k++) {
			if (ind_compute(d, &def, r, n, k ? "2022-06-30" :
			    "2022-12-31", NULL, k ? 20 : 0, &res, why, sizeof(why)) !=
			    FZ_OK)
				abort();
			if (res.num > res.den || (res.den > 0 &&
			    (res.value < 0 || res.value > 100)) ||
			    (k == 0 && res.ncounted + res.nfailing +
			    res.nexcluded != n))
				abort();
			ind_result_release(&res);
		}
	}
}

/*
 * The 行政应诉 rates count groups (a case per instance) and the 行政复议
 * limits take any of three branches: counted, failing and excluded
 * records still add up, and the groups counted never exceed those due.
 */
static void
other_rates(const struct reg_desc *d, struct reg_record *r, size_t n)
{
	static const char *const defs[][4] = {
		{ "litigation", "{\"op\":\"in\",\"field\":\"head_rank\","
		    "\"values\":[\"正职\",\"副职\",\"分管负责人\"]}",
		    "{\"all\":[{\"op\":\"eq\",\"field\":\"heard\",\"value\":"
		    "true},{\"op\":\"set\",\"field\":\"hearing_date\"}]}",
		    "{\"group_by\":[\"case_no\",\"instance\"]}" },
		{ "reconsideration", "{\"any\":[{\"all\":[{\"op\":\"eq\","
		    "\"field\":\"simple\",\"value\":true},{\"op\":\"within\","
		    "\"field\":\"concluded\",\"from\":\"accepted\",\"days\":"
		    "30}]},{\"all\":[{\"not\":{\"op\":\"eq\",\"field\":"
		    "\"simple\",\"value\":true}},{\"op\":\"within\",\"field\":"
		    "\"concluded\",\"from\":\"accepted\",\"days\":60}]}]}",
		    "{\"any\":[{\"op\":\"set\",\"field\":\"concluded\"},{"
		    "\"op\":\"past\",\"field\":\"accepted\",\"days\":60}]}",
		    "{}" },
	};
	struct ind_def		 def;
	struct ind_result	 res;
	char			 why[400];
	size_t			 i;

	for (i = 0; i < sizeof(defs) / sizeof(defs[0]); i++) {
		if (!str_eq(d->key, defs[i][0]))
			continue;
		memset(&def, 0, sizeof(def));
		snprintf(def.key, sizeof(def.key), "fuzz.rate");
		snprintf(def.name, sizeof(def.name), "率");
		snprintf(def.registry, sizeof(def.registry), "%s", d->key);
		snprintf(def.kind, sizeof(def.kind), "rate");
		snprintf(def.unit, sizeof(def.unit), "%%");
		snprintf(def.scope, sizeof(def.scope), "unit");
		snprintf(def.basis, sizeof(def.basis), "ours");
		def.numerator = (char *)(uintptr_t)defs[i][1];
		def.denominator = (char *)(uintptr_t)defs[i][2];
		def.params = (char *)(uintptr_t)defs[i][3];
		def.source = (char *)(uintptr_t)"本系统定义";
		if (ind_compute(d, &def, r, n, "2024-12-31", NULL, 0, &res, why,
		    sizeof(why)) != FZ_OK)
			abort();
		if (res.num > res.den || res.ncounted + res.nfailing +
		    res.nexcluded != n || (size_t)res.den > n)
			abort();
		ind_result_release(&res);
	}
}

static void
run(const char *data, size_t len)
{
	struct csv		 tab;
	struct diags		 dg = { 0 };
	struct reg_record	*r, *ok;
	size_t			 n, k, m;
	int			 xlsx, colmap[REG_MAX_FIELDS], i, f;

	if (reg_table_read(data, len, &tab, &xlsx, &dg) != FZ_OK) {
		diags_release(&dg);
		return;
	}
	for (i = 0; i < registry_count(); i++) {
		const struct reg_desc *d = registry_at(i);

		r = NULL;
		n = 0;
		if (reg_rows_parse(d, &tab, xlsx, &dir, "2030-01-01", &r, &n,
		    colmap, &dg) == FZ_OK) {
			ok = xcalloc(n, sizeof(*ok));	/* shallow copies */
			for (k = 0; k < n; k++) {
				for (f = 0; f < d->nfields; f++)
					check_value(&d->fields[f], &r[k].v[f]);
				json_round_trip(d, &r[k]);
			}
			/* A file without every column is checked row by
			 * row only once merged with the stored records (the
			 * import does it): the round trip takes the records
			 * that pass the registry's rules, as stored ones do. */
			for (k = 0, m = 0; k < n; k++) {
				struct reg_problems p;

				memset(&p, 0, sizeof(p));
				reg_record_check(d, &r[k], "2030-01-01", &p);
				if (p.n == 0)
					ok[m++] = r[k];
			}
			if (m > 0)
				csv_round_trip(d, ok, m);
			rates(d, r, n);
			other_rates(d, r, n);
			free(ok);
			reg_records_free(r, n);
		} else if (r != NULL || dg.nerrors == 0)
			abort();
		diags_release(&dg);
	}
	csv_release(&tab);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct buf	 zip = BUF_INIT;
	const char	*s = (const char *)data;

	dir_init();
	run(s, size);
	if (!(size >= 4 && memcmp(s, "PK\x03\x04", 4) == 0) &&
	    xlsx_wrap(s, size, &zip))
		run(zip.ptr, zip.len);
	buf_release(&zip);
	return 0;
}
