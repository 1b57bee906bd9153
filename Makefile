# framescope — see README.md. `make run` and `make test` are the two set-up commands.
SHELL := /bin/bash
SHARED ?= ../shared
OUT ?= output
CORPUS ?= corpus

.PHONY: install build run test bench fuzz eval eval-segment eval-pages eval-ner eval-rhetoric clean

node_modules/.installed: package.json package-lock.json
	npm ci
	@touch $@

install: node_modules/.installed

build: install
	npm run build --silent

run: build
	node dist/pipeline/cli.js run $(CORPUS) --out $(OUT)

# The tests need Chromium for the report.html check: test/setup/chromium.sh installs it or says how.
test: build
	bash test/setup/chromium.sh
	npx vitest run --config test/vitest.config.ts

bench: build
	node dist/test/bench/bench.js $(BENCH_ARGS)

fuzz: build
	node dist/test/fuzz/fuzz.js $(FUZZ_ARGS)

eval: build
	@if [ -x $(SHARED)/eval/run-seeds.sh ]; then $(SHARED)/eval/run-seeds.sh; else echo "eval: $(SHARED)/eval not found; skipped"; fi

# Segmentation score over the hand-annotated fixtures in test/fixtures/segment (issue 3).
eval-segment: build
	node dist/test/eval/segment.js $(EVAL_ARGS)

# Body extraction on the article-extraction benchmark's dev pages, HTML and plain text, beside the peers (issue 12).
eval-pages: build
	SHARED=$(SHARED) node dist/test/eval/pages.js $(EVAL_ARGS)

# Entity recognition on a CoNLL-2003-format file you supply (the data is not shipped): make eval-ner NER=path
eval-ner: build
	node dist/test/eval/ner.js $(NER)

# Rhetoric markers against the PTC propaganda spans in $(SHARED)/benchmarks/ptc-dev, read in place; skips when absent.
# HALF=A or HALF=B scores one fixed half (by a hash of the article id): tune on A, judge on B.
eval-rhetoric: build
	node dist/test/eval/rhetoric.js $(SHARED)/benchmarks/ptc-dev $(HALF)

clean:
	rm -rf dist $(OUT)/reports $(OUT)/run.json
