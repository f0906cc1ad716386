#!/usr/bin/env python3
"""The job of `ionflux run benchmarks/scenarios/pump-leak-3600.yaml`, done the way a Python user would.

The Kay 2017-style pump-leak cell (GHK Na, K, Cl; a constant Na/K pump; water; free V), 3600 s, integrated with
scipy's solve_ivp (LSODA, rtol 1e-6, atol 1e-9 in output units as ionflux applies it), sampled every 1 s, written
as trace.csv with ionflux's 24 columns (full precision), a small summary.json, and three matplotlib PNGs
(potential, concentrations, currents). Imports count: time it as a whole process.

Usage: python3 pump_leak_lsoda.py [OUT_DIR]      (default: ./out-python)
Needs: numpy, scipy, matplotlib (Debian: apt-get install python3-scipy python3-matplotlib).
"""
import json
import os
import sys
import time

import numpy as np
from scipy.integrate import solve_ivp
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt

# constants as ionflux's Constants (CODATA 2018)
F = 96485.33212          # C/mol
R = 8.314462618          # J/(mol K)
T = 273.15 + 37.0        # K
VT = R * T / F           # V
VW = 18.0e-6             # m^3/mol, molar volume of water

# the scenario, in SI (mM = mol/m^3)
AREA = 2000e-12          # m^2
CM = 1e-2                # F/m^2 (1 uF/cm^2)
P = {"Na": 4e-9, "K": 6.4e-8, "Cl": 4e-8}   # m/s (4e-7, 6.4e-6, 4e-6 cm/s)
Z = {"Na": 1.0, "K": 1.0, "Cl": -1.0}
IP = 5.2e-2              # A/m^2 (5.2 uA/cm^2), constant pump (km = 0)
PF = 2e-5                # m/s (2e-3 cm/s)
BATH = {"Na": 145.0, "K": 3.5, "Cl": 115.0, "X": 0.0, "Y": 33.5}
VOL0 = 1e-15             # m^3 (1 pL)
C0 = {"Na": 20.0, "K": 120.0, "Cl": 10.0, "X": 152.941176, "Y": 0.0}
V0 = -60e-3
DURATION, INTERVAL = 3600.0, 1.0
RTOL, ATOL = 1e-6, 1e-9  # atol in output units: mM, pL, mV
IONS = ["Na", "K", "Cl"]
SPECIES = ["Na", "K", "Cl", "X", "Y"]
OSM_OUT = sum(BATH.values())


def f(u):
    """u / (1 - exp(-u)), with its series near 0."""
    u = np.asarray(u, dtype=float)
    small = np.abs(u) < 1e-4
    safe = np.where(small, 1.0, u)
    return np.where(small, 1.0 + u / 2.0 + u * u / 12.0, safe / -np.expm1(-safe))


def fluxes(n, vol, v):
    """GHK and pump molar fluxes (mol/s, outward positive) and current densities (A/m^2, outward positive)."""
    c = {s: n[i] / vol for i, s in enumerate(["Na", "K", "Cl", "X"])}
    j, i_x = {}, {}
    for s in IONS:
        u = Z[s] * v / VT
        j[s] = P[s] * AREA * (c[s] * f(u) - BATH[s] * f(-u))
        i_x[s] = Z[s] * F * j[s] / AREA
    cycles = IP * AREA / F
    j["Na"] += 3 * cycles
    j["K"] -= 2 * cycles
    i_x["Na"] += 3 * IP
    i_x["K"] -= 2 * IP
    return c, j, i_x


def rhs(t, y):
    n, vol, v = y[0:4], y[4], y[5]
    c, j, i_x = fluxes(n, vol, v)
    osm_in = sum(c.values())
    current = sum(i_x.values())  # GHK currents + 3 i_p - 2 i_p: the net outward current
    return [-j["Na"], -j["K"], -j["Cl"], 0.0, PF * AREA * VW * (osm_in - OSM_OUT), -current / CM]


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "out-python"
    os.makedirs(out, exist_ok=True)
    y0 = [C0[s] * VOL0 for s in ["Na", "K", "Cl", "X"]] + [VOL0, V0]
    atol = [ATOL * VOL0] * 4 + [ATOL * 1e-15, ATOL * 1e-3]
    times = np.arange(0.0, DURATION + 0.5 * INTERVAL, INTERVAL)
    start = time.perf_counter()
    sol = solve_ivp(rhs, (0.0, DURATION), y0, method="LSODA", t_eval=times, rtol=RTOL, atol=atol)
    wall = time.perf_counter() - start

    header = ["t_s", "plasma.V_mV"] + [f"cell.{s}_mM" for s in SPECIES] + [f"bath.{s}_mM" for s in SPECIES] \
        + ["cell.volume_pL"]
    for s in IONS:
        header += [f"plasma.E_{s}_mV", f"plasma.I_{s}_uA_cm2"]
    header += ["plasma.I_pump_uA_cm2"] + [f"plasma.J_{s}_fmol_s" for s in IONS]
    rows = []
    for k, t in enumerate(sol.t):
        n, vol, v = sol.y[0:4, k], sol.y[4, k], sol.y[5, k]
        c, j, i_x = fluxes(n, vol, v)
        c["Y"] = 0.0
        row = [t, v * 1e3] + [c[s] for s in SPECIES] + [BATH[s] for s in SPECIES] + [vol * 1e15]
        for s in IONS:
            row += [VT / Z[s] * np.log(BATH[s] / c[s]) * 1e3, i_x[s] * 1e2]
        row += [IP * 1e2] + [j[s] * 1e15 for s in IONS]
        rows.append(row)
    with open(os.path.join(out, "trace.csv"), "w") as fh:
        fh.write(",".join(header) + "\n")
        for row in rows:
            fh.write(",".join(repr(float(x)) for x in row) + "\n")
    data = np.array(rows)
    summary = {"scenario": "pump-leak-3600", "status": "completed", "solver": {"name": "scipy LSODA",
               "rhs_evaluations": int(sol.nfev), "jacobian_evaluations": int(sol.njev)},
               "integration_wall_time_s": wall, "final": dict(zip(header, map(float, rows[-1])))}
    with open(os.path.join(out, "summary.json"), "w") as fh:
        json.dump(summary, fh, indent=2)

    col = {h: i for i, h in enumerate(header)}
    fig, ax = plt.subplots(figsize=(8, 5))
    ax.plot(data[:, 0], data[:, col["plasma.V_mV"]], label="plasma V")
    for s in IONS:
        ax.plot(data[:, 0], data[:, col[f"plasma.E_{s}_mV"]], label=f"E_{s}")
    ax.set_xlabel("t (s)"); ax.set_ylabel("mV"); ax.legend(); fig.savefig(os.path.join(out, "potential.png"))
    plt.close(fig)
    fig, axes = plt.subplots(2, 1, figsize=(8, 8))
    for comp, axis in zip(["cell", "bath"], axes):
        for s in SPECIES:
            axis.plot(data[:, 0], data[:, col[f"{comp}.{s}_mM"]], label=s)
        axis.set_title(comp); axis.set_xlabel("t (s)"); axis.set_ylabel("mM"); axis.legend()
    fig.savefig(os.path.join(out, "concentrations.png"))
    plt.close(fig)
    fig, ax = plt.subplots(figsize=(8, 5))
    for s in IONS:
        ax.plot(data[:, 0], data[:, col[f"plasma.I_{s}_uA_cm2"]], label=f"I_{s}")
    ax.plot(data[:, 0], data[:, col["plasma.I_pump_uA_cm2"]], label="I_pump")
    ax.set_xlabel("t (s)"); ax.set_ylabel("uA/cm^2"); ax.legend(); fig.savefig(os.path.join(out, "currents.png"))
    plt.close(fig)
    print(f"pump-leak-3600: {len(rows)} rows, {sol.nfev} RHS evaluations, {wall:.3f} s integration; outputs in {out}")


if __name__ == "__main__":
    main()
