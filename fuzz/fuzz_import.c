/*
 * fuzz_import.c: libFuzzer target for the plan importer. The input is read
 * as a document of auto-detected format, as plain text and as DOCX; each
 * plan read is resolved against a small built-in unit directory, compared
 * with the others and rendered as JSON, then everything is released, so a
 * leak on any path is a finding too. Run by fuzz/run.sh.
 * SPDX-License-Identifier: MIT
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

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

/* Import one way; 1 and a resolved plan in p if the import succeeded. */
static int
run(const char *data, size_t len, enum doc_format fmt, struct plan *p)
{
	struct diags	 dg = { 0 };
	int		 ok = 0;

	if (import_plan(data, len, "fuzz.md", fmt, p, &dg) == FZ_OK) {
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
	const char		*s = (const char *)data;
	int			 oka, okb;

	if (dir.n == 0)
		dir_build();
	oka = run(s, size, DOC_AUTO, &a);
	okb = run(s, size, DOC_TEXT, &b);
	if (oka && okb) {
		core_plan_diff(&a, &b, &d);
		(void)core_plan_diff_empty(&d);
		dump(core_diff_json(&d));
		plan_diff_release(&d);
	}
	plan_release(&a);
	plan_release(&b);
	/* A DOCX read costs little when the bytes are not a zip archive. */
	(void)run(s, size, DOC_DOCX, &a);
	plan_release(&a);
	return 0;
}
