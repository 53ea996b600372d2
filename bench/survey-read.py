#!/usr/bin/env python3
"""What a partner's page costs when a respondent's browser asks for a survey it kept: a read answered 304 against one
answered in full, each as it is and gzip-coded (as a browser asks), in bytes on the wire and in processor time of the
gateway and the survey service per read.

Runs against a stack started with ./chorus up and ./chorus demo:
    python3 bench/survey-read.py [reads] [rounds]
Reads the demo's seed survey through the gateway with a publishable key, on one kept-alive connection, as the page's
browser does. The key is of an organisation registered for the purpose by the bootstrap administrator, whose
publishable keys have no practical rate limit (a demo partner's would answer 429 within the first round), and which
is deactivated at the end. Each round reads `reads` times
each way: without If-None-Match and with the ETag of the first read, each without and with Accept-Encoding: gzip,
after a warm-up of as many of each. Processor time is the processes' own (utime + stime from /proc), so the load
generator is not in it.
"""
import gzip, http.client, json, os, sys, time

from processor_time import pid_of, seconds

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
READS = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
ROUNDS = int(sys.argv[2]) if len(sys.argv) > 2 else 3
SEED_TITLE = "Listening to our communities on our draft priorities"
ORIGIN = "https://healthwatch-blackpool.example"

ports = dict(line.strip().split("=", 1) for line in open(os.path.join(ROOT, ".chorus", "run", "ports.properties"))
             if "=" in line and not line.startswith("#"))
gateway = http.client.HTTPConnection("127.0.0.1", int(ports["gateway"]))


def send(method, path, headers, body=None):
    gateway.request(method, path, body=body, headers=headers)
    answer = gateway.getresponse()
    content = answer.read()
    head = sum(len(k) + len(v) + 4 for k, v in answer.getheaders()) + len("HTTP/1.1 200 OK\r\n\r\n")
    return answer, content, head


admin = open(os.path.join(ROOT, ".chorus", "bootstrap-admin-key")).read().strip()
as_admin = {"Authorization": f"Bearer {admin}", "Content-Type": "application/json"}
unlimited = {"requests": 1_000_000, "per": "PT1S"}
registered, body, _ = send("POST", "/api/v1/organisations", as_admin, json.dumps({
    "name": "Survey read bench", "type": "VCFSE", "placeCodes": ["blackpool"], "allowedOrigins": [ORIGIN],
    "rateLimits": {"readsPerKey": unlimited, "readsPerAddress": unlimited}}))
if registered.status != 201:
    sys.exit(f"Could not register the bench's organisation ({registered.status}): {body[:300]}")
organisation, organisation_tag = json.loads(body)["id"], registered.getheader("ETag")
issued, body, _ = send("POST", f"/api/v1/organisations/{organisation}/api-keys", as_admin,
                       json.dumps({"name": "survey-read bench", "kind": "PUBLISHABLE", "scopes": ["public"]}))
if issued.status != 201:
    sys.exit(f"Could not issue a key ({issued.status}): {body[:300]}")
key = json.loads(body)["secret"]
page = {"Authorization": f"Bearer {key}", "Origin": ORIGIN, "Accept": "application/json"}
deadline = time.time() + 10
while (listed := send("GET", "/api/v1/surveys?status=OPEN&limit=500", page))[0].status != 200:
    time.sleep(0.2)
    if time.time() > deadline:
        sys.exit(f"The key was not usable within 10 s: {listed[0].status}")
# The demo's ids are new on every fresh stack; its seed survey is known by its title.
SURVEY = next((s["id"] for s in json.loads(listed[1])["items"] if s["definition"]["title"]["en"] == SEED_TITLE), None)
if SURVEY is None:
    sys.exit("The seed survey is not open: run ./chorus demo first")
first = send("GET", f"/api/v1/surveys/{SURVEY}", page)
tag = first[0].getheader("ETag")
kept = dict(page, **{"If-None-Match": tag})
browser = dict(page, **{"Accept-Encoding": "gzip, deflate, br, zstd"})
coded = send("GET", f"/api/v1/surveys/{SURVEY}", browser)
if coded[0].getheader("Content-Encoding") != "gzip" or gzip.decompress(coded[1]) != first[1]:
    sys.exit("The gateway did not send the survey gzip-coded, or it did not decode to the survey")
kept_coded = dict(browser, **{"If-None-Match": coded[0].getheader("ETag")})


PROCESSES = {module: pid_of(module) for module in ("gateway", "survey-service")}


def cpu_seconds():
    return {module: seconds(f"/proc/{pid}/stat") for module, pid in PROCESSES.items()}


def run(headers, expected):
    before = cpu_seconds()
    wire = 0
    for _ in range(READS):
        answer, content, head = send("GET", f"/api/v1/surveys/{SURVEY}", headers)
        if answer.status != expected:
            sys.exit(f"Expected {expected}, got {answer.status}")
        wire += head + len(content)
    after = cpu_seconds()
    return wire / READS, {m: (after[m] - before[m]) / READS * 1e6 for m in PROCESSES}


KINDS = {"full": (page, 200), "full, gzip": (browser, 200), "not modified": (kept, 304),
         "not modified, gzip": (kept_coded, 304)}
for headers, status in KINDS.values():
    run(headers, status)
results = {kind: [] for kind in KINDS}
for _ in range(ROUNDS):
    for kind, (headers, status) in KINDS.items():
        results[kind].append(run(headers, status))

print(f"{READS} reads per round, {ROUNDS} rounds; ETag {tag}")
print(f"{'answer':<20}{'bytes per read':>16}" + "".join(f"{m + ' µs/read':>26}" for m in PROCESSES))
for kind, rounds in results.items():
    wire = rounds[0][0]
    cpu = {m: sorted(r[1][m] for r in rounds)[len(rounds) // 2] for m in PROCESSES}
    print(f"{kind:<20}{wire:>16.0f}" + "".join(f"{cpu[m]:>26.0f}" for m in PROCESSES))
print("processor time is the median of the rounds")
send("POST", f"/api/v1/organisations/{organisation}/deactivate", dict(as_admin, **{"If-Match": organisation_tag}))
