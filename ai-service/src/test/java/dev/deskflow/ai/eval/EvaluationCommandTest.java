package dev.deskflow.ai.eval;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.deskflow.ai.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class EvaluationCommandTest {

	@TempDir
	Path temp;

	@Test
	void printsTheFiguresAsOneJsonObjectOnTheLastLineOfStdout() {
		Output output = run("--train", Fixtures.path("endava-original-train.csv").toString(), "--test",
				Fixtures.path("endava-original-test.csv").toString(), "--seed", "3");

		assertThat(output.code).isZero();
		assertThat(output.err).contains("training Word2Vec").contains("retrieval:");
		String[] lines = output.out.strip().split("\n");
		JsonNode result = JsonMapper.builder().build().readTree(lines[lines.length - 1]);

		assertThat(result.get("layout").asString()).isEqualTo("endava-original");
		assertThat(result.get("train").asInt()).isEqualTo(240);
		assertThat(result.get("test").asInt()).isEqualTo(60);
		for (String method : List.of("bm25", "word2vec", "hybrid")) {
			for (String metric : List.of("recall@1", "recall@10", "mrr@10", "ndcg@10")) {
				assertThat(result.get("methods").get(method).get(metric).asDouble()).as(method + " " + metric)
					.isBetween(0.0, 1.0);
			}
		}
		for (String task : List.of("category", "priority")) {
			for (String metric : List.of("accuracy", "macroF1", "majority")) {
				assertThat(result.get(task).get(metric).isNumber()).as(task + " " + metric).isTrue();
				assertThat(result.get(task).get(metric).asDouble()).isBetween(0.0, 1.0);
			}
		}
		assertThat(result.get("priority").get("column").asString()).isEqualTo("urgency");
		// both fields have labels in train: the classifiers answer, and the fusion
		// weights
		// learned from the train tickets are reported
		assertThat(result.get("category").get("method").asString()).isEqualTo("classifier");
		assertThat(result.get("priority").get("method").asString()).isEqualTo("classifier");
		JsonNode fusion = result.get("methods").get("hybrid").get("fusion");
		assertThat(fusion.get("keyword").asDouble() + fusion.get("semantic").asDouble()).isEqualTo(1.0, within(1e-9));
		assertThat(fusion.get("topic").asDouble()).isGreaterThanOrEqualTo(0.0);
		assertThat(result.get("training").get("seconds").asDouble()).isPositive();
		assertThat(result.get("training").get("wordsPerSecond").asDouble()).isPositive();
		assertThat(result.get("latencyMs").get("p50").asDouble()).isPositive();
		assertThat(result.get("latencyMs").get("p95").asDouble())
			.isGreaterThanOrEqualTo(result.get("latencyMs").get("p50").asDouble());
		// ranking the test ticket's own topic beats chance on real tickets
		assertThat(result.get("methods").get("bm25").get("mrr@10").asDouble()).isGreaterThan(0.2);
	}

	@Test
	void recognisesEachLayoutByItsHeader() {
		assertThat(Layout.recognise(List.of("ticket_id", "text", "category"))).contains(Layout.ENDAVA_TICKETS);
		assertThat(Layout.recognise(List.of("ticket_id", "title", "body", "ticket_type", "category", "sub_category1",
				"sub_category2", "business_service", "urgency", "impact")))
			.contains(Layout.ENDAVA_ORIGINAL);
		assertThat(Layout.recognise(List.of("issue_id", "summary", "description", "priority", "status", "resolution",
				"created", "resolved", "affects_versions")))
			.contains(Layout.HADOOP_BUGS);
		assertThat(Layout.recognise(List.of("id", "subject", "body"))).isEmpty();
	}

	@Test
	void readsMultiLineQuotedFieldsOfBugReports() throws Exception {
		TicketFile file = TicketFile.read(Fixtures.path("hadoop-bugs-train.csv"));
		assertThat(file.layout()).isEqualTo(Layout.HADOOP_BUGS);
		assertThat(file.tickets()).hasSize(Fixtures.rows("hadoop-bugs-train.csv").size());
		assertThat(file.tickets()).anySatisfy((ticket) -> assertThat(ticket.text()).contains("\n"));
		assertThat(file.tickets()).allSatisfy((ticket) -> {
			assertThat(ticket.priority()).isIn("Blocker", "Critical", "Major", "Minor", "Trivial");
			assertThat(ticket.category()).isNull();
		});
	}

	@Test
	void rejectsAnUnknownHeaderClearly() throws IOException {
		Path unknown = Files.writeString(this.temp.resolve("unknown.csv"), "id,subject,body\n1,a,b\n");
		Output output = run("--train", unknown.toString(), "--test", unknown.toString());
		assertThat(output.code).isEqualTo(EvaluationException.DATA);
		assertThat(output.err).contains("unknown header [id, subject, body]")
			.contains("endava-tickets: ticket_id,text,category");
		assertThat(output.out).isEmpty();
	}

	@Test
	void rejectsAMissingFileClearly() {
		Output output = run("--train", this.temp.resolve("absent.csv").toString(), "--test",
				Fixtures.path("endava-tickets-test.csv").toString());
		assertThat(output.code).isEqualTo(EvaluationException.NO_INPUT);
		assertThat(output.err).contains("no such file").contains("absent.csv");
	}

	@Test
	void rejectsAnEmptyFileClearly() throws IOException {
		Path empty = Files.createFile(this.temp.resolve("empty.csv"));
		Output output = run("--train", Fixtures.path("endava-tickets-train.csv").toString(), "--test",
				empty.toString());
		assertThat(output.code).isEqualTo(EvaluationException.DATA);
		assertThat(output.err).contains("empty.csv is empty");
	}

	@Test
	void rejectsFilesOfTwoLayouts() {
		Output output = run("--train", Fixtures.path("endava-tickets-train.csv").toString(), "--test",
				Fixtures.path("hadoop-bugs-test.csv").toString());
		assertThat(output.code).isEqualTo(EvaluationException.DATA);
		assertThat(output.err).contains("train is endava-tickets but test is hadoop-bugs");
	}

	@Test
	void explainsItsUsage() {
		Output missing = run("--train", "x.csv");
		assertThat(missing.code).isEqualTo(EvaluationException.USAGE);
		assertThat(missing.err).contains("--train and --test are required").contains("usage: ai-eval");
		Output help = run("--help");
		assertThat(help.code).isZero();
		assertThat(help.out).contains("usage: ai-eval");
	}

	@Test
	void computesRankingMetricsByTheirDefinitions() {
		RankingMetrics metrics = new RankingMetrics();
		metrics.add(List.of("x", "r1", "y"), "r1"::equals, 1);
		assertThat(metrics.recallAt1()).isZero();
		assertThat(metrics.recallAt10()).isEqualTo(1.0);
		assertThat(metrics.mrrAt10()).isEqualTo(0.5);
		assertThat(metrics.ndcgAt10()).isEqualTo(1 / (Math.log(3) / Math.log(2)));

		ClassificationMetrics classification = new ClassificationMetrics("a");
		classification.add("a", "a");
		classification.add("a", "b");
		classification.add("b", "b");
		classification.add("c", "a");
		assertThat(classification.accuracy()).isEqualTo(0.5);
		assertThat(classification.majority()).isEqualTo(0.5);
		// F1: a = 2·1/(2+2) = 0.5, b = 2·1/(1+2) = 2/3, c = 0
		assertThat(classification.macroF1()).isEqualTo((0.5 + 2 / 3.0 + 0) / 3);
	}

	private static Output run(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int code = EvaluationCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Output(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	private record Output(int code, String out, String err) {
	}

}
