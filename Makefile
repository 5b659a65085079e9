# SPDX-License-Identifier: Apache-2.0
#
# The two commands a new user needs:
#   make demo    set up, build, and assess the embedded demo hospital
#   make check   set up, build with ASan+UBSan and -Werror, run every test
# and the rest:
#   make                 build (build/)
#   make install PREFIX=/usr/local
#   make fuzz            build the libFuzzer targets and run each briefly
#   make bench           benchmarks beside their peers -> bench/RESULTS.md
#   make format          clang-format every C file in place

PREFIX ?= /usr/local
BUILD ?= build
CHECK_BUILD ?= build-check
FUZZ_BUILD ?= build-fuzz
FUZZ_SECONDS ?= 10
MESON_FLAGS ?=

.PHONY: all build check demo install fuzz bench format clean bootstrap

all: build

bootstrap:
	@scripts/bootstrap build

build: bootstrap
	@test -f $(BUILD)/build.ninja || \
		meson setup $(BUILD) --prefix=$(abspath $(PREFIX)) $(MESON_FLAGS) >/dev/null
	@ninja -C $(BUILD) | grep -v '^ninja: no work to do' || true
	@test -x $(BUILD)/cli/tplc

check:
	@scripts/bootstrap check
	@test -f $(CHECK_BUILD)/build.ninja || \
		meson setup $(CHECK_BUILD) -Db_sanitize=address,undefined \
			-Db_lundef=false -Dwerror=true $(MESON_FLAGS) >/dev/null
	@ninja -C $(CHECK_BUILD) >/dev/null || ninja -C $(CHECK_BUILD)
	@meson test -C $(CHECK_BUILD) --num-processes 2 --print-errorlogs \
		>$(CHECK_BUILD)/test-output.txt 2>&1; \
		status=$$?; \
		python3 scripts/test-summary $(CHECK_BUILD) || status=1; \
		if [ $$status -ne 0 ]; then \
			echo "make check: failures; see $(CHECK_BUILD)/meson-logs/testlog.txt" >&2; \
			exit 1; \
		fi

demo: build
	@scripts/demo $(BUILD)/cli/tplc

install: build
	@meson configure $(BUILD) --prefix=$(abspath $(PREFIX)) >/dev/null
	@meson install -C $(BUILD) --quiet

fuzz:
	@scripts/bootstrap fuzz
	@test -f $(FUZZ_BUILD)/build.ninja || \
		CC=clang meson setup $(FUZZ_BUILD) -Dfuzz=true -Dtests=false \
			-Db_sanitize=address,undefined -Db_lundef=false >/dev/null
	@ninja -C $(FUZZ_BUILD)
	@scripts/fuzz $(FUZZ_BUILD) $(FUZZ_SECONDS)

bench: build
	@scripts/bootstrap bench
	@scripts/bench $(BUILD)

format:
	@git ls-files '*.c' '*.h' | xargs clang-format -i

clean:
	rm -rf $(BUILD) $(CHECK_BUILD) $(FUZZ_BUILD)
