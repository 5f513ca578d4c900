/*
 * err.h: the one error-code enum every module returns across its boundary,
 * and its message table. Codes are stable: never renumber or reuse one.
 * SPDX-License-Identifier: MIT
 */
#ifndef FAZHI_ERR_H
#define FAZHI_ERR_H

enum fz_err {
	FZ_OK = 0,
	FZ_EINVAL,	/* bad input: a file, a field, an argument */
	FZ_ENOTFOUND,	/* no such record */
	FZ_ECONFLICT,	/* uniqueness violated, or the record changed */
	FZ_EPERM,	/* not allowed */
	FZ_EDB,		/* the store failed */
	FZ_EIO,		/* reading or writing a file failed */
	FZ_ETOOBIG,	/* input over a size limit */
	FZ_EFORMAT,	/* input is not in a format we read */
	FZ_EVERSION,	/* store schema is newer than this program */
	FZ_EBUSY,	/* too many attempts: wait and try again */
	FZ_ERR__MAX
};

/* A stable upper-case code for logs and JSON ("NOT_FOUND"). */
const char	*fz_errcode(enum fz_err);
/* A short message in Chinese for users. */
const char	*fz_strerror(enum fz_err);

#endif
