/*
 * The pump-leak cell of benchmarks/scenarios/pump-leak-3600.yaml integrated by SUNDIALS CVODE: BDF, Newton with a
 * dense direct solver and the analytic Jacobian, rtol 1e-6, atol 1e-9 in output units (as ionflux applies it),
 * output every 1 s (CVode in CV_NORMAL mode to each output time, the state stored in memory, as `ionflux bench`
 * keeps its trace). Repeats the whole integration and prints the median, min and max wall time and CVODE's counts;
 * with a file argument it also writes the state trace (t_s, plasma.V_mV, cell.*_mM, cell.volume_pL) as CSV.
 *
 * Build: gcc -O2 -o cvode_pump_leak cvode_pump_leak.c -lsundials_cvode -lsundials_nvecserial \
 *            -lsundials_sunlinsoldense -lsundials_sunmatrixdense -lm
 *        (Debian: apt-get install libsundials-dev; SUNDIALS 6.x API)
 * Run:   ./cvode_pump_leak [REPEATS [WARMUP [TRACE.csv|- [RTOL [serve]]]]]   (default 200 50 - 1e-6; atol = 1e-3 rtol)
 *        With "serve" it prints {"ready":true} after the warm-up and then, for every number N read from standard
 *        input, times N integrations and prints their median and minimum as one JSON line, until the end of input
 *        (for pingpong.py, which alternates short batches of two programs); REPEATS is then ignored.
 *
 * State (SI): amounts of Na, K, Cl, X in the cell (mol), cell volume (m^3), V (V). The bath is clamped.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <cvode/cvode.h>
#include <nvector/nvector_serial.h>
#include <sunlinsol/sunlinsol_dense.h>
#include <sunmatrix/sunmatrix_dense.h>

#define N 6
static const double F = 96485.33212, R = 8.314462618, T = 310.15, VW = 18.0e-6;
static const double AREA = 2000e-12, CM = 1e-2, IP = 5.2e-2, PF = 2e-5, VOL0 = 1e-15, V0 = -60e-3;
static const double P[3] = {4e-9, 6.4e-8, 4e-8};
static const double Z[3] = {1.0, 1.0, -1.0};
static const double BATH[3] = {145.0, 3.5, 115.0};
static const double OSM_OUT = 145.0 + 3.5 + 115.0 + 33.5;
static const double C0[4] = {20.0, 120.0, 10.0, 152.941176};
static const double DURATION = 3600.0, INTERVAL = 1.0;
static double RTOL = 1e-6, ATOL = 1e-9;   /* atol = rtol x 1e-3 in output units, as the benchmarks use */

/* f(u) = u / (1 - exp(-u)) and its derivative, with series near 0 */
static double fu(double u) { return fabs(u) < 1e-4 ? 1.0 + u / 2.0 + u * u / 12.0 : -u / expm1(-u); }
static double dfu(double u) {
    if (fabs(u) < 1e-4) return 0.5 + u / 6.0;
    double e = exp(-u), d = 1.0 - e;
    return (d - u * e) / (d * d);
}

static int rhs(sunrealtype t, N_Vector yv, N_Vector ydv, void *data) {
    (void) t; (void) data;
    double *y = N_VGetArrayPointer(yv), *yd = N_VGetArrayPointer(ydv);
    double vol = y[4], v = y[5], vt = R * T / F, current = IP, osm = 0;
    for (int i = 0; i < 4; i++) osm += y[i] / vol;
    for (int i = 0; i < 3; i++) {
        double u = Z[i] * v / vt, c = y[i] / vol;
        double j = P[i] * AREA * (c * fu(u) - BATH[i] * fu(-u));
        current += Z[i] * F * j / AREA;
        yd[i] = -j;
    }
    double cycles = IP * AREA / F;
    yd[0] -= 3 * cycles;
    yd[1] += 2 * cycles;
    yd[3] = 0.0;
    yd[4] = PF * AREA * VW * (osm - OSM_OUT);
    yd[5] = -current / CM;
    return 0;
}

static int jac(sunrealtype t, N_Vector yv, N_Vector fy, SUNMatrix J, void *data, N_Vector t1, N_Vector t2,
               N_Vector t3) {
    (void) t; (void) fy; (void) data; (void) t1; (void) t2; (void) t3;
    double *y = N_VGetArrayPointer(yv);
    double vol = y[4], v = y[5], vt = R * T / F, k = PF * AREA * VW, osm = 0;
    SUNMatZero(J);
    for (int i = 0; i < 4; i++) osm += y[i] / vol;
    double dvdot[N] = {0};
    for (int i = 0; i < 3; i++) {
        double u = Z[i] * v / vt, c = y[i] / vol, pa = P[i] * AREA;
        double djdn = pa * fu(u) / vol;                       /* dJ/dn_i */
        double djdvol = -pa * fu(u) * c / vol;                /* dJ/dVol */
        double djdv = pa * (c * dfu(u) + BATH[i] * dfu(-u)) * Z[i] / vt; /* dJ/dV */
        SM_ELEMENT_D(J, i, i) = -djdn;
        SM_ELEMENT_D(J, i, 4) = -djdvol;
        SM_ELEMENT_D(J, i, 5) = -djdv;
        double q = Z[i] * F / AREA / CM;                      /* dVdot = -q dJ */
        dvdot[i] -= q * djdn;
        dvdot[4] -= q * djdvol;
        dvdot[5] -= q * djdv;
    }
    for (int i = 0; i < 4; i++) SM_ELEMENT_D(J, 4, i) = k / vol;
    SM_ELEMENT_D(J, 4, 4) = -k * osm / vol;
    for (int j = 0; j < N; j++) SM_ELEMENT_D(J, 5, j) = dvdot[j];
    return 0;
}

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + 1e-9 * ts.tv_nsec;
}

static int cmp(const void *a, const void *b) {
    double x = *(const double *) a, y = *(const double *) b;
    return (x > y) - (x < y);
}

/*
 * One whole integration from the initial state into trace; its wall time, s (negative if CVode failed). The first
 * call sets CVODE up, the others re-initialize it.
 */
static double integrate(void *mem, N_Vector y, N_Vector abstol, SUNLinearSolver LS, SUNMatrix A, double *trace,
                        int rows) {
    static int initialized = 0;
    double start = now();
    double *yy = N_VGetArrayPointer(y);
    for (int i = 0; i < 4; i++) yy[i] = C0[i] * VOL0;
    yy[4] = VOL0;
    yy[5] = V0;
    if (!initialized) {
        initialized = 1;
        CVodeInit(mem, rhs, 0.0, y);
        CVodeSVtolerances(mem, RTOL, abstol);
        CVodeSetLinearSolver(mem, LS, A);
        CVodeSetJacFn(mem, jac);
        CVodeSetMaxNumSteps(mem, 100000);
        CVodeSetStopTime(mem, DURATION);
    } else {
        CVodeReInit(mem, 0.0, y);
        CVodeSetStopTime(mem, DURATION);
    }
    trace[0] = 0.0;
    for (int i = 0; i < N; i++) trace[1 + i] = yy[i];
    double t = 0.0;
    for (int k = 1; k < rows; k++) {
        double tout = k * INTERVAL;
        if (CVode(mem, tout, y, &t, CV_NORMAL) < 0) {
            fprintf(stderr, "CVode failed at t = %g\n", t);
            return -1.0;
        }
        trace[k * (N + 1)] = tout;
        for (int i = 0; i < N; i++) trace[k * (N + 1) + 1 + i] = yy[i];
    }
    return now() - start;
}

int main(int argc, char **argv) {
    int repeats = argc > 1 ? atoi(argv[1]) : 200, warmup = argc > 2 ? atoi(argv[2]) : 50;
    const char *tracePath = argc > 3 && argv[3][0] != '-' ? argv[3] : NULL;
    if (argc > 4) {
        RTOL = atof(argv[4]);
        ATOL = RTOL * 1e-3;
    }
    int rows = (int) (DURATION / INTERVAL) + 1;
    double *trace = malloc(sizeof(double) * rows * (N + 1));
    SUNContext ctx;
    SUNContext_Create(NULL, &ctx);
    N_Vector y = N_VNew_Serial(N, ctx), abstol = N_VNew_Serial(N, ctx);
    double *a = N_VGetArrayPointer(abstol);
    for (int i = 0; i < 4; i++) a[i] = ATOL * VOL0;           /* mM x initial volume */
    a[4] = ATOL * 1e-15;                                        /* pL */
    a[5] = ATOL * 1e-3;                                         /* mV */
    SUNMatrix A = SUNDenseMatrix(N, N, ctx);
    SUNLinearSolver LS = SUNLinSol_Dense(y, A, ctx);
    void *mem = CVodeCreate(CV_BDF, ctx);
    int serve = argc > 5 && argv[5][0] == 's';
    long steps = 0, nfe = 0, nje = 0, nsetups = 0, nfeLS = 0, netf = 0;
    for (int run = 0; run < warmup; run++) {
        if (integrate(mem, y, abstol, LS, A, trace, rows) < 0) return 1;
    }
    if (serve) {
        printf("{\"ready\":true}\n");
        fflush(stdout);
        long batch;
        while (scanf("%ld", &batch) == 1 && batch > 0) {
            double *batchTimes = malloc(sizeof(double) * batch);
            for (long i = 0; i < batch; i++) {
                batchTimes[i] = integrate(mem, y, abstol, LS, A, trace, rows);
                if (batchTimes[i] < 0) return 1;
            }
            qsort(batchTimes, batch, sizeof(double), cmp);
            printf("{\"median\":%.9g,\"min\":%.9g}\n", batchTimes[batch / 2], batchTimes[0]);
            fflush(stdout);
            free(batchTimes);
        }
        return 0;
    }
    double *times = malloc(sizeof(double) * repeats);
    for (int run = 0; run < repeats; run++) {
        times[run] = integrate(mem, y, abstol, LS, A, trace, rows);
        if (times[run] < 0) return 1;
    }
    CVodeGetNumSteps(mem, &steps);
    CVodeGetNumRhsEvals(mem, &nfe);
    CVodeGetNumJacEvals(mem, &nje);
    CVodeGetNumLinSolvSetups(mem, &nsetups);
    CVodeGetNumLinRhsEvals(mem, &nfeLS);
    CVodeGetNumErrTestFails(mem, &netf);
    qsort(times, repeats, sizeof(double), cmp);
    double median = repeats % 2 ? times[repeats / 2] : 0.5 * (times[repeats / 2 - 1] + times[repeats / 2]);
    printf("{\"solver\":\"CVODE BDF dense analytic Jacobian\",\"rtol\":%g,\"repeats\":%d,\"warmup_runs\":%d,"
           "\"integration_wall_time_s\":{\"median\":%.9g,\"min\":%.9g,\"max\":%.9g},\"steps\":%ld,"
           "\"rhs_evaluations\":%ld,\"jacobian_evaluations\":%ld,\"lu_factorizations\":%ld,"
           "\"error_test_failures\":%ld}\n", RTOL, repeats, warmup, median, times[0], times[repeats - 1], steps,
           nfe + nfeLS, nje, nsetups, netf);
    if (tracePath) {
        FILE *out = fopen(tracePath, "w");
        fprintf(out, "t_s,plasma.V_mV,cell.Na_mM,cell.K_mM,cell.Cl_mM,cell.X_mM,cell.volume_pL\n");
        for (int k = 0; k < rows; k++) {
            double *r = trace + k * (N + 1), vol = r[5];
            fprintf(out, "%.17g,%.17g,%.17g,%.17g,%.17g,%.17g,%.17g\n", r[0], r[6] * 1e3, r[1] / vol, r[2] / vol,
                    r[3] / vol, r[4] / vol, vol * 1e15);
        }
        fclose(out);
    }
    CVodeFree(&mem);
    SUNLinSolFree(LS);
    SUNMatDestroy(A);
    N_VDestroy(y);
    N_VDestroy(abstol);
    SUNContext_Free(&ctx);
    free(trace);
    free(times);
    return 0;
}
