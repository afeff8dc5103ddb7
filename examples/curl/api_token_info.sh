#!/bin/bash -eu
# Usage: api_token_info.sh tokenName [access_token]
AAWEB_ENDPOINT=${AAWEB_ENDPOINT:=localhost:3000/api/v1}
if [ "$2" == "" ]; then
  auth_json=$(curl -X POST -H 'Content-Type: application/json' \
    -d '{ "username": "user1", "password": "user1pass" }' \
    "${AAWEB_ENDPOINT}/login")
  access_token=$(jq -r .accessToken <(echo ${auth_json}))
else
  access_token="$2"
fi
if [ "$1" != "" ]; then
  result=$(curl -v -X GET \
    -H "Authorization: Bearer ${access_token}" \
    "${AAWEB_ENDPOINT}/api-tokens/$1")
else
  echo "Usage: api_token_info.sh tokenName [access_token]"
  exit 1
fi
echo ${result} | jq . || echo ${result}
