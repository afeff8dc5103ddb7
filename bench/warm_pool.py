#!/usr/bin/env python3
"""Times creates of notebook clusters against a running AAPF, for bench/warm-pool.sh.

  warm_pool.py create PORT TOKEN NAME [METRICS_TOKEN POOL SIZE]

POSTs the cluster, then polls over one kept-alive connection every 20 ms: first GET /api/v1/aaclusters/NAME until
its notebook instance is "ready" (request -> instance ready, API), then GET <urlPath>/api/status with the notebook's
token through AAPF's proxy until it answers 200 (request -> first proxied /api/status 200). With METRICS_TOKEN it
then polls /metrics until the pool POOL's refill timer counted one more ready instance (refill: request -> the
replacement warm instance ready). Prints
"api_ms proxy_ms first_get_status refill_ms" (refill_ms -1 without a pool), then DELETEs the cluster and waits for
its 404.

  warm_pool.py await-pool PORT METRICS_TOKEN POOL SIZE     until the pool has SIZE ready instances

  warm_pool.py create-only PORT TOKEN NAME     creates the cluster and waits until its notebook answers

  warm_pool.py start PORT TOKEN NAME [METRICS_TOKEN POOL SIZE]

Stops the cluster (and waits for "stopped"), waits until the pool is full (with METRICS_TOKEN), then POSTs the start
and times it like a create: "post_ms api_ms proxy_ms first_get_status" (post_ms: the POST's own round trip, which on a
warm start includes copying the workspace).

  warm_pool.py fill PORT TOKEN NAME MIB SERVER_ID   writes a MIB MiB file of random bytes into the cluster's workspace
                                                  (docker exec as the notebook's user; data.bin, replaced each time)
"""
import http.client
import json
import re
import subprocess
import sys
import time

INTERVAL = 0.02
DEADLINE = 300


class Client:
    def __init__(self, port):
        self.port = port
        self.conn = None

    def call(self, method, path, headers=None, body=None):
        for _ in range(3):
            try:
                self.conn = self.conn or http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
                self.conn.request(method, path, body=body, headers=headers or {})
                response = self.conn.getresponse()
                return response.status, response.read()
            except (OSError, http.client.HTTPException):
                if self.conn:
                    self.conn.close()
                self.conn = None
        raise SystemExit("cannot reach AAPF on port %d" % self.port)


def until(what, check):
    give_up = time.time() + DEADLINE
    while time.time() < give_up:
        result = check()
        if result is not None:
            return result
        time.sleep(INTERVAL)
    raise SystemExit("not within %d s: %s" % (DEADLINE, what))


def ready_count(client, metrics_token, pool):
    status, body = client.call("GET", "/metrics", {"Authorization": "Bearer " + metrics_token})
    pattern = r'aapf_pool_instances\{pool="%s",state="ready"\} ([0-9.]+)' % re.escape(pool)
    found = re.search(pattern, body.decode()) if status == 200 else None
    return int(float(found.group(1))) if found else 0


def refill_count(client, metrics_token, pool):
    status, body = client.call("GET", "/metrics", {"Authorization": "Bearer " + metrics_token})
    pattern = r'aapf_pool_refill_seconds_count\{pool="%s"\} ([0-9.]+)' % re.escape(pool)
    found = re.search(pattern, body.decode()) if status == 200 else None
    return int(float(found.group(1))) if found else 0


def create(port, token, name, metrics_token=None, pool=None, size=0):
    api, proxy = Client(port), Client(port)
    auth = {"Authorization": "Bearer " + token}
    refills_before = refill_count(api, metrics_token, pool) if metrics_token else 0
    body = json.dumps({"jupyterNotebook": {"image": {"repositoryName": "aa_jupyter_notebook"}, "perfType": "small"}})
    t0 = time.time()
    status, reply = api.call("POST", "/api/v1/aaclusters/" + name, dict(auth, **{"Content-Type": "application/json"}),
                             body)
    if status != 202:
        raise SystemExit("create answered %d: %s" % (status, reply))
    first = []

    def instance_ready():
        status, reply = api.call("GET", "/api/v1/aaclusters/" + name, auth)
        if status != 200:
            return None
        cluster = json.loads(reply)["aacluster"]
        first.append(cluster["status"])
        instance = cluster["services"][0]["instances"][0]
        return instance if instance["status"] == "ready" else None

    instance = until("instance ready", instance_ready)
    t_api = time.time()
    path = instance["urlPath"] + "/api/status"
    headers = {"Authorization": "token " + instance["jupyterToken"]}
    until("proxied /api/status 200", lambda: True if proxy.call("GET", path, headers)[0] == 200 else None)
    t_proxy = time.time()
    refill = -1
    if metrics_token:
        until("pool refilled",
              lambda: True if refill_count(api, metrics_token, pool) > refills_before else None)
        refill = int((time.time() - t0) * 1000)
    print(int((t_api - t0) * 1000), int((t_proxy - t0) * 1000), first[0], refill)
    api.call("DELETE", "/api/v1/aaclusters/" + name, auth)
    until("deleted", lambda: True if api.call("GET", "/api/v1/aaclusters/" + name, auth)[0] == 404 else None)


def notebook_of(api, auth, name):
    status, reply = api.call("GET", "/api/v1/aaclusters/" + name, auth)
    if status != 200:
        return None
    cluster = json.loads(reply)["aacluster"]
    return cluster["status"], cluster["services"][0]["instances"][0]


def await_status(api, auth, name, wanted):
    until("cluster " + wanted, lambda: True if (notebook_of(api, auth, name) or ("",))[0] == wanted else None)


def await_served(proxy, instance):
    path = instance["urlPath"] + "/api/status"
    headers = {"Authorization": "token " + instance["jupyterToken"]}
    until("proxied /api/status 200", lambda: True if proxy.call("GET", path, headers)[0] == 200 else None)


def create_only(port, token, name):
    api, proxy = Client(port), Client(port)
    auth = {"Authorization": "Bearer " + token}
    body = json.dumps({"jupyterNotebook": {"image": {"repositoryName": "aa_jupyter_notebook"}, "perfType": "small"}})
    status, reply = api.call("POST", "/api/v1/aaclusters/" + name, dict(auth, **{"Content-Type": "application/json"}),
                             body)
    if status != 202:
        raise SystemExit("create answered %d: %s" % (status, reply))
    await_status(api, auth, name, "created")
    await_served(proxy, notebook_of(api, auth, name)[1])


def start(port, token, name, metrics_token=None, pool=None, size=0):
    api, proxy = Client(port), Client(port)
    auth = {"Authorization": "Bearer " + token}
    if api.call("POST", "/api/v1/aaclusters/%s/stop" % name, auth)[0] != 202:
        raise SystemExit("stop refused")
    await_status(api, auth, name, "stopped")
    if metrics_token:
        until("pool filled", lambda: True if ready_count(api, metrics_token, pool) >= size else None)
    t0 = time.time()
    status, reply = api.call("POST", "/api/v1/aaclusters/%s/start" % name, auth)
    if status != 202:
        raise SystemExit("start answered %d: %s" % (status, reply))
    t_post = time.time()
    first = []

    def instance_ready():
        found = notebook_of(api, auth, name)
        if found is None:
            return None
        first.append(found[0])
        return found[1] if found[1]["status"] == "ready" else None

    instance = until("instance ready", instance_ready)
    t_api = time.time()
    await_served(proxy, instance)
    t_proxy = time.time()
    print(int((t_post - t0) * 1000), int((t_api - t0) * 1000), int((t_proxy - t0) * 1000), first[0])


def fill(port, token, name, mib, server_id):
    api = Client(port)
    proxy_id = notebook_of(api, {"Authorization": "Bearer " + token}, name)[1]["urlPath"].split("/")[2]
    ids = subprocess.run(["docker", "ps", "-q", "--filter", "label=org.aapf.server=" + server_id],
                         capture_output=True, text=True, check=True).stdout.split()
    for container in ids:
        config = subprocess.run(["docker", "inspect", "-f", "{{json .Config.Cmd}}{{json .Config.Env}}", container],
                                capture_output=True, text=True, check=True).stdout
        if proxy_id in config:
            subprocess.run(["docker", "exec", "-u", "1000", container, "sh", "-c",
                            "head -c %dM /dev/urandom > /home/jovyan/data.bin" % mib], check=True)
            return
    raise SystemExit("no container serves proxy id " + proxy_id)


if __name__ == "__main__":
    mode, port = sys.argv[1], int(sys.argv[2])
    if mode == "create":
        if len(sys.argv) > 5:
            create(port, sys.argv[3], sys.argv[4], sys.argv[5], sys.argv[6], int(sys.argv[7]))
        else:
            create(port, sys.argv[3], sys.argv[4])
    elif mode == "create-only":
        create_only(port, sys.argv[3], sys.argv[4])
    elif mode == "start":
        if len(sys.argv) > 5:
            start(port, sys.argv[3], sys.argv[4], sys.argv[5], sys.argv[6], int(sys.argv[7]))
        else:
            start(port, sys.argv[3], sys.argv[4])
    elif mode == "fill":
        fill(port, sys.argv[3], sys.argv[4], int(sys.argv[5]), sys.argv[6])
    elif mode == "await-pool":
        client = Client(port)
        until("pool filled", lambda: True if ready_count(client, sys.argv[3], sys.argv[4]) >= int(sys.argv[5])
              else None)
    else:
        raise SystemExit(__doc__)
