package dev.deskflow.ai.recommend;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.deskflow.ai.bench.SyntheticTickets;
import dev.deskflow.ai.corpus.CorpusDocument;
import dev.deskflow.ai.retrieval.Ranker;
import dev.deskflow.common.event.RecommendationKind;
import org.junit.jupiter.api.Test;
import reactor.core.scheduler.Schedulers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Similar-ticket reads of a 100,000-ticket tenant while solved tickets keep arriving (not
 * part of {@code ./mvnw verify}). Run: {@code ./mvnw -B -pl ai-service test
 * -Dtest=IndexFreshnessBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * -Dsurefire.jvm.args=-Xmx3g}. In one run, the same load twice:
 * <ul>
 * <li>with the default fresh wait (200 ms): a read waits for a rebuild only when the
 * tenant's builds are quick, so here it answers from the previous index while the next is
 * built in the background;</li>
 * <li>with an unbounded fresh wait, as before 2026-11-24: every read after a change waits
 * for the rebuild.</li>
 * </ul>
 * Prints read latency (p50/p95/p99/max, the snapshot and one keyword search) and how many
 * solved tickets the answering index lagged behind; writes
 * {@code target/benchmark-index-freshness.txt}. Keyword-only (no Word2Vec), which makes
 * the rebuild cheaper than with a model, so the unbounded figures are a lower bound.
 */
class IndexFreshnessBenchmark {

	static final int TICKETS = 100_000;

	/** Solved tickets arriving per second while the reads run. */
	static final int SOLVED_PER_SECOND = Integer.getInteger("solvedPerSecond", 5);

	static final Duration RUN = Duration.ofSeconds(Integer.getInteger("seconds", 40));

	@Test
	void readsWhileSolvedTicketsArrive() throws Exception {
		SyntheticTickets synthetic = new SyntheticTickets(new Random(42));
		List<CorpusDocument> corpus = new ArrayList<>(TICKETS);
		for (int i = 0; i < TICKETS; i++) {
			corpus.add(solved(synthetic.next()));
		}
		List<String> queries = new ArrayList<>();
		for (int i = 0; i < 1_000; i++) {
			queries.add(synthetic.next()[0]);
		}
		StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
				"Deskflow ai-service index freshness, %d solved tickets in one tenant, %d more per second for %d s,"
						+ " keyword-only%n",
				TICKETS, SOLVED_PER_SECOND, RUN.toSeconds()));
		for (Duration freshWait : List.of(Duration.ofMillis(200), Duration.ofDays(1))) {
			report.append(run(corpus, queries, synthetic, freshWait));
		}
		report.append(String.format(Locale.ROOT, "available processors %d, max heap %d MB%n",
				Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20));
		System.out.print(report);
		write(report);
	}

	private String run(List<CorpusDocument> corpus, List<String> queries, SyntheticTickets synthetic,
			Duration freshWait) throws InterruptedException {
		TenantCorpus tenant = new TenantCorpus("bench", corpus, null,
				(rebuild) -> Schedulers.boundedElastic().schedule(rebuild), freshWait);
		long t0 = System.nanoTime();
		tenant.snapshot().block();
		double firstBuild = (System.nanoTime() - t0) / 1e9;
		AtomicInteger added = new AtomicInteger();
		ScheduledExecutorService arrivals = Executors.newSingleThreadScheduledExecutor();
		arrivals.scheduleAtFixedRate(() -> {
			tenant.put(solved(synthetic.next()));
			added.incrementAndGet();
		}, 0, 1_000_000 / SOLVED_PER_SECOND, TimeUnit.MICROSECONDS);
		List<Double> latencies = new ArrayList<>();
		long lagSum = 0;
		int lagMax = 0;
		long end = System.nanoTime() + RUN.toNanos();
		Random random = new Random(7);
		while (System.nanoTime() < end) {
			int expected = TICKETS + added.get();
			long start = System.nanoTime();
			Snapshot snapshot = tenant.snapshot().block();
			int found = snapshot.tickets()
				.search(queries.get(random.nextInt(queries.size())), 10, Set.of(), Ranker.BM25)
				.matches()
				.size();
			latencies.add((System.nanoTime() - start) / 1e6);
			int lag = Math.max(0, expected - snapshot.documents().size());
			lagSum += lag;
			lagMax = Math.max(lagMax, lag);
			assertThat(found).isPositive();
		}
		arrivals.shutdownNow();
		double[] values = latencies.stream().mapToDouble(Double::doubleValue).toArray();
		return String.format(Locale.ROOT,
				"fresh wait %s: first build %.1f s; %d reads, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.0f ms;"
						+ " %d tickets solved meanwhile, answering index behind by %.1f on average, %d at most%n",
				freshWait.toDays() >= 1 ? "unbounded (every read after a change waits)" : freshWait.toMillis() + " ms",
				firstBuild, values.length, SyntheticTickets.percentile(values, 50),
				SyntheticTickets.percentile(values, 95), SyntheticTickets.percentile(values, 99),
				SyntheticTickets.percentile(values, 100), added.get(), (double) lagSum / values.length, lagMax);
	}

	private static CorpusDocument solved(String[] ticket) {
		return new CorpusDocument("bench", UUID.randomUUID(), RecommendationKind.TICKET, null, "", ticket[0], "",
				"SOLVED", "Fixed.", ticket[1], "NORMAL");
	}

	private static void write(StringBuilder report) throws IOException {
		Files.writeString(Path.of("target", "benchmark-index-freshness.txt"), report, StandardCharsets.UTF_8);
	}

}
