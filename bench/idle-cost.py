#!/usr/bin/env python3
"""What each service costs while nobody calls it: processor time of the whole process, and of its threads that read
events (the inbox consumer, `chorus-inbox-<service>`, and the gateway's directory readers), over a quiet minute.

Runs against a stack started with ./chorus up, with nothing else calling it:
    python3 bench/idle-cost.py [seconds]
All four services are measured over the same seconds. Processor time is utime + stime from /proc, for the process and
for each thread whose name (as /proc shows it, cut to 15 characters) starts with "chorus-inbox" or "chorus-gateway-" (its key and organisation readers).
"""
import os, sys, time

from processor_time import pid_of, seconds

SECONDS = int(sys.argv[1]) if len(sys.argv) > 1 else 60
SERVICES = ("gateway", "partner-directory-service", "survey-service", "insight-service")
READERS = ("chorus-inbox", "chorus-gateway-")


def sample(pid):
    readers = 0
    for task in os.listdir(f"/proc/{pid}/task"):
        try:
            if open(f"/proc/{pid}/task/{task}/comm").read().startswith(READERS):
                readers += seconds(f"/proc/{pid}/task/{task}/stat")
        except OSError:
            pass
    return seconds(f"/proc/{pid}/stat"), readers


pids = {service: pid_of(service) for service in SERVICES}
before = {service: sample(pid) for service, pid in pids.items()}
time.sleep(SECONDS)
after = {service: sample(pid) for service, pid in pids.items()}
print(f"idle for {SECONDS} s: processor time of each service, and of its threads reading events")
for service in SERVICES:
    whole = after[service][0] - before[service][0]
    readers = after[service][1] - before[service][1]
    print(f"  {service:27} {whole:6.2f} s ({100 * whole / SECONDS:5.2f}% of a core), reading events "
          f"{readers:5.2f} s ({100 * readers / SECONDS:4.2f}%)")
