package dev.deskflow.ticket.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class DemoDataMappingTest {

	private static final String ENDAVA_HEADER = "ticket_id,text,category\r\n";

	private static final String HADOOP_HEADER = "issue_id,summary,description,priority,status,resolution,created,resolved,affects_versions\r\n";

	@TempDir
	Path directory;

	@Test
	void mapsJiraPrioritiesToDeskflowPriorities() {
		assertThat(DemoTicketFiles.priorityOf("Blocker")).isEqualTo("URGENT");
		assertThat(DemoTicketFiles.priorityOf("Critical")).isEqualTo("HIGH");
		assertThat(DemoTicketFiles.priorityOf("Major")).isEqualTo("NORMAL");
		assertThat(DemoTicketFiles.priorityOf("Minor")).isEqualTo("LOW");
		assertThat(DemoTicketFiles.priorityOf("Trivial")).isEqualTo("LOW");
		assertThatIllegalArgumentException().isThrownBy(() -> DemoTicketFiles.priorityOf("Whenever"))
			.withMessageContaining("'Whenever'");
	}

	@Test
	void takesTheSubjectFromTheFirstEightWordsCapitalised() {
		assertThat(DemoTicketFiles
			.subjectFrom("  laptop screen flickering  after update please help asap thanks kind regards"))
			.isEqualTo("Laptop screen flickering after update please help asap");
		assertThat(DemoTicketFiles.subjectFrom("vpn down")).isEqualTo("Vpn down");
		assertThat(DemoTicketFiles.subjectFrom("x".repeat(300))).hasSize(200).startsWith("Xxx");
	}

	@Test
	void mapsBothFilesIncludingMultiLineQuotedFields() throws IOException {
		write(DemoTicketFiles.ENDAVA_FILE, ENDAVA_HEADER
				+ "955b360655e397cd,connection with icon dear please setup icon per icon engineers please,Hardware\r\n");
		write(DemoTicketFiles.HADOOP_FILE, HADOOP_HEADER + """
				1,NPE in NameNode,"Stack trace:
				java.lang.NullPointerException
				  at Foo.bar(Foo.java:1)",Blocker,Resolved,Fixed,30/Sep/21 17:20,20/Jul/22 20:51,3.3.1\r
				2,Typo in docs,,Trivial,Open,,01/Oct/21 09:00,,\r
				""");

		List<DemoTicket> tickets = DemoTicketFiles.read(this.directory);

		assertThat(tickets).containsExactly(
				new DemoTicket("endava:955b360655e397cd", "Connection with icon dear please setup icon per",
						"connection with icon dear please setup icon per icon engineers please", "Hardware", "NORMAL",
						"EMAIL", List.of("endava")),
				new DemoTicket("hadoop:1", "NPE in NameNode",
						"Stack trace:\njava.lang.NullPointerException\n  at Foo.bar(Foo.java:1)", "Bug", "URGENT",
						"WEB", List.of("hadoop")),
				new DemoTicket("hadoop:2", "Typo in docs", "Typo in docs", "Bug", "LOW", "WEB", List.of("hadoop")));
	}

	@Test
	void failsNamingThePathAndTheSettingWhenTheDirectoryIsMissing() {
		Path missing = this.directory.resolve("no-such-folder");

		assertThatIllegalStateException().isThrownBy(() -> DemoTicketFiles.read(missing))
			.withMessageContaining(missing.toAbsolutePath().toString())
			.withMessageContaining("DESKFLOW_TICKET_DEMO_DATA_DIRECTORY");
	}

	@Test
	void failsNamingThePathAndTheSettingWhenAFileIsMissing() throws IOException {
		write(DemoTicketFiles.ENDAVA_FILE, ENDAVA_HEADER + "a1,printer jammed,Hardware\r\n");

		assertThatIllegalStateException().isThrownBy(() -> DemoTicketFiles.read(this.directory))
			.withMessageContaining(this.directory.resolve(DemoTicketFiles.HADOOP_FILE).toAbsolutePath().toString())
			.withMessageContaining("DESKFLOW_TICKET_DEMO_DATA_DIRECTORY");
	}

	@Test
	void failsNamingFileAndLineOfARowWithAnUnknownPriority() throws IOException {
		write(DemoTicketFiles.ENDAVA_FILE, ENDAVA_HEADER);
		write(DemoTicketFiles.HADOOP_FILE, HADOOP_HEADER + """
				1,Two-line description,"first line
				second line",Major,Open,,,,\r
				2,Bad priority,text,Someday,Open,,,,\r
				""");

		assertThatIllegalStateException().isThrownBy(() -> DemoTicketFiles.read(this.directory))
			.withMessageContaining(this.directory.resolve(DemoTicketFiles.HADOOP_FILE).toAbsolutePath().toString())
			.withMessageContaining("line 4")
			.withMessageContaining("'Someday'");
	}

	@Test
	void failsNamingFileAndLineOfARowWithMissingFields() throws IOException {
		write(DemoTicketFiles.ENDAVA_FILE, ENDAVA_HEADER + "a1,printer jammed,Hardware\r\na2,no category\r\n");

		assertThatIllegalStateException().isThrownBy(() -> DemoTicketFiles.read(this.directory))
			.withMessageContaining(this.directory.resolve(DemoTicketFiles.ENDAVA_FILE).toAbsolutePath().toString())
			.withMessageContaining("line 3")
			.withMessageContaining("expected 3 fields, found 2");
	}

	@Test
	void failsNamingFileAndLineOfAnUnterminatedQuote() throws IOException {
		write(DemoTicketFiles.ENDAVA_FILE,
				ENDAVA_HEADER + "a1,printer jammed,Hardware\r\na2,\"never closed,Access\r\n");

		assertThatIllegalStateException().isThrownBy(() -> DemoTicketFiles.read(this.directory))
			.withMessageContaining(this.directory.resolve(DemoTicketFiles.ENDAVA_FILE).toAbsolutePath().toString())
			.withMessageContaining("line 3");
	}

	@Test
	void derivesTheSameConsistentTimelineFromTheSameRow() {
		Instant seededAt = Instant.parse("2025-06-01T12:00:00Z");
		Set<String> statuses = new HashSet<>();
		for (int i = 0; i < 500; i++) {
			String key = "test:" + i;
			DemoTimeline timeline = DemoTimeline.of(key, seededAt);
			assertThat(DemoTimeline.of(key, seededAt)).isEqualTo(timeline);
			statuses.add(timeline.status());
			assertThat(timeline.createdAt()).isBetween(seededAt.minus(Duration.ofDays(60)), seededAt);
			assertThat(timeline.updatedAt()).isBetween(timeline.createdAt(), seededAt);
			if (timeline.status().equals("NEW")) {
				assertThat(timeline.firstRespondedAt()).isNull();
			}
			else {
				assertThat(timeline.firstRespondedAt()).isBetween(timeline.createdAt(), timeline.updatedAt());
			}
			if (timeline.status().equals("SOLVED") || timeline.status().equals("CLOSED")) {
				assertThat(timeline.solvedAt()).isBetween(timeline.firstRespondedAt(), timeline.updatedAt());
			}
			else {
				assertThat(timeline.solvedAt()).isNull();
			}
			if (timeline.internalNoteAt() != null) {
				assertThat(timeline.status()).isEqualTo("OPEN");
				assertThat(timeline.internalNoteAt()).isBetween(timeline.firstRespondedAt(), seededAt);
			}
		}
		assertThat(statuses).containsExactlyInAnyOrder("NEW", "OPEN", "PENDING", "SOLVED", "CLOSED");
	}

	private void write(String file, String content) throws IOException {
		Files.writeString(this.directory.resolve(file), content);
	}

}
