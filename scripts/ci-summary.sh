#!/usr/bin/env bash
# CI's job summary: which postings the change adds, changes and closes, with their problems
# (`make summary`), written as Markdown to $GITHUB_STEP_SUMMARY (to the terminal when run locally).
# BASE_SHA is the commit to compare with: the pull request's base, or the commit before a push.
set -euo pipefail
cd "$(dirname "$0")/.."

base=${BASE_SHA:-}
# The first push of a new branch has no "before" commit (GitHub sends forty zeros): compare with
# where the branch left main, else with the previous commit, else with nothing (everything is new).
if [[ -z "$base" || "$base" =~ ^0+$ ]] || ! git cat-file -e "$base^{commit}" 2>/dev/null; then
  head=$(git rev-parse HEAD)
  base=$(git merge-base HEAD origin/main 2>/dev/null || true)
  if [[ -z "$base" || "$base" == "$head" ]]; then
    base=$(git rev-parse -q --verify HEAD^ || git hash-object -t tree /dev/null)
  fi
fi

if [[ -n "${GITHUB_STEP_SUMMARY:-}" ]]; then
  exec >>"$GITHUB_STEP_SUMMARY"
fi
# -s: Make must not echo its commands into the Markdown.
make -s --no-print-directory summary BASE="$base"
