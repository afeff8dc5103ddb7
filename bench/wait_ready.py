#!/usr/bin/env python3
"""Waits until an HTTP endpoint says "ready", polling every 100 ms over one kept-alive connection, and prints the
epoch millisecond at which it first did. Used by docker-overhead.sh so that both columns are watched alike and cheaply
(no process per poll).

  wait_ready.py cluster PORT NAME TOKEN     until GET /api/v1/aaclusters/NAME shows its first instance "ready"
  wait_ready.py created PORT NAME TOKEN     until GET /api/v1/aaclusters/NAME shows the cluster "created"
  wait_ready.py status  PORT PATH           until GET PATH answers 200
"""
import http.client
import json
import sys
import time

INTERVAL = 0.1
DEADLINE = 600


def poll(port, path, headers, done):
    conn = None
    give_up = time.time() + DEADLINE
    while time.time() < give_up:
        try:
            conn = conn or http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", path, headers=headers)
            response = conn.getresponse()
            body = response.read()
            if done(response.status, body):
                return int(time.time() * 1000)
        except (OSError, http.client.HTTPException):
            if conn:
                conn.close()
            conn = None
        time.sleep(INTERVAL)
    sys.exit("not ready within %d s: %s" % (DEADLINE, path))


def cluster_ready(status, body):
    if status != 200:
        return False
    cluster = json.loads(body)["aacluster"]
    return cluster["services"][0]["instances"][0]["status"] == "ready"


def cluster_created(status, body):
    return status == 200 and json.loads(body)["aacluster"]["status"] == "created"


if __name__ == "__main__":
    mode, port = sys.argv[1], int(sys.argv[2])
    if mode in ("cluster", "created"):
        name, token = sys.argv[3], sys.argv[4]
        print(poll(port, "/api/v1/aaclusters/" + name, {"Authorization": "Bearer " + token},
                   cluster_ready if mode == "cluster" else cluster_created))
    else:
        print(poll(port, sys.argv[3], {}, lambda status, body: status == 200))
