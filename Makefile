# PullDoctor — the two commands a fresh Debian machine needs:
#   make demo   build and run PullDoctor (the demo when there is no cluster)
#   make test   install what is missing, build, run every test and the end-to-end rig
SHELL := /bin/bash
.DEFAULT_GOAL := help

SWIFT ?= swift
BUILD_FLAGS ?=
BIN := .build/debug/pulldoctor
APT_PACKAGES := libcurl4-openssl-dev zlib1g-dev libsqlite3-dev prometheus prometheus-alertmanager \
	docker-registry apache2-utils wrk python3 python3-yaml python3-cryptography openssl curl chromium
RIG_TIMEOUT ?= 300

.PHONY: help deps build build-tests unit rig operator-files crash e2e fuzz security soak test run demo release bench clean

help:
	@echo "make demo    build and run the demo: a fixture cluster, real registries, PullDoctor on 127.0.0.1:9095"
	@echo "make test    install missing packages, build, unit tests, end-to-end rig"
	@echo "make run     build and run 'pulldoctor serve' (CONFIG=file to pass --config.file)"
	@echo "make release build the release binary (.build/release/pulldoctor)"

# Installs only what is missing; `apt-get update` runs once, before the first install.
deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -q && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -q --no-install-recommends $$missing; \
	fi

build: deps
	$(SWIFT) build $(BUILD_FLAGS)

build-tests: deps
	$(SWIFT) build --build-tests $(BUILD_FLAGS)

unit: build-tests
	# Serial: several suites start real servers and wait on them; on 2 cores parallel suites starve each other.
	$(SWIFT) test --skip-build --no-parallel $(BUILD_FLAGS)

rig: build-tests
	PULLDOCTOR_BIN=$(BIN) timeout $(RIG_TIMEOUT) scripts/rig.sh

# alertmanager/, grafana/ and deploy/ checked by the real tools that read them.
operator-files: build
	timeout 600 scripts/check-operator-files.sh

# kill -9 PullDoctor five times under a stream of webhooks, and fill its disk: nothing acknowledged may be lost.
crash: build-tests
	PULLDOCTOR_BIN=$(BIN) KUBESIM_BIN=.build/debug/kubesim timeout 300 scripts/crash-test.sh 5 600
	PULLDOCTOR_BIN=$(BIN) timeout 120 scripts/disk-full-test.sh

# libFuzzer (with address sanitizer) on the webhook decoder, config loader, image references, pull secrets and
# the classifier: saved crash inputs replay first; a short run here, 100,000 executions each in `make soak`.
fuzz: deps
	timeout 1200 scripts/fuzz.sh 10

# Planted secrets never reach logs, metrics, notifications, pages or the store; auth, limits, escaping.
security: build-tests
	timeout 300 scripts/security-check.sh

test: unit rig operator-files crash e2e fuzz security

# The long reliability run: 30 minutes of mixed load, printing RSS, fds, threads and outbox depth.
soak: build-tests
	PULLDOCTOR_BIN=$(BIN) KUBESIM_BIN=.build/debug/kubesim timeout 2400 scripts/soak.sh 1800
	timeout 3600 scripts/fuzz.sh --runs 100000

run: build
	$(BIN) serve $(if $(CONFIG),--config.file=$(CONFIG),--web.listen-address=127.0.0.1:9095)

# Kubesim's scenarios, real registries and PullDoctor on this machine; Ctrl-C stops it.
demo: build
	PULLDOCTOR_BIN=$(BIN) KUBESIM_BIN=.build/debug/kubesim scripts/demo.sh

# The end-to-end run and the demo, bounded and non-interactive.
e2e: build-tests
	PULLDOCTOR_BIN=$(BIN) KUBESIM_BIN=.build/debug/kubesim timeout 400 scripts/e2e.sh
	PULLDOCTOR_BIN=$(BIN) KUBESIM_BIN=.build/debug/kubesim timeout 300 scripts/scenarios.sh
	PULLDOCTOR_BIN=$(BIN) KUBESIM_BIN=.build/debug/kubesim PULLDOCTOR_DEMO_PORT=0 timeout 180 scripts/demo.sh --once
	timeout 120 $(BIN) demo --once --web.listen-address 127.0.0.1:0

release: deps
	$(SWIFT) build -c release --static-swift-stdlib $(BUILD_FLAGS)

# Benchmarks on the release binaries, built as `make release` builds them (Swift's runtime linked statically): prints each figure beside its goal (never asserts a timing) and rewrites
# the measured section of BENCHMARKS.md.
bench: deps
	$(SWIFT) build -c release --static-swift-stdlib --product pulldoctor $(BUILD_FLAGS)
	$(SWIFT) build -c release --static-swift-stdlib --product kubesim $(BUILD_FLAGS)
	PULLDOCTOR_BIN=.build/release/pulldoctor KUBESIM_BIN=.build/release/kubesim timeout 900 bench/run.sh

clean:
	rm -rf .build
