# The two commands of the Quick start, plus bench and format. Everything goes through CMake presets.
JOBS ?= $(shell nproc)
MAKEFLAGS += --no-print-directory
CTEST_FLAGS ?=

.PHONY: all deps build demo test test-default test-asan bench fuzz format format-check clean user-guide

all: build

deps:
	@installer/debian/install-deps.sh

build: deps
	@cmake --preset default >/dev/null
	@cmake --build --preset default -j $(JOBS)

# The demo opens the workstation on a demo district (a real hub on loopback); without a display it says so and
# runs the headless equivalent (the catalogue check and list) instead.
demo: build
	@if [ -n "$$DISPLAY" ] || [ -n "$$WAYLAND_DISPLAY" ]; then \
		build/default/src/app/jaanch --demo; \
	else \
		echo "No display (DISPLAY is not set): running the headless demo with jaanch-cli instead."; \
		build/default/src/cli/jaanch-cli forms check forms && build/default/src/cli/jaanch-cli forms list; \
	fi

# Each phase says when it starts, so a CI log shows what each costs (docs/architecture.md, "Tests").
test: format-check build
	@echo "== $$(date +%T) sanitizer build (ASan + UBSan) =="
	@cmake --preset asan >/dev/null
	@cmake --build --preset asan -j $(JOBS)
	@echo "== $$(date +%T) sanitizer build: non-GUI tests =="
	@ctest --preset asan -j $(JOBS) $(CTEST_FLAGS)
	@echo "== $$(date +%T) default build: all tests, GUI under xvfb-run =="
	@ctest --preset default -j $(JOBS) $(CTEST_FLAGS)
	@echo "== $$(date +%T) done =="

bench: build
	@cmake --build --preset default --target benchmarks -j $(JOBS)
	@tests/bench/run-all.sh build/default

# The user guide's pictures: the GUI tests drive the real window and save screenshots; copy those it shows.
user-guide: build
	@ctest --preset default -L gui $(CTEST_FLAGS)
	@tests/gui/copy_screenshots.sh build/default/tests/gui/screenshots docs/user-guide.md
# The sandbox's IPC parser under libFuzzer (clang) for five minutes; ctest runs it briefly (docs/sandbox.md).
fuzz:
	@tests/sandbox/fuzz/run_ipc_fuzzer.sh $(CURDIR) build/fuzz -max_total_time=300

format:
	@git ls-files '*.cpp' '*.h' | xargs clang-format -i

# Every C++ file git lists is as clang-format (.clang-format) writes it; `make format` fixes what this finds.
format-check: deps
	@echo "== $$(date +%T) format check (clang-format) =="
	@git ls-files '*.cpp' '*.h' | xargs clang-format --dry-run -Werror

clean:
	rm -rf build
