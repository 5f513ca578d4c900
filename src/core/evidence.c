/*
 * evidence.c: evidence files (佐证材料) of a report. A file is accepted
 * only when its content is of the type its name says (PDF, images, Office
 * and WPS documents, OFD, ZIP, MP4), within the size and count limits of
 * the settings; its name is made safe; its bytes are kept once per SHA-256,
 * and a file already used by another report is reported as reused.
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "work-int.h"
#include "fazhi/util.h"
#include "fazhi/banned.h"

enum magic { M_PDF, M_JPEG, M_PNG, M_OLE, M_ZIP, M_MP4 };

static const struct ftype {
	const char	*ext;
	const char	*mime;
	enum magic	 magic;
} ftypes[] = {
	{ "pdf", "application/pdf", M_PDF },
	{ "jpg", "image/jpeg", M_JPEG },
	{ "jpeg", "image/jpeg", M_JPEG },
	{ "png", "image/png", M_PNG },
	{ "doc", "application/msword", M_OLE },
	{ "xls", "application/vnd.ms-excel", M_OLE },
	{ "ppt", "application/vnd.ms-powerpoint", M_OLE },
	{ "wps", "application/vnd.ms-works", M_OLE },
	{ "et", "application/vnd.ms-excel", M_OLE },
	{ "docx", "application/vnd.openxmlformats-officedocument."
	    "wordprocessingml.document", M_ZIP },
	{ "xlsx", "application/vnd.openxmlformats-officedocument."
	    "spreadsheetml.sheet", M_ZIP },
	{ "pptx", "application/vnd.openxmlformats-officedocument."
	    "presentationml.presentation", M_ZIP },
	{ "ofd", "application/ofd", M_ZIP },
	{ "zip", "application/zip", M_ZIP },
	{ "mp4", "video/mp4", M_MP4 },
};

static int
magic_ok(enum magic m, const unsigned char *p, size_t n)
{
	switch (m) {
	case M_PDF:
		return n >= 5 && memcmp(p, "%PDF-", 5) == 0;
	case M_JPEG:
		return n >= 3 && p[0] == 0xff && p[1] == 0xd8 && p[2] == 0xff;
	case M_PNG:
		return n >= 8 && memcmp(p, "\x89PNG\r\n\x1a\n", 8) == 0;
	case M_OLE:
		return n >= 8 &&
		    memcmp(p, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8) == 0;
	case M_ZIP:
		return n >= 4 && memcmp(p, "PK\x03\x04", 4) == 0;
	case M_MP4:
		return n >= 12 && memcmp(p + 4, "ftyp", 4) == 0;
	}
	return 0;
}

static const struct ftype *
ftype_of(const char *name)
{
	const char	*dot = strrchr(name, '.');
	char		 ext[8];
	size_t		 i;

	if (dot == NULL || strlen(dot + 1) >= sizeof(ext))
		return NULL;
	for (i = 0; dot[1 + i] != '\0'; i++)
		ext[i] = (char)(dot[1 + i] >= 'A' && dot[1 + i] <= 'Z' ?
		    dot[1 + i] + 32 : dot[1 + i]);
	ext[i] = '\0';
	for (i = 0; i < sizeof(ftypes) / sizeof(ftypes[0]); i++)
		if (str_eq(ftypes[i].ext, ext))
			return &ftypes[i];
	return NULL;
}

/*
 * The last path component, without control characters or characters
 * Windows forbids, without leading dots or spaces; FZ_EINVAL if nothing
 * is left, it is not UTF-8 or longer than n - 1 bytes.
 */
enum fz_err
core_file_name(const char *in, char *out, size_t n)
{
	const char	*base = in, *p;
	struct buf	 b = BUF_INIT;
	enum fz_err	 rc = FZ_OK;

	if (in == NULL || !utf8_valid(in, strlen(in), NULL))
		return FZ_EINVAL;
	for (p = in; *p != '\0'; p++)
		if (*p == '/' || *p == '\\')
			base = p + 1;
	for (p = base; *p != '\0'; p++) {
		unsigned char c = (unsigned char)*p;

		/* Leading dots are dropped after control characters are,
		 * so "\f.htaccess" does not become ".htaccess". */
		if (c < 0x20 || c == 0x7f || (b.len == 0 && (c == '.' ||
		    c == ' ')))
			continue;
		buf_addch(&b, strchr("<>:\"|?*", c) ? '_' : c);
	}
	while (b.len > 0 && (b.ptr[b.len - 1] == ' ' ||
	    b.ptr[b.len - 1] == '.'))
		buf_truncate(&b, b.len - 1);
	if (b.len == 0 || b.len >= n)
		rc = FZ_EINVAL;
	else
		memcpy(out, b.ptr, b.len + 1);
	buf_release(&b);
	return rc;
}

enum fz_err
core_file_accept(struct store *st, const char *name, const void *data,
    size_t len, char *safe, size_t n, const char **mime, struct diags *dg)
{
	const struct ftype	*ft;
	long			 max = core_setting_int(st, "upload.max_bytes");

	if (core_file_name(name, safe, n) != FZ_OK)
		return work_fail(dg, FZ_EINVAL, "name",
		    "文件名无效（为空、过长或不是 UTF-8）");
	if ((ft = ftype_of(safe)) == NULL)
		return work_fail(dg, FZ_EINVAL, "name", "不支持的文件类型“%s”："
		    "可上传 PDF、JPG、PNG、DOC/DOCX、XLS/XLSX、PPT/PPTX、WPS、"
		    "OFD、ZIP、MP4", safe);
	if (len == 0)
		return work_fail(dg, FZ_EINVAL, "file", "文件“%s”是空的", safe);
	if ((long long)len > (long long)max)
		return work_fail(dg, FZ_ETOOBIG, "file",
		    "文件“%s”超过 %ld MB 的上限", safe, max / 1024 / 1024);
	if (!magic_ok(ft->magic, data, len))
		return work_fail(dg, FZ_EINVAL, "file",
		    "文件“%s”的内容与扩展名 .%s 不符", safe, ft->ext);
	*mime = ft->mime;
	return FZ_OK;
}

/* The report, if the actor may add files to it or remove them now. */
static enum fz_err
editable_report(struct store *st, const struct actor *ac, int64_t id,
    struct report *r, struct diags *dg)
{
	enum fz_err	 rc;

	if ((rc = core_report_read(st, ac, id, r, dg)) != FZ_OK)
		return rc;
	if (!core_actor_in_unit(ac, r->unit_id, ROLES_UNIT))
		rc = work_fail(dg, FZ_EPERM, "id",
		    "只有本单位联络员或负责人可以管理佐证材料");
	else if (!str_eq(r->state, "draft") && !str_eq(r->state, "returned"))
		rc = work_fail(dg, FZ_EINVAL, "state",
		    "报告%s，不能再修改佐证材料", core_state_name(r->state));
	if (rc != FZ_OK)
		report_release(r);
	return rc;
}

enum fz_err
core_evidence_add(struct store *st, const struct actor *ac, int64_t report_id,
    const char *name, const void *data, size_t len, struct evidence *e,
    struct diags *dg)
{
	struct report		 r;
	struct evidence		*have;
	size_t			 nhave = 0, i;
	const char		*mime = NULL;
	long			 maxn = core_setting_int(st, "upload.max_files");
	enum fz_err		 rc;

	memset(e, 0, sizeof(*e));
	if ((rc = core_file_accept(st, name, data, len, e->name,
	    sizeof(e->name), &mime, dg)) != FZ_OK)
		return rc;
	if ((rc = editable_report(st, ac, report_id, &r, dg)) != FZ_OK)
		return rc;
	sha256_hex(data, len, e->sha256);
	if ((rc = store_evidence_list(st, report_id, &have, &nhave)) !=
	    FZ_OK) {
		rc = work_store_fail(st, dg, rc);
		goto out;
	}
	for (i = 0; i < nhave && rc == FZ_OK; i++)
		if (str_eq(have[i].sha256, e->sha256))
			rc = work_fail(dg, FZ_ECONFLICT, "file", "本报告已有相同"
			    "内容的文件“%s”", have[i].name);
	free(have);
	if (rc == FZ_OK && (long)nhave >= maxn)
		rc = work_fail(dg, FZ_EINVAL, "file",
		    "每份报告最多上传 %ld 个文件", maxn);
	if (rc != FZ_OK)
		goto out;
	e->report_id = report_id;
	e->size = (int64_t)len;
	snprintf(e->mime, sizeof(e->mime), "%s", mime);
	snprintf(e->uploaded_by, sizeof(e->uploaded_by), "%s",
	    work_actor_name(ac));
	if ((rc = store_begin(st)) != FZ_OK) {
		rc = work_store_fail(st, dg, rc);
		goto out;
	}
	rc = work_blob_put(st, e->sha256, data, len);
	if (rc == FZ_OK)
		rc = store_evidence_add(st, e);
	if (rc == FZ_OK)
		rc = work_audit(st, ac, "evidence.add", "report", report_id,
		    NULL, json_pack("{s:I,s:s,s:s,s:I}", "evidence",
		    (json_int_t)e->id, "name", e->name, "sha256", e->sha256,
		    "size", (json_int_t)e->size));
	rc = work_end(st, rc, dg);
out:
	report_release(&r);
	return rc;
}

enum fz_err
core_evidence_fetch(struct store *st, const struct actor *ac, int64_t id,
    struct evidence *e, struct buf *out, struct diags *dg)
{
	struct report	 r;
	enum fz_err	 rc;

	if ((rc = store_evidence_get(st, id, e)) == FZ_ENOTFOUND)
		return work_fail(dg, rc, "id", "文件 %lld 不存在",
		    (long long)id);
	if (rc != FZ_OK)
		return work_store_fail(st, dg, rc);
	if ((rc = core_report_read(st, ac, e->report_id, &r, dg)) != FZ_OK)
		return rc;
	report_release(&r);
	return work_blob_get(st, e->sha256, e->size, id, out, dg);
}

enum fz_err
work_blob_put(struct store *st, const char *sha256, const void *data,
    size_t len)
{
	size_t		 n = sodium_base64_encoded_len(len,
			    sodium_base64_VARIANT_ORIGINAL);
	char		*b64 = xmalloc(n);
	enum fz_err	 rc;

	sodium_bin2base64(b64, n, data, len, sodium_base64_VARIANT_ORIGINAL);
	rc = store_blob_put(st, sha256, (int64_t)len, b64);
	free(b64);
	return rc;
}

enum fz_err
work_blob_get(struct store *st, const char *sha256, int64_t size, int64_t id,
    struct buf *out, struct diags *dg)
{
	char		*b64 = NULL;
	size_t		 len = 0;
	enum fz_err	 rc = FZ_OK;

	if ((rc = store_blob_get(st, sha256, &b64)) != FZ_OK)
		return work_store_fail(st, dg, rc);
	buf_reset(out);
	buf_grow(out, strlen(b64));
	if (sodium_base642bin((unsigned char *)out->ptr, out->cap, b64,
	    strlen(b64), NULL, &len, NULL,
	    sodium_base64_VARIANT_ORIGINAL) != 0 || (int64_t)len != size)
		rc = work_fail(dg, FZ_EDB, "error", "文件 %lld 的内容已损坏",
		    (long long)id);
	else
		out->len = len;
	free(b64);
	return rc;
}

enum fz_err
core_evidence_delete(struct store *st, const struct actor *ac, int64_t id,
    struct diags *dg)
{
	struct evidence	 e;
	struct report	 r;
	enum fz_err	 rc;

	if ((rc = store_evidence_get(st, id, &e)) == FZ_ENOTFOUND)
		return work_fail(dg, rc, "id", "文件 %lld 不存在",
		    (long long)id);
	if (rc != FZ_OK)
		return work_store_fail(st, dg, rc);
	if ((rc = editable_report(st, ac, e.report_id, &r, dg)) != FZ_OK)
		return rc;
	report_release(&r);
	if ((rc = store_begin(st)) != FZ_OK)
		return work_store_fail(st, dg, rc);
	rc = store_evidence_delete(st, id);
	if (rc == FZ_OK)
		rc = work_audit(st, ac, "evidence.delete", "report",
		    e.report_id, json_pack("{s:I,s:s,s:s}", "evidence",
		    (json_int_t)id, "name", e.name, "sha256", e.sha256), NULL);
	return work_end(st, rc, dg);
}
