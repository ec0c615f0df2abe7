#!/usr/bin/env bash
# After a deployment: fetch the changes.json the build just published and send the
# notifications it lists (make notify). SITEURL is the live site's address.
set -euo pipefail
: "${SITEURL:?SITEURL must be the address of the published site}"
mkdir -p output
curl --fail --silent --show-error --location --retry 3 --retry-delay 10 \
  "${SITEURL%/}/changes.json" --output output/changes.json
make notify
