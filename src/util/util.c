/*
 * util.c: allocation that aborts on exhaustion (the OOM policy of
 * HACKING.md), checked size arithmetic, string and number helpers, UTF-8,
 * GB18030 conversion, SHA-256, whole-file reads and the progress bar.
 * SPDX-License-Identifier: MIT
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include "fazhi/util.h"
#include "fazhi/banned.h"

static void
oom(size_t n)
{
	fprintf(stderr, "fazhi: fatal: out of memory (%zu bytes)\n", n);
	abort();
}

void *
xmalloc(size_t n)
{
	void	*p = malloc(n ? n : 1);

	if (p == NULL)
		oom(n);
	return p;
}

void *
xcalloc(size_t n, size_t sz)
{
	void	*p = calloc(n ? n : 1, sz ? sz : 1);

	if (p == NULL)
		oom(st_mult(n, sz));
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	void	*q = realloc(p, n ? n : 1);

	if (q == NULL)
		oom(n);
	return q;
}

void *
xreallocarray(void *p, size_t n, size_t sz)
{
	return xrealloc(p, st_mult(n, sz));
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	char	*p = xmalloc(st_add(n, 1));

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

size_t
st_add(size_t a, size_t b)
{
	if (SIZE_MAX - a < b) {
		fprintf(stderr, "fazhi: fatal: size overflow\n");
		abort();
	}
	return a + b;
}

size_t
st_mult(size_t a, size_t b)
{
	if (a && SIZE_MAX / a < b) {
		fprintf(stderr, "fazhi: fatal: size overflow\n");
		abort();
	}
	return a * b;
}

int
str_eq(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

int
str_startswith(const char *s, const char *p)
{
	return strncmp(s, p, strlen(p)) == 0;
}

int
str_endswith(const char *s, const char *p)
{
	size_t	 n = strlen(s), m = strlen(p);

	return n >= m && memcmp(s + n - m, p, m) == 0;
}

enum fz_err
str_toint(const char *s, long long min, long long max, long long *out)
{
	char		*end;
	long long	 v;

	if (s == NULL || *s == '\0')
		return FZ_EINVAL;
	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno != 0 || *end != '\0' || v < min || v > max)
		return FZ_EINVAL;
	*out = v;
	return FZ_OK;
}

size_t
utf8_decode(const char *s, size_t n, uint32_t *cp)
{
	const unsigned char	*u = (const unsigned char *)s;
	uint32_t		 c;
	size_t			 len, i;

	if (n == 0)
		return 0;
	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	} else if ((u[0] & 0xe0) == 0xc0) {
		len = 2;
		c = u[0] & 0x1f;
	} else if ((u[0] & 0xf0) == 0xe0) {
		len = 3;
		c = u[0] & 0x0f;
	} else if ((u[0] & 0xf8) == 0xf0) {
		len = 4;
		c = u[0] & 0x07;
	} else
		return 0;
	if (n < len)
		return 0;
	for (i = 1; i < len; i++) {
		if ((u[i] & 0xc0) != 0x80)
			return 0;
		c = (c << 6) | (u[i] & 0x3f);
	}
	/* Overlong forms, surrogates and values past U+10FFFF. */
	if ((len == 2 && c < 0x80) || (len == 3 && c < 0x800) ||
	    (len == 4 && c < 0x10000) || c > 0x10ffff ||
	    (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return len;
}

int
utf8_valid(const char *s, size_t n, size_t *badoff)
{
	size_t		 i = 0, w;
	uint32_t	 cp;

	while (i < n) {
		if ((unsigned char)s[i] < 0x80) {
			if (s[i] == '\0')
				goto bad;
			i++;
			continue;
		}
		if ((w = utf8_decode(s + i, n - i, &cp)) == 0)
			goto bad;
		i += w;
	}
	return 1;
bad:
	if (badoff != NULL)
		*badoff = i;
	return 0;
}

int
utf8_is_cjk(uint32_t cp)
{
	return (cp >= 0x4e00 && cp <= 0x9fff) ||
	    (cp >= 0x3400 && cp <= 0x4dbf) ||
	    (cp >= 0x3000 && cp <= 0x303f) ||	/* CJK punctuation */
	    (cp >= 0xff00 && cp <= 0xffef) ||	/* full-width forms */
	    (cp >= 0x2018 && cp <= 0x201f) ||	/* curly quotes */
	    (cp >= 0x20000 && cp <= 0x2ffff);
}

int
text_lineno(const char *s, size_t off)
{
	int	 line = 1;
	size_t	 i;

	for (i = 0; i < off && s[i] != '\0'; i++)
		if (s[i] == '\n')
			line++;
	return line;
}

enum fz_err
text_from_gb18030(const char *in, size_t n, struct buf *out)
{
	iconv_t		 cd;
	char		*ip = (char *)(uintptr_t)in, *op;
	size_t		 il = n, ol, r;
	enum fz_err	 rc = FZ_EFORMAT;

	if ((cd = iconv_open("UTF-8", "GB18030")) == (iconv_t)-1)
		return FZ_EIO;
	buf_grow(out, st_add(st_mult(n, 2), 16));
	for (;;) {
		op = out->ptr + out->len;
		ol = out->cap - out->len - 1;
		r = iconv(cd, &ip, &il, &op, &ol);
		out->len = (size_t)(op - out->ptr);
		out->ptr[out->len] = '\0';
		if (r != (size_t)-1)
			break;
		if (errno == E2BIG) {
			buf_grow(out, st_add(il, 64));
			continue;
		}
		goto out;
	}
	rc = FZ_OK;
out:
	iconv_close(cd);
	return rc;
}

void
sha256_hex(const void *p, size_t n, char out[65])
{
	unsigned char	 h[crypto_hash_sha256_BYTES];

	crypto_hash_sha256(h, p, n);
	sodium_bin2hex(out, 65, h, sizeof(h));
}

enum fz_err
file_read(const char *path, size_t max, struct buf *b, struct buf *errmsg)
{
	struct stat	 sb;
	int		 fd = -1;
	ssize_t		 r;
	enum fz_err	 rc = FZ_EIO;
	char		 tmp[65536];

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1) {
		buf_addf(errmsg, "无法打开文件“%s”：%s", path, strerror(errno));
		goto out;
	}
	if (fstat(fd, &sb) == -1) {
		buf_addf(errmsg, "无法读取文件“%s”：%s", path, strerror(errno));
		goto out;
	}
	if (S_ISDIR(sb.st_mode)) {
		buf_addf(errmsg, "“%s”是目录，不是文件", path);
		goto out;
	}
	if (S_ISREG(sb.st_mode) && (uint64_t)sb.st_size > max) {
		buf_addf(errmsg, "文件“%s”过大（%lld 字节），上限为 %zu 字节",
		    path, (long long)sb.st_size, max);
		rc = FZ_ETOOBIG;
		goto out;
	}
	for (;;) {
		r = read(fd, tmp, sizeof(tmp));
		if (r == -1 && errno == EINTR)
			continue;
		if (r == -1) {
			buf_addf(errmsg, "读取文件“%s”失败：%s", path,
			    strerror(errno));
			goto out;
		}
		if (r == 0)
			break;
		if (b->len + (size_t)r > max) {
			buf_addf(errmsg, "文件“%s”过大，上限为 %zu 字节", path,
			    max);
			rc = FZ_ETOOBIG;
			goto out;
		}
		buf_add(b, tmp, (size_t)r);
	}
	rc = FZ_OK;
out:
	if (fd != -1)
		close(fd);
	return rc;
}

void
progress_start(struct progress *p, const char *label, uint64_t total)
{
	p->label = label;
	p->total = total;
	p->done = 0;
	p->last = -1;
	p->tty = isatty(STDERR_FILENO) && getenv("FAZHI_NO_PROGRESS") == NULL;
	progress_update(p, 0);
}

void
progress_update(struct progress *p, uint64_t done)
{
	int	 pct, i, w = 30, fill;
	char	 bar[31];

	p->done = done;
	if (!p->tty || p->total == 0)
		return;
	pct = (int)(done * 100 / p->total);
	if (pct > 100)
		pct = 100;
	if (pct == p->last)
		return;
	p->last = pct;
	fill = pct * w / 100;
	for (i = 0; i < w; i++)
		bar[i] = i < fill ? '#' : '.';
	bar[w] = '\0';
	fprintf(stderr, "\r%s [%s] %3d%%", p->label, bar, pct);
	fflush(stderr);
}

void
progress_end(struct progress *p)
{
	if (!p->tty || p->total == 0)
		return;
	progress_update(p, p->total);
	fputc('\n', stderr);
}

/* Howard Hinnant's days_from_civil and civil_from_days. */
enum fz_err
date_days(const char *s, long *out)
{
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };
	long	 y, m, d, era, yoe, doy, doe;
	int	 i, leap;

	if (s == NULL || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return FZ_EINVAL;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return FZ_EINVAL;
	y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
	    (s[3] - '0');
	m = (s[5] - '0') * 10 + (s[6] - '0');
	d = (s[8] - '0') * 10 + (s[9] - '0');
	leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	if (y < 1900 || m < 1 || m > 12 || d < 1 ||
	    d > mdays[m - 1] + (m == 2 && leap))
		return FZ_EINVAL;
	y -= m <= 2;
	era = y / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	*out = era * 146097 + doe - 719468;
	return FZ_OK;
}

void
date_from_days(long z, char out[11])
{
	long	 era, doe, yoe, y, doy, mp, d, m;
	char	 tmp[80];

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d = doy - (153 * mp + 2) / 5 + 1;
	m = mp + (mp < 10 ? 3 : -9);
	y += m <= 2;
	snprintf(tmp, sizeof(tmp), "%04ld-%02ld-%02ld", y, m, d);
	memcpy(out, tmp, 10);
	out[10] = '\0';
}

void
date_today(char out[11])
{
	const char	*env = getenv("FAZHI_TODAY");
	time_t		 t = time(NULL);
	struct tm	 tm;
	long		 dummy;

	if (env != NULL && date_days(env, &dummy) == FZ_OK) {
		memcpy(out, env, 10);
		out[10] = '\0';
		return;
	}
	localtime_r(&t, &tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
}

void
date_iso(time_t t, char out[21])
{
	struct tm	 tm;

	gmtime_r(&t, &tm);
	strftime(out, 21, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

void
date_now(char out[21])
{
	date_iso(time(NULL), out);
}
