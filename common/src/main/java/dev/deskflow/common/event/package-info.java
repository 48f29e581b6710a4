/**
 * Deskflow's asynchronous contract: every event on Kafka is a CloudEvents 1.0
 * structured-mode JSON document, an {@link EventEnvelope} whose {@code data} is one of
 * the past-tense records under the sealed {@link DeskflowEvent} hierarchy (one sealed
 * interface per aggregate).
 * <p>
 * {@link EventTypes} maps each {@code type} attribute to its record and {@link EventJson}
 * writes and reads envelopes; consumers that must skip types they do not know read the
 * {@link EventHeader} first. Delivery is at least once, so consumers de-duplicate on the
 * envelope's {@code id}.
 * <p>
 * Evolution rules: a record may gain fields (readers ignore fields they do not know), but
 * an existing field is never renamed, retyped or given a new meaning, and a type string
 * is never reused; an incompatible change is a new type.
 */
package dev.deskflow.common.event;
