/*
 * routes_publish.c: the supervisor's API for the public portal: read the
 * publication settings (with a plan's evidence files of accepted reports
 * and their flags), change the portal's switch and a plan's publication
 * and public fields, and an evidence file's public flag.
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <string.h>

#include "http-int.h"
#include "routes-int.h"
#include "fazhi/core.h"
#include "fazhi/util.h"
#include "fazhi/banned.h"

#define PUB_FIELDS_MAX	16

struct pub_get_in {
	int64_t		 plan;
};

static int
read_pub_get(struct req *r, struct pub_get_in *in)
{
	return http_qint(r, "plan", INT64_MAX, &in->plan);
}

int
in_publication(struct req *r)
{
	struct pub_get_in	 in;

	return read_pub_get(r, &in);
}

void
h_publication(struct req *r)
{
	struct pub_get_in	 in;
	json_t			*o = NULL;
	enum fz_err		 rc;

	if (read_pub_get(r, &in))
		return;
	rc = core_publication_json(r->st, in.plan, &o);
	http_answer(r, rc, o, NULL);
}

struct pub_put_in {
	struct pub_change	 c;
	const char		*fields[PUB_FIELDS_MAX];
};

/* {"enabled": bool?, "plan_id": n?, "published": bool, "fields": [..]} */
static int
read_pub_put(struct req *r, struct pub_put_in *in)
{
	json_t	*a, *v;
	size_t	 i;
	int	 on;

	memset(in, 0, sizeof(*in));
	in->c.fields = in->fields;
	in->c.enabled = -1;
	if (r->json != NULL && json_object_get(r->json, "enabled") != NULL) {
		if (http_bool(r, "enabled", 0, &on))
			return -1;
		in->c.enabled = on;
	}
	if (http_int(r, "plan_id", 0, &in->c.plan_id) ||
	    http_bool(r, "published", 0, &in->c.published))
		return -1;
	if (in->c.plan_id < 0) {
		http_error(r, 400, "INVALID", "计划编号应为正整数", "plan_id");
		return -1;
	}
	a = r->json ? json_object_get(r->json, "fields") : NULL;
	if (a != NULL && !json_is_null(a) && (!json_is_array(a) ||
	    json_array_size(a) > PUB_FIELDS_MAX)) {
		http_error(r, 400, "INVALID", "fields 应为字段名的数组", "fields");
		return -1;
	}
	json_array_foreach(a, i, v) {
		if (!json_is_string(v) || !core_pub_field_valid(
		    json_string_value(v))) {
			http_error(r, 400, "INVALID", "fields 中有不可公开的字段",
			    "fields");
			return -1;
		}
		in->fields[in->c.nfields++] = json_string_value(v);
	}
	if (in->c.enabled < 0 && in->c.plan_id == 0) {
		http_error(r, 400, "INVALID", "应给出 enabled 或 plan_id",
		    "plan_id");
		return -1;
	}
	return 0;
}

int
in_publication_put(struct req *r)
{
	struct pub_put_in	 in;

	return read_pub_put(r, &in);
}

void
h_publication_put(struct req *r)
{
	struct pub_put_in	 in;
	struct diags		 dg = { 0 };
	json_t			*o = NULL;
	enum fz_err		 rc;

	if (read_pub_put(r, &in))
		return;
	rc = core_publication_set(r->st, &r->actor, &in.c, &dg);
	if (rc == FZ_OK)
		rc = core_publication_json(r->st, 0, &o);
	http_answer(r, rc, o, &dg);
	diags_release(&dg);
}

struct evid_pub_in {
	int64_t		 id;
	int		 pub;
};

static int
read_evid_pub(struct req *r, struct evid_pub_in *in)
{
	if (http_id(r, &in->id))
		return -1;
	if (r->json == NULL || !json_is_boolean(json_object_get(r->json,
	    "public"))) {
		http_error(r, 400, "INVALID", "缺少字段“public”（true 或 false）",
		    "public");
		return -1;
	}
	return http_bool(r, "public", 0, &in->pub);
}

int
in_evidence_public(struct req *r)
{
	struct evid_pub_in	 in;

	return read_evid_pub(r, &in);
}

void
h_evidence_public(struct req *r)
{
	struct evid_pub_in	 in;
	struct diags		 dg = { 0 };
	enum fz_err		 rc;

	if (read_evid_pub(r, &in))
		return;
	rc = core_evidence_publish(r->st, &r->actor, in.id, in.pub, &dg);
	http_answer(r, rc, rc == FZ_OK ? json_pack("{s:I,s:b}", "id",
	    (json_int_t)in.id, "public", in.pub) : NULL, &dg);
	diags_release(&dg);
}
