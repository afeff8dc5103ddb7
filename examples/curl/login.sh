#!/bin/bash
set -eu
#Get access token
auth_json=$(curl -v -X POST -H 'Content-Type: application/json' \
-d '{ "username": "user1", "password": "user1pass" }' \
"localhost:3000/api/v1/login")
access_token=$(echo ${auth_json} | jq -r .accessToken)
#Call api
curl -v -X GET \
-H "Authorization: Bearer ${access_token}" \
"localhost:3000/api/v1/aaclusters"
