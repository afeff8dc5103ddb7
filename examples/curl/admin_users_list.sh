#!/bin/bash -eu
# Usage: admin_users_list.sh   -- every account with its limits and use
# Logs in as $ADMIN_USER/$ADMIN_PASSWORD (default admin/adminpass) unless $ADMIN_TOKEN is set.
AAWEB_ENDPOINT=${AAWEB_ENDPOINT:=localhost:3000/api/v1}
if [ "${ADMIN_TOKEN:-}" == "" ]; then
  auth_json=$(curl -X POST -H 'Content-Type: application/json' \
    -d "{ \"username\": \"${ADMIN_USER:-admin}\", \"password\": \"${ADMIN_PASSWORD:-adminpass}\" }" \
    "${AAWEB_ENDPOINT}/login")
  access_token=$(jq -r .accessToken <(echo ${auth_json}))
else
  access_token="$ADMIN_TOKEN"
fi
result=$(curl -v -X GET \
  -H "Authorization: Bearer ${access_token}" \
  "${AAWEB_ENDPOINT}/admin/users")
echo ${result} | jq . || echo ${result}
