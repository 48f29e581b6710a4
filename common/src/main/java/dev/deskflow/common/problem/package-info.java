/**
 * The error contract of every Deskflow HTTP API: RFC 9457 problem details
 * ({@code application/problem+json}) whose {@code type} is one of the stable URIs in
 * {@link ProblemTypes}, and {@link ProblemDetailBody}, the shape clients parse.
 */
package dev.deskflow.common.problem;
