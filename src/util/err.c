/*
 * err.c: names and messages of enum fz_err, the codes every module returns.
 * SPDX-License-Identifier: MIT
 */
#include "fazhi/err.h"
#include "fazhi/banned.h"

static const struct {
	const char	*code;
	const char	*msg;
} errs[FZ_ERR__MAX] = {
	[FZ_OK] = { "OK", "成功" },
	[FZ_EINVAL] = { "INVALID", "输入有误" },
	[FZ_ENOTFOUND] = { "NOT_FOUND", "记录不存在" },
	[FZ_ECONFLICT] = { "CONFLICT", "记录冲突（已存在或已被修改）" },
	[FZ_EPERM] = { "FORBIDDEN", "无权执行此操作" },
	[FZ_EDB] = { "DB_ERROR", "数据库错误" },
	[FZ_EIO] = { "IO_ERROR", "文件读写错误" },
	[FZ_ETOOBIG] = { "TOO_BIG", "输入超过大小限制" },
	[FZ_EFORMAT] = { "BAD_FORMAT", "文件格式无法识别" },
	[FZ_EVERSION] = { "VERSION", "数据库版本高于本程序" },
	[FZ_EBUSY] = { "TOO_MANY_ATTEMPTS", "尝试次数过多，请稍后再试" },
};

const char *
fz_errcode(enum fz_err e)
{
	return ((unsigned)e < FZ_ERR__MAX) ? errs[e].code : "UNKNOWN";
}

const char *
fz_strerror(enum fz_err e)
{
	return ((unsigned)e < FZ_ERR__MAX) ? errs[e].msg : "未知错误";
}
