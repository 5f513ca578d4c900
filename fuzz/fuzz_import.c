/*
 * fuzz_import.c: libFuzzer target for the plan importer. The input is read
 * as a document of auto-detected format, as plain text, and as the XML of
 * a DOCX (zipped here, so mutations reach the XML walker past the CRC);
 * each plan is resolved against a small built-in unit directory and
 * rendered as JSON, then everything is released, so a leak is a finding.
 * SPDX-License-Identifier: MIT
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <zip.h>

#include "fazhi/core.h"
#include "fazhi/import.h"
#include "fazhi/util.h"
#include "fazhi/banned.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* One unit of each kind the groups expand to, with short forms. */
static const struct {
	const char	*code, *name, *shorts, *aliases;
	enum unit_kind	 kind;
	int		 enforcement;
} units[] = {
	{ "xzf", "莘县人民政府", "县政府", NULL, UNIT_OTHER, 0 },
	{ "zfb", "莘县人民政府办公室", "县政府办公室", "县大数据局",
	    UNIT_DEPARTMENT, 0 },
	{ "sfj", "莘县司法局", "县司法局", "司法局", UNIT_DEPARTMENT, 1 },
	{ "gaj", "莘县公安局", "县公安局", NULL, UNIT_DEPARTMENT, 1 },
	{ "scjg", "莘县市场监督管理局", "县市场监管局", NULL,
	    UNIT_DEPARTMENT, 1 },
	{ "zzb", "中共莘县县委组织部", "县委组织部", NULL, UNIT_PARTY, 0 },
	{ "yfzxb", "中共莘县县委全面依法治县委员会办公室", "县委依法治县办",
	    "依法治县办", UNIT_PARTY, 0 },
	{ "371522001", "莘县燕塔街道办事处", "燕塔街道", NULL,
	    UNIT_SUBDISTRICT, 1 },
	{ "371522102", "莘县朝城镇人民政府", "朝城镇", NULL, UNIT_TOWN, 1 },
	{ "fy", "莘县人民法院", "县法院", NULL, UNIT_COURT, 0 },
	{ "jcy", "莘县人民检察院", "县检察院", NULL, UNIT_PROCURATORATE, 0 },
};

static struct unit_dir	 dir;

static void
dir_build(void)
{
	struct unit	 u;
	size_t		 i;

	for (i = 0; i < sizeof(units) / sizeof(units[0]); i++) {
		memset(&u, 0, sizeof(u));
		u.id = (int64_t)i + 1;
		u.code = (char *)(uintptr_t)units[i].code;
		u.name = (char *)(uintptr_t)units[i].name;
		u.kind = units[i].kind;
		u.enforcement = units[i].enforcement;
		u.division = (char *)(uintptr_t)"371522";
		if (units[i].shorts != NULL) {
			u.shorts = (char **)(uintptr_t)&units[i].shorts;
			u.nshorts = 1;
		}
		if (units[i].aliases != NULL) {
			u.aliases = (char **)(uintptr_t)&units[i].aliases;
			u.naliases = 1;
		}
		unit_dir_add(&dir, &u);		/* copies */
	}
}

static void
dump(json_t *j)
{
	char	*s;

	if (j == NULL)
		abort();
	if ((s = json_dumps(j, JSON_INDENT(1) | JSON_SORT_KEYS)) == NULL)
		abort();
	free(s);
	json_decref(j);
}

/*
 * A DOCX holding data[0..len) as word/document.xml and, if there is a NUL
 * byte, what follows the first one as word/numbering.xml. Stored, not
 * deflated: the zip layer is not what this exercises.
 */
static int
docx_wrap(const char *data, size_t len, struct buf *out)
{
	static const char	*names[] = {
		"word/document.xml", "word/numbering.xml"
	};
	zip_source_t		*src, *m;
	zip_t			*za;
	zip_error_t		 ze;
	zip_int64_t		 ix, n;
	const char		*nul;
	size_t			 part[2];
	int			 i, ok = 0;

	nul = len > 0 ? memchr(data, '\0', len) : NULL;
	part[0] = nul == NULL ? len : (size_t)(nul - data);
	part[1] = nul == NULL ? 0 : len - part[0] - 1;
	zip_error_init(&ze);
	if ((src = zip_source_buffer_create(NULL, 0, 0, &ze)) == NULL)
		abort();
	zip_source_keep(src);
	if ((za = zip_open_from_source(src, ZIP_TRUNCATE, &ze)) == NULL)
		abort();
	for (i = 0; i < 2; i++) {
		if (i == 1 && nul == NULL)
			break;
		m = zip_source_buffer(za, i == 0 ? data : nul + 1, part[i], 0);
		if (m == NULL || (ix = zip_file_add(za, names[i], m, 0)) < 0 ||
		    zip_set_file_compression(za, (zip_uint64_t)ix,
		    ZIP_CM_STORE, 0) != 0)
			abort();
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

/* Import one way; 1 and a resolved plan in p if the import succeeded. */
static int
run(const char *data, size_t len, const char *name, enum doc_format fmt,
    struct plan *p)
{
	struct diags	 dg = { 0 };
	struct unit_dir	 none = { 0 };
	int		 ok = 0;

	if (import_plan(data, len, name, fmt, p, &dg) == FZ_OK) {
		/* An empty store first, as before fazhi units import. */
		core_plan_resolve(p, &none, &dg);
		core_plan_resolve(p, &dir, &dg);
		dump(core_plan_json(p));
		ok = 1;
	}
	dump(core_diags_json(&dg));
	diags_release(&dg);
	return ok;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct plan		 a, b;
	struct plan_diff	 d;
	struct buf		 zip = BUF_INIT;
	const char		*s = (const char *)data;
	int			 oka, okb;

	if (dir.n == 0)
		dir_build();
	oka = run(s, size, "fuzz.md", DOC_AUTO, &a);
	okb = run(s, size, "fuzz.md", DOC_TEXT, &b);
	if (oka && okb) {
		core_plan_diff(&a, &b, &d);
		(void)core_plan_diff_empty(&d);
		dump(core_diff_json(&d));
		plan_diff_release(&d);
	}
	plan_release(&a);
	plan_release(&b);
	/* A zip was read as DOCX above; anything else is taken as its XML. */
	if (!(size >= 4 && memcmp(s, "PK\003\004", 4) == 0) &&
	    docx_wrap(s, size, &zip)) {
		(void)run(zip.ptr, zip.len, "fuzz.docx", DOC_DOCX, &a);
		plan_release(&a);
	}
	buf_release(&zip);
	return 0;
}
