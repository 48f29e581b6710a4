package dev.deskflow.ai.recommend;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.UUID;

import dev.deskflow.ai.corpus.CorpusDocument;
import dev.deskflow.common.event.RecommendationKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tenant's index follows its changes: at once when rebuilding is quick, and from the
 * previous index while a slow rebuild runs in the background, one rebuild for a burst of
 * changes.
 */
class TenantCorpusTest {

	private static final CorpusDocument PRINTER = solved("Printer jams", "The printer jams on every page.");

	@Test
	void aQuickRebuildIsWaitedFor() {
		TenantCorpus corpus = new TenantCorpus("acme", List.of(PRINTER), null, Runnable::run, Duration.ofMinutes(1));
		assertThat(corpus.snapshot().block().documents()).containsOnlyKeys(PRINTER.id());

		CorpusDocument vpn = solved("VPN drops", "The VPN drops every hour.");
		corpus.put(vpn);

		assertThat(corpus.snapshot().block().documents()).containsOnlyKeys(PRINTER.id(), vpn.id());
	}

	@Test
	void aSlowRebuildRunsInTheBackgroundWhileReadsGetThePreviousIndex() {
		Deque<Runnable> rebuilds = new ArrayDeque<>();
		// a fresh wait of zero: every build counts as slower than the wait
		TenantCorpus corpus = new TenantCorpus("acme", List.of(PRINTER), null, rebuilds::add, Duration.ZERO);
		Snapshot first = corpus.snapshot().block();
		assertThat(rebuilds).as("the first read builds the index itself").isEmpty();

		CorpusDocument vpn = solved("VPN drops", "The VPN drops every hour.");
		CorpusDocument mail = solved("Mailbox full", "My mailbox is full.");
		corpus.put(vpn);
		assertThat(corpus.snapshot().block()).as("answered from the previous index").isSameAs(first);
		corpus.put(mail);
		assertThat(corpus.snapshot().block()).isSameAs(first);
		assertThat(rebuilds).as("one rebuild in flight at a time").hasSize(1);

		rebuilds.poll().run();
		assertThat(corpus.snapshot().block().documents())
			.as("the rebuild took the changes made before it started, and this read starts the next")
			.containsOnlyKeys(PRINTER.id(), vpn.id());
		assertThat(rebuilds).hasSize(1);

		rebuilds.poll().run();
		assertThat(corpus.snapshot().block().documents()).containsOnlyKeys(PRINTER.id(), vpn.id(), mail.id());
		assertThat(rebuilds).as("nothing left to rebuild").isEmpty();
	}

	@Test
	void aReopenedTicketLeavesTheIndex() {
		TenantCorpus corpus = new TenantCorpus("acme", List.of(PRINTER), null, Runnable::run, Duration.ofMinutes(1));
		corpus.snapshot().block();

		corpus.put(new CorpusDocument("acme", PRINTER.id(), RecommendationKind.TICKET, null, PRINTER.title(),
				PRINTER.body(), "", "OPEN", null, null, null));

		assertThat(corpus.snapshot().block().documents()).isEmpty();
	}

	private static CorpusDocument solved(String title, String body) {
		return new CorpusDocument("acme", UUID.randomUUID(), RecommendationKind.TICKET, null, title, body, "", "SOLVED",
				"Fixed.", "hardware", "NORMAL");
	}

}
