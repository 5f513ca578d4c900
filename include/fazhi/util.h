/*
 * util.h: allocation that aborts on exhaustion, checked size arithmetic,
 * string helpers, UTF-8 helpers, hashing, file reading and the terminal
 * progress bar. Shared by every module.
 * SPDX-License-Identifier: MIT
 */
#ifndef FAZHI_UTIL_H
#define FAZHI_UTIL_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <time.h>

#include "fazhi/err.h"
#include "fazhi/buf.h"

void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xrealloc(void *, size_t);
void	*xreallocarray(void *, size_t, size_t);
char	*xstrdup(const char *);
char	*xstrndup(const char *, size_t);
size_t	 st_add(size_t, size_t);
size_t	 st_mult(size_t, size_t);

/* Grow an array *pv of *pcap elements so that index n fits. */
#define VEC_GROW(v, n, cap) do {					\
	if ((n) >= (cap)) {						\
		(cap) = (cap) ? st_mult((cap), 2) : 8;			\
		(v) = xreallocarray((v), (cap), sizeof(*(v)));		\
	}								\
} while (0)

int	 str_eq(const char *, const char *);
int	 str_startswith(const char *, const char *);
int	 str_endswith(const char *, const char *);
/* Parse a whole decimal integer in [min, max]; FZ_EINVAL otherwise. */
enum fz_err	 str_toint(const char *, long long min, long long max,
		    long long *);

/* UTF-8 */
int	 utf8_valid(const char *, size_t, size_t *badoff);
/* Decode one code point at s (n bytes left); returns its length, 0 if bad. */
size_t	 utf8_decode(const char *s, size_t n, uint32_t *cp);
int	 utf8_is_cjk(uint32_t cp);
/* Line number (1-based) of byte offset off in s. */
int	 text_lineno(const char *s, size_t off);
/* Convert GB18030 to UTF-8; FZ_EFORMAT if the bytes are not GB18030. */
enum fz_err	 text_from_gb18030(const char *, size_t, struct buf *);

/* SHA-256 of a byte string as 64 lowercase hex digits into out[65]. */
void	 sha256_hex(const void *, size_t, char out[65]);

/*
 * Dates written YYYY-MM-DD (proleptic Gregorian): to a day number (days
 * since 1970-01-01) and back; date_days() is FZ_EINVAL for a date that
 * does not exist. date_today() is the local date, or $FAZHI_TODAY.
 */
enum fz_err	 date_days(const char *, long *);
void		 date_from_days(long, char out[11]);
void		 date_today(char out[11]);
/* A time, or the current time, in UTC as YYYY-MM-DDTHH:MM:SSZ. */
void		 date_iso(time_t, char out[21]);
void		 date_now(char out[21]);

/* Read a whole file, refusing files over max bytes. */
enum fz_err	 file_read(const char *path, size_t max, struct buf *,
		    struct buf *errmsg);

/* A progress bar on stderr when it is a terminal; silent otherwise. */
struct progress {
	const char	*label;
	uint64_t	 total;
	uint64_t	 done;
	int		 tty;
	int		 last;
};
void	 progress_start(struct progress *, const char *label, uint64_t total);
void	 progress_update(struct progress *, uint64_t done);
void	 progress_end(struct progress *);

#endif
