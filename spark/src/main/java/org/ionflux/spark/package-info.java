/**
 * ionflux sweeps on Apache Spark: {@link org.ionflux.spark.SparkSweep} runs a sweep file's variants on a Spark
 * cluster (or {@code local[N]}) through the core's public API ({@code org.ionflux.Sweep}) and writes the same
 * {@code sweep.csv} and plots as {@code ionflux sweep}.
 */
package org.ionflux.spark;
