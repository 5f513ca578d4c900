/*
 * import.c: the importer's entry point: bytes in, a plan out. Detects the
 * format, reads paragraphs, parses the plan and records the source (name,
 * format, SHA-256, size and text) so every task traces back to it.
 * SPDX-License-Identifier: MIT
 */
#include <string.h>

#include "fazhi/import.h"
#include "fazhi/util.h"
#include "fazhi/banned.h"

enum fz_err
import_plan(const char *data, size_t len, const char *name,
    enum doc_format fmt, struct plan *p, struct diags *dg)
{
	struct paras	 ps = { 0 };
	struct buf	 text = BUF_INIT;
	enum fz_err	 rc;
	const char	*base;

	plan_init(p);
	if (len > IMPORT_MAX_BYTES) {
		diags_error(dg, 0, 0, "too_big", "文件过大（%zu 字节），上限为 "
		    "%u 字节", len, IMPORT_MAX_BYTES);
		return FZ_ETOOBIG;
	}
	if (fmt == DOC_AUTO)
		fmt = doc_format_detect(name, data, len);
	if (fmt != DOC_DOCX && len >= 4 && memcmp(data, "PK\003\004", 4) == 0)
		fmt = DOC_DOCX;
	if ((rc = import_paras(data, len, fmt, &ps, &text, dg)) != FZ_OK)
		goto out;
	rc = import_plan_parse(&ps, p, dg);
	base = name == NULL ? "" : strrchr(name, '/');
	base = base == NULL ? name : base + 1;
	p->source_name = xstrdup(base == NULL ? "" : base);
	p->source_format = xstrdup(doc_format_key(fmt));
	sha256_hex(data, len, p->source_sha256);
	p->source_bytes = len;
	p->source_text = buf_detach(&text, NULL);
out:
	paras_release(&ps);
	buf_release(&text);
	return rc;
}
