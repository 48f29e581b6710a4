/**
 * Deskflow's shared contracts: the types that cross a service boundary. Nothing here
 * holds state or behaviour beyond validation, and nothing here depends on Spring or on
 * another Deskflow module, so every service (and the evaluation CLI) can depend on it
 * freely.
 * <ul>
 * <li>{@link dev.deskflow.common.tenant} tenant and role value types;</li>
 * <li>{@link dev.deskflow.common.problem} the RFC 9457 error shape and its stable type
 * URIs;</li>
 * <li>{@link dev.deskflow.common.event} the CloudEvents envelope, the event records and
 * their JSON codec;</li>
 * <li>{@link dev.deskflow.common.topic} the Kafka topic names.</li>
 * </ul>
 */
package dev.deskflow.common;
