#!/bin/bash -eu
# Usage: admin_user_limits.sh user_name [limits_json]   -- e.g. '{"maxClusters": 5, "maxCpu": 4}'; '{}' resets to the defaults
# Logs in as $ADMIN_USER/$ADMIN_PASSWORD (default admin/adminpass) unless $ADMIN_TOKEN is set.
AAWEB_ENDPOINT=${AAWEB_ENDPOINT:=localhost:3000/api/v1}
USER_NAME=${1:?user name}
LIMITS=${2:-{\}}
if [ "${ADMIN_TOKEN:-}" == "" ]; then
  auth_json=$(curl -X POST -H 'Content-Type: application/json' \
    -d "{ \"username\": \"${ADMIN_USER:-admin}\", \"password\": \"${ADMIN_PASSWORD:-adminpass}\" }" \
    "${AAWEB_ENDPOINT}/login")
  access_token=$(jq -r .accessToken <(echo ${auth_json}))
else
  access_token="$ADMIN_TOKEN"
fi
result=$(curl -v -X PUT -H 'Content-Type: application/json' \
  -H "Authorization: Bearer ${access_token}" \
  -d "${LIMITS}" \
  "${AAWEB_ENDPOINT}/admin/users/${USER_NAME}/limits")
echo ${result} | jq . || echo ${result}
