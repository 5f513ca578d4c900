/*
 * docx.h: a small OOXML (Word) writer for official documents laid out to
 * GB/T 9704-2012 (党政机关公文格式): A4, top margin 37 mm, inside margin
 * 28 mm, a text area of 156 mm x 225 mm, 22 lines x 28 characters per page
 * (a docGrid of 22 lines; characters narrowed to 28 a line), title in 2号小标宋, body in 3号仿宋_GB2312, page numbers in
 * 4号 "— 1 —" at the bottom outside. A document is a sequence of
 * paragraphs of a kind, each made of runs, and of simple tables (one
 * header row, then rows). Every text is XML-escaped; characters XML does
 * not allow and bytes that are not UTF-8 are dropped.
 * SPDX-License-Identifier: MIT
 */
#ifndef FAZHI_DOCX_H
#define FAZHI_DOCX_H

#include <stddef.h>

#include "fazhi/buf.h"
#include "fazhi/err.h"

/* Page geometry of GB/T 9704-2012, in millimetres and in twips. */
#define DOCX_MM_TWIPS(mm)	((int)((mm) * 1440.0 / 25.4 + 0.5))
#define DOCX_PAGE_W		11906	/* A4, 210 mm */
#define DOCX_PAGE_H		16838	/* A4, 297 mm */
#define DOCX_LINES		22	/* lines per page */
#define DOCX_CHARS		28	/* characters per line */

enum docx_kind {
	DOCX_TITLE = 0,		/* 2号小标宋, centred */
	DOCX_SUBTITLE,		/* 3号楷体, centred (a subtitle, a date line) */
	DOCX_ADDRESSEE,		/* 主送机关: 3号仿宋, flush left */
	DOCX_HEADING1,		/* "一、": 3号黑体, indented two characters */
	DOCX_HEADING2,		/* "（一）": 3号楷体, indented two characters */
	DOCX_BODY,		/* 3号仿宋, justified, indented two characters */
	DOCX_SIGNATURE,		/* 发文机关署名, 成文日期: right, four spaces in */
	DOCX_BLANK,		/* an empty line of the grid */
	DOCX__MAX
};

/* Run flags, or-ed. */
#define DOCX_RUN_BOLD		0x01
#define DOCX_RUN_HIGHLIGHT	0x02	/* yellow marker: a claim to check */
#define DOCX_RUN_SUPER		0x04	/* superscript, smaller: a citation */

struct docx;

struct docx	*docx_new(void);
void		 docx_free(struct docx *);

/* Document properties (docProps/core.xml); date is YYYY-MM-DD or NULL. */
void	 docx_meta(struct docx *, const char *title, const char *author,
	    const char *date);

/* Start a paragraph; runs are added to it until the next one starts. */
void	 docx_para(struct docx *, enum docx_kind);
void	 docx_run(struct docx *, const char *text, unsigned flags);
/* A paragraph with one plain run. */
void	 docx_para_text(struct docx *, enum docx_kind, const char *text);

/*
 * A table: ncols columns, widths in millimetres (NULL: equal shares of the
 * text width), a header row repeated on each page, then rows of ncols
 * cells (NULL cells are empty). docx_table_end() closes it.
 */
void	 docx_table_begin(struct docx *, size_t ncols,
	    const char *const *headers, const double *widths_mm);
void	 docx_table_row(struct docx *, const char *const *cells);
void	 docx_table_end(struct docx *);

/*
 * The .docx bytes into out, or into a file. The output depends only on what
 * was added: zip entries carry a fixed time, so equal documents give equal
 * bytes. err receives the reason on failure.
 */
enum fz_err	 docx_write_buf(struct docx *, struct buf *out,
		    struct buf *err);
enum fz_err	 docx_write(struct docx *, const char *path, struct buf *err);

/* The paragraph texts, one line each (tables: cells joined by tabs). */
const char	*docx_plain(const struct docx *);

/* Append s to b XML-escaped, dropping what XML 1.0 does not allow. */
void	 docx_xml_escape(struct buf *b, const char *s);

#endif
