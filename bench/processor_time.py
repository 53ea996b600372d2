"""Processor time of the stack's own processes, read from /proc, for the benches that run against ./chorus up: the
process's (or a thread's) utime + stime, so that the load generator is never in it."""
import os, sys

TICKS = os.sysconf("SC_CLK_TCK")


def pid_of(module):
    """The running process of a module's jar, e.g. "survey-service"; the bench stops if there is none."""
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            if f"/{module}/target/".encode() in open(f"/proc/{pid}/cmdline", "rb").read():
                return pid
        except OSError:
            pass
    sys.exit(f"No running {module}")


def seconds(stat_path):
    """utime + stime of a /proc/<pid>/stat or /proc/<pid>/task/<tid>/stat, in seconds."""
    fields = open(stat_path).read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS
