package dev.deskflow.ai.model;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import dev.deskflow.ai.AiProperties;
import dev.deskflow.ai.retrieval.Word2VecParameters;
import dev.deskflow.ai.retrieval.Word2VecTrainer;
import dev.deskflow.ai.retrieval.WordVectors;
import dev.deskflow.ai.retrieval.WordVectorsFile;
import dev.deskflow.ai.text.TextAnalyzer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The base model: a Word2Vec trained on public IT service-desk tickets shipped inside the
 * service ({@code base-model/base-corpus.csv}, see its NOTICE.md), for tenants too small
 * to train their own (fewer solved tickets than {@code models.min-solved-tickets}).
 * <p>
 * Prepared in the background once the service is ready, on the training worker (so it
 * never competes with a tenant's training): trained with the configured parameters and
 * seed 42 on one worker (reproducible) and kept as
 * {@code <directory>/_base/base-v1-<digest>.vectors}, the digest covering the corpus and
 * the parameters, so later starts only load it. The underscore keeps the directory apart
 * from tenants' (a tenant slug starts with a letter or digit). Until it is ready, small
 * tenants are answered keyword-only, and say so; when it is ready {@link ModelChanged}
 * for every tenant ({@code tenant == null}) reloads them. A failure (say too little
 * memory for ND4J) is logged and leaves them keyword-only.
 */
@Component
public class BaseModel {

	private static final Logger log = LoggerFactory.getLogger(BaseModel.class);

	private static final String CORPUS = "base-model/base-corpus.csv";

	private final AiProperties.Models settings;

	private final TrainingJobs jobs;

	private final ApplicationEventPublisher events;

	private volatile ActiveModel model;

	private volatile boolean settled;

	BaseModel(AiProperties properties, TrainingJobs jobs, ApplicationEventPublisher events) {
		this.settings = properties.models();
		this.jobs = jobs;
		this.events = events;
		this.settled = !this.settings.baseModel();
	}

	@EventListener(ApplicationReadyEvent.class)
	void prepare() {
		if (this.settings.baseModel()) {
			this.jobs.submit(this::load);
		}
	}

	/**
	 * @return whether the base model is as it will stay: loaded, failed or switched off
	 */
	public boolean settled() {
		return this.settled;
	}

	/**
	 * @param solvedTickets the tenant's solved tickets
	 * @return the base model for a tenant too small to train its own, {@code null} for a
	 * tenant that could (it answers keyword-only until its first version is active) or
	 * when the base model is switched off
	 */
	public ActiveModel forTenantWith(int solvedTickets) {
		return (solvedTickets < this.settings.minSolvedTickets()) ? this.model : null;
	}

	private void load() {
		try {
			long started = System.nanoTime();
			this.model = ActiveModel.base(vectors(this.settings));
			log.info("Base model ready in {} s",
					String.format(Locale.ROOT, "%.1f", (System.nanoTime() - started) / 1e9));
			this.events.publishEvent(new ModelChanged(null));
		}
		catch (RuntimeException | OutOfMemoryError ex) {
			log.warn("No base model: small tenants are answered keyword-only", ex);
		}
		finally {
			this.settled = true;
		}
	}

	private static WordVectors vectors(AiProperties.Models settings) {
		Word2VecParameters parameters = new Word2VecParameters(settings.dimensions(), 5, settings.minCount(),
				settings.epochs(), 0.025, 1e-3, Word2VecParameters.DEFAULT_SEED, 1);
		try {
			byte[] corpus;
			try (InputStream in = new ClassPathResource(CORPUS).getInputStream()) {
				corpus = in.readAllBytes();
			}
			Path file = settings.directory().resolve("_base").resolve(fileName(corpus, parameters));
			if (Files.isRegularFile(file)) {
				return WordVectorsFile.read(file);
			}
			log.info("Training the base model on {} ({}); kept in {}", CORPUS, parameters, file);
			WordVectors vectors = new Word2VecTrainer().train(terms(corpus), parameters);
			Files.createDirectories(file.getParent());
			WordVectorsFile.write(vectors, file);
			return vectors;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot load or train the base model", ex);
		}
	}

	private static List<List<String>> terms(byte[] corpus) throws IOException {
		TextAnalyzer analyzer = TextAnalyzer.english();
		List<List<String>> documents = new ArrayList<>();
		CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
		try (Reader reader = new InputStreamReader(new ByteArrayInputStream(corpus), StandardCharsets.UTF_8);
				CSVParser parser = CSVParser.parse(reader, format)) {
			for (CSVRecord row : parser) {
				documents.add(analyzer.terms(row.get("title") + "\n" + row.get("body")));
			}
		}
		return documents;
	}

	private static String fileName(byte[] corpus, Word2VecParameters parameters) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update(corpus);
			digest.update(parameters.toString().getBytes(StandardCharsets.UTF_8));
			return ActiveModel.BASE + "-" + HexFormat.of().formatHex(digest.digest()).substring(0, 12) + ".vectors";
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
