/*
 * import.h: reading an official plan document (Markdown, plain text or
 * DOCX) into a struct plan: paragraphs first, then wrapper metadata,
 * sections, tasks, unit phrases and indicators. Pure parsing: no store,
 * no unit directory (core/ resolves the unit phrases).
 * SPDX-License-Identifier: MIT
 */
#ifndef FAZHI_IMPORT_H
#define FAZHI_IMPORT_H

#include <stddef.h>

#include "fazhi/err.h"
#include "fazhi/buf.h"
#include "fazhi/model.h"

/* Largest document we read: a plan is tens of kilobytes. */
#define IMPORT_MAX_BYTES	(32u * 1024 * 1024)
/* Largest word/document.xml we inflate from a DOCX. */
#define IMPORT_MAX_XML		(64u * 1024 * 1024)

enum doc_format {
	DOC_AUTO = 0,
	DOC_MARKDOWN,
	DOC_TEXT,
	DOC_DOCX,
	DOC__MAX
};

enum para_kind {
	PARA_TEXT = 0,
	PARA_RULE,		/* a horizontal rule: --- */
	PARA_ROW,		/* a table row; cells[] hold its cells */
};

struct para {
	enum para_kind	 kind;
	char		*text;		/* trimmed, without Markdown marks */
	int		 line;		/* 1-based line or paragraph */
	int		 heading;	/* Markdown heading level, 0 if none */
	char		**cells;
	size_t		 ncells;
};

struct paras {
	struct para	*v;
	size_t		 n, cap;
};

const char	*doc_format_key(enum doc_format);
int		 doc_format_parse(const char *, enum doc_format *);
/* Guess the format from the name and the first bytes. */
enum doc_format	 doc_format_detect(const char *name, const char *, size_t);

/*
 * Split a document into paragraphs. Text must be UTF-8 (a BOM is skipped;
 * GB18030 text is converted). Errors go to diags with their line.
 */
enum fz_err	 import_paras(const char *data, size_t len,
		    enum doc_format, struct paras *, struct buf *text,
		    struct diags *);
enum fz_err	 import_docx_paras(const char *data, size_t len,
		    struct paras *, struct buf *text, struct diags *);
void		 paras_release(struct paras *);

/*
 * Build a plan from paragraphs. Unit references carry their phrases only
 * (kind REF_UNKNOWN); core_plan_resolve() fills them in.
 */
enum fz_err	 import_plan_parse(const struct paras *, struct plan *,
		    struct diags *);

/* The indicators stated in one task's measures. */
void		 import_indicators(struct task *, int year);

/*
 * The whole importer: bytes to plan. name is the file name (for format
 * detection and the source record); fmt may be DOC_AUTO.
 */
enum fz_err	 import_plan(const char *data, size_t len, const char *name,
		    enum doc_format fmt, struct plan *, struct diags *);

/* Normalise a unit phrase: full-width brackets, no spaces, no "等". */
char		*import_unit_phrase_norm(const char *);

#endif
