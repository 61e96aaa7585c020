#!/usr/bin/env bash
# Compares rokhdad check --fix with Virastar 0.22.1 on the typography cases: installs Virastar into a
# temporary folder (npm i -E virastar@0.22.1), has it clean every case twice (run.mjs), and prints
# both tools' figures (main.go). Arguments: case files; default: the corpus and the unseen cases.
#   scripts/virastar/compare.sh [-v] [CASES.jsonl...]
set -euo pipefail
cd "$(dirname "$0")/../.."
verbose=()
if [[ ${1:-} == -v ]]; then verbose=(-v); shift; fi
if (($# == 0)); then set -- internal/check/testdata/typography/*.jsonl; fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm init -y >/dev/null && npm i -E --no-audit --no-fund --silent virastar@0.22.1 >/dev/null)
cat "$@" | grep -v '^[[:space:]]*$' >"$tmp/cases.jsonl"
(cd "$tmp" && node "$OLDPWD/scripts/virastar/run.mjs" cases.jsonl) >"$tmp/virastar.jsonl"
go run ./scripts/virastar "${verbose[@]}" -virastar "$tmp/virastar.jsonl" "$tmp/cases.jsonl"
