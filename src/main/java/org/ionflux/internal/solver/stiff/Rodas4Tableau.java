package org.ionflux.internal.solver.stiff;

/**
 * Coefficients of the Rodas4 Rosenbrock method (6 stages, order 4, embedded order 3,
 * stiffly accurate, L-stable) with its order-3 continuous extension.
 *
 * <p>Source: E. Hairer and G. Wanner, <i>Solving Ordinary Differential Equations II. Stiff and
 * Differential-Algebraic Problems</i>, 2nd rev. ed., Springer Series in Computational Mathematics
 * 14, 1996, section IV.7 (method RODAS), as implemented in Hairer's Fortran code
 * {@code rodas.f}, subroutine {@code ROCOE}, {@code METH = 1}
 * (<a href="https://www.unige.ch/~hairer/software.html">unige.ch/~hairer/software.html</a>).
 * The values below are copied digit for digit from {@code ROCOE}.</p>
 *
 * <p>The coefficients are those of Hairer's transformed formulation (ODE II, eq. IV.7.4'):
 * with {@code W = I/(h gamma) - J},</p>
 * <pre>
 *   W u_i = f(t + c_i h, y + sum_{j&lt;i} a_ij u_j) + sum_{j&lt;i} (c_ij / h) u_j + h d_i df/dt
 *   y1    = y + a51 u1 + a52 u2 + a53 u3 + a54 u4 + u5 + u6   (order 4)
 *   y1^   = y1 - u6                                            (order 3, embedded)
 * </pre>
 * <p>The continuous extension, for {@code theta} in [0, 1], is</p>
 * <pre>
 *   y(t + theta h) = (1 - theta) y0 + theta (y1 + (1 - theta) (q1 + theta q2)),
 *   q1 = sum_j d2j u_j,   q2 = sum_j d3j u_j   (j = 1..5)
 * </pre>
 */
final class Rodas4Tableau {

    /** Diagonal coefficient gamma (ROCOE {@code GAMMA}). */
    static final double GAMMA = 0.25;

    /** Stage time node c2 (ROCOE {@code C2}). */
    static final double C2 = 0.386;
    /** Stage time node c3 (ROCOE {@code C3}). */
    static final double C3 = 0.21;
    /** Stage time node c4 (ROCOE {@code C4}); c5 = c6 = 1. */
    static final double C4 = 0.63;

    /** Time-derivative coefficient d1 = gamma_1 (ROCOE {@code D1}). */
    static final double D1 = 0.2500000000000000e+00;
    /** Time-derivative coefficient d2 = gamma_2 (ROCOE {@code D2}). */
    static final double D2 = -0.1043000000000000e+00;
    /** Time-derivative coefficient d3 = gamma_3 (ROCOE {@code D3}). */
    static final double D3 = 0.1035000000000000e+00;
    /** Time-derivative coefficient d4 = gamma_4 (ROCOE {@code D4}); d5 = d6 = 0. */
    static final double D4 = -0.3620000000000023e-01;

    /** Stage coefficient a21 (ROCOE {@code A21}). */
    static final double A21 = 0.1544000000000000e+01;
    /** Stage coefficient a31 (ROCOE {@code A31}). */
    static final double A31 = 0.9466785280815826e+00;
    /** Stage coefficient a32 (ROCOE {@code A32}). */
    static final double A32 = 0.2557011698983284e+00;
    /** Stage coefficient a41 (ROCOE {@code A41}). */
    static final double A41 = 0.3314825187068521e+01;
    /** Stage coefficient a42 (ROCOE {@code A42}). */
    static final double A42 = 0.2896124015972201e+01;
    /** Stage coefficient a43 (ROCOE {@code A43}). */
    static final double A43 = 0.9986419139977817e+00;
    /** Stage coefficient a51 (ROCOE {@code A51}). */
    static final double A51 = 0.1221224509226641e+01;
    /** Stage coefficient a52 (ROCOE {@code A52}). */
    static final double A52 = 0.6019134481288629e+01;
    /** Stage coefficient a53 (ROCOE {@code A53}). */
    static final double A53 = 0.1253708332932087e+02;
    /** Stage coefficient a54 (ROCOE {@code A54}). */
    static final double A54 = -0.6878860361058950e+00;

    /** Coupling coefficient c21 (ROCOE {@code C21}). */
    static final double C21 = -0.5668800000000000e+01;
    /** Coupling coefficient c31 (ROCOE {@code C31}). */
    static final double C31 = -0.2430093356833875e+01;
    /** Coupling coefficient c32 (ROCOE {@code C32}). */
    static final double C32 = -0.2063599157091915e+00;
    /** Coupling coefficient c41 (ROCOE {@code C41}). */
    static final double C41 = -0.1073529058151375e+00;
    /** Coupling coefficient c42 (ROCOE {@code C42}). */
    static final double C42 = -0.9594562251023355e+01;
    /** Coupling coefficient c43 (ROCOE {@code C43}). */
    static final double C43 = -0.2047028614809616e+02;
    /** Coupling coefficient c51 (ROCOE {@code C51}). */
    static final double C51 = 0.7496443313967647e+01;
    /** Coupling coefficient c52 (ROCOE {@code C52}). */
    static final double C52 = -0.1024680431464352e+02;
    /** Coupling coefficient c53 (ROCOE {@code C53}). */
    static final double C53 = -0.3399990352819905e+02;
    /** Coupling coefficient c54 (ROCOE {@code C54}). */
    static final double C54 = 0.1170890893206160e+02;
    /** Coupling coefficient c61 (ROCOE {@code C61}). */
    static final double C61 = 0.8083246795921522e+01;
    /** Coupling coefficient c62 (ROCOE {@code C62}). */
    static final double C62 = -0.7981132988064893e+01;
    /** Coupling coefficient c63 (ROCOE {@code C63}). */
    static final double C63 = -0.3152159432874371e+02;
    /** Coupling coefficient c64 (ROCOE {@code C64}). */
    static final double C64 = 0.1631930543123136e+02;
    /** Coupling coefficient c65 (ROCOE {@code C65}). */
    static final double C65 = -0.6058818238834054e+01;

    /** Dense output coefficient d21 (ROCOE {@code D21}). */
    static final double D21 = 0.1012623508344586e+02;
    /** Dense output coefficient d22 (ROCOE {@code D22}). */
    static final double D22 = -0.7487995877610167e+01;
    /** Dense output coefficient d23 (ROCOE {@code D23}). */
    static final double D23 = -0.3480091861555747e+02;
    /** Dense output coefficient d24 (ROCOE {@code D24}). */
    static final double D24 = -0.7992771707568823e+01;
    /** Dense output coefficient d25 (ROCOE {@code D25}). */
    static final double D25 = 0.1025137723295662e+01;
    /** Dense output coefficient d31 (ROCOE {@code D31}). */
    static final double D31 = -0.6762803392801253e+00;
    /** Dense output coefficient d32 (ROCOE {@code D32}). */
    static final double D32 = 0.6087714651680015e+01;
    /** Dense output coefficient d33 (ROCOE {@code D33}). */
    static final double D33 = 0.1643084320892478e+02;
    /** Dense output coefficient d34 (ROCOE {@code D34}). */
    static final double D34 = 0.2476722511418386e+02;
    /** Dense output coefficient d35 (ROCOE {@code D35}). */
    static final double D35 = -0.6594389125716872e+01;

    /** Not instantiable. */
    private Rodas4Tableau() {
    }
}
