/*
 * csv.h: an RFC 4180 reader for the spreadsheets counties keep: UTF-8 with
 * or without BOM, or GB18030 as Excel in China writes it; quoted fields
 * with commas, quotes and line breaks; errors by line number.
 * SPDX-License-Identifier: MIT
 */
#ifndef FAZHI_CSV_H
#define FAZHI_CSV_H

#include <stddef.h>

#include "fazhi/err.h"
#include "fazhi/model.h"

struct csv_row {
	char	**f;
	size_t	 n;
	int	 line;		/* line the record starts on */
};

struct csv {
	struct csv_row	*rows;
	size_t		 nrows, cap;
	const char	*encoding;	/* "UTF-8" or "GB18030" */
};

#define CSV_MAX_BYTES	(64u * 1024 * 1024)

/* Parse a whole file's bytes. Errors go to diags with their line. */
enum fz_err	 csv_parse(const char *data, size_t len, struct csv *,
		    struct diags *);
void		 csv_release(struct csv *);

#endif
