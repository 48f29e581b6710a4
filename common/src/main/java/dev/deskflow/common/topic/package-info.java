/**
 * The Kafka topics Deskflow's events travel on; see {@link Topics}.
 */
package dev.deskflow.common.topic;
