/*
 * cache.c: answers of GET routes kept per worker thread, each with the
 * data version (store_data_version: the newest audit entry) it was made
 * from and a key of account, date and URL with its query. An answer is
 * served again only while the version is unchanged, so a change by any
 * process shows at once. At most CACHE_N answers and CACHE_BYTES a
 * thread; the least recently used goes first.
 * SPDX-License-Identifier: MIT
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "http-int.h"
#include "fazhi/util.h"
#include "fazhi/banned.h"

#define CACHE_N		32
#define CACHE_BYTES	(8 * 1024 * 1024)

struct centry {
	char		*key;
	int64_t		 version;
	char		*body;
	size_t		 len;
	uint64_t	 used;
};

struct cache {
	struct centry	 e[CACHE_N];
	uint64_t	 tick;
	size_t		 bytes;
};

static pthread_key_t	 cache_key;
static pthread_once_t	 cache_once = PTHREAD_ONCE_INIT;

static void
centry_clear(struct cache *c, struct centry *e)
{
	c->bytes -= e->len;
	free(e->key);
	free(e->body);
	memset(e, 0, sizeof(*e));
}

static void
cache_free(void *p)
{
	struct cache	*c = p;
	size_t		 i;

	for (i = 0; i < CACHE_N; i++)
		centry_clear(c, &c->e[i]);
	free(c);
}

static void
cache_key_make(void)
{
	pthread_key_create(&cache_key, cache_free);
}

static struct cache *
cache_self(void)
{
	struct cache	*c;

	pthread_once(&cache_once, cache_key_make);
	if ((c = pthread_getspecific(cache_key)) == NULL) {
		c = xcalloc(1, sizeof(*c));
		pthread_setspecific(cache_key, c);
	}
	return c;
}

const char *
http_cache_get(const char *key, int64_t version, size_t *len)
{
	struct cache	*c = cache_self();
	size_t		 i;

	for (i = 0; i < CACHE_N; i++) {
		struct centry *e = &c->e[i];

		if (e->key == NULL || !str_eq(e->key, key))
			continue;
		if (e->version != version) {
			centry_clear(c, e);
			return NULL;
		}
		e->used = ++c->tick;
		*len = e->len;
		return e->body;
	}
	return NULL;
}

void
http_cache_put(const char *key, int64_t version, const char *body,
    size_t len)
{
	struct cache	*c = cache_self();
	struct centry	*e = NULL;
	size_t		 i;

	if (len > CACHE_BYTES / 4)
		return;
	for (i = 0; i < CACHE_N; i++)
		if (c->e[i].key != NULL && str_eq(c->e[i].key, key))
			centry_clear(c, &c->e[i]);
	for (;;) {
		struct centry	*old = NULL;

		for (i = 0; i < CACHE_N; i++) {
			if (c->e[i].key == NULL) {
				if (e == NULL)
					e = &c->e[i];
				continue;
			}
			if (old == NULL || c->e[i].used < old->used)
				old = &c->e[i];
		}
		if (e != NULL && c->bytes + len <= CACHE_BYTES)
			break;
		if (old == NULL)
			return;
		centry_clear(c, old);
		e = NULL;
	}
	e->key = xstrdup(key);
	e->version = version;
	e->body = xmalloc(len + 1);
	memcpy(e->body, body, len);
	e->body[len] = '\0';
	e->len = len;
	e->used = ++c->tick;
	c->bytes += len;
}

/*
 * Signed-in sessions, per thread, by the SHA-256 of their token: the
 * session and its account with roles, kept while the data version is
 * unchanged (signing out, a new password, disabling and role changes are
 * all audited), the session has not expired, and it was extended in the
 * last minute (after that the store is asked again, which extends it).
 */
#define SESS_N		64

struct sentry {
	char		 id[65];
	int64_t		 version;
	struct session	 s;
	struct account	 a;
	uint64_t	 used;
};

struct scache {
	struct sentry	 e[SESS_N];
	uint64_t	 tick;
};

static pthread_key_t	 scache_key;
static pthread_once_t	 scache_once = PTHREAD_ONCE_INIT;

static void
scache_free(void *p)
{
	struct scache	*c = p;
	size_t		 i;

	for (i = 0; i < SESS_N; i++)
		account_release(&c->e[i].a);
	free(c);
}

static void
scache_key_make(void)
{
	pthread_key_create(&scache_key, scache_free);
}

static struct scache *
scache_self(void)
{
	struct scache	*c;

	pthread_once(&scache_once, scache_key_make);
	if ((c = pthread_getspecific(scache_key)) == NULL) {
		c = xcalloc(1, sizeof(*c));
		pthread_setspecific(scache_key, c);
	}
	return c;
}

const struct account *
http_session_cached(const char *token, int64_t version, struct session *s)
{
	struct scache	*c = scache_self();
	char		 id[65], now[21], fresh[21];
	time_t		 t = time(NULL);
	size_t		 i;

	sha256_hex(token, strlen(token), id);
	date_iso(t, now);
	date_iso(t - 60, fresh);
	for (i = 0; i < SESS_N; i++) {
		struct sentry *e = &c->e[i];

		if (e->id[0] == '\0' || !str_eq(e->id, id))
			continue;
		if (e->version != version || strcmp(e->s.expires_at, now) <= 0 ||
		    strcmp(e->s.last_seen_at, fresh) <= 0)
			return NULL;
		e->used = ++c->tick;
		*s = e->s;
		return &e->a;
	}
	return NULL;
}

const struct account *
http_session_keep(const char *token, int64_t version,
    const struct session *s, struct account *a)
{
	struct scache	*c = scache_self();
	struct sentry	*e = NULL;
	char		 id[65];
	size_t		 i;

	sha256_hex(token, strlen(token), id);
	for (i = 0; i < SESS_N && e == NULL; i++)
		if (str_eq(c->e[i].id, id))
			e = &c->e[i];
	for (i = 0; i < SESS_N && e == NULL; i++)
		if (c->e[i].id[0] == '\0')
			e = &c->e[i];
	if (e == NULL) {
		e = &c->e[0];
		for (i = 1; i < SESS_N; i++)
			if (c->e[i].used < e->used)
				e = &c->e[i];
	}
	account_release(&e->a);
	memcpy(e->id, id, sizeof(e->id));
	e->version = version;
	e->s = *s;
	e->a = *a;
	memset(a, 0, sizeof(*a));
	e->used = ++c->tick;
	return &e->a;
}
