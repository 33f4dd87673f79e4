/**
 * The channels to the leaf services, in a package of their own: the job, stage and pipeline
 * packages use them, while {@code mesh} (which builds them) is the composition root above all of
 * those, so nothing below it imports it back.
 */
package dev.reelmesh.orchestrator.channel;
