package dev.deskflow.ai.retrieval;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ReciprocalRankFusionTest {

	private final ReciprocalRankFusion fusion = new ReciprocalRankFusion(60);

	@Test
	void sumsReciprocalRanksOverTheRankingsThatListADocument() {
		List<Hit> keyword = List.of(new Hit("a", 9), new Hit("b", 5), new Hit("c", 1));
		List<Hit> semantic = List.of(new Hit("c", 0.9), new Hit("a", 0.8), new Hit("d", 0.1));
		List<ReciprocalRankFusion.Fused> fused = this.fusion.fuse(List.of(keyword, semantic));

		assertThat(fused).extracting((f) -> f.id).containsExactly("a", "c", "b", "d");
		assertThat(fused.get(0).score).isCloseTo(1.0 / 61 + 1.0 / 62, within(1e-12));
		assertThat(fused.get(1).score).isCloseTo(1.0 / 63 + 1.0 / 61, within(1e-12));
		assertThat(fused.get(2).score).isCloseTo(1.0 / 62, within(1e-12));
		assertThat(fused.get(3).score).isCloseTo(1.0 / 63, within(1e-12));
		assertThat(fused.get(0).ranks).containsExactly(1, 2);
		assertThat(fused.get(2).ranks).containsExactly(2, null);
		assertThat(fused.get(3).ranks).containsExactly(null, 3);
	}

	@Test
	void ignoresScoresAndBreaksTiesByTheBestRank() {
		// "x" and "y" have the same fused score; "y" was first somewhere, so it wins the
		// tie
		List<Hit> first = List.of(new Hit("y", 1000), new Hit("z", 999), new Hit("x", 1));
		List<Hit> second = List.of(new Hit("z", 0.5), new Hit("x", 0.4), new Hit("w", 0.3), new Hit("y", 0.2));
		List<ReciprocalRankFusion.Fused> fused = this.fusion.fuse(List.of(first, second));
		assertThat(fused).extracting((f) -> f.id).containsExactly("z", "y", "x", "w");

		List<ReciprocalRankFusion.Fused> tie = new ReciprocalRankFusion(0)
			.fuse(List.of(List.of(new Hit("p", 1), new Hit("q", 1)), List.of(new Hit("q", 1), new Hit("p", 1))));
		assertThat(tie.get(0).score).isEqualTo(tie.get(1).score);
		assertThat(tie).extracting((f) -> f.id).containsExactly("p", "q");
	}

	@Test
	void fusesEmptyRankingsToNothing() {
		assertThat(this.fusion.fuse(List.of(List.of(), List.of()))).isEmpty();
	}

}
