/*
 * bench_import.c: in-process throughput of the plan importer. Reads a
 * document once, then times import_plan() (mode "parse") or import_plan()
 * plus core_plan_resolve() against a unit directory parsed once (mode
 * "resolve") N times on the same bytes, and prints the median and minimum
 * time per iteration and MB/s (1 MB = 10^6 bytes). See bench/README.md.
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "fazhi/core.h"
#include "fazhi/import.h"
#include "fazhi/util.h"

enum mode {
	MODE_PARSE = 0,
	MODE_RESOLVE,
};

static void
usage(void)
{
	fprintf(stderr,
	    "usage: bench_import [-t seconds] [-w warmup] parse FILE N\n"
	    "       bench_import [-t seconds] [-w warmup] resolve FILE N "
	    "UNITS.csv\n");
	exit(2);
}

static double
now(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int
dbl_cmp(const void *a, const void *b)
{
	double	 x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static void
read_or_die(const char *path, struct buf *b)
{
	struct buf	 msg = BUF_INIT;

	if (file_read(path, IMPORT_MAX_BYTES, b, &msg) != FZ_OK) {
		fprintf(stderr, "bench_import: %s: %s\n", path, msg.ptr);
		exit(1);
	}
	buf_release(&msg);
}

/* One timed iteration; the plan and diags are freed outside the timing. */
static double
one(const struct buf *doc, const char *name, enum mode m,
    const struct unit_dir *dir, struct plan *p, struct diags *dg,
    enum fz_err *rc)
{
	double	 t0, t1;

	t0 = now();
	*rc = import_plan(doc->ptr, doc->len, name, DOC_AUTO, p, dg);
	if (*rc == FZ_OK && m == MODE_RESOLVE)
		core_plan_resolve(p, dir, dg);
	t1 = now();
	return t1 - t0;
}

int
main(int argc, char **argv)
{
	struct buf	 doc = BUF_INIT, ucsv = BUF_INIT;
	struct unit_dir	 dir = { 0 };
	struct diags	 dg = { 0 };
	struct plan	 p;
	enum fz_err	 rc = FZ_OK;
	enum mode	 m;
	double		*t, budget = 0, start, med, best, mb;
	const char	*file;
	long long	 n = 0, warm = 1, i, done;
	size_t		 ntasks = 0, nsections = 0, ndiags = 0, nerrors = 0;
	int		 c;

	while ((c = getopt(argc, argv, "t:w:")) != -1) {
		switch (c) {
		case 't':
			budget = strtod(optarg, NULL);
			break;
		case 'w':
			if (str_toint(optarg, 0, 1000000, &warm) != FZ_OK)
				usage();
			break;
		default:
			usage();
		}
	}
	argc -= optind;
	argv += optind;
	if (argc < 3)
		usage();
	if (str_eq(argv[0], "parse") && argc == 3)
		m = MODE_PARSE;
	else if (str_eq(argv[0], "resolve") && argc == 4)
		m = MODE_RESOLVE;
	else
		usage();
	file = argv[1];
	if (str_toint(argv[2], 1, 100000000, &n) != FZ_OK)
		usage();

	read_or_die(file, &doc);
	if (m == MODE_RESOLVE) {
		read_or_die(argv[3], &ucsv);
		if (core_units_parse(ucsv.ptr, ucsv.len, NULL, &dir,
		    &dg) != FZ_OK) {
			fprintf(stderr, "bench_import: %s: bad unit "
			    "directory\n", argv[3]);
			return 1;
		}
		diags_release(&dg);
	}

	for (i = 0; i < warm; i++) {
		(void)one(&doc, file, m, &dir, &p, &dg, &rc);
		plan_release(&p);
		diags_release(&dg);
	}

	t = xreallocarray(NULL, (size_t)n, sizeof(*t));
	start = now();
	for (done = 0; done < n; done++) {
		t[done] = one(&doc, file, m, &dir, &p, &dg, &rc);
		ntasks = p.ntasks;
		nsections = p.nsections;
		ndiags = dg.n;
		nerrors = dg.nerrors;
		plan_release(&p);
		diags_release(&dg);
		if (budget > 0 && done + 1 < n && now() - start > budget) {
			done++;
			break;
		}
	}
	qsort(t, (size_t)done, sizeof(*t), dbl_cmp);
	med = done % 2 ? t[done / 2] : (t[done / 2 - 1] + t[done / 2]) / 2;
	best = t[0];
	mb = (double)doc.len / 1e6;

	/* One line of key=value for bench/run.sh, then a readable summary. */
	printf("mode=%s bytes=%zu iters=%lld median_ms=%.4f min_ms=%.4f "
	    "median_mbs=%.2f best_mbs=%.2f rc=%s sections=%zu tasks=%zu "
	    "diags=%zu errors=%zu\n",
	    argv[0], doc.len, done, med * 1e3, best * 1e3, mb / med,
	    mb / best, fz_errcode(rc), nsections, ntasks, ndiags, nerrors);
	fprintf(stderr, "%s %s: %zu bytes, %lld iterations: median %.3f ms "
	    "(%.1f MB/s), min %.3f ms (%.1f MB/s)\n", argv[0], file, doc.len,
	    done, med * 1e3, mb / med, best * 1e3, mb / best);

	free(t);
	unit_dir_release(&dir);
	buf_release(&ucsv);
	buf_release(&doc);
	return rc == FZ_OK ? 0 : 1;
}
