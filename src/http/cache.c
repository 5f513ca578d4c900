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
