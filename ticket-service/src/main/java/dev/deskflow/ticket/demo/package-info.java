/**
 * Demo data: seeds a fresh local platform with a demo tenant, its users and a few hundred
 * real public tickets from {@code deploy/demo-data}.
 */
package dev.deskflow.ticket.demo;
