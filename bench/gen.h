/*
 * gen.h: what the data generators of bench/ (gen_year.c, gen_province.c)
 * share: dying with the program's name, a monotonic clock, and splitmix64,
 * a small random generator that gives the same data on every machine.
 * Each generator sets prog and seeds rng_state. Static: one program each.
 * SPDX-License-Identifier: MIT
 */
#ifndef FAZHI_BENCH_GEN_H
#define FAZHI_BENCH_GEN_H

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static const char	*prog;
static uint64_t		 rng_state;

static void __attribute__((format(printf, 1, 2), noreturn))
die(const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	fprintf(stderr, "%s: ", prog);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	exit(1);
}

static double
now(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static uint64_t
rng(void)
{
	uint64_t	 z = (rng_state += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* 0 … n-1 */
static int
pick(int n)
{
	return (int)(rng() % (uint64_t)n);
}

/* True with probability per_mille / 1000. */
static int
chance(int per_mille)
{
	return pick(1000) < per_mille;
}

#endif
