# fazhi: build, test, demo, fuzz and bench. See README.md.
#   make            build build/fazhi (strict warnings) and build/web (the
#                   staff web application, Vite; needs node >= 18 and npm)
#   make demo       install what is missing, build, load 莘县 and the plan,
#                   serve it and the web application on http://127.0.0.1:8080
#                   with demo accounts
#   make check      every test, built with ASan and UBSan, then the
#                   end-to-end tests in headless Chromium
#   make fuzz       build and run the libFuzzer targets (FUZZ_SECONDS each)
#   make bench      the importer benchmark, results in bench/results/
#   make bench-store the store workload on SQLite and PostgreSQL
#   make bench-http wrk against the dashboard and task list, beside nginx
#   make bench-province the indicators of 136 counties and 1,000,000 records
#   make bench-annual   the annual report over a year of the reference plan
#   make bench-annual-province the annual report of each of the 136 counties
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
WEB_SRC	 = $(shell find web/src web/public -type f 2>/dev/null) web/index.html \
	   web/vite.config.js web/package.json web/package-lock.json

.PHONY: all deps demo check test fuzz bench bench-store bench-http bench-province bench-annual bench-annual-province clean lint web
all: $(BUILD)/fazhi $(BUILD)/web/index.html
web: $(BUILD)/web/index.html

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

# The web application: npm ci installs the exact versions of
# web/package-lock.json (nothing is fetched at run time), Vite compiles the
# templates and bundles into $(BUILD)/web, and gzip keeps a precompressed
# copy of each asset for fazhi serve to send to browsers that take it.
web/node_modules/.package-lock.json: web/package.json web/package-lock.json
	@command -v npm >/dev/null 2>&1 || { echo "make: the web application needs node >= 18 and npm: run scripts/deps.sh build" >&2; exit 1; }
	@echo "  NPM     web/node_modules"
	@cd web && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

$(BUILD)/web/index.html: $(WEB_SRC) web/node_modules/.package-lock.json
	@echo "  VITE    $(BUILD)/web"
	@cd web && npx --no-install vite build --logLevel warn --outDir ../$(BUILD)/web --emptyOutDir
	@find $(BUILD)/web -type f \( -name '*.js' -o -name '*.css' -o -name '*.svg' -o -name '*.html' \) \
	    -size +1k -exec gzip -9 -k -f {} +
	@touch $@

demo:
	@scripts/deps.sh build
	@$(MAKE) --no-print-directory all
	@scripts/demo.sh $(BUILD)

# The whole suite under ASan and UBSan, in its own build folder, against
# SQLite and against a throw-away PostgreSQL cluster (tests/with-pg.sh);
# tests/run.sh ends with the end-to-end tests (tests/e2e/run.sh).
check:
	@scripts/deps.sh build test
	@$(MAKE) --no-print-directory BUILD=build-san SAN=1 OPT="-O1 -g" \
	    build-san/fazhi build-san/web/index.html $(TEST_BIN:$(BUILD)/%=build-san/%)
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

# wrk against the dashboard and task list APIs beside nginx (about 15 min).
bench-http:
	@scripts/deps.sh bench test
	@bench/http.sh

# Shandong's 136 counties, 1,000,000 registry records, the indicators
# recomputed on SQLite and PostgreSQL beside a GROUP BY baseline (over an
# hour on a busy 2-CPU machine).
bench-province:
	@scripts/deps.sh bench test
	@bench/province.sh

bench-annual:
	@scripts/deps.sh bench test
	@bench/annual.sh

# Each of the 136 counties in its own store, a year of quarterly reports
# each, its annual report timed (about 15 min; COUNTIES=5 for a quick run).
bench-annual-province:
	@scripts/deps.sh bench test
	@bench/annual-province.sh

lint:
	clang-format --dry-run -Werror src/*/*.c src/*.c include/fazhi/*.h

clean:
	rm -rf build build-san build-fuzz var/fazhi.db*
