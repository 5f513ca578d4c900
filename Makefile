# fazhi: build, test, demo, fuzz and bench. See README.md.
#   make            build build/fazhi (strict warnings)
#   make demo       install what is missing, build, load 莘县 and the plan
#   make check      every test, built with ASan and UBSan
#   make fuzz       build and run the libFuzzer targets (FUZZ_SECONDS each)
#   make bench      the importer benchmark, results in bench/results/
#   make bench-store the store workload on SQLite and PostgreSQL
# SPDX-License-Identifier: MIT

CC	?= cc
BUILD	?= build
PKGS	 = sqlite3 libpq jansson libzip libxml-2.0 xlsxwriter libsodium libmicrohttpd
WARN	 = -std=c11 -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
	   -Wmissing-prototypes -Wold-style-definition -Wpointer-arith \
	   -Wwrite-strings -Wformat=2 -Wvla -Wimplicit-fallthrough -Wundef \
	   -Wcast-qual -Werror
OPT	?= -O2 -g
SANFLAGS = -fsanitize=address,undefined -fno-omit-frame-pointer \
	   -fno-sanitize-recover=undefined
CPPFLAGS += -D_GNU_SOURCE -DFZ_HAVE_PG -Iinclude -Isrc -I$(BUILD)/gen
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
ifeq ($(SAN),1)
OPT	+= $(SANFLAGS)
LDFLAGS	+= $(SANFLAGS)
endif
ALL_CFLAGS = $(OPT) $(WARN) $(CPPFLAGS) $(PKG_CFLAGS) $(CFLAGS)

LIB_SRC	 = $(sort $(wildcard src/util/*.c src/store/*.c src/import/*.c \
	   src/core/*.c src/export/*.c src/http/*.c src/cli/*.c))
LIB_OBJ	 = $(LIB_SRC:src/%.c=$(BUILD)/obj/%.o) $(BUILD)/obj/gen/migrations_sqlite.o \
	   $(BUILD)/obj/gen/migrations_pg.o $(BUILD)/obj/gen/openapi.o
MIGRATIONS_SQLITE = $(sort $(wildcard sql/sqlite/*.sql))
MIGRATIONS_PG = $(sort $(wildcard sql/pg/*.sql))
TEST_SRC = $(sort $(wildcard tests/unit/*.c))
TEST_BIN = $(TEST_SRC:tests/unit/%.c=$(BUILD)/tests/%)

.PHONY: all deps demo check test fuzz bench bench-store clean lint
all: $(BUILD)/fazhi

deps:
	@scripts/deps.sh build

$(BUILD)/gen/migrations_sqlite.c: $(MIGRATIONS_SQLITE) scripts/embed-sql.sh
	@mkdir -p $(@D)
	@echo "  GEN     $@"
	@scripts/embed-sql.sh sqlite $(MIGRATIONS_SQLITE) > $@.tmp && mv $@.tmp $@

$(BUILD)/gen/migrations_pg.c: $(MIGRATIONS_PG) scripts/embed-sql.sh
	@mkdir -p $(@D)
	@echo "  GEN     $@"
	@scripts/embed-sql.sh pg $(MIGRATIONS_PG) > $@.tmp && mv $@.tmp $@

$(BUILD)/gen/openapi.c: docs/api/openapi.yaml scripts/embed-text.sh
	@mkdir -p $(@D)
	@echo "  GEN     $@"
	@scripts/embed-text.sh openapi_yaml docs/api/openapi.yaml > $@.tmp && mv $@.tmp $@

$(BUILD)/obj/gen/%.o: $(BUILD)/gen/%.c
	@mkdir -p $(@D)
	@echo "  CC      $<"
	@$(CC) $(ALL_CFLAGS) -Wno-overlength-strings -c -o $@ $<

$(BUILD)/obj/%.o: src/%.c $(wildcard include/fazhi/*.h src/*/*.h) Makefile
	@mkdir -p $(@D)
	@echo "  CC      $<"
	@$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/libfazhi.a: $(LIB_OBJ)
	@rm -f $@
	@echo "  AR      $@"
	@ar rcs $@ $^

$(BUILD)/fazhi: $(BUILD)/obj/fazhi.o $(BUILD)/libfazhi.a
	@echo "  LINK    $@"
	@$(CC) $(LDFLAGS) -o $@ $^ $(PKG_LIBS)

$(BUILD)/tests/%: tests/unit/%.c tests/lib/*.h $(BUILD)/libfazhi.a
	@mkdir -p $(@D)
	@echo "  TEST    $@"
	@$(CC) $(ALL_CFLAGS) -Itests/lib $(LDFLAGS) -o $@ $< $(BUILD)/libfazhi.a \
	    $(PKG_LIBS) -lcmocka

demo:
	@scripts/deps.sh build
	@$(MAKE) --no-print-directory all
	@mkdir -p var
	./$(BUILD)/fazhi init --db var/fazhi.db
	./$(BUILD)/fazhi divisions import --db var/fazhi.db data/divisions/shandong.csv
	./$(BUILD)/fazhi units import --db var/fazhi.db data/units/shenxian.csv
	./$(BUILD)/fazhi plan import --db var/fazhi.db --update data/plans/shenxian-2022.md
	./$(BUILD)/fazhi plan show --db var/fazhi.db

# The whole suite under ASan and UBSan, in its own build folder, against
# SQLite and against a throw-away PostgreSQL cluster (tests/with-pg.sh).
check:
	@scripts/deps.sh test
	@$(MAKE) --no-print-directory BUILD=build-san SAN=1 OPT="-O1 -g" \
	    build-san/fazhi $(TEST_BIN:$(BUILD)/%=build-san/%)
	@tests/with-pg.sh tests/run.sh build-san

FUZZ_SECONDS ?= 60
FUZZ_BUILD ?= build-fuzz
fuzz:
	@scripts/deps.sh fuzz
	@FUZZ_BUILD=$(FUZZ_BUILD) fuzz/run.sh $(FUZZ_SECONDS)

bench:
	@scripts/deps.sh bench
	@bench/run.sh

# The store workload on SQLite and PostgreSQL (a few minutes).
bench-store:
	@scripts/deps.sh bench test
	@bench/store.sh

lint:
	clang-format --dry-run -Werror src/*/*.c src/*.c include/fazhi/*.h

clean:
	rm -rf build build-san build-fuzz var/fazhi.db*
