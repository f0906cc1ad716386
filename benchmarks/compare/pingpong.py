#!/usr/bin/env python3
"""Alternates short batches of two warm benchmark processes and prints the ratio of their medians, batch by batch.

Usage: python3 pingpong.py ROUNDS BATCH CMD_A CMD_B [--cpu N]

Each CMD is one shell-quoted command that serves batches: it prints {"ready": true} when warm, then for every number
N it reads on standard input it times N runs and prints {"median": s, "min": s}. `ionflux bench --serve` and
`cvode_pump_leak ... serve` do. A is started and warmed up alone, then B (so that neither warm-up competes with the
other's), then each round times BATCH runs of A and BATCH runs of B, in the order A B, then B A, and so on (a trend
within a round weighs on both alike). With --cpu N both processes are pinned to CPU N (`taskset`), so that they run
on the same core.

Why: on a shared virtual machine the speed of a core changes in phases seconds long (here 1.2 ms or 2.5 ms per run
for minutes of the same process, the C program as well as the JVM). Whole processes run one after the other (see
interleave.py) land in different phases; batches of 0.1 s each, side by side, land in the same one. Example, from
the top folder:

  python3 benchmarks/compare/pingpong.py 60 40 \\
    'bin/ionflux bench benchmarks/scenarios/pump-leak-3600.yaml --serve' \\
    '/tmp/cvode_pump_leak 1 100 - 1e-6 serve'
"""
import json
import shlex
import statistics
import subprocess
import sys


def start(command, cpu):
    argv = shlex.split(command)
    if cpu is not None:
        argv = ["taskset", "-c", str(cpu)] + argv
    process = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1)
    while True:
        line = process.stdout.readline()
        if not line:
            sys.exit("pingpong: %s ended before it was ready" % command)
        if json.loads(line).get("ready"):
            return process


def batch(process, n):
    process.stdin.write("%d\n" % n)
    process.stdin.flush()
    data = json.loads(process.stdout.readline())
    return data["median"] * 1e3, data["min"] * 1e3


def quartiles(values):
    q = statistics.quantiles(values, n=4)
    return q[0], statistics.median(values), q[2]


def main(args):
    cpu = None
    if "--cpu" in args:
        k = args.index("--cpu")
        cpu = int(args[k + 1])
        args = args[:k] + args[k + 2:]
    rounds, size, commands = int(args[0]), int(args[1]), args[2:4]
    processes = [start(commands[0], cpu), start(commands[1], cpu)]
    medians = [[], []]
    minima = [[], []]
    try:
        for r in range(rounds):
            order = (0, 1) if r % 2 == 0 else (1, 0)
            for i in order:
                median, minimum = batch(processes[i], size)
                medians[i].append(median)
                minima[i].append(minimum)
            print("round %d: A %.3f ms, B %.3f ms, A/B %.3f" % (r + 1, medians[0][-1], medians[1][-1],
                                                                 medians[0][-1] / medians[1][-1]), flush=True)
    finally:
        for p in processes:
            p.stdin.close()
            p.wait()
    for i, name in enumerate("AB"):
        q1, q2, q3 = quartiles(medians[i])
        print("%s: batch medians %.3f ms (quartiles %.3f-%.3f), fastest run %.3f ms  %s"
              % (name, q2, q1, q3, min(minima[i]), commands[i]))
    ratios = [a / b for a, b in zip(medians[0], medians[1])]
    q1, q2, q3 = quartiles(ratios)
    print("A/B batch by batch: median %.3f (quartiles %.3f-%.3f, range %.3f-%.3f), %d rounds of %d runs"
          % (q2, q1, q3, min(ratios), max(ratios), rounds, size))


if __name__ == "__main__":
    main(sys.argv[1:])
