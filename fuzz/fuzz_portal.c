/*
 * fuzz_portal.c: libFuzzer target for the public portal's URLs (portal.c),
 * the one part of the server anyone reaches without a session. A store
 * made once (the 莘县 units, the reference plan, published with every
 * public field, the portal on) answers "/portal/" followed by the input:
 * the answer is a page, a file or a 404, never another error, and no page
 * carries a script. Run by fuzz/run.sh.
 * SPDX-License-Identifier: MIT
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "http/portal-int.h"
#include "fazhi/core.h"
#include "fazhi/store.h"
#include "fazhi/util.h"
#include "fazhi/banned.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static struct store	*st;
static char		 dir[] = "/tmp/fuzz_portal.XXXXXX";

/* The store's files and folder, at exit. */
static void
cleanup(void)
{
	static const char *const ext[] = { "", "-wal", "-shm" };
	char	 path[80];
	size_t	 i;

	store_close(st);
	st = NULL;
	for (i = 0; i < sizeof(ext) / sizeof(ext[0]); i++) {
		snprintf(path, sizeof(path), "%s/portal.db%s", dir, ext[i]);
		unlink(path);
	}
	rmdir(dir);
}

static void
die(const char *what)
{
	fprintf(stderr, "fuzz_portal: %s: %s\n", what, st ? store_errmsg(st) :
	    "no store");
	abort();
}

static void
setup(void)
{
	struct import_opts	 io;
	struct import_result	 ir;
	struct diags		 dg = { 0 };
	struct plan		 p;
	struct pub_plan		 pp;
	char			 path[64];
	int			 from, to, n;
	int64_t			 id;

	if (mkdtemp(dir) == NULL)
		die("mkdtemp");
	atexit(cleanup);
	snprintf(path, sizeof(path), "%s/portal.db", dir);
	if (store_open(path, 1, &st) != FZ_OK ||
	    store_migrate(st, &from, &to) != FZ_OK)
		die("store");
	if (core_units_import(st, "data/units/shenxian.csv", "fuzz", &n,
	    &dg) != FZ_OK)
		die("units (run from the repository)");
	memset(&io, 0, sizeof(io));
	io.actor = "fuzz";
	memset(&ir, 0, sizeof(ir));
	memset(&p, 0, sizeof(p));
	if (core_plan_import(st, "data/plans/shenxian-2022.md", &io, &p, &ir,
	    &dg) != FZ_OK || core_plan_lookup(st, NULL, &id) != FZ_OK)
		die("plan");
	plan_release(&p);
	plan_diff_release(&ir.diff);
	memset(&pp, 0, sizeof(pp));
	pp.plan_id = id;
	pp.published = 1;
	snprintf(pp.fields, sizeof(pp.fields), "%s",
	    "task_text,units,status,progress,indicators");
	snprintf(pp.set_by, sizeof(pp.set_by), "fuzz");
	if (store_pub_plan_put(st, &pp) != FZ_OK ||
	    store_pub_site_set(st, 1, "fuzz") != FZ_OK)
		die("publication");
	diags_release(&dg);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct buf	 url = BUF_INIT, body = BUF_INIT;
	const char	*type = NULL;
	enum fz_err	 rc;

	if (st == NULL)
		setup();
	if (memchr(data, '\0', size) != NULL || size > 2048)
		return 0;
	buf_addstr(&url, "/portal/");
	buf_add(&url, data, size);
	rc = portal_route(st, url.ptr, &body, &type);
	if (rc != FZ_OK && rc != FZ_ENOTFOUND && rc != FZ_EINVAL) {
		fprintf(stderr, "fuzz_portal: %s: error %d: %s\n", url.ptr,
		    (int)rc, store_errmsg(st));
		abort();
	}
	if (rc == FZ_OK && type != NULL && strncmp(type, "text/html", 9) ==
	    0 && body.ptr != NULL && strstr(body.ptr, "<script") != NULL)
		abort();
	buf_release(&url);
	buf_release(&body);
	return 0;
}
