#!/usr/bin/env python3
"""Runs whole commands interleaved (A B A B ...) and prints the wall time of each, round by round, then medians.

Usage: python3 interleave.py ROUNDS CMD [CMD ...]     (each CMD one shell-quoted string)

When a command's last line is the JSON of `ionflux bench`, `cvode_pump_leak` or `neuron_hh_train.py`, its median and
minimum times (ms) and its step count are printed, and the summary is of those medians; otherwise it is of the
process's wall time.
With two commands the ratio of the first to the second is also taken round by round. Example, from the top folder:

  python3 benchmarks/compare/interleave.py 10 \
    'bin/ionflux run benchmarks/scenarios/pump-leak-3600.yaml --out /tmp/cmp/ionflux' \
    'python3 benchmarks/compare/pump_leak_lsoda.py /tmp/cmp/python'
"""
import json
import shlex
import statistics
import subprocess
import sys
import time


def run(command):
    start = time.perf_counter()
    done = subprocess.run(shlex.split(command), check=True, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                          text=True)
    wall = time.perf_counter() - start
    try:
        data = json.loads(done.stdout.strip().splitlines()[-1])
        w = data.get("integration_wall_time_s") or data["wall_time_s"]
        return w["median"] * 1e3, "median %.3f ms, min %.3f ms, %s steps" % (w["median"] * 1e3, w["min"] * 1e3,
                                                                              data.get("steps"))
    except (ValueError, KeyError, IndexError):
        return wall, "%.3f s" % wall


def main():
    rounds = int(sys.argv[1])
    commands = sys.argv[2:]
    values = [[] for _ in commands]
    for r in range(rounds):
        for i, command in enumerate(commands):
            value, text = run(command)
            values[i].append(value)
            print("round %d, command %d: %s" % (r + 1, i + 1, text), flush=True)
    for i, command in enumerate(commands):
        v = values[i]
        print("command %d: median %.3f (%.3f-%.3f)  %s" % (i + 1, statistics.median(v), min(v), max(v), command))
    if len(commands) == 2:
        ratios = [a / b for a, b in zip(values[0], values[1])]
        print("command 1 / command 2, round by round: median %.2f (%.2f-%.2f)" % (
            statistics.median(ratios), min(ratios), max(ratios)))


if __name__ == "__main__":
    main()
