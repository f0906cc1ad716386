/**
 * The public Java API of ionflux: load a scenario ({@link org.ionflux.Ionflux#load}), change its parameters by
 * path ({@link org.ionflux.Scenario#with}), run it in memory ({@link org.ionflux.Scenario#run}) and read its trace
 * by column ({@link org.ionflux.Result#column}), or write the files {@code ionflux run} writes
 * ({@link org.ionflux.Result#write}), check scenarios against reference traces ({@link org.ionflux.Ionflux#check},
 * {@link org.ionflux.CheckOptions}, {@link org.ionflux.CheckVerdict}). Bad input is a
 * {@link org.ionflux.ScenarioException} listing every {@link org.ionflux.Problem}.
 *
 * <p>This package is the only one users need and the only one whose names are stable; everything under
 * {@code org.ionflux.internal} may change without notice.
 */
package org.ionflux;
