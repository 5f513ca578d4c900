/*
 * cmd_serve.c: fazhi serve: the HTTP server on 127.0.0.1 by default,
 * over the store named by --db or FAZHI_DB, each worker thread with its
 * own connection; sessions live in the store, so several processes can
 * serve the same people.
 * SPDX-License-Identifier: MIT
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "fazhi/http.h"
#include "fazhi/util.h"
#include "fazhi/banned.h"

static const char usage[] =
    "用法：fazhi serve [--db 数据库] [--listen 地址:端口] [--threads N]\n"
    "                  [--secure-cookie] [--today 日期] [-n]\n"
    "\n"
    "启动 HTTP 服务，默认只监听 127.0.0.1:8080（对外服务请放在 nginx 之后，\n"
    "见 docs/DEPLOY.md）。会话保存在数据库中，多个进程可共用一个数据库。\n"
    "-n 只检查数据库和参数，不启动服务。--today 以某日（YYYY-MM-DD）为\n"
    "今天来判断到期与逾期，用于演示和测试（也可设环境变量 FAZHI_TODAY）。\n";

int
cmd_serve(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "listen", required_argument, NULL, 'l' },
		{ "threads", required_argument, NULL, 't' },
		{ "secure-cookie", no_argument, NULL, 's' },
		{ "today", required_argument, NULL, 'T' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct http_config	 cfg;
	struct store		*st;
	char			 addr[64];
	const char		*listen = "127.0.0.1:8080", *colon;
	long long		 port, threads = 2;
	long			 day;
	int			 c, check = 0;

	memset(&cfg, 0, sizeof(cfg));
	optind = 1;
	while ((c = getopt_long(argc, argv, "d:l:t:snhT:", opts, NULL)) != -1) {
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
	/* Check the store before listening, as -n does. */
	if ((st = cli_open(cfg.dsn)) == NULL)
		return EXIT_ERR;
	store_close(st);
	if (check) {
		printf("配置正确：数据库 %s，监听 %s:%u\n", cfg.dsn, addr,
		    (unsigned)port);
		return EXIT_OK;
	}
	return http_serve(&cfg) == 0 ? EXIT_OK : EXIT_ERR;
}
