package dev.deskflow.ai.retrieval;

/**
 * One entry of a single ranker's result list.
 *
 * @param id the document id
 * @param score the ranker's own score (BM25 score or cosine similarity)
 */
record Hit(String id, double score) {
}
