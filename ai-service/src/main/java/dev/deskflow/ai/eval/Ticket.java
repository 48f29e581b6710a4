package dev.deskflow.ai.eval;

/**
 * One ticket of an evaluation file, reduced to what the evaluation needs.
 *
 * @param id the ticket id
 * @param text the text the rankers see (title and body, summary and description)
 * @param category the category label, {@code null} when the layout has none
 * @param priority the priority label, {@code null} when the layout has none
 * @param topic the key two tickets must share to count as similar, {@code null} when only
 * gold pairs decide
 */
record Ticket(String id, String text, String category, String priority, String topic) {
}
