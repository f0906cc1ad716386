/**
 * JMH benchmarks of ionflux (issue 5) and the report that goes with them: {@link org.ionflux.bench.Models} builds
 * every benchmarked model in code, {@link org.ionflux.bench.TraceMetrics} measures errors against a reference,
 * {@link org.ionflux.bench.AccuracyReport} prints counts and errors, and each {@code *Benchmark} times one concept.
 */
package org.ionflux.bench;
