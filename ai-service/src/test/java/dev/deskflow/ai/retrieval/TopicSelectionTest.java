package dev.deskflow.ai.retrieval;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class TopicSelectionTest {

	private static final double[] HARDWARE = { 1, 0, 0 };

	private static final double[] NETWORK = { 0, 1, 0 };

	private static final double[] ACCESS = { 0, 0, 1 };

	/** A query that is probably about hardware, perhaps about the network. */
	private static final double[] QUERY = { 0.6, 0.3, 0.1 };

	/**
	 * Best ranked first: four hardware tickets, then one of the network, one of access.
	 */
	private static final double[] RANKS = { 1 / 61.0, 1 / 62.0, 1 / 63.0, 1 / 64.0, 1 / 65.0, 1 / 66.0 };

	private static final double[][] DOCUMENTS = { HARDWARE, HARDWARE, HARDWARE, HARDWARE, NETWORK, ACCESS };

	@Test
	void withoutDiversityTheOrderIsTheScoreOrder() {
		double[] scores = new double[6];
		int[] order = TopicSelection.select(RANKS, DOCUMENTS, QUERY, new Fusion(1, 0, 4, 0), 6, scores);
		assertThat(order).containsExactly(0, 1, 2, 3, 4, 5);
		assertThat(scores[0]).isCloseTo(1 / 61.0 + 4 * 0.6 / 61, within(1e-12));
		assertThat(scores[4]).isCloseTo(1 / 65.0 + 4 * 0.3 / 61, within(1e-12));
	}

	@Test
	void theFirstResultsCoverTheQuerysLikelyLabelsThenTheScoreOrderResumes() {
		double[] scores = new double[6];
		int[] order = TopicSelection.select(RANKS, DOCUMENTS, QUERY, new Fusion(1, 0, 4, 1), 6, scores);
		// hardware first, then the network ticket, then access: hardware counts no more
		// once shown; after the first half (3 of 6), the other hardware tickets by score
		assertThat(order).containsExactly(0, 4, 5, 1, 2, 3);
		assertThat(scores[1]).isCloseTo(1 / 65.0 + 4 * 0.3 / 61, within(1e-12));
		assertThat(scores[2]).isCloseTo(1 / 66.0 + 4 * 0.1 / 61, within(1e-12));
		assertThat(scores[3]).isCloseTo(1 / 62.0 + 4 * 0.6 / 61, within(1e-12));
	}

	@Test
	void aPartialDiversityLeavesPartOfAShownLabel() {
		double[] scores = new double[5];
		// after one hardware ticket, hardware counts 0.6 · (1 - 0.5) = 0.3, as much as
		// the network, and the second hardware ticket's better rank wins; after two,
		// hardware counts 0.15 and the network ticket comes third
		int[] order = TopicSelection.select(RANKS, DOCUMENTS, QUERY, new Fusion(1, 0, 4, 0.5), 5, scores);
		assertThat(order).startsWith(0, 1, 4);
	}

	@Test
	void candidatesWithoutALabelDistributionCompeteOnTheirRanksAlone() {
		double[][] documents = { HARDWARE, null, NETWORK };
		double[] ranks = { 1 / 61.0, 1 / 62.0, 1 / 63.0 };
		double[] scores = new double[3];
		int[] order = TopicSelection.select(ranks, documents, QUERY, new Fusion(1, 0, 4, 1), 3, scores);
		assertThat(order).containsExactly(0, 2, 1);
		assertThat(scores[2]).isEqualTo(1 / 62.0);
	}

	@Test
	void theFirstHalfOfTheResultsCoverLabels() {
		assertThat(TopicSelection.covering(10)).isEqualTo(5);
		assertThat(TopicSelection.covering(5)).isEqualTo(3);
		assertThat(TopicSelection.covering(1)).isEqualTo(1);
	}

	@Test
	void chooseNoMoreThanThereAreCandidates() {
		int[] order = TopicSelection.select(new double[] { 0.1, 0.2 }, new double[][] { HARDWARE, NETWORK }, QUERY,
				new Fusion(1, 0, 1, 1), 10, new double[10]);
		assertThat(order).hasSize(2);
	}

	@Test
	void aDiversityOutsideZeroToOneIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Fusion(1, 0, 1, 1.5));
		assertThatIllegalArgumentException().isThrownBy(() -> new Fusion(1, 0, 1, -0.1));
		assertThatIllegalArgumentException().isThrownBy(() -> new Fusion(1, 0, 1, Double.NaN));
		assertThat(new Fusion(1, 1, 0)).isEqualTo(new Fusion(1, 1, 0, 0));
	}

}
