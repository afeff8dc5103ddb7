#!/bin/bash -eu
# Usage: admin_audit.sh [since [access_token]]   (an admin's token; since: e.g. PT1H or 2026-12-04T21:00:00Z)
# Prints every audit entry since then, oldest first, following nextCursor from page to page.
AAWEB_ENDPOINT=${AAWEB_ENDPOINT:=localhost:3000/api/v1}
SINCE=${1:-PT24H}
if [ "${2:-}" == "" ]; then
  auth_json=$(curl -s -X POST -H 'Content-Type: application/json' \
    -d '{ "username": "admin", "password": "adminpass" }' \
    "${AAWEB_ENDPOINT}/login")
  access_token=$(jq -r .accessToken <(echo ${auth_json}))
else
  access_token="$2"
fi
cursor=""
while :; do
  page=$(curl -s --fail-with-body -G -H "Authorization: Bearer ${access_token}" \
    --data-urlencode "since=${SINCE}" --data-urlencode "limit=100" \
    ${cursor:+--data-urlencode "cursor=${cursor}"} "${AAWEB_ENDPOINT}/admin/audit")
  echo "${page}" | jq -c '.entries[]'
  cursor=$(echo "${page}" | jq -r '.nextCursor // empty')
  [ -n "${cursor}" ] || break
done
