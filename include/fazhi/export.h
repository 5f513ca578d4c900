/*
 * export.h: the 任务分工表 (division-of-tasks table) of a plan in the
 * formats counties pass around: XLSX for Excel, WPS and LibreOffice, CSV
 * (UTF-8 with BOM, so Excel reads it) and Markdown. Columns: 序号, 任务,
 * 牵头单位, 责任单位, 指标, 时限.
 * SPDX-License-Identifier: MIT
 */
#ifndef FAZHI_EXPORT_H
#define FAZHI_EXPORT_H

#include "fazhi/buf.h"
#include "fazhi/err.h"
#include "fazhi/model.h"

enum export_format {
	EXPORT_XLSX = 0,
	EXPORT_CSV,
	EXPORT_MD,
	EXPORT__MAX
};

int		 export_format_parse(const char *, enum export_format *);

/* The cell texts of one task's row, shared by every format. */
struct export_row {
	char	*no;		/* 序号 */
	char	*task;		/* 任务: title, then the full text */
	char	*lead;		/* 牵头单位, as the document states them */
	char	*resp;		/* 责任单位 */
	char	*indicators;	/* 指标 */
	char	*deadline;	/* 时限 */
};

void	 export_row_make(const struct plan *, const struct task *,
	    struct export_row *);
void	 export_row_release(struct export_row *);

/* CSV and Markdown are written into out. */
enum fz_err	 export_csv(const struct plan *, struct buf *out);
enum fz_err	 export_md(const struct plan *, struct buf *out);
/* XLSX is written to a file; err receives the reason on failure. */
enum fz_err	 export_xlsx(const struct plan *, const char *path,
		    struct buf *err);

/*
 * A table of cell texts (a registry's records) with one header row, the
 * columns of its import: CSV (UTF-8 with BOM, every field quoted, formula
 * -like cells defused) or XLSX (dates as Excel dates, so they read back as
 * dates; integers and decimals as numbers; everything else as text).
 */
enum export_col {
	EXPORT_COL_TEXT = 0,
	EXPORT_COL_DATE,	/* YYYY-MM-DD */
	EXPORT_COL_INT,
	EXPORT_COL_DEC2,	/* a decimal such as 87.50: a number, 2 places */
};

struct export_table {
	const char		*sheet;		/* the worksheet's name */
	size_t			 ncols;
	const char *const	*headers;
	const enum export_col	*kinds;
	const double		*widths;	/* Excel units, or NULL */
	char			**cells;	/* nrows * ncols, row by row */
	size_t			 nrows;
};

enum fz_err	 export_table_csv(const struct export_table *, struct buf *);
enum fz_err	 export_table_xlsx(const struct export_table *,
		    const char *path, struct buf *err);

#endif
