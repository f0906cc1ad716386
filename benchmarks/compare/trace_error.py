#!/usr/bin/env python3
"""Accuracy of a trace against a reference trace, as benchmarks' TraceMetrics measures it.

  trace_error.py REFERENCE.csv TRACE.csv RTOL ATOL
      weighted RMS of (y - y_ref) / (atol + rtol |y_ref|) over the rows of TRACE at the reference's times and over
      the state columns both files have (potentials in mV, concentrations in mM, volumes in pL; constant columns
      left out), and the max relative error |y - y_ref| / |y_ref| over the same values.
  trace_error.py --spikes REFERENCE.csv TRACE.csv
      upward 0 mV crossings of the first V column (linearly interpolated) and the peak after each (a parabola
      through the three rows around the largest), and their largest differences from the reference's.

CSV files with a header; t_s first. Only the standard library is needed.
"""
import csv
import math
import sys


def read(path):
    with open(path) as fh:
        rows = list(csv.reader(fh))
    header = rows[0]
    values = [[float(x.replace("inf", "Infinity")) for x in r] for r in rows[1:] if r]
    return header, values


def state_columns(header):
    return [h for h in header if h.endswith("_mV") and ".E_" not in h or h.endswith("_mM") or h.endswith("_pL")]


def spikes(t, v):
    """Upward 0 mV crossings (ms) and the peak after each (mV), as benchmarks' TraceMetrics computes them."""
    times, peaks = [], []
    for k in range(1, len(v)):
        if v[k - 1] < 0.0 <= v[k]:
            times.append(t[k - 1] + (0.0 - v[k - 1]) * (t[k] - t[k - 1]) / (v[k] - v[k - 1]))
            j = k
            while j + 1 < len(v) and v[j + 1] > v[j]:
                j += 1
            if 0 < j < len(v) - 1:
                y0, y1, y2 = v[j - 1], v[j], v[j + 1]
                d = y0 - 2 * y1 + y2
                peaks.append(y1 - (y0 - y2) ** 2 / (8 * d) if d != 0 else y1)
            else:
                peaks.append(v[j])
    return times, peaks


def main(argv):
    if argv[0] == "--spikes":
        ref_h, ref = read(argv[1])
        h, rows = read(argv[2])
        vr = next(i for i, c in enumerate(ref_h) if c.endswith(".V_mV"))
        vt = next(i for i, c in enumerate(h) if c.endswith(".V_mV"))
        rt, rp = spikes([r[0] for r in ref], [r[vr] for r in ref])
        tt, tp = spikes([r[0] for r in rows], [r[vt] for r in rows])
        if len(rt) != len(tt):
            print(f"spikes: reference {len(rt)}, trace {len(tt)}")
            return
        dt = max(abs(a - b) for a, b in zip(rt, tt)) * 1e6
        dp = max(abs(a - b) for a, b in zip(rp, tp))
        print(f"spikes {len(tt)}, max spike-time error {dt:.3g} us, max peak error {dp:.3g} mV "
              f"(reference: first at {rt[0]*1e3:.6f} ms, peak {rp[0]:.6f} mV)")
        return
    ref_h, ref = read(argv[0])
    h, rows = read(argv[1])
    rtol, atol = float(argv[2]), float(argv[3])
    by_time = {round(r[0], 9): r for r in rows}
    columns = [c for c in state_columns(ref_h) if c in h]
    columns = [c for c in columns if len({r[ref_h.index(c)] for r in ref}) > 1]
    total, count, max_rel = 0.0, 0, 0.0
    for r in ref:
        row = by_time.get(round(r[0], 9))
        if row is None:
            continue
        for c in columns:
            y_ref, y = r[ref_h.index(c)], row[h.index(c)]
            total += ((y - y_ref) / (atol + rtol * abs(y_ref))) ** 2
            count += 1
            if y_ref != 0:
                max_rel = max(max_rel, abs(y - y_ref) / abs(y_ref))
    print(f"{count // max(1, len(columns))} rows x {len(columns)} columns ({', '.join(columns)}): "
          f"weighted RMS error {math.sqrt(total / max(1, count)):.3g}, max relative error {max_rel:.3g}")


if __name__ == "__main__":
    main(sys.argv[1:])
