/*
 * cmd_serve.c: fazhi serve: the HTTP server on 127.0.0.1 by default,
 * over the store named by --db or FAZHI_DB, each worker thread with its
 * own connection; sessions live in the store, so several processes can
 * serve the same people. It also serves the staff web application from
 * --web, $FAZHI_WEB, or the web/ folder next to the binary.
 * SPDX-License-Identifier: MIT
 */
#include <sys/stat.h>

#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "fazhi/http.h"
#include "fazhi/util.h"
#include "fazhi/banned.h"

static const char usage[] =
    "用法：fazhi serve [--db 数据库] [--listen 地址:端口] [--threads N]\n"
    "                  [--web 目录] [--secure-cookie] [--today 日期] [-n]\n"
    "\n"
    "启动 HTTP 服务，默认只监听 127.0.0.1:8080（对外服务请放在 nginx 之后，\n"
    "见 docs/DEPLOY.md）。会话保存在数据库中，多个进程可共用一个数据库。\n"
    "--web 指定网页应用目录（含 index.html）；默认依次为 $FAZHI_WEB、\n"
    "程序旁的 web/、程序上级的 share/fazhi/web/。\n"
    "-n 只检查数据库和参数，不启动服务。--today 以某日（YYYY-MM-DD）为\n"
    "今天来判断到期与逾期，用于演示和测试（也可设环境变量 FAZHI_TODAY）。\n";

/* Is dir a folder holding index.html? */
static int
web_dir_ok(const char *dir)
{
	char		 path[PATH_MAX];
	struct stat	 sb;

	return (size_t)snprintf(path, sizeof(path), "%s/index.html", dir) <
	    sizeof(path) && stat(path, &sb) == 0 && S_ISREG(sb.st_mode);
}

/*
 * The web application when --web is not given: $FAZHI_WEB, else web/
 * next to the binary (build/fazhi and build/web), else
 * ../share/fazhi/web from the binary (an installed /usr/local/bin/fazhi).
 */
static const char *
web_default(char *buf, size_t n)
{
	static const char *const rel[] = { "web", "../share/fazhi/web" };
	char		 exe[PATH_MAX], *slash;
	const char	*env = getenv("FAZHI_WEB");
	ssize_t		 len;
	size_t		 i;

	if (env != NULL && env[0] != '\0')
		return env;
	if ((len = readlink("/proc/self/exe", exe, sizeof(exe) - 1)) <= 0)
		return NULL;
	exe[len] = '\0';
	if ((slash = strrchr(exe, '/')) == NULL)
		return NULL;
	*slash = '\0';
	for (i = 0; i < sizeof(rel) / sizeof(rel[0]); i++)
		if ((size_t)snprintf(buf, n, "%s/%s", exe, rel[i]) < n &&
		    web_dir_ok(buf))
			return buf;
	return NULL;
}

int
cmd_serve(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "listen", required_argument, NULL, 'l' },
		{ "threads", required_argument, NULL, 't' },
		{ "secure-cookie", no_argument, NULL, 's' },
		{ "web", required_argument, NULL, 'w' },
		{ "today", required_argument, NULL, 'T' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct http_config	 cfg;
	struct store		*st;
	char			 addr[64], webbuf[PATH_MAX];
	const char		*listen = "127.0.0.1:8080", *colon;
	long long		 port, threads = 2;
	long			 day;
	int			 c, check = 0;

	memset(&cfg, 0, sizeof(cfg));
	optind = 1;
	while ((c = getopt_long(argc, argv, "d:l:t:w:snhT:", opts, NULL)) != -1) {
		switch (c) {
		case 'd':
			cfg.dsn = optarg;
			break;
		case 'l':
			listen = optarg;
			break;
		case 't':
			if (str_toint(optarg, 1, 64, &threads) != FZ_OK)
				return cli_usage(usage, EXIT_USAGE);
			break;
		case 's':
			cfg.secure_cookie = 1;
			break;
		case 'w':
			cfg.web = optarg;
			break;
		case 'n':
			check = 1;
			break;
		case 'T':
			if (date_days(optarg, &day) != FZ_OK) {
				fprintf(stderr, "fazhi serve: --today 应为有效的 "
				    "YYYY-MM-DD\n");
				return EXIT_USAGE;
			}
			setenv("FAZHI_TODAY", optarg, 1);
			break;
		case 'h':
			return cli_usage(usage, EXIT_OK);
		default:
			return cli_usage(usage, EXIT_USAGE);
		}
	}
	if (optind != argc || (colon = strrchr(listen, ':')) == NULL ||
	    (size_t)(colon - listen) >= sizeof(addr) ||
	    str_toint(colon + 1, 1, 65535, &port) != FZ_OK) {
		fprintf(stderr, "fazhi: --listen 应写成 地址:端口，如 "
		    "127.0.0.1:8080\n");
		return EXIT_USAGE;
	}
	memcpy(addr, listen, (size_t)(colon - listen));
	addr[colon - listen] = '\0';
	cfg.dsn = cli_db(cfg.dsn);
	cfg.addr = addr;
	cfg.port = (uint16_t)port;
	cfg.threads = (int)threads;
	cfg.session_ttl = 8 * 3600;
	if (cfg.web == NULL)
		cfg.web = web_default(webbuf, sizeof(webbuf));
	else if (!web_dir_ok(cfg.web)) {
		fprintf(stderr, "fazhi: 网页目录“%s”中没有 index.html\n",
		    cfg.web);
		return EXIT_ERR;
	}
	/* Check the store before listening, as -n does. */
	if ((st = cli_open(cfg.dsn)) == NULL)
		return EXIT_ERR;
	store_close(st);
	if (check) {
		printf("配置正确：数据库 %s，监听 %s:%u，网页目录 %s\n", cfg.dsn,
		    addr, (unsigned)port, cfg.web ? cfg.web : "（无）");
		return EXIT_OK;
	}
	return http_serve(&cfg) == 0 ? EXIT_OK : EXIT_ERR;
}
