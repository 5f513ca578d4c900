/*
 * buf.h: the growable byte buffer used for all text we build.
 * Invariants (as git's strbuf): after buf_init() or BUF_INIT, ptr is never
 * NULL and ptr[len] == '\0'; len < cap whenever cap > 0. buf_detach() is the
 * only way to take ownership of the bytes.
 * SPDX-License-Identifier: MIT
 */
#ifndef FAZHI_BUF_H
#define FAZHI_BUF_H

#include <stddef.h>
#include <stdint.h>

struct buf {
	char	*ptr;
	size_t	 len;
	size_t	 cap;
};

extern char buf_empty[];
#define BUF_INIT { buf_empty, 0, 0 }

void	 buf_init(struct buf *);
void	 buf_release(struct buf *);
void	 buf_reset(struct buf *);
void	 buf_grow(struct buf *, size_t extra);
void	 buf_add(struct buf *, const void *, size_t);
void	 buf_addstr(struct buf *, const char *);
void	 buf_addch(struct buf *, int);
void	 buf_addf(struct buf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
/* A decimal integer, without printf (long lists of ids). */
void	 buf_addint(struct buf *, int64_t);
void	 buf_truncate(struct buf *, size_t);
char	*buf_detach(struct buf *, size_t *);
/* Remove leading and trailing ASCII and ideographic (U+3000) spaces. */
void	 buf_trim(struct buf *);

#endif
