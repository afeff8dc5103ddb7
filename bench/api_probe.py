#!/usr/bin/env python3
"""Sends API requests to one AAPF server without pause until a stop file appears, and prints
"<requests> <failed> <slowest ms>":
GET /api/v1/aaclusters and GET /api/v1/aaclusters/NAME in turn, every 50 ms over one kept-alive connection, each
with a 5 s timeout. Anything but a 200 (a refused or dropped connection, a timeout, a 5xx) counts as failed and is
described on stderr. Used by failover.sh to show that the servers that survive keep answering while the lease moves.

  api_probe.py PORT TOKEN NAME STOPFILE
"""
import http.client
import os
import sys
import time

INTERVAL = 0.05
DEADLINE = 600


def main(port, token, name, stopfile):
    headers = {"Authorization": "Bearer " + token}
    paths = ["/api/v1/aaclusters", "/api/v1/aaclusters/" + name]
    conn, sent, failed, slowest = None, 0, 0, 0
    give_up = time.time() + DEADLINE
    while not os.path.exists(stopfile) and time.time() < give_up:
        path = paths[sent % 2]
        sent += 1
        began = time.time()
        try:
            conn = conn or http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", path, headers=headers)
            response = conn.getresponse()
            response.read()
            slowest = max(slowest, int((time.time() - began) * 1000))
            if response.status != 200:
                failed += 1
                print("%d %s -> %d" % (int(time.time() * 1000), path, response.status), file=sys.stderr)
        except (OSError, http.client.HTTPException) as e:
            failed += 1
            print("%d %s -> %r" % (int(time.time() * 1000), path, e), file=sys.stderr)
            if conn:
                conn.close()
            conn = None
        time.sleep(INTERVAL)
    print(sent, failed, slowest)


if __name__ == "__main__":
    main(int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4])
