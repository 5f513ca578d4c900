/*
 * work-int.h: what the workflow's files in core/ share: failing with a
 * field named, the transaction-and-audit wrapper, and the audit detail of
 * a change as JSON with its before and after.
 * SPDX-License-Identifier: MIT
 */
#ifndef FAZHI_WORK_INT_H
#define FAZHI_WORK_INT_H

#include <jansson.h>

#include "fazhi/core.h"

/* Add an error diag whose code is the field (or "error"); returns rc. */
enum fz_err	 work_fail(struct diags *, enum fz_err rc, const char *field,
		    const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* Report a store failure with its message; returns rc. */
enum fz_err	 work_store_fail(struct store *, struct diags *, enum fz_err);
const char	*work_actor_name(const struct actor *);
/* Append an audit entry on "kind/id" (or "kind" when id is 0), detail
 * {"before":…, "after":…} (both stolen). */
enum fz_err	 work_audit(struct store *, const struct actor *,
		    const char *action, const char *kind, int64_t id,
		    json_t *before, json_t *after);
/* Commit when rc is FZ_OK, else roll back; returns rc (or the commit's). */
enum fz_err	 work_end(struct store *, enum fz_err rc, struct diags *);
/*
 * A file's contents kept once per SHA-256 as base64 text (both engines and
 * db copy treat them alike), inside the caller's transaction; and read
 * back into out, the file of id named in the error if they do not decode
 * to size bytes (evidence.c).
 */
enum fz_err	 work_blob_put(struct store *, const char *sha256,
		    const void *, size_t);
enum fz_err	 work_blob_get(struct store *, const char *sha256, int64_t size,
		    int64_t id, struct buf *out, struct diags *);
json_t		*work_report_brief(const struct report *);
int		 work_valid_key(const char *, const char *const *);

#endif
