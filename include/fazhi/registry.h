/*
 * registry.h: registries (台账), the records the plan's hard targets are
 * computed from. Each registry is described once, as data: its fields with
 * their Chinese labels (the CSV/XLSX column headers), types, limits and
 * permissions, plus one function for the rules that tie fields together.
 * From that description the store builds its SQL, the importer maps and
 * checks columns, the exporter writes the same columns, and the API and
 * CLI read and write records. Adding a registry: a migration with its
 * table, a descriptor (src/core/reg_*.c) and a row in registries[].
 * SPDX-License-Identifier: MIT
 */
#ifndef FAZHI_REGISTRY_H
#define FAZHI_REGISTRY_H

#include <stddef.h>
#include <stdint.h>

#include "fazhi/buf.h"
#include "fazhi/err.h"
#include "fazhi/model.h"
#include "fazhi/csv.h"
#include "fazhi/work.h"

struct store;
struct json_t;

enum reg_ftype {
	REG_TEXT = 0,
	REG_DATE,		/* YYYY-MM-DD; XLSX serial numbers on import */
	REG_INT,
	REG_ENUM,		/* one of values[] */
	REG_UNIT,		/* a unit of the directory: code, name or short form */
	REG_BOOL,		/* 是 / 否 */
	REG_FTYPE__MAX
};

#define REG_REQUIRED	0x01u	/* a value is required */
#define REG_OWNER	0x02u	/* the unit that owns the record (who may write it) */
#define REG_REVIEW	0x04u	/* entered by the supervisor only (审查 results) */
#define REG_MULTILINE	0x08u	/* text may hold line breaks */
#define REG_SINCE	0x10u	/* the date field of a standing record (a
				 * roster): a period takes every record
				 * dated by its end, not only within it */

struct reg_field {
	const char		*key;		/* JSON key; the column (unit: key_id) */
	const char		*label;		/* header and name in messages */
	enum reg_ftype		 type;
	unsigned		 flags;
	size_t			 max;		/* text: characters at most */
	const char *const	*values;	/* enum: allowed values, NULL-ended */
	const char		*aliases[3];	/* other headers accepted */
	const char		*hint;		/* what to write, for the form */
	const char		*def;		/* value of a new record left empty */
};

#define REG_MAX_FIELDS	40

/* A value: text, date and enum in s; int and bool in i; a unit's id in
 * i and its name in s. */
struct reg_value {
	int		 null;
	char		*s;
	int64_t		 i;
};

struct reg_record {
	int64_t		 id;		/* 0: not stored yet */
	int		 revision;
	struct reg_value v[REG_MAX_FIELDS];
	char		 created_by[65];
	char		 created_at[21];
	char		 updated_by[65];
	char		 updated_at[21];
	int		 line;		/* import: the row it came from */
	unsigned char	 given[REG_MAX_FIELDS];	/* the input had this field */
};

/* An evidence file of a record. */
struct reg_evidence {
	int64_t		 id;
	char		 registry[32];
	int64_t		 record_id;
	char		 sha256[65];
	char		 name[256];
	char		 mime[80];
	int64_t		 size;
	char		 uploaded_by[65];
	char		 uploaded_at[21];
};

/* Problems a cross-field check finds, each naming its field. */
struct reg_problems {
	struct {
		int	 field;
		char	 msg[320];
	}		 v[8];
	size_t		 n;
};

struct reg_desc;
typedef void	(*reg_check_fn)(const struct reg_desc *,
		    const struct reg_record *, const char *today,
		    struct reg_problems *);

struct reg_desc {
	const char		*key;		/* "normative": CLI and URL */
	const char		*name;		/* 行政规范性文件 */
	const char		*table;		/* reg_normative_doc */
	const char		*record_name;	/* 文件: "第 3 份文件" */
	const struct reg_field	*fields;
	int			 nfields;
	int			 owner;		/* the REG_OWNER unit field */
	int			 key_field;	/* unique with owner (文号) */
	int			 date;		/* the date a year filters on */
	int			 title;		/* what names a record */
	int			 expires;	/* expiry date field, or -1 */
	int			 status;	/* status enum field, or -1 */
	const char *const	*inactive;	/* status values not in force */
	reg_check_fn		 check;
	/* Optional, NULL for none: who enters the REG_REVIEW fields, for
	 * messages (default 备案审查机关（依法治县办）); the current step of a
	 * record's workflow (当前环节), carried as "stage" in its JSON. */
	const char		*reviewer;
	const char		*(*stage)(const struct reg_record *);
};

/* The registries fazhi knows. */
int			 registry_count(void);
const struct reg_desc	*registry_at(int);
const struct reg_desc	*registry_find(const char *key);
/* A field by key, or -1. */
int			 reg_field_index(const struct reg_desc *,
			    const char *key);
const char		*reg_ftype_key(enum reg_ftype);

void	 reg_record_init(struct reg_record *);
void	 reg_record_release(struct reg_record *);
void	 reg_record_copy(struct reg_record *, const struct reg_record *);
void	 reg_value_set(struct reg_value *, const char *s, int64_t i);
void	 reg_problem(struct reg_problems *, int field, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));
/* Do two values, or two records (meta data aside), hold the same? */
int	 reg_value_same(const struct reg_field *, const struct reg_value *,
	    const struct reg_value *);
int	 reg_record_same(const struct reg_desc *, const struct reg_record *,
	    const struct reg_record *);

/*
 * Read one cell into a value, checking its type and limits; xlsx allows
 * date serial numbers. On error, why gets the reason (Chinese, without
 * the field's name) and FZ_EINVAL is returned.
 */
enum fz_err	 reg_cell_parse(const struct reg_field *, const char *cell,
		    int xlsx, const struct unit_dir *, struct reg_value *,
		    char *why, size_t n);
/* The text of a value as a cell is written: dates YYYY-MM-DD, 是/否. */
void		 reg_cell_text(const struct reg_field *,
		    const struct reg_value *, struct buf *);
/* Required fields present and the registry's cross-field rules. */
void		 reg_record_check(const struct reg_desc *,
		    const struct reg_record *, const char *today,
		    struct reg_problems *);

/* The unit of a cell: code, full name, short form or alias. */
const struct unit *reg_unit_lookup(const struct unit_dir *, const char *);

/*
 * Rows of a table (struct csv from CSV or XLSX) into records: the header
 * row's labels name the columns (every column must be known, every
 * required field present), each cell is parsed and each row checked, and
 * a key seen twice (owner and key field) is reported at its second row.
 * Errors are per cell, "第N行第M列（列名）：…", with line and column set;
 * on any error no record is returned.
 */
enum fz_err	 reg_rows_parse(const struct reg_desc *, const struct csv *,
		    int xlsx, const struct unit_dir *, const char *today,
		    struct reg_record **, size_t *, int colmap[REG_MAX_FIELDS],
		    struct diags *);
/* "第N行第M列（列名）：" for a cell, "第N行（列名）：" without a column. */
void		 reg_cell_where(const struct reg_desc *, int line, int col,
		    int field, struct buf *);
void		 reg_records_free(struct reg_record *, size_t);

/*
 * The table of a file: XLSX (its first sheet) when it is a zip, else
 * CSV (UTF-8, with or without BOM, or GB18030). *xlsx tells which.
 */
enum fz_err	 reg_table_read(const char *data, size_t len, struct csv *,
		    int *xlsx, struct diags *);
/* The first worksheet of an XLSX workbook as rows of cell texts: line is
 * the sheet's row number; numbers as written (dates are serials). */
enum fz_err	 xlsx_read(const char *data, size_t len, struct csv *,
		    struct diags *);

/* JSON of a record: {"id","revision", each field by key, meta}. */
struct json_t	*reg_record_json(const struct reg_desc *,
		    const struct reg_record *, int meta);
/* The description of a registry: fields, types, labels, values. */
struct json_t	*reg_desc_json(const struct reg_desc *);

/*
 * A record from a JSON object of field values (the API's form): each
 * value becomes a cell and goes through reg_cell_parse, so the API and
 * the importer check alike; a unit may be given by id (a number). Keys
 * not in the registry are refused. With base, absent keys keep base's
 * values (an update). Errors name the field (diag code = field key).
 */
enum fz_err	 reg_record_from_json(const struct reg_desc *,
		    const struct json_t *, const struct unit_dir *,
		    const struct reg_record *base, struct reg_record *,
		    struct diags *);

/* Lists of records. */
struct reg_filter {
	int64_t		 unit_id;	/* owner; 0 any */
	const char	*from, *to;	/* on the date field; NULL any */
	const char	*q;		/* words in the key or the title */
	int64_t		 visible_to;	/* account: only its units' records */
	const char	*exp_from;	/* on the expiry field */
	const char	*exp_to;
	int		 active;	/* status not inactive */
	int		 limit;		/* 0: all */
	int		 offset;
	/* Owners whose division code starts with it (a county: its units
	 * and its towns'); only with from and to, the others ignored; the
	 * records come in no order and the owners' names empty. */
	const char	*division;
	/* Every record dated from to to, in no order (read by computing:
	 * one pass over the table, not the date index), with its id and
	 * revision but no other meta data, the owners' names empty; only
	 * with from and to, the others ignored. Division implies it. */
	int		 any_order;
	/* With any_order or division: the fields read (bit i: field i), the
	 * others left NULL; 0: all. */
	uint64_t	 fields;
};

/*
 * Core operations (registry_ops.c). Each takes the actor and checks what
 * it may do: a unit's clerks and leaders write their own unit's records;
 * supervisors write every unit's and alone set REG_REVIEW fields;
 * supervisors, county leaders and administrators read all, others their
 * units' only. fazhi itself (the CLI, account 0) may do everything.
 */
int		 core_reg_can_read(const struct actor *, int64_t unit_id);
int		 core_reg_can_write(const struct actor *, int64_t unit_id);
enum fz_err	 core_reg_get(struct store *, const struct actor *,
		    const struct reg_desc *, int64_t id, struct reg_record *,
		    struct diags *);
/* Create (id 0) or update a record from the JSON of a form; *out gets
 * the stored record. expect_rev > 0 refuses a record changed since. */
enum fz_err	 core_reg_save(struct store *, const struct actor *,
		    const struct reg_desc *, int64_t id,
		    const struct json_t *, int expect_rev, const char *today,
		    struct reg_record *out, struct diags *);
enum fz_err	 core_reg_list_json(struct store *, const struct actor *,
		    const struct reg_desc *, struct reg_filter *,
		    struct json_t **);
/* A record with its history and evidence files. */
enum fz_err	 core_reg_json(struct store *, const struct actor *,
		    const struct reg_desc *, int64_t id, struct json_t **,
		    struct diags *);

struct reg_import_result {
	int	 rows;
	int	 created;
	int	 updated;
	int	 unchanged;
	int	 xlsx;
	const char *encoding;
};

/*
 * Import a CSV or XLSX file's bytes: every row parsed and checked, then
 * matched with the stored records by owner and key (an existing record is
 * updated, keeping its history), every permission checked; one bad row
 * fails the file and nothing is stored. dry_run checks only.
 */
enum fz_err	 core_reg_import(struct store *, const struct actor *,
		    const struct reg_desc *, const char *name,
		    const char *data, size_t len, int dry_run,
		    const char *today, struct reg_import_result *,
		    struct diags *);
/* The records the actor may read, as the importer's columns. */
enum fz_err	 core_reg_export(struct store *, const struct actor *,
		    const struct reg_desc *, struct reg_filter *, int xlsx,
		    const char *path, struct buf *out, struct diags *);
/* Records whose expiry date falls in [today, today + days], in force,
 * and those past it still marked in force. */
enum fz_err	 core_reg_expiring_json(struct store *, const struct actor *,
		    const struct reg_desc *, const char *today, int days,
		    struct json_t **, struct diags *);
/* Evidence files of a record (the workflow's file types and limits). */
enum fz_err	 core_reg_evidence_add(struct store *, const struct actor *,
		    const struct reg_desc *, int64_t id, const char *name,
		    const void *, size_t, struct reg_evidence *,
		    struct diags *);
enum fz_err	 core_reg_evidence_fetch(struct store *, const struct actor *,
		    int64_t evidence_id, struct reg_evidence *, struct buf *,
		    struct diags *);

/* Default days ahead for expiry reminders: 6 months (see reg_normative.c). */
#define REG_EXPIRY_DAYS	180

#endif
