#!/bin/bash -eu
# Usage: aacluster_stop.sh [cluster_name [access_token]]
AAWEB_ENDPOINT=${AAWEB_ENDPOINT:=localhost:3000/api/v1}
CLUSTER_NAME=${1:-sample}
if [ "$2" == "" ]; then
  auth_json=$(curl -X POST -H 'Content-Type: application/json' \
    -d '{ "username": "user1", "password": "user1pass" }' \
    "${AAWEB_ENDPOINT}/login")
  access_token=$(jq -r .accessToken <(echo ${auth_json}))
else
  access_token="$2"
fi
curl -v --no-buffer -X POST \
  -H "Authorization: Bearer ${access_token}" \
  "${AAWEB_ENDPOINT}/aaclusters/${CLUSTER_NAME}/stop" | jq .
