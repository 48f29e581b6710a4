/**
 * Agent groups and routing: groups of agents with a routing mode and a per-agent
 * capacity, each agent's availability, and the automatic assignment of a group's waiting
 * tickets to available agents with spare capacity.
 */
package dev.deskflow.ticket.routing;
