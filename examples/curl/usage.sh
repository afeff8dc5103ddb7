#!/bin/bash -eu
# Usage: usage.sh [access_token]   -- the caller's limits and what their AAClusters use (an AAPF addition)
AAWEB_ENDPOINT=${AAWEB_ENDPOINT:=localhost:3000/api/v1}
if [ "${1:-}" == "" ]; then
  auth_json=$(curl -X POST -H 'Content-Type: application/json' \
    -d '{ "username": "user1", "password": "user1pass" }' \
    "${AAWEB_ENDPOINT}/login")
  access_token=$(jq -r .accessToken <(echo ${auth_json}))
else
  access_token="$1"
fi
result=$(curl -v -X GET \
  -H "Authorization: Bearer ${access_token}" \
  "${AAWEB_ENDPOINT}/usage")
echo ${result} | jq . || echo ${result}
