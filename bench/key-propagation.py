#!/usr/bin/env python3
"""Key propagation: how long after the directory issues or revokes a key the gateway accepts or refuses it.

Runs against a stack started with ./chorus up and loaded with ./chorus demo:
    python3 bench/key-propagation.py [rounds]
The target (DESIGN.md, issue 2) is that a revoked key is refused within one second.
"""
import json, os, sys, time, urllib.error, urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
API = os.environ.get("CHORUS_API", "http://127.0.0.1:8080/api/v1")
ADMIN = open(os.path.join(ROOT, ".chorus", "bootstrap-admin-key")).read().strip()
ROUNDS = int(sys.argv[1]) if len(sys.argv) > 1 else 20
def call(method, path, key, body=None):
    req=urllib.request.Request(API+path, method=method, data=json.dumps(body).encode() if body is not None else None,
        headers={"Authorization":"Bearer "+key, "Content-Type":"application/json"})
    try:
        with urllib.request.urlopen(req) as r: return r.status, json.loads(r.read() or b'null')
    except urllib.error.HTTPError as e: return e.code, None
_, orgs = call("GET","/organisations?type=HEALTHWATCH", ADMIN)
org = orgs["items"][0]["id"]
issue_times=[]; revoke_times=[]
for i in range(ROUNDS):
    _, k = call("POST", f"/organisations/{org}/api-keys", ADMIN, {"name":"bench","kind":"SECRET","scopes":["insights:read"]})
    t=time.perf_counter()
    while call("GET","/places?limit=1",k["secret"])[0]!=200: time.sleep(0.005)
    issue_times.append(time.perf_counter()-t)
    call("POST", f"/api-keys/{k['key']['id']}/revoke", ADMIN)
    t=time.perf_counter()
    while call("GET","/places?limit=1",k["secret"])[0]!=401: time.sleep(0.005)
    revoke_times.append(time.perf_counter()-t)
def q(xs, p):
    return sorted(xs)[int(p * (len(xs) - 1))] * 1000

print("issued key usable after: p50 %.0f ms, max %.0f ms" % (q(issue_times,.5), max(issue_times)*1000))
print("revoked key refused after: p50 %.0f ms, max %.0f ms" % (q(revoke_times,.5), max(revoke_times)*1000))
