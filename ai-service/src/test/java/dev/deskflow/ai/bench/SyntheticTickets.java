package dev.deskflow.ai.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import dev.deskflow.ai.Fixtures;

/**
 * Benchmark tickets synthesised from the module's fixtures (Endava tickets and Hadoop
 * reports): each takes a fixture ticket's words and replaces about a third of them by
 * words of another fixture ticket of the same set, so vocabulary, lengths and the
 * category mix follow real tickets while no two are alike. Seeded by the caller's
 * {@link Random}, so every run makes the same corpus.
 */
public final class SyntheticTickets {

	private final List<String[]> seeds = new ArrayList<>();

	private final Random random;

	/**
	 * @param random the source of every choice
	 */
	public SyntheticTickets(Random random) {
		this.random = random;
		Fixtures.rows("endava-tickets-train.csv")
			.forEach((row) -> this.seeds.add(new String[] { row.get("text"), row.get("category") }));
		Fixtures.rows("hadoop-bugs-train.csv")
			.forEach((row) -> this.seeds.add(new String[] { row.get("summary") + "\n" + row.get("description"),
					"hadoop-" + row.get("priority") }));
	}

	/**
	 * @return the next ticket: its text and its category
	 */
	public String[] next() {
		String[] seed = this.seeds.get(this.random.nextInt(this.seeds.size()));
		String[] other = this.seeds.get(this.random.nextInt(this.seeds.size()));
		String[] words = seed[0].split("\\s+");
		String[] donor = other[0].split("\\s+");
		StringBuilder text = new StringBuilder();
		for (String word : words) {
			text.append((this.random.nextInt(3) == 0) ? donor[this.random.nextInt(donor.length)] : word).append(' ');
		}
		return new String[] { text.toString(), seed[1] };
	}

	/**
	 * @param values measurements
	 * @param percentile 0–100
	 * @return the nearest-rank percentile
	 */
	public static double percentile(double[] values, int percentile) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[Math.max(0, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)];
	}

}
