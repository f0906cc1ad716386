/**
 * Internal (not API): what the commands do, composed from the solver and the outputs: a run streamed to its
 * folder or kept in memory.
 */
package org.ionflux.internal.workflow;
