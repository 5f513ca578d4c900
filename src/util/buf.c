/*
 * buf.c: the growable, always NUL-terminated byte buffer (struct buf).
 * See include/fazhi/buf.h for the invariants.
 * SPDX-License-Identifier: MIT
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fazhi/util.h"
#include "fazhi/banned.h"

char buf_empty[1];

void
buf_init(struct buf *b)
{
	b->ptr = buf_empty;
	b->len = 0;
	b->cap = 0;
}

void
buf_release(struct buf *b)
{
	if (b == NULL)
		return;
	if (b->cap)
		free(b->ptr);
	buf_init(b);
}

void
buf_reset(struct buf *b)
{
	if (b->cap) {
		b->len = 0;
		b->ptr[0] = '\0';
	}
}

void
buf_grow(struct buf *b, size_t extra)
{
	size_t	 need = st_add(st_add(b->len, extra), 1);
	size_t	 ncap;

	if (need <= b->cap)
		return;
	ncap = b->cap ? b->cap : 64;
	while (ncap < need)
		ncap = st_mult(ncap, 2);
	if (b->cap == 0) {
		b->ptr = xmalloc(ncap);
		b->ptr[0] = '\0';
	} else
		b->ptr = xrealloc(b->ptr, ncap);
	b->cap = ncap;
}

void
buf_add(struct buf *b, const void *p, size_t n)
{
	if (n == 0)
		return;
	buf_grow(b, n);
	memcpy(b->ptr + b->len, p, n);
	b->len += n;
	b->ptr[b->len] = '\0';
}

void
buf_addstr(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

void
buf_addch(struct buf *b, int c)
{
	buf_grow(b, 1);
	b->ptr[b->len++] = (char)c;
	b->ptr[b->len] = '\0';
}

void
buf_addint(struct buf *b, int64_t v)
{
	char		 t[24], *p = t + sizeof(t);
	uint64_t	 u = v < 0 ? -(uint64_t)v : (uint64_t)v;

	do
		*--p = (char)('0' + u % 10);
	while ((u /= 10) != 0);
	if (v < 0)
		*--p = '-';
	buf_add(b, p, (size_t)(t + sizeof(t) - p));
}

void
buf_addf(struct buf *b, const char *fmt, ...)
{
	va_list	 ap;
	int	 n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n <= 0)
		return;
	buf_grow(b, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(b->ptr + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

void
buf_truncate(struct buf *b, size_t len)
{
	if (len < b->len) {
		b->len = len;
		b->ptr[len] = '\0';
	}
}

char *
buf_detach(struct buf *b, size_t *plen)
{
	char	*p;

	if (plen != NULL)
		*plen = b->len;
	if (b->cap == 0)
		p = xstrdup("");
	else
		p = b->ptr;
	buf_init(b);
	return p;
}

/* Ideographic space U+3000 is E3 80 80 in UTF-8. */
static int
is_space_at(const char *s, size_t n, size_t *w)
{
	if (n >= 1 && (s[0] == ' ' || s[0] == '\t' || s[0] == '\r' ||
	    s[0] == '\n')) {
		*w = 1;
		return 1;
	}
	if (n >= 3 && (unsigned char)s[0] == 0xe3 &&
	    (unsigned char)s[1] == 0x80 && (unsigned char)s[2] == 0x80) {
		*w = 3;
		return 1;
	}
	return 0;
}

void
buf_trim(struct buf *b)
{
	size_t	 start = 0, w;

	while (start < b->len && is_space_at(b->ptr + start, b->len - start, &w))
		start += w;
	for (;;) {
		if (b->len > start && (b->ptr[b->len - 1] == ' ' ||
		    b->ptr[b->len - 1] == '\t' || b->ptr[b->len - 1] == '\r' ||
		    b->ptr[b->len - 1] == '\n'))
			b->len--;
		else if (b->len >= start + 3 &&
		    is_space_at(b->ptr + b->len - 3, 3, &w) && w == 3)
			b->len -= 3;
		else
			break;
	}
	if (b->cap == 0)
		return;
	if (start > 0)
		memmove(b->ptr, b->ptr + start, b->len - start);
	b->len -= start;
	b->ptr[b->len] = '\0';
}
