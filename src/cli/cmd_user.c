/*
 * cmd_user.c: fazhi user add|passwd|disable|enable|list: the accounts of
 * the people who use fazhi and their roles in units. Passwords are read
 * from the terminal without echo, or from standard input with
 * --password-stdin; they never appear in arguments or output.
 * SPDX-License-Identifier: MIT
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include <jansson.h>
#include <sodium.h>

#include "cli/cli.h"
#include "fazhi/core.h"
#include "fazhi/util.h"
#include "fazhi/banned.h"

static const char usage[] =
    "用法：fazhi user add [--db 数据库] --name 姓名 [--admin]\n"
    "                     [--role 单位编码:角色]... [--password-stdin] 登录名\n"
    "      fazhi user passwd [--db 数据库] [--password-stdin] 登录名\n"
    "      fazhi user disable|enable [--db 数据库] 登录名\n"
    "      fazhi user list [--db 数据库] [--json]\n"
    "\n"
    "角色：supervisor（依法治县办）、leader（县领导）、unit_leader（单位负责人）、\n"
    "clerk（联络员），也可写中文名称；一人可在多个单位担任角色。\n"
    "密码至少 10 个字符，以 argon2id 散列保存；修改密码或停用账号会结束该账号的\n"
    "全部会话。没有 --password-stdin 时在终端上输入两次（不回显）。\n";

/* Read a line without echo from the terminal, or from stdin. */
static int
read_password(int from_stdin, const char *prompt, char *buf, size_t n)
{
	struct termios	 old, quiet;
	int		 tty = isatty(STDIN_FILENO), ok;
	size_t		 len;

	if (!from_stdin && !tty) {
		fprintf(stderr, "fazhi: 标准输入不是终端：请用 --password-stdin\n");
		return 0;
	}
	if (!from_stdin) {
		fprintf(stderr, "%s", prompt);
		tcgetattr(STDIN_FILENO, &old);
		quiet = old;
		quiet.c_lflag &= ~(tcflag_t)ECHO;
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
	}
	ok = fgets(buf, (int)n, stdin) != NULL;
	if (!from_stdin) {
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
		fputc('\n', stderr);
	}
	if (!ok)
		return 0;
	len = strlen(buf);
	while (len > 0 && (buf[len - 1] == '\n' || buf[len - 1] == '\r'))
		buf[--len] = '\0';
	return 1;
}

static int
get_password(int from_stdin, char *pw, size_t n)
{
	char	 again[256];

	if (!read_password(from_stdin, "密码：", pw, n))
		return 0;
	if (from_stdin)
		return 1;
	if (!read_password(0, "再输入一次：", again, sizeof(again)))
		return 0;
	if (!str_eq(pw, again)) {
		sodium_memzero(again, sizeof(again));
		fprintf(stderr, "fazhi: 两次输入的密码不一致\n");
		return 0;
	}
	sodium_memzero(again, sizeof(again));
	return 1;
}

static int
list_cb(const struct account *a, void *arg)
{
	json_t	*arr = arg;
	size_t	 i;

	if (arr == NULL) {
		printf("%-16s %-10s %s%s", a->login, a->name,
		    a->disabled ? "（已停用）" : "", a->is_admin ?
		    "系统管理员 " : "");
		for (i = 0; i < a->nroles; i++)
			printf("%s%s·%s", i ? "，" : "", a->roles[i].unit_name,
			    staff_role_name(a->roles[i].role));
		printf("\n");
		return 0;
	}
	json_array_append_new(arr, core_account_json(a));
	return 0;
}

int
cmd_user(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "name", required_argument, NULL, 'n' },
		{ "role", required_argument, NULL, 'r' },
		{ "admin", no_argument, NULL, 'a' },
		{ "password-stdin", no_argument, NULL, 'p' },
		{ "json", no_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct account_spec	 spec;
	struct role_spec	 roles[32];
	struct diags		 dg = { 0 };
	struct store		*st = NULL;
	const char		*db = NULL, *verb, *login = NULL;
	char			 pw[256] = "";
	char			*codes[32];
	enum fz_err		 rc = FZ_OK;
	int			 c, from_stdin = 0, json = 0, r = EXIT_ERR;
	size_t			 nroles = 0, i;

	if (argc < 2 || str_eq(argv[1], "--help") || str_eq(argv[1], "-h"))
		return cli_usage(usage, argc < 2 ? EXIT_USAGE : EXIT_OK);
	memset(&spec, 0, sizeof(spec));
	verb = argv[1];
	optind = 1;
	while ((c = getopt_long(argc - 1, argv + 1, "d:n:r:apjh", opts,
	    NULL)) != -1) {
		switch (c) {
		case 'd':
			db = optarg;
			break;
		case 'n':
			spec.name = optarg;
			break;
		case 'r': {
			char *colon = strchr(optarg, ':');

			if (colon == NULL || nroles == 32 ||
			    !staff_role_parse(colon + 1, &roles[nroles].role)) {
				fprintf(stderr, "fazhi: 角色“%s”应写成 单位编码:角色"
				    "（supervisor、leader、unit_leader、clerk）\n",
				    optarg);
				goto usage;
			}
			codes[nroles] = xstrndup(optarg,
			    (size_t)(colon - optarg));
			roles[nroles].unit = codes[nroles];
			nroles++;
			break;
		}
		case 'a':
			spec.is_admin = 1;
			break;
		case 'p':
			from_stdin = 1;
			break;
		case 'j':
			json = 1;
			break;
		case 'h':
			r = cli_usage(usage, EXIT_OK);
			goto out;
		default:
			goto usage;
		}
	}
	if (str_eq(verb, "list")) {
		json_t *arr = json ? json_array() : NULL;

		if (optind != argc - 1)
			goto usage;
		if ((st = cli_open(cli_db(db))) == NULL)
			goto out;
		if (store_account_iter(st, list_cb, arr) != FZ_OK) {
			fprintf(stderr, "fazhi: %s\n", store_errmsg(st));
			json_decref(arr);
			goto out;
		}
		if (arr != NULL)
			cli_print_json(arr);
		r = EXIT_OK;
		goto out;
	}
	if (optind != argc - 2)
		goto usage;
	login = argv[optind + 1];
	if (!str_eq(verb, "add") && !str_eq(verb, "passwd") &&
	    !str_eq(verb, "disable") && !str_eq(verb, "enable")) {
		fprintf(stderr, "fazhi user: 未知命令“%s”\n", verb);
		goto usage;
	}
	if (str_eq(verb, "add") && spec.name == NULL) {
		fprintf(stderr, "fazhi: user add 需要 --name\n");
		goto usage;
	}
	if ((st = cli_open(cli_db(db))) == NULL)
		goto out;
	if ((str_eq(verb, "add") || str_eq(verb, "passwd")) &&
	    !get_password(from_stdin, pw, sizeof(pw)))
		goto out;
	if (str_eq(verb, "add")) {
		spec.login = login;
		spec.password = pw;
		spec.roles = roles;
		spec.nroles = nroles;
		rc = core_account_add(st, &spec, cli_actor(), &dg);
	} else if (str_eq(verb, "passwd"))
		rc = core_account_passwd(st, login, pw, cli_actor(), &dg);
	else
		rc = core_account_disable(st, login, str_eq(verb, "disable"),
		    cli_actor(), &dg);
	cli_print_diags(&dg, "fazhi user");
	if (rc == FZ_OK) {
		printf("%s账号 %s\n", str_eq(verb, "add") ? "已创建" :
		    str_eq(verb, "passwd") ? "已修改密码并结束全部会话：" :
		    str_eq(verb, "disable") ? "已停用并结束全部会话：" :
		    "已启用", login);
		r = EXIT_OK;
	}
	goto out;
usage:
	r = cli_usage(usage, EXIT_USAGE);
out:
	sodium_memzero(pw, sizeof(pw));
	for (i = 0; i < nroles; i++)
		free(codes[i]);
	diags_release(&dg);
	store_close(st);
	return r;
}
