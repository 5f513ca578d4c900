/*
 * bench_views.c: what the dashboard and the task list cost in process,
 * without HTTP: the core functions the two handlers call, JSON text
 * included, and the store reads under them, each timed in CPU time of
 * the thread (CLOCK_THREAD_CPUTIME_ID) so that other processes on the
 * machine change the figures less than they change wrk's. Prints one
 * key=value line per operation (bench/http.sh reads them).
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>

#include "fazhi/core.h"
#include "fazhi/util.h"
#include "fazhi/banned.h"

static double
cpu(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int
cmp_double(const void *a, const void *b)
{
	double	 x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* One operation: n runs after one untimed; median and minimum in µs. */
struct op {
	const char	*name;
	double		*t;
	int		 n, i;
	double		 t0;
	size_t		 bytes;
};

static void
op_report(struct op *o)
{
	qsort(o->t, (size_t)o->n, sizeof(o->t[0]), cmp_double);
	printf("op=%s runs=%d median_us=%.1f min_us=%.1f", o->name, o->n,
	    o->t[o->n / 2] * 1e6, o->t[0] * 1e6);
	if (o->bytes > 0)
		printf(" bytes=%zu", o->bytes);
	printf("\n");
	fflush(stdout);
}

#define TIMED(o, label, runs, body) do {				\
	(o).name = (label);						\
	(o).n = (runs);							\
	(o).bytes = 0;							\
	body;								\
	for ((o).i = 0; (o).i < (o).n; (o).i++) {			\
		(o).t0 = cpu();						\
		body;							\
		(o).t[(o).i] = cpu() - (o).t0;				\
	}								\
	op_report(&(o));						\
} while (0)

static void
die(const char *msg, const char *detail)
{
	fprintf(stderr, "bench_views: %s: %s\n", msg, detail);
	exit(1);
}

static size_t
dump_len(json_t *o)
{
	char	*s = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
	size_t	 n = s ? strlen(s) : 0;

	free(s);
	return n;
}

int
main(int argc, char **argv)
{
	struct store		*st = NULL;
	struct account		 a, who;
	struct actor		 ac;
	struct task_query	 tq;
	struct plan		 p;
	struct status_row	*rows;
	struct period		 per;
	struct op		 o;
	json_t			*j;
	size_t			 nrows = 0;
	long long		 n = 200, period = 11;
	const char		*today = "2022-12-20";

	if (argc < 2 || argc > 4)
		die("usage", "bench_views DSN [RUNS [PERIOD]]");
	if (argc > 2 && str_toint(argv[2], 1, 1000000, &n) != FZ_OK)
		die("bad run count", argv[2]);
	if (argc > 3 && str_toint(argv[3], 1, INT64_MAX, &period) != FZ_OK)
		die("bad period", argv[3]);
	if (store_open(argv[1], 0, &st) != FZ_OK)
		die(argv[1], store_errmsg(st));
	memset(&who, 0, sizeof(who));
	if (store_account_get(st, "sup", &who) != FZ_OK)
		die("no account 'sup'", store_errmsg(st));
	if (core_actor_load(st, who.id, &a, &ac) != FZ_OK)
		die("actor", store_errmsg(st));
	o.t = xcalloc((size_t)n, sizeof(double));
	printf("backend=%s runs=%lld period=%lld\n", store_backend(st), n,
	    period);

	/* What the handlers do, and the JSON text the server sends. */
	TIMED(o, "dashboard", (int)n, {
		if (core_dashboard_json(st, &ac, 1, period, today, &j) !=
		    FZ_OK)
			die("dashboard", store_errmsg(st));
		json_decref(j);
	});
	TIMED(o, "dashboard_text", (int)n, {
		if (core_dashboard_json(st, &ac, 1, period, today, &j) !=
		    FZ_OK)
			die("dashboard", store_errmsg(st));
		o.bytes = dump_len(j);
		json_decref(j);
	});
	memset(&tq, 0, sizeof(tq));
	tq.period_id = period;
	tq.per_page = 50;
	TIMED(o, "tasks", (int)n, {
		if (core_task_list_json(st, &ac, 1, &tq, today, &j) != FZ_OK)
			die("tasks", store_errmsg(st));
		json_decref(j);
	});
	TIMED(o, "tasks_text", (int)n, {
		if (core_task_list_json(st, &ac, 1, &tq, today, &j) != FZ_OK)
			die("tasks", store_errmsg(st));
		o.bytes = dump_len(j);
		json_decref(j);
	});

	/* The reads under them. */
	TIMED(o, "store_status_rows", (int)n, {
		if (store_status_rows(st, 1, period, &rows, &nrows) != FZ_OK)
			die("status rows", store_errmsg(st));
		free(rows);
	});
	printf("status_rows=%zu\n", nrows);
	TIMED(o, "store_plan_get", (int)n, {
		if (store_plan_get(st, 1, &p) != FZ_OK)
			die("plan", store_errmsg(st));
		plan_release(&p);
	});
	TIMED(o, "store_period_get", (int)n, {
		if (store_period_get(st, period, &per) != FZ_OK)
			die("period", store_errmsg(st));
	});
	TIMED(o, "core_setting_int_x2", (int)n, {
		(void)core_setting_int(st, "light.yellow_days");
		(void)core_setting_int(st, "light.red_returns");
	});
	/* What every signed-in request does before its handler (the
	 * session check writes, so it is not timed here). */
	TIMED(o, "core_actor_load", (int)n, {
		struct account	 b;
		struct actor	 bc;

		if (core_actor_load(st, who.id, &b, &bc) != FZ_OK)
			die("actor", store_errmsg(st));
		account_release(&b);
	});
	free(o.t);
	account_release(&a);
	account_release(&who);
	store_close(st);
	return 0;
}
