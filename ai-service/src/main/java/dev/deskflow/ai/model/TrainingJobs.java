package dev.deskflow.ai.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleConsumer;

import dev.deskflow.ai.AiProperties;
import dev.deskflow.ai.corpus.Corpus;
import dev.deskflow.ai.classify.Classifiers;
import dev.deskflow.ai.classify.LinearClassifier;
import dev.deskflow.ai.corpus.CorpusDocument;
import dev.deskflow.ai.retrieval.Document;
import dev.deskflow.ai.retrieval.Fusion;
import dev.deskflow.ai.retrieval.FusionLearner;
import dev.deskflow.ai.retrieval.Word2VecParameters;
import dev.deskflow.ai.retrieval.Word2VecTrainer;
import dev.deskflow.ai.retrieval.WordVectors;
import dev.deskflow.ai.retrieval.WordVectorsFile;
import dev.deskflow.ai.tenancy.TenantTransactions;
import dev.deskflow.ai.text.TextAnalyzer;
import dev.deskflow.common.event.RecommendationKind;
import dev.deskflow.support.problem.ProblemException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.r2dbc.spi.Readable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Trains a tenant's Word2Vec as a background job: one running job per tenant (a unique
 * index refuses a second), one training at a time per instance (a single worker thread,
 * so training never starves the request threads of the 2 cores it may have). A job trains
 * on the solved tickets outside the held-out slice, writes the vectors to
 * {@code <directory>/<tenant>/v<N>.vectors}, registers the version and activates it only
 * when its MRR@10 is no worse than the active version's ({@link HeldOutEvaluation}). Any
 * failure ends the job as {@code FAILED} and leaves the registry and the active model as
 * they were.
 */
@Component
public class TrainingJobs implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(TrainingJobs.class);

	private static final String COLUMNS = "id, status, progress, message, model_version, created_at, finished_at";

	private final DatabaseClient database;

	private final TenantTransactions tenants;

	private final Corpus corpus;

	private final ModelRegistry registry;

	private final AiProperties.Models settings;

	private final JsonMapper json;

	private final Scheduler worker = Schedulers.newBoundedElastic(1, 100, "ai-training");

	private final MeterRegistry meters;

	/** When (System.nanoTime) each running job of this instance started training. */
	private final Map<UUID, Long> startedAt = new ConcurrentHashMap<>();

	TrainingJobs(DatabaseClient database, TenantTransactions tenants, Corpus corpus, ModelRegistry registry,
			AiProperties properties, JsonMapper json, MeterRegistry meters) {
		this.meters = meters;
		this.tenants = tenants;
		// every outcome's series exists from the start, so dashboards show 0, not "no
		// data"
		for (String outcome : new String[] { "SUCCEEDED", "REJECTED", "FAILED" }) {
			trainingDuration(outcome);
		}
		this.database = database;
		this.corpus = corpus;
		this.registry = registry;
		this.settings = properties.models();
		this.json = json;
	}

	/**
	 * @param tenant the tenant
	 * @return the job, started; a 409 problem while another job of the tenant runs
	 */
	Mono<TrainingJob> start(String tenant) {
		UUID id = UUID.randomUUID();
		// a job whose instance died never finishes: past the timeout it no longer blocks
		Mono<Void> abandonStale = this.database.sql(
				"update training_jobs set status = 'FAILED', message = 'Abandoned: it ran longer than the job timeout.',"
						+ " finished_at = now() where tenant_id = :tenant and status = 'RUNNING'"
						+ " and created_at < now() - make_interval(secs => :timeout)")
			.bind("tenant", tenant)
			.bind("timeout", (double) this.settings.jobTimeout().toSeconds())
			.then();
		return this.tenants
			.inTenant(tenant, () -> abandonStale.then(this.database
				.sql("insert into training_jobs (id, tenant_id, status) values (:id, :tenant, 'RUNNING') returning "
						+ COLUMNS)
				.bind("id", id)
				.bind("tenant", tenant)
				.map(TrainingJobs::job)
				.one()))
			.onErrorMap(DataIntegrityViolationException.class,
					(ex) -> ProblemException.conflict("A training job of this tenant is already running."))
			.doOnSuccess((job) -> this.worker.schedule(() -> run(tenant, id)));
	}

	/**
	 * @param work training work to run on the training worker, after what is queued
	 */
	void submit(Runnable work) {
		this.worker.schedule(work);
	}

	/**
	 * @param tenant the caller's tenant
	 * @param id a job id
	 * @return the job, or empty when the tenant has no such job
	 */
	Mono<TrainingJob> find(String tenant, UUID id) {
		return this.tenants.inTenant(tenant,
				() -> this.database
					.sql("select " + COLUMNS + " from training_jobs where tenant_id = :tenant and id = :id")
					.bind("tenant", tenant)
					.bind("id", id)
					.map(TrainingJobs::job)
					.one());
	}

	private void run(String tenant, UUID job) {
		this.startedAt.put(job, System.nanoTime());
		try {
			List<CorpusDocument> solved = this.corpus.retrievable(tenant)
				.filter((document) -> document.kind() == RecommendationKind.TICKET)
				.collectList()
				.block();
			if (solved.size() < this.settings.minSolvedTickets()) {
				finish(tenant, job, "FAILED", "The tenant has " + solved.size() + " solved tickets; training needs "
						+ this.settings.minSolvedTickets() + ". Answers stay on the active model or keyword-only.",
						null);
				return;
			}
			HeldOutEvaluation evaluation = HeldOutEvaluation.split(solved, this.settings.holdOut());
			Word2VecParameters parameters = new Word2VecParameters(this.settings.dimensions(), 5,
					this.settings.minCount(), this.settings.epochs(), 0.025, 1e-3, Word2VecParameters.DEFAULT_SEED,
					this.settings.workers());
			progress(tenant, job, 0.1);
			TextAnalyzer analyzer = TextAnalyzer.english();
			// Word2Vec is most of a job: its epochs move the progress from 0.1 to 0.6
			WordVectors model = new Word2VecTrainer().train(
					evaluation.training().stream().map((ticket) -> analyzer.terms(ticket.text())).toList(), parameters,
					(done) -> progress(tenant, job, 0.1 + 0.5 * done));
			if (model == null) {
				throw new IllegalStateException("the corpus has no term frequent enough");
			}
			int version = this.registry.nextVersion(tenant).block();
			// the classifiers' selection moves it from 0.6 to 0.7
			ActiveModel.Supervised supervised = supervised(evaluation.training(), analyzer, model,
					(done) -> progress(tenant, job, 0.6 + 0.1 * done));
			store(tenant, version, model, supervised);
			progress(tenant, job, 0.8);
			ActiveModel active = this.registry.active(tenant).block();
			judge(tenant, job,
					new Candidate(version, solved.size(), parameters, ActiveModel.ofTenant(version, model, supervised)),
					evaluation, active);
		}
		catch (RuntimeException | IOException ex) {
			log.warn("Training job {} of tenant {} failed; the active model stays", job, tenant, ex);
			finish(tenant, job, "FAILED", "Training failed: " + ex.getMessage(), null);
		}
	}

	// The category/priority classifiers and the fusion weights are learned from the same
	// training slice as the vectors, so the held-out tickets judge all of them.
	private static ActiveModel.Supervised supervised(List<CorpusDocument> training, TextAnalyzer analyzer,
			WordVectors model, DoubleConsumer classifying) {
		List<List<String>> terms = training.stream().map((ticket) -> analyzer.terms(ticket.text())).toList();
		Map<String, List<String>> labels = new LinkedHashMap<>();
		labels.put(ActiveModel.TOPIC_FIELD, training.stream().map(CorpusDocument::category).toList());
		labels.put("priority", training.stream().map(CorpusDocument::priority).toList());
		Classifiers classifiers = Classifiers.train(terms, labels, classifying);
		Map<String, String> categories = new HashMap<>();
		List<Document> documents = new ArrayList<>();
		for (CorpusDocument ticket : training) {
			documents.add(new Document(ticket.id().toString(), ticket.text()));
			if (ticket.category() != null) {
				categories.put(ticket.id().toString(), ticket.category());
			}
		}
		// the learner's own topic space is trained with the setting the category
		// classifier's selection chose, on a sample of the same tickets
		LinearClassifier topic = classifiers.forField(ActiveModel.TOPIC_FIELD);
		Fusion fusion = FusionLearner.learn(documents, categories, model, analyzer,
				(topic != null) ? topic.topicTrainer() : LinearClassifier::topicSpace);
		return new ActiveModel.Supervised(classifiers, fusion);
	}

	private void judge(String tenant, UUID job, Candidate candidate, HeldOutEvaluation evaluation, ActiveModel active) {
		double candidateMrr = evaluation.mrrAt10(tenant, candidate.model());
		double activeMrr = (active != null) ? evaluation.mrrAt10(tenant, active) : Double.NaN;
		double keywordMrr = evaluation.mrrAt10(tenant, null);
		boolean noWorse = active == null || Double.isNaN(activeMrr) || candidateMrr >= activeMrr;
		Map<String, Object> metrics = new LinkedHashMap<>();
		metrics.put("mrrAt10", finite(candidateMrr));
		metrics.put("activeMrrAt10", finite(activeMrr));
		metrics.put("keywordOnlyMrrAt10", finite(keywordMrr));
		metrics.put("heldOutTickets", evaluation.heldOut().size());
		metrics.put("vocabulary", candidate.model().vectors().vocabularySize());
		metrics.put("trainingSeconds", candidate.model().vectors().stats().seconds());
		metrics.put("wordsPerSecond", candidate.model().vectors().stats().wordsPerSecond());
		metrics.put("fusion", candidate.model().fusion());
		metrics.put("classifiers", candidate.model().classifiers().fields());
		int version = candidate.version();
		this.registry.register(tenant,
				new ModelVersion(version, candidate.corpusSize(), this.json.writeValueAsString(candidate.parameters()),
						this.json.writeValueAsString(metrics), file(tenant, version).toString(), null, false, null))
			.block();
		if (!noWorse) {
			finish(tenant, job, "REJECTED",
					String.format(Locale.ROOT,
							"Version %d scored MRR@10 %.3f, below the active version's %.3f; the active version stays.",
							version, candidateMrr, activeMrr),
					version);
			return;
		}
		this.registry.activate(tenant, version).block();
		finish(tenant, job, "SUCCEEDED", "Version " + version + " is active.", version);
	}

	private void store(String tenant, int version, WordVectors model, ActiveModel.Supervised supervised)
			throws IOException {
		Path file = file(tenant, version);
		Files.createDirectories(file.getParent());
		WordVectorsFile.write(model, file);
		SupervisedFile.write(supervised, SupervisedFile.beside(file));
	}

	private Path file(String tenant, int version) {
		return this.settings.directory().resolve(tenant).resolve("v" + version + ".vectors");
	}

	private void progress(String tenant, UUID job, double progress) {
		this.tenants
			.inTenant(tenant,
					() -> this.database
						.sql("update training_jobs set progress = :progress where tenant_id = :tenant and id = :id")
						.bind("progress", progress)
						.bind("tenant", tenant)
						.bind("id", job)
						.then())
			.block();
	}

	private void finish(String tenant, UUID job, String status, String message, Integer version) {
		var spec = this.database
			.sql("update training_jobs set status = :status, message = :message, model_version = :version,"
					+ " progress = 1, finished_at = now() where tenant_id = :tenant and id = :id")
			.bind("status", status)
			.bind("message", message)
			.bind("tenant", tenant)
			.bind("id", job);
		var update = (version != null) ? spec.bind("version", version) : spec.bindNull("version", Integer.class);
		this.tenants.inTenant(tenant, () -> update.then()).block();
		Long started = this.startedAt.remove(job);
		if (started != null) {
			trainingDuration(status).record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
		}
	}

	// no tenant tag: jobs are rare, and the job's row says whose it was
	private Timer trainingDuration(String outcome) {
		return Timer.builder("deskflow.ai.training.duration")
			.description("How long a training job ran, by how it ended (SUCCEEDED, REJECTED, FAILED)")
			.tag("outcome", outcome)
			.register(this.meters);
	}

	private static Double finite(double value) {
		return Double.isFinite(value) ? value : null;
	}

	private static TrainingJob job(Readable row) {
		OffsetDateTime finished = row.get("finished_at", OffsetDateTime.class);
		return new TrainingJob(row.get("id", UUID.class), row.get("status", String.class),
				row.get("progress", Double.class), row.get("message", String.class),
				row.get("model_version", Integer.class), row.get("created_at", OffsetDateTime.class).toInstant(),
				(finished != null) ? finished.toInstant() : null);
	}

	/**
	 * What a job trained, before it is judged.
	 */
	private record Candidate(int version, int corpusSize, Word2VecParameters parameters, ActiveModel model) {
	}

	@Override
	public void destroy() {
		this.worker.dispose();
	}

}
