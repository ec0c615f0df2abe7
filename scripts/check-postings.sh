#!/usr/bin/env bash
# CI's first check: the postings this change touches, with the publish rules (warnings are
# errors, as on the published site), as annotations on their lines. Every posting when the data
# files or the settings changed (they can affect all of them), or when there is nothing to
# compare with. BASE_SHA is the pull request's base, or the commit before a push.
set -euo pipefail
cd "$(dirname "$0")/.."

base=${BASE_SHA:-}
files=()
if [[ -n "$base" && ! "$base" =~ ^0+$ ]] && git cat-file -e "$base^{commit}" 2>/dev/null; then
  if git diff --quiet "$base" -- content/data pelicanconf.py publishconf.py; then
    mapfile -t files < <(git diff --name-only --diff-filter=d "$base" -- content/jobs)
    if ((${#files[@]} == 0)); then
      echo "No posting changed: nothing to check with the publish rules."
      exit 0
    fi
  fi
fi
./openings validate --strict --format github "${files[@]}"
