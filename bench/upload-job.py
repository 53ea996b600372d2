#!/usr/bin/env python3
"""Upload jobs: how long a Healthwatch's large file takes, through the gateway of ./chorus up.

    python3 bench/upload-job.py [rows] [mode of a second upload]

Registers a Healthwatch with a key (the bootstrap administrator key in .chorus/), uploads `rows` activities (default
10,000; every other one with a finding) as a job, and, when a mode (keep-valid or all-or-nothing) is given, sends the
file again with every third title corrected. Prints each job's time from its createdAt to its finishedAt.
"""
import datetime
import json
import sys
import time
import urllib.error
import urllib.request
import uuid

GATEWAY = "http://127.0.0.1:8080"
ADMIN = open(".chorus/bootstrap-admin-key").read().strip()
HEADER = ("reference,title,method,start_date,end_date,place_codes,participant_count,groups_reached,"
          "finding_statement,finding_themes,finding_sentiment,finding_participant_count,finding_quotes")


def call(method, path, key, body=None, content_type="application/json", headers=None):
    data = body if isinstance(body, (bytes, type(None))) else json.dumps(body).encode()
    request = urllib.request.Request(GATEWAY + path, data=data, method=method)
    request.add_header("Authorization", "Bearer " + key)
    if data is not None:
        request.add_header("Content-Type", content_type)
    for name, value in (headers or {}).items():
        request.add_header(name, value)
    with urllib.request.urlopen(request) as response:
        return json.loads(response.read() or b"null"), response.headers


def csv(rows, corrected):
    def row(i):
        title = f"Outreach corrected {i}" if corrected and i % 3 == 0 else f"Outreach {i}"
        finding = i % 2 == 0
        return ",".join([f"L{i}", title, "Outreach with specific groups", "2019-01-01", "", "blackpool", str(i % 50),
                         "", f"Finding {i}" if finding else "", "mental-health-support" if finding else "",
                         "Concern" if finding else "", "", ""])
    return ("\r\n".join([HEADER] + [row(i) for i in range(1, rows + 1)]) + "\r\n").encode()


def run(key, rows, mode, body):
    for _ in range(60):  # a new key reaches the gateway within seconds
        try:
            _, headers = call("POST", "/api/v1/uploads?mode=" + mode, key, body, "text/csv",
                              {"Idempotency-Key": str(uuid.uuid4())})
            break
        except urllib.error.HTTPError as e:
            if e.code != 401:
                raise
            time.sleep(0.5)
    location = headers["Location"].replace(GATEWAY, "")
    while True:
        upload, _ = call("GET", location, key)
        if upload["status"] == "DONE":
            break
        time.sleep(0.2)
    at = lambda text: datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))
    seconds = (at(upload["finishedAt"]) - at(upload["createdAt"])).total_seconds()
    print(f"{mode} {rows} rows: accepted {upload['acceptedRows']}, updated {upload['updatedRows']}, "
          f"unchanged {upload['unchangedRows']}, rejected {upload['rejectedRows']}; "
          f"job {seconds:.2f} s, {rows / seconds:.0f} rows/s")


def main():
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    organisation, _ = call("POST", "/api/v1/organisations", ADMIN, {
        "name": "Healthwatch Upload Timing " + uuid.uuid4().hex[:6], "type": "HEALTHWATCH",
        "placeCodes": ["blackpool"], "allowedOrigins": ["https://healthwatch.example"]})
    issued, _ = call("POST", f"/api/v1/organisations/{organisation['id']}/api-keys", ADMIN, {
        "name": "upload timing", "kind": "SECRET", "scopes": ["insights:write", "insights:read"]})
    run(issued["secret"], rows, "keep-valid", csv(rows, corrected=False))
    if len(sys.argv) > 2:
        run(issued["secret"], rows, sys.argv[2], csv(rows, corrected=True))


if __name__ == "__main__":
    main()
