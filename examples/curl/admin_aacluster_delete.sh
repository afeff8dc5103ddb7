#!/bin/bash -eu
# Usage: admin_aacluster_delete.sh owner cluster_name   -- delete any user's AACluster
# Logs in as $ADMIN_USER/$ADMIN_PASSWORD (default admin/adminpass) unless $ADMIN_TOKEN is set.
AAWEB_ENDPOINT=${AAWEB_ENDPOINT:=localhost:3000/api/v1}
OWNER=${1:?owner}
CLUSTER_NAME=${2:?cluster name}
if [ "${ADMIN_TOKEN:-}" == "" ]; then
  auth_json=$(curl -X POST -H 'Content-Type: application/json' \
    -d "{ \"username\": \"${ADMIN_USER:-admin}\", \"password\": \"${ADMIN_PASSWORD:-adminpass}\" }" \
    "${AAWEB_ENDPOINT}/login")
  access_token=$(jq -r .accessToken <(echo ${auth_json}))
else
  access_token="$ADMIN_TOKEN"
fi
result=$(curl -v -X DELETE \
  -H "Authorization: Bearer ${access_token}" \
  "${AAWEB_ENDPOINT}/admin/aaclusters/${OWNER}/${CLUSTER_NAME}")
echo ${result} | jq . || echo ${result}
