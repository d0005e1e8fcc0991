#!/usr/bin/env bash
# The Herald service's build: the Docker image runs exactly this (Dockerfile), and so does CI
# (.ci/run, before the tests), so the image's steps are exercised where Docker is absent.
# From a clean checkout: install the locked dependencies, typecheck the service with what it
# imports from src/ (Node's types only, no DOM), and load its entry point once, as the image
# runs it, with no configuration: it must stop with exit code 2 and name what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

npm ci --no-audit --no-fund
npx tsc -p tsconfig.service.json

set +e
problems="$(env -i PATH="$PATH" node --import tsx service/main.ts 2>&1 >/dev/null)"
code=$?
set -e
if [ "$code" -ne 2 ] || ! grep -q 'SUNCO_APP_ID is missing' <<<"$problems"; then
  echo "The service's entry point did not load and stop on its missing configuration as expected (exit code $code):" >&2
  echo "$problems" >&2
  exit 1
fi
echo "Herald service built: dependencies installed, typechecked, entry point loads."
