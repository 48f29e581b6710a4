package dev.deskflow.ai.retrieval;

import java.util.List;

/**
 * The answer to one similarity query.
 *
 * @param matches best first
 * @param requested the ranking asked for
 * @param used the ranking delivered: {@link Ranker#BM25} when the tenant has no model yet
 * @param keywordOnly {@code true} when the embedding ranker could not take part
 */
public record SearchResult(List<Match> matches, Ranker requested, Ranker used, boolean keywordOnly) {
}
