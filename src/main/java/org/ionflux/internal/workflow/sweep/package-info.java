/**
 * Internal (not API): {@code ionflux sweep} (docs/commands.md "sweep"): the variants of a sweep file (grid, zip, Latin
 * hypercube), each validated before any runs, run on threads with its trace reduced to its metrics as it streams,
 * and written to {@code sweep.csv} in variant order as they finish, with a fingerprint for {@code --resume} and one
 * plot per metric and parameter. The public {@code org.ionflux.Sweep} and the Spark job use the same classes.
 */
package org.ionflux.internal.workflow.sweep;
