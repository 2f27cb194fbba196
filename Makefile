# tsbpf's build: `make deps`, `make build`, `make test`, `make demo`, `make clean`; run as root on Debian 12 or similar.
SHELL := /bin/bash
.DEFAULT_GOAL := test

# System packages: the BPF toolchain, bpftool, libbpf headers, ip (netns, veth, XDP attach), tcpdump and ping.
APT_PACKAGES := clang llvm bpftool libbpf-dev iproute2 tcpdump iputils-ping
BIN := node_modules/.bin
# Extra arguments for `vitest run`, e.g. make test VITEST_ARGS="test/support".
VITEST_ARGS ?=

.PHONY: deps system-deps node-check build test demo fuzz bench clean

## deps: install what is missing (apt packages, then npm ci); silent when nothing is.
deps: system-deps node_modules/.package-lock.json

system-deps:
	@missing=""; \
	need() { command -v "$$1" >/dev/null 2>&1 || [ -x "/usr/sbin/$$1" ] || missing="$$missing $$2"; }; \
	need clang clang; need llvm-readelf llvm; need llvm-objdump llvm; need bpftool bpftool; \
	need ip iproute2; need tcpdump tcpdump; need ping iputils-ping; \
	[ -f /usr/include/bpf/bpf_helpers.h ] || missing="$$missing libbpf-dev"; \
	missing=$$(tr ' ' '\n' <<<"$$missing" | sort -u | xargs); \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" != 0 ]; then echo "make deps: missing packages: $$missing; run make as root to install them" >&2; exit 1; fi; \
	  echo "make deps: installing $$missing"; \
	  export DEBIAN_FRONTEND=noninteractive; \
	  apt-get update -qq && apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi

node-check:
	@command -v node >/dev/null 2>&1 || { echo "make: Node.js 20 or newer is needed and is not installed (https://nodejs.org/en/download)" >&2; exit 1; }
	@node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 20 ? 0 : 1)' || { echo "make: Node.js 20 or newer is needed, this is $$(node --version)" >&2; exit 1; }

# npm writes node_modules/.package-lock.json on every install: reinstall when package-lock.json is newer.
node_modules/.package-lock.json: package-lock.json | node-check
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

## build: compile the compiler to dist/ (bin/tsbpf.js runs dist/compiler/cli/main.js), then the native tools
## dist/native/tsbpf-ringbuf-reader and tsbpf-verify, with the recipe compiler/loader/native.ts also uses when one is missing.
build: deps
	$(BIN)/tsc -p tsconfig.json
	node -e 'import("./dist/compiler/loader/native.js").then((m) => m.buildNativeTools().forEach((t) => console.log("built " + t)))'

## test: unit, golden and kernel tests (kernel tests need root; with CI=true they fail instead of skipping).
test: build
	$(BIN)/vitest run $(VITEST_ARGS)

## fuzz: random probes through check, clang and the kernel verifier, failures shrunk to minimal reproducers.
## make fuzz COUNT=500 SEED=1234; also SIZE=small|medium|large|mixed, JOBS=3, ONLY=17,42 (some programs of a seed),
## FUZZ_ARGS="--save" (write the shrunk failures to test/fuzz/regressions/) or "--no-shrink".
COUNT ?= 10000
SEED ?=
SIZE ?= mixed
JOBS ?= 3
ONLY ?=
FUZZ_ARGS ?=
fuzz: build
	$(BIN)/tsc -p test/fuzz/tsconfig.json
	node dist/test/fuzz/cli.js --count $(COUNT) --size $(SIZE) --jobs $(JOBS) $(if $(SEED),--seed $(SEED)) $(if $(ONLY),--only $(ONLY)) $(FUZZ_ARGS)

## bench: every program of bench/programs/ as a tsbpf probe and as hand-written C: same behaviour on the same packets,
## then instructions, JIT bytes, verifier work and ns/packet side by side, written to BENCHMARKS.md (needs root).
## make bench BENCH_ARGS="--only port-filter --rounds 5".
BENCH_ARGS ?=
bench: build
	$(BIN)/tsc -p bench/tsconfig.json
	node dist/bench/run.js $(BENCH_ARGS)

## demo: port-filter between two network namespaces, with and without the probe.
demo: build
	bash scripts/demo.sh

clean:
	rm -rf dist build
