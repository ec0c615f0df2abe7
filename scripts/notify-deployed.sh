#!/usr/bin/env bash
# After a deployment: send the notifications listed in the changes.json this run's build wrote
# (the workflow downloads the build job's `changes` artifact into output/), never a list fetched
# from the live site. Only URLs under SITEURL, the published site's address, are sent.
#
# This job holds the Indexing API's secret, so it installs only what notify imports: PyJWT and
# its cryptography, at the versions constraints.txt pins, as wheels (no package's build code
# runs); the plugin runs from plugins/ without being installed.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${SITEURL:?SITEURL must be the address of the published site}"
if [[ ! -f output/changes.json ]]; then
  echo "notify-deployed.sh: output/changes.json is missing: download the build's changes artifact" >&2
  exit 2
fi
python -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check --only-binary=:all: \
  -c constraints.txt "pyjwt[crypto]"
# --old-file: the venv holds what notify needs; Make must not install the development set into it.
PYTHONPATH=plugins make -s --no-print-directory --old-file=.venv/.installed notify
