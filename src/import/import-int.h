/*
 * import-int.h: helpers the importer's files share: UTF-8 scanning of
 * Chinese punctuation, numerals and normalised text.
 * SPDX-License-Identifier: MIT
 */
#ifndef FAZHI_IMPORT_INT_H
#define FAZHI_IMPORT_INT_H

#include <stddef.h>
#include <stdint.h>

#include "fazhi/buf.h"

/* If s starts with p, the rest of s; else NULL. */
const char	*imp_skip(const char *s, const char *p);
/* Parse a Chinese numeral (一 … 九十九, 两, 〇) at s: value, or -1. */
int		 imp_cn_number(const char *s, size_t *len);
/* Parse ASCII or full-width digits at s: value, or -1. */
int		 imp_digits(const char *s, size_t *len);
/* The code point at s, and its length in *len (1 for bad bytes). */
uint32_t	 imp_cp(const char *s, size_t *len);
/* Is the code point one that opens or closes a bracket? */
int		 imp_is_open(uint32_t);
int		 imp_is_close(uint32_t);
/* Remove spaces that sit next to Chinese characters (PDF line wraps). */
char		*imp_squeeze(const char *);
/* Full-width punctuation for the half-width forms plans mix in. */
void		 imp_fullwidth(struct buf *, const char *);

#endif
