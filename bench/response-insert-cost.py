#!/usr/bin/env python3
"""What an index costs the hot insert: PostgreSQL's own throughput inserting a typical response, with and without one.

Runs against a stack started with ./chorus up (and ./chorus demo, or any responses, to copy a typical one from):
    python3 bench/response-insert-cost.py [index] [seconds] [rounds] [clients]
index defaults to response_by_transaction, the index on (survey_id, transaction_id, submitted_at) that lets an
incremental export find responses committed after its cursor. Two scratch tables are made LIKE response INCLUDING
ALL, the index is dropped from one, and pgbench inserts into each in turn, each run into an emptied table (alternating,
so that a busy spell of the machine falls on both). A bare insert is the upper bound of the cost: the service's insert
also writes the outbox, the tally backlog and the idempotency record in the same statement and commit. The inserts
commit one by one; PGOPTIONS='-c synchronous_commit=off' takes the disk's flushes out of the figure.
Needs pgbench and psql.
"""
import os, re, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
INDEX = sys.argv[1] if len(sys.argv) > 1 else "response_by_transaction"
SECONDS = int(sys.argv[2]) if len(sys.argv) > 2 else 20
ROUNDS = int(sys.argv[3]) if len(sys.argv) > 3 else 3
CLIENTS = int(sys.argv[4]) if len(sys.argv) > 4 else 8
ENV = dict(os.environ, PGPASSWORD=open(os.path.join(ROOT, ".chorus", "db-password")).read().strip(),
           PGHOST="127.0.0.1", PGPORT=os.environ.get("CHORUS_PG_PORT", "55432"), PGUSER="chorus",
           PGDATABASE="survey")

def psql(sql):
    return subprocess.run(["psql", "-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1", "-c", sql], env=ENV, check=True,
                          capture_output=True, text=True).stdout.strip()

index_columns = psql(f"SELECT pg_get_indexdef(indexrelid) FROM pg_index WHERE indexrelid::regclass::text = '{INDEX}'")
if not index_columns:
    sys.exit(f"No index {INDEX} on response to leave out")
psql("DROP TABLE IF EXISTS bench_insert_with, bench_insert_without")
psql("CREATE TABLE bench_insert_with (LIKE response INCLUDING ALL)")
psql("CREATE TABLE bench_insert_without (LIKE response INCLUDING ALL)")
copied = psql(f"""SELECT indexname FROM pg_indexes WHERE tablename = 'bench_insert_without'
                  AND split_part(indexdef, ' USING ', 2) = (SELECT split_part(indexdef, ' USING ', 2)
                                                           FROM pg_indexes WHERE indexname = '{INDEX}')""")
if not copied:
    sys.exit(f"No index {INDEX} on response to leave out")
psql(f"DROP INDEX {copied}")
typical = psql("""SELECT format('(gen_random_uuid(), %L, %s, %L, %L, %L, %L, now(), %L::jsonb,
                      encode(sha256(random()::text::bytea), ''hex''), NULL)', survey_id, survey_version, channel,
                      place_code, via_organisation_id, entered_by, answers)
                  FROM response ORDER BY abs(length(answers::text) - (SELECT avg(length(answers::text)) FROM response)),
                      id LIMIT 1""")
if not typical:
    sys.exit("No response to copy: run ./chorus demo first")
scripts = {}
for table in ("bench_insert_with", "bench_insert_without"):
    script = tempfile.NamedTemporaryFile("w", suffix=".pgbench", delete=False)
    values = typical.replace("\n", " ")
    script.write(f"INSERT INTO {table} (id, survey_id, survey_version, channel, place_code, via_organisation_id, "
                 f"entered_by, submitted_at, answers, erasure_token_hash, contact) VALUES {values};\n")
    script.close()
    scripts[table] = script.name

def tps(table):
    # each run starts from an empty table, so that neither pays for the other's growth
    psql(f"TRUNCATE {table}")
    out = subprocess.run(["pgbench", "-n", "-M", "prepared", "-f", scripts[table], "-c", str(CLIENTS), "-j", "2",
                          "-T", str(SECONDS)], env=ENV, check=True, capture_output=True, text=True).stdout
    return float(re.search(r"tps = ([0-9.]+)", out).group(1))

try:
    print(f"index: {index_columns}")
    print(f"pgbench: {CLIENTS} clients, {SECONDS} s per run, {ROUNDS} rounds alternating")
    results = {"bench_insert_with": [], "bench_insert_without": []}
    for r in range(ROUNDS):
        order = ("bench_insert_with", "bench_insert_without")
        for table in (order[::-1] if r % 2 else order):
            results[table].append(tps(table))
            print(f"  round {r + 1} {table}: {results[table][-1]:,.0f} inserts/s")
    with_index = sorted(results["bench_insert_with"])[len(results["bench_insert_with"]) // 2]
    without = sorted(results["bench_insert_without"])[len(results["bench_insert_without"]) // 2]
    print(f"median: {with_index:,.0f}/s with the index, {without:,.0f}/s without: "
          f"with/without = {with_index / without:.3f}")
finally:
    psql("DROP TABLE IF EXISTS bench_insert_with, bench_insert_without")
    for name in scripts.values():
        os.unlink(name)
