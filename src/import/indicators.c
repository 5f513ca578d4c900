/*
 * indicators.c: the hard targets a task's text states, read sentence by
 * sentence: counts ("不少于1次", "2次以上", "至少组织1次"), rates
 * ("达到100%", "100%出庭应诉", "件件有整改、有反馈"), coverage ("全覆盖")
 * and deadlines ("年底前", "年内", "6月底前"), with the period and scope
 * the sentence gives them. Text inside “…” (brand names) is skipped.
 * SPDX-License-Identifier: MIT
 */
#include <stdlib.h>
#include <string.h>

#include "fazhi/import.h"
#include "fazhi/util.h"
#include "import-int.h"
#include "fazhi/banned.h"

struct scan {
	struct task	*t;
	const char	*s;	/* the sentence */
	int		 year;
	int		 has_count;
};

static const char *const counters[] = {
	"次", "场", "期", "个", "项", "批", "轮",
};

static size_t
counter_at(const char *s)
{
	size_t	 i;

	for (i = 0; i < sizeof(counters) / sizeof(counters[0]); i++)
		if (imp_skip(s, counters[i]) != NULL)
			return strlen(counters[i]);
	return 0;
}

/* A number in digits or Chinese numerals at s, or -1. */
static int
number_at(const char *s, size_t *len)
{
	int	 v;

	if ((v = imp_digits(s, len)) >= 0)
		return v;
	return imp_cn_number(s, len);
}

static const char *
skip_spaces(const char *s)
{
	while (*s == ' ')
		s++;
	return s;
}

/* A code point that ends a run of words. */
static int
is_delim(uint32_t cp)
{
	return cp == 0xff0c || cp == 0x3002 || cp == 0xff1b || cp == 0xff1a ||
	    cp == ',' || cp == ';' || cp == ':' || cp == 0xff01 ||
	    cp == 0xff1f || cp == 0xff08 || cp == 0xff09 || cp == '(' ||
	    cp == ')' || cp == 0x3014 || cp == 0x3015 || cp == '\0';
}

/* Start of the run of words that ends at s + i. */
static size_t
run_start(const char *s, size_t i)
{
	size_t		 j = i, k, w;
	uint32_t	 cp;

	while (j > 0) {
		k = 1;
		while (k < j && ((unsigned char)s[j - k] & 0xc0) == 0x80)
			k++;
		cp = imp_cp(s + j - k, &w);
		if (is_delim(cp) || cp == 0x201c || cp == 0x201d)
			break;
		j -= k;
	}
	return j;
}

/* End of the run of words that starts at s, before any next target. */
static size_t
run_end(const char *s)
{
	size_t		 i = 0, w;
	uint32_t	 cp;

	for (;;) {
		cp = imp_cp(s + i, &w);
		if (w == 0 || is_delim(cp) || imp_skip(s + i, "至少") ||
		    imp_skip(s + i, "不少于"))
			break;
		i += w;
	}
	return i;
}

/* What a count counts: the words after the last verb of holding. */
static char *
count_subject(const char *s, size_t i)
{
	static const char *const acts[] = {
		"召开", "组织", "开展", "举办", "举行", "参加",
	};
	size_t		 a = run_start(s, i), k;
	char		*run = xstrndup(s + a, i - a), *best = NULL, *q, *r;

	for (k = 0; k < sizeof(acts) / sizeof(acts[0]); k++)
		for (q = strstr(run, acts[k]); q != NULL;
		    q = strstr(q + 1, acts[k]))
			if (best == NULL || q + strlen(acts[k]) > best)
				best = q + strlen(acts[k]);
	r = xstrdup(best != NULL && *best != '\0' ? best : run);
	free(run);
	return r;
}

static const char *const verbs[] = {
	"基本实现", "逐步实现", "探索实现", "实现", "推动", "推进", "做到",
	"达到", "确保", "力争", "全面",
};

/* The run before s + i with its leading verb removed. */
static char *
subject_before(const char *s, size_t i)
{
	size_t		 a = run_start(s, i), k;
	struct buf	 b = BUF_INIT;
	const char	*v;

	buf_add(&b, s + a, i - a);
	for (k = 0; k < sizeof(verbs) / sizeof(verbs[0]); k++) {
		if ((v = strstr(b.ptr, verbs[k])) != NULL) {
			size_t off = (size_t)(v - b.ptr), n = strlen(verbs[k]);

			memmove(b.ptr + off, b.ptr + off + n,
			    b.len - off - n + 1);
			b.len -= n;
			break;
		}
	}
	buf_trim(&b);
	return buf_detach(&b, NULL);
}

static struct indicator *
add(struct scan *sc, enum ind_kind kind, const char *phrase, size_t plen,
    const char *name)
{
	struct indicator	*in = task_ind_new(sc->t);

	in->kind = kind;
	in->phrase = xstrndup(phrase, plen);
	in->name = name != NULL && *name != '\0' ? xstrdup(name) : NULL;
	in->sentence = xstrdup(sc->s);
	in->comparator = xstrdup(kind == IND_DEADLINE ? "<=" : ">=");
	if (kind == IND_RATE || kind == IND_COVERAGE) {
		in->target = 100;
		in->unit = xstrdup("%");
	}
	return in;
}

static void
count_ind(struct scan *sc, const char *phrase, size_t plen, int n,
    const char *counter, size_t clen, const char *name)
{
	struct indicator *in = add(sc, IND_COUNT, phrase, plen, name);

	in->target = n;
	in->unit = xstrndup(counter, clen);
	sc->has_count = 1;
}

static void
deadline_ind(struct scan *sc, const char *phrase, size_t plen, int y,
    int m, int d)
{
	static const int mdays[] = {
		31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};
	struct indicator	*in;
	const char		*after = phrase + plen;
	char			*name, date[11];

	if (d == 0)
		d = mdays[m - 1] - (m == 2 && (y % 4 != 0 ||
		    (y % 100 == 0 && y % 400 != 0)));
	after = skip_spaces(after);
	name = xstrndup(after, run_end(after));
	in = add(sc, IND_DEADLINE, phrase, plen, name);
	snprintf(date, sizeof(date), "%04d-%02d-%02d", y, m, d);
	in->target_date = xstrdup(date);
	free(name);
}

/* Try every pattern at s + i; returns bytes consumed, 0 if none. */
static size_t
match_at(struct scan *sc, size_t i)
{
	const char	*s = sc->s, *p = s + i, *q;
	size_t		 len, clen, k;
	int		 n;
	char		*name;

	/* 不少于 N 次 */
	if ((q = imp_skip(p, "不少于")) != NULL) {
		q = skip_spaces(q);
		if ((n = number_at(q, &len)) >= 0) {
			q = skip_spaces(q + len);
			if ((clen = counter_at(q)) > 0) {
				name = count_subject(s, i);
				count_ind(sc, p, (size_t)(q + clen - p), n, q,
				    clen, name);
				free(name);
				return (size_t)(q + clen - p);
			}
		}
	}
	/* 至少[verb] N 次 */
	if ((q = imp_skip(p, "至少")) != NULL) {
		const char *v = q;

		for (k = 0; k < 4 && number_at(v, &len) < 0; k++) {
			uint32_t cp = imp_cp(v, &len);

			if (len == 0 || !utf8_is_cjk(cp) || is_delim(cp))
				break;
			v += len;
		}
		v = skip_spaces(v);
		if ((n = number_at(v, &len)) >= 0 &&
		    (clen = counter_at(v + len)) > 0) {
			const char *e = v + len + clen;
			const char *after = e;

			name = xstrndup(after, run_end(after));
			count_ind(sc, p, (size_t)(e - p), n, v + len, clen,
			    name);
			free(name);
			return (size_t)(e - p);
		}
	}
	/* N 次以上 */
	if ((i == 0 || !(s[i - 1] >= '0' && s[i - 1] <= '9')) &&
	    (n = number_at(p, &len)) >= 0 && (clen = counter_at(p + len)) > 0 &&
	    imp_skip(p + len + clen, "以上") != NULL) {
		const char *e = p + len + clen + strlen("以上");

		name = xstrndup(e, run_end(e));
		count_ind(sc, p, (size_t)(e - p), n, p + len, clen, name);
		free(name);
		return (size_t)(e - p);
	}
	/* 达到 N% : one indicator per rate named before it */
	if ((q = imp_skip(p, "达到")) != NULL) {
		q = skip_spaces(q);
		if ((n = imp_digits(q, &len)) >= 0 &&
		    (q[len] == '%' || imp_skip(q + len, "％"))) {
			const char	*e = q + len + (q[len] == '%' ? 1 : 3);
			size_t		 a = run_start(s, i);
			char		*run = xstrndup(s + a, i - a), *r, *sep;
			int		 named = 0;

			for (r = run; r != NULL; r = sep) {
				if ((sep = strstr(r, "、")) != NULL) {
					*sep = '\0';
					sep += strlen("、");
				}
				if (str_endswith(r, "率")) {
					struct indicator *in = add(sc,
					    IND_RATE, p, (size_t)(e - p), r);

					in->target = n;
					named = 1;
				}
			}
			free(run);
			if (!named) {
				struct indicator *in;

				name = subject_before(s, i);
				in = add(sc, IND_RATE, p, (size_t)(e - p),
				    name);
				in->target = n;
				free(name);
			}
			return (size_t)(e - p);
		}
	}
	/* N%verb: 100%出庭应诉 */
	if ((i == 0 || !(s[i - 1] >= '0' && s[i - 1] <= '9')) &&
	    (n = imp_digits(p, &len)) >= 0 &&
	    (p[len] == '%' || imp_skip(p + len, "％"))) {
		static const char *const roles[] = {
			"主要负责人", "负责人", "领导干部", "执法人员",
			"工作人员",
		};
		const char	*v = p + len + (p[len] == '%' ? 1 : 3);
		size_t		 vl = run_end(v), a = run_start(s, i);
		struct buf	 b = BUF_INIT;
		struct indicator *in;
		char		*before = xstrndup(s + a, i - a);

		if (vl > 0) {
			for (k = 0; k < sizeof(roles) / sizeof(roles[0]); k++)
				if (str_endswith(before, roles[k])) {
					buf_addstr(&b, roles[k]);
					break;
				}
			buf_add(&b, v, vl);
			buf_addstr(&b, "率");
			in = add(sc, IND_RATE, p, (size_t)(v + vl - p), b.ptr);
			in->target = n;
			buf_release(&b);
			free(before);
			return (size_t)(v + vl - p);
		}
		free(before);
	}
	/* 全覆盖 */
	if (imp_skip(p, "全覆盖") != NULL) {
		name = subject_before(s, i);
		add(sc, IND_COVERAGE, p, strlen("全覆盖"), name);
		free(name);
		return strlen("全覆盖");
	}
	/* 件件有X、有Y: a 100% rate for each */
	if ((q = imp_skip(p, "件件有")) != NULL) {
		char		*subj = subject_before(s, i);
		const char	*x = q, *e;
		struct buf	 b = BUF_INIT;

		for (;;) {
			size_t xl = 0, w;
			uint32_t cp;

			for (;;) {
				cp = imp_cp(x + xl, &w);
				if (w == 0 || is_delim(cp) || cp == 0x3001)
					break;
				xl += w;
			}
			e = x + xl;
			buf_reset(&b);
			buf_addf(&b, "%s%.*s率", subj, (int)xl, x);
			x = e;
			/* The phrase covers every 有X; add them after. */
			if (imp_skip(e, "、有") == NULL)
				break;
			x = e + strlen("、有");
		}
		e = x;
		/* Second pass: one indicator per 有X, one shared phrase. */
		x = q;
		for (;;) {
			size_t xl = 0, w;
			uint32_t cp;

			for (;;) {
				cp = imp_cp(x + xl, &w);
				if (w == 0 || is_delim(cp) || cp == 0x3001)
					break;
				xl += w;
			}
			buf_reset(&b);
			buf_addf(&b, "%s%.*s率", subj, (int)xl, x);
			add(sc, IND_RATE, p, (size_t)(e - p), b.ptr);
			if (imp_skip(x + xl, "、有") == NULL)
				break;
			x = x + xl + strlen("、有");
		}
		buf_release(&b);
		free(subj);
		return (size_t)(e - p);
	}
	/* YYYY年底前, 年底前 */
	if ((n = imp_digits(p, &len)) >= 1900 && len == 4 &&
	    imp_skip(p + len, "年底前")) {
		deadline_ind(sc, p, len + strlen("年底前"), n, 12, 31);
		return len + strlen("年底前");
	}
	if (imp_skip(p, "年底前") != NULL &&
	    (i == 0 || !(s[i - 1] >= '0' && s[i - 1] <= '9'))) {
		deadline_ind(sc, p, strlen("年底前"), sc->year, 12, 31);
		return strlen("年底前");
	}
	/* M月底前 */
	if ((i == 0 || !(s[i - 1] >= '0' && s[i - 1] <= '9')) &&
	    (n = imp_digits(p, &len)) >= 1 && n <= 12 &&
	    imp_skip(p + len, "月底前")) {
		deadline_ind(sc, p, len + strlen("月底前"), sc->year, n, 0);
		return len + strlen("月底前");
	}
	return 0;
}

static enum ind_period
sentence_period(const char *s)
{
	if (strstr(s, "每季度") || strstr(s, "每个季度"))
		return PERIOD_QUARTER;
	if (strstr(s, "每半年"))
		return PERIOD_HALF;
	if (strstr(s, "每月") || strstr(s, "每个月"))
		return PERIOD_MONTH;
	if (strstr(s, "每年") || strstr(s, "年内") || strstr(s, "全年") ||
	    strstr(s, "年度内"))
		return PERIOD_YEAR;
	return PERIOD_NONE;
}

static int
sentence_per_unit(const char *s)
{
	return strstr(s, "分别") || strstr(s, "各") || strstr(s, "每个") ||
	    strstr(s, "主要负责人");
}

/* Can a target phrase start with this character? (Saves trying all.) */
static int
may_start(uint32_t cp)
{
	static const uint32_t starts[] = {
		0x3007, 0x96f6, 0x4e00, 0x4e8c, 0x4e24, 0x4e09, 0x56db,
		0x4e94, 0x516d, 0x4e03, 0x516b, 0x4e5d, 0x5341,	/* 〇…十 */
		0x4e0d, 0x81f3, 0x8fbe, 0x5168, 0x4ef6, 0x5e74,	/* 不至达全件年 */
	};
	size_t	 i;

	if ((cp >= '0' && cp <= '9') || (cp >= 0xff10 && cp <= 0xff19))
		return 1;
	for (i = 0; i < sizeof(starts) / sizeof(starts[0]); i++)
		if (cp == starts[i])
			return 1;
	return 0;
}

void
import_indicators(struct task *t, int year)
{
	struct scan	 sc;
	size_t		 m, i, w, used, first;
	uint32_t	 cp;
	int		 quote;

	for (m = 0; m < t->nmeasures; m++) {
		memset(&sc, 0, sizeof(sc));
		sc.t = t;
		sc.s = t->measures[m];
		sc.year = year > 0 ? year : 1970;
		first = t->ninds;
		quote = 0;
		for (i = 0; sc.s[i] != '\0';) {
			cp = imp_cp(sc.s + i, &w);
			if (cp == 0x201c || cp == 0x300c) {
				quote++;
				i += w;
				continue;
			}
			if ((cp == 0x201d || cp == 0x300d) && quote > 0) {
				quote--;
				i += w;
				continue;
			}
			if (quote == 0 && may_start(cp) &&
			    (used = match_at(&sc, i)) > 0) {
				i += used;
				continue;
			}
			i += w;
		}
		/* 年内 alone is a deadline; with a count it is the period. */
		if (!sc.has_count && t->ninds == first &&
		    (used = (size_t)(strstr(sc.s, "年内") ?
		    strstr(sc.s, "年内") - sc.s + 1 : 0)) > 0) {
			const char *p = sc.s + used - 1;

			deadline_ind(&sc, p, strlen("年内"), sc.year, 12, 31);
		}
		for (i = first; i < t->ninds; i++) {
			struct indicator *in = &t->inds[i];

			if (in->kind != IND_DEADLINE)
				in->period = sentence_period(sc.s);
			in->per_unit = in->kind == IND_COUNT &&
			    sentence_per_unit(sc.s);
		}
	}
}
