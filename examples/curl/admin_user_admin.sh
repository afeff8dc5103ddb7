#!/bin/bash -eu
# Usage: admin_user_admin.sh user_name true|false   -- grant or revoke admin rights
# Logs in as $ADMIN_USER/$ADMIN_PASSWORD (default admin/adminpass) unless $ADMIN_TOKEN is set.
AAWEB_ENDPOINT=${AAWEB_ENDPOINT:=localhost:3000/api/v1}
USER_NAME=${1:?user name}
ADMIN=${2:?true or false}
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
  -d "{\"admin\": ${ADMIN}}" \
  "${AAWEB_ENDPOINT}/admin/users/${USER_NAME}/admin")
echo ${result} | jq . || echo ${result}
