#!/usr/bin/env python3
"""NEURON 8.2's CVODE on the HH 10-pulse train of benchmarks/scenarios/hh-pulse-train.yaml.

One isopotential compartment of 1000 um^2 (a cylinder with L = diam), 1 uF/cm^2, NEURON's built-in `hh` mechanism
(HH 1952: gnabar 0.12, gkbar 0.036, gl 0.0003 S/cm^2) with el = -54.387 mV and ena, ek from the scenario's
concentrations at 6.3 degC (Nernst, as ionflux computes them: +50.0 and -77.0 mV), V from -65 mV; ten IClamp pulses
of 20 uA/cm^2 (0.2 nA on 1000 um^2) for 0.5 ms at 50, 150, ..., 950 ms. CVODE (variable order, variable step)
with the tolerance given on the command line; V recorded every 0.01 ms. The run (finitialize + continuerun to
1000 ms) is timed REPEATS times after WARMUP runs; the median, min and max and the spike times and peaks (upward
0 mV crossings, linearly interpolated; peaks refined by a parabola) are printed as JSON, and the trace is written
as CSV (t_s, axolemma.V_mV) when a file is given.

Usage: python3 neuron_hh_train.py [ATOL [REPEATS [WARMUP [TRACE.csv]]]]   (default atol 1e-3, NEURON's default)
Needs: NEURON 8.2 with Python (Debian: apt-get install python3-neuron).
"""
import json
import math
import sys
import time

from neuron import h

from trace_error import spikes  # upward 0 mV crossings and peaks, as benchmarks' TraceMetrics computes them

F = 96485.33212
R = 8.314462618
T = 273.15 + 6.3


def nernst_mv(z, c_in, c_out):
    return 1e3 * R * T / (z * F) * math.log(c_out / c_in)


def main():
    atol = float(sys.argv[1]) if len(sys.argv) > 1 else 1e-3
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    warmup = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    trace_path = sys.argv[4] if len(sys.argv) > 4 else None

    h.load_file("stdrun.hoc")
    h.celsius = 6.3
    soma = h.Section(name="axolemma")
    soma.nseg = 1
    soma.L = soma.diam = math.sqrt(1000.0 / math.pi)   # area pi d L = 1000 um^2
    soma.cm = 1.0
    soma.Ra = 100
    soma.insert("hh")
    seg = soma(0.5)
    seg.hh.gnabar, seg.hh.gkbar, seg.hh.gl, seg.hh.el = 0.12, 0.036, 0.0003, -54.387
    seg.ena = nernst_mv(1, 50.0, 398.75)
    seg.ek = nernst_mv(1, 400.0, 16.345)
    clamps = []
    for k in range(10):
        c = h.IClamp(seg)
        c.delay, c.dur, c.amp = 50.0 + 100.0 * k, 0.5, 20e-3 * 1000e-8 * 1e6   # 20 uA/cm^2 x 1000 um^2, nA
        clamps.append(c)
    cvode = h.CVode()
    cvode.active(1)
    cvode.atol(atol)
    tvec, vvec = h.Vector(), h.Vector()
    tvec.record(h._ref_t, 0.01)
    vvec.record(seg._ref_v, 0.01)

    times = []
    for run in range(warmup + repeats):
        start = time.perf_counter()
        h.finitialize(-65.0)
        h.continuerun(1000.0)
        wall = time.perf_counter() - start
        if run >= warmup:
            times.append(wall)
    times.sort()
    median = times[len(times) // 2] if len(times) % 2 else 0.5 * (times[len(times) // 2 - 1] + times[len(times) // 2])
    t, v = list(tvec), list(vvec)
    spike_times, spike_peaks = spikes(t, v)
    print(json.dumps({"tool": "NEURON " + h.nrnversion(), "method": "CVODE", "atol": atol, "repeats": repeats,
                      "wall_time_s": {"median": median, "min": times[0], "max": times[-1]},
                      "rows": len(t), "spike_times_ms": spike_times, "spike_peaks_mV": spike_peaks}))
    if trace_path:
        with open(trace_path, "w") as fh:
            fh.write("t_s,axolemma.V_mV\n")
            for tk, vk in zip(t, v):
                fh.write(f"{tk * 1e-3!r},{vk!r}\n")


if __name__ == "__main__":
    main()
