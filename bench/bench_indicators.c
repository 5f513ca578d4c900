/*
 * bench_indicators.c: times the indicators of a province-wide store in
 * process, as the server and the CLI run them: core_ind_compute() over
 * the whole store or over one division (a county), and one division's
 * dashboard (core_ind_scope_json() and its JSON text). Wall and CPU time
 * of each run; one key=value line per operation on stdout.
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>

#include "fazhi/core.h"
#include "fazhi/indicator.h"
#include "fazhi/util.h"
#include "fazhi/banned.h"

static double
clock_ms(clockid_t id)
{
	struct timespec	 ts;

	clock_gettime(id, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int
dbl_cmp(const void *a, const void *b)
{
	double	 x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static void
usage(void)
{
	fprintf(stderr, "usage: bench_indicators DSN AS_OF compute|county|"
	    "dashboard [DIVISION] RUNS\n");
	exit(2);
}

int
main(int argc, char **argv)
{
	struct store		*st = NULL;
	struct actor		 ac;
	struct diags		 dg = { 0 };
	struct ind_compute_opts	 o;
	const char		*op, *div = NULL;
	double			*wall, *cpu, w0, c0;
	long long		 runs;
	size_t			 bytes = 0, nvals = 0;
	int			 i;

	if (argc != 5 && argc != 6)
		usage();
	op = argv[3];
	if (!str_eq(op, "compute") && argc != 6)
		usage();
	if (argc == 6)
		div = argv[4];
	if (str_toint(argv[argc - 1], 1, 1000, &runs) != FZ_OK)
		usage();
	if (store_open(argv[1], 0, &st) != FZ_OK) {
		fprintf(stderr, "bench_indicators: cannot open '%s': %s\n",
		    argv[1], store_errmsg(st));
		return 1;
	}
	core_actor_system(&ac);
	ac.login = "bench";
	memset(&o, 0, sizeof(o));
	o.as_of = argv[2];
	o.division = str_eq(op, "county") ? div : NULL;
	wall = xcalloc((size_t)runs, sizeof(*wall));
	cpu = xcalloc((size_t)runs, sizeof(*cpu));
	for (i = 0; i < runs; i++) {
		json_t	*out = NULL;
		char	*text;
		enum fz_err rc;

		w0 = clock_ms(CLOCK_MONOTONIC);
		c0 = clock_ms(CLOCK_PROCESS_CPUTIME_ID);
		if (str_eq(op, "dashboard"))
			rc = core_ind_scope_json(st, &ac, div, &out, &dg);
		else
			rc = core_ind_compute(st, &ac, &o, &out, &dg);
		if (rc != FZ_OK) {
			fprintf(stderr, "bench_indicators: %s: %s\n", op,
			    dg.n > 0 ? dg.v[0].message : store_errmsg(st));
			return 1;
		}
		/* The answer as the API sends it. */
		text = json_dumps(out, JSON_COMPACT);
		wall[i] = clock_ms(CLOCK_MONOTONIC) - w0;
		cpu[i] = clock_ms(CLOCK_PROCESS_CPUTIME_ID) - c0;
		bytes = strlen(text);
		if (str_eq(op, "dashboard")) {
			size_t k;
			json_t *x;

			nvals = 0;
			json_array_foreach(json_object_get(out, "indicators"),
			    k, x)
				nvals += json_array_size(json_object_get(x,
				    "values"));
		} else
			nvals = json_array_size(json_object_get(out,
			    "values"));
		free(text);
		json_decref(out);
	}
	qsort(wall, (size_t)runs, sizeof(*wall), dbl_cmp);
	qsort(cpu, (size_t)runs, sizeof(*cpu), dbl_cmp);
	printf("op=%s division=%s runs=%lld median_ms=%.1f min_ms=%.1f "
	    "cpu_median_ms=%.1f cpu_min_ms=%.1f values=%zu json_bytes=%zu\n",
	    op, div ? div : "-", runs, wall[runs / 2], wall[0],
	    cpu[runs / 2], cpu[0], nvals, bytes);
	free(wall);
	free(cpu);
	store_close(st);
	return 0;
}
