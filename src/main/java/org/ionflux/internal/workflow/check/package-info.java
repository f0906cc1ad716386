/**
 * Internal (not API): {@code ionflux check}, regression on reference scenarios (WORKFLOWS.md section 2): the
 * scenarios to check and the argument checks made before anything runs ({@link
 * org.ionflux.internal.workflow.check.CheckPlan}), the tolerances by column ({@link
 * org.ionflux.internal.workflow.check.Tolerances}), the comparison of a run's trace with its reference ({@link
 * org.ionflux.internal.workflow.check.TraceComparison}), the runs on a thread pool with one verdict per scenario
 * ({@link org.ionflux.internal.workflow.check.CheckRunner}) and the JUnit XML report ({@link
 * org.ionflux.internal.workflow.check.JUnitReport}).
 */
package org.ionflux.internal.workflow.check;
