#!/usr/bin/env bash
# CI's job summary: which postings the change adds, changes and closes, with their problems
# (`make summary`), written as Markdown to $GITHUB_STEP_SUMMARY (to the terminal when run locally).
# BASE_SHA is the commit to compare with: the pull request's base, or the commit before a push.
# POSTINGS_OUTCOME and PREVIEW_OUTCOME (success, failure, skipped) say whether a preview was made.
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

case "${PREVIEW_OUTCOME:-}" in
success)
  echo "Preview: download the \`site-preview\` artifact of this run, unzip it and open \`index.html\`" \
    "in your browser (no server needed). It lists the postings this change adds, changes and closes."
  ;;
skipped | "")
  if [[ "${POSTINGS_OUTCOME:-}" == failure ]]; then
    echo "**No preview was made**: the changed postings do not pass the publish rules (see the" \
      "errors above, also shown on their lines under **Files changed**). Fix them and commit:" \
      "the next run makes the preview."
  elif [[ -n "${PREVIEW_OUTCOME:-}" ]]; then
    echo "**No preview was made**: the run stopped before the preview step."
  fi
  ;;
*)
  echo "**No preview was made**: building it failed; the log of the step \"Build the preview\"" \
    "says why."
  ;;
esac
