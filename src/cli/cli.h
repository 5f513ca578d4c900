/*
 * cli.h: what the subcommands of the fazhi program share: the command
 * table entry, opening the store named by --db or FAZHI_DB, printing
 * diagnostics and JSON, and the exit codes (0 ok, 1 error, 2 usage).
 * SPDX-License-Identifier: MIT
 */
#ifndef FAZHI_CLI_H
#define FAZHI_CLI_H

#include "fazhi/err.h"
#include "fazhi/model.h"
#include "fazhi/store.h"

#define EXIT_OK		0
#define EXIT_ERR	1
#define EXIT_USAGE	2

#define CLI_DEFAULT_DB	"var/fazhi.db"

struct json_t;

struct cli_cmd {
	const char	*name;
	int		(*fn)(int, char **);
	const char	*summary;
};

int	 cmd_init(int, char **);
int	 cmd_divisions(int, char **);
int	 cmd_units(int, char **);
int	 cmd_plan(int, char **);
int	 cmd_db(int, char **);
int	 cmd_user(int, char **);
int	 cmd_serve(int, char **);
int	 cmd_audit(int, char **);
int	 cmd_period(int, char **);
int	 cmd_remind(int, char **);
int	 cmd_calendar(int, char **);
int	 cmd_registry(int, char **);
int	 cmd_indicators(int, char **);
int	 cmd_finding(int, char **);
int	 cmd_escalate(int, char **);
int	 cmd_bulletin(int, char **);
int	 cmd_portal(int, char **);
int	 cmd_report(int, char **);
int	 cmd_assess(int, char **);

/* The store path: --db, else $FAZHI_DB, else var/fazhi.db. */
const char	*cli_db(const char *opt);
/* Open a migrated store (db as cli_db() resolves it: NULL for $FAZHI_DB
 * or the default), or print why not and return NULL. */
struct store	*cli_open(const char *db);
const char	*cli_actor(void);
void		 cli_print_diags(const struct diags *, const char *file);
/* Print and free a JSON value, indented, with a final newline. */
void		 cli_print_json(struct json_t *);
/* Dispatch argv[1] to a table of subcommands. */
int		 cli_dispatch(const char *prog, const struct cli_cmd *,
		    int, char **);
int		 cli_usage(const char *text, int code);
/*
 * Options of a command that takes only --db and --help and no operand:
 * *db gets the store (cli_db applied). Returns -1 to go on, or the exit
 * code after printing usage.
 */
int		 cli_db_only(int, char **, const char *usage, const char **db);
/* Is argv asking for help? */
int		 cli_wants_help(int, char **);

#endif
