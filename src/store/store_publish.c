/*
 * store_publish.c: what the public portal may show, for every backend: the
 * portal's switch, each plan's publication and public fields, and each
 * evidence file's public flag, with who set them and when.
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <string.h>

#include "store-int.h"
#include "fazhi/util.h"
#include "fazhi/banned.h"

enum fz_err
store_pub_site_get(struct store *st, int *enabled)
{
	struct dbq	*q;
	int		 r;

	*enabled = 0;
	if ((q = q_open(st, STMT_PUB_SITE_GET)) == NULL)
		return q_err(st);
	if ((r = q_step(q)) == 1)
		*enabled = q_colint(q, 0) != 0;
	q_reset(q);
	return r < 0 ? q_err(st) : FZ_OK;
}

enum fz_err
store_pub_site_set(struct store *st, int enabled, const char *actor)
{
	struct dbq	*q;
	char		 now[21];

	store_now(now);
	if ((q = q_open(st, STMT_PUB_SITE_SET)) == NULL)
		return q_err(st);
	q_int(q, 1, enabled != 0);
	q_text(q, 2, actor);
	q_text(q, 3, now);
	return q_run(q);
}

enum fz_err
store_pub_plan_get(struct store *st, int64_t plan_id, struct pub_plan *p)
{
	struct dbq	*q;
	int		 r;

	memset(p, 0, sizeof(*p));
	p->plan_id = plan_id;
	if ((q = q_open(st, STMT_PUB_PLAN_GET)) == NULL)
		return q_err(st);
	q_int(q, 1, plan_id);
	if ((r = q_step(q)) == 1) {
		p->published = q_colint(q, 0) != 0;
		q_colcpy(q, 1, p->fields, sizeof(p->fields));
		q_colcpy(q, 2, p->set_by, sizeof(p->set_by));
		q_colcpy(q, 3, p->set_at, sizeof(p->set_at));
	}
	q_reset(q);
	if (r < 0)
		return q_err(st);
	return r == 1 ? FZ_OK : FZ_ENOTFOUND;
}

/* p->set_at is set; FZ_ENOTFOUND for no such plan. */
enum fz_err
store_pub_plan_put(struct store *st, struct pub_plan *p)
{
	struct dbq	*q;
	enum fz_err	 rc;

	store_now(p->set_at);
	if ((q = q_open(st, STMT_PUB_PLAN_PUT)) == NULL)
		return q_err(st);
	q_int(q, 1, p->plan_id);
	q_int(q, 2, p->published != 0);
	q_text(q, 3, p->fields);
	q_text(q, 4, p->set_by);
	q_text(q, 5, p->set_at);
	if ((rc = q_run(q)) == FZ_ECONFLICT) {
		/* the foreign key: no such plan */
		store_seterr(st, "计划 %lld 不存在", (long long)p->plan_id);
		rc = FZ_ENOTFOUND;
	}
	return rc;
}

enum fz_err
store_pub_evidence_get(struct store *st, int64_t id, int *is_public)
{
	struct dbq	*q;
	int		 r;

	*is_public = 0;
	if ((q = q_open(st, STMT_PUB_EVID_GET)) == NULL)
		return q_err(st);
	q_int(q, 1, id);
	if ((r = q_step(q)) == 1)
		*is_public = q_colint(q, 1) != 0;
	q_reset(q);
	if (r < 0)
		return q_err(st);
	return r == 1 ? FZ_OK : FZ_ENOTFOUND;
}

enum fz_err
store_pub_evidence_set(struct store *st, int64_t id, int is_public,
    const char *actor)
{
	struct dbq	*q;
	char		 now[21];
	int		 cur;
	enum fz_err	 rc;

	if ((rc = store_pub_evidence_get(st, id, &cur)) != FZ_OK) {
		if (rc == FZ_ENOTFOUND)
			store_seterr(st, "附件 %lld 不存在", (long long)id);
		return rc;
	}
	store_now(now);
	if ((q = q_open(st, STMT_PUB_EVID_SET)) == NULL)
		return q_err(st);
	q_int(q, 1, id);
	q_int(q, 2, is_public != 0);
	q_text(q, 3, actor);
	q_text(q, 4, now);
	return q_run(q);
}
