package dev.deskflow.ai.model;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.deskflow.common.tenant.Role;
import dev.deskflow.support.problem.ProblemException;
import dev.deskflow.support.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/ai/models}: the tenant's Word2Vec training jobs and model registry, for
 * tenant admins only (403 for other roles).
 */
@RestController
@RequestMapping("/api/ai/models")
@Tag(name = "Models")
@SecurityRequirement(name = "bearer")
class ModelController {

	private final TrainingJobs jobs;

	private final ModelRegistry registry;

	private final JsonMapper json;

	ModelController(TrainingJobs jobs, ModelRegistry registry, JsonMapper json) {
		this.jobs = jobs;
		this.registry = registry;
		this.json = json;
	}

	@PostMapping("/training-jobs")
	@Operation(summary = "Train a new model version",
			description = "Starts a background job (202); 409 while another job of the tenant runs. The new version "
					+ "becomes active only if it scores no worse than the active one on held-out solved tickets.")
	Mono<ResponseEntity<TrainingJob>> train() {
		return admin().flatMap((tenant) -> this.jobs.start(tenant))
			.map((job) -> ResponseEntity.accepted()
				.location(URI.create("/api/ai/models/training-jobs/" + job.id()))
				.body(job));
	}

	@GetMapping("/training-jobs/{id}")
	@Operation(summary = "A training job's status and progress")
	Mono<TrainingJob> job(@PathVariable UUID id) {
		return admin().flatMap((tenant) -> this.jobs.find(tenant, id))
			.switchIfEmpty(Mono.error(() -> ProblemException.notFound("Training job " + id)));
	}

	@GetMapping
	@Operation(summary = "The tenant's model versions, newest first")
	Mono<List<ModelView>> list() {
		return admin().flatMapMany(this.registry::list).map(this::view).collectList();
	}

	@PostMapping("/rollback")
	@Operation(summary = "Go back to the previously active version",
			description = "Activates the newest version activated before the current one, or none (keyword-only) "
					+ "when there is none; 409 when no version is active.")
	Mono<ActiveView> rollback() {
		return admin().flatMap((tenant) -> this.registry.activeVersion(tenant)
			.switchIfEmpty(Mono.error(() -> ProblemException.conflict("No model version is active.")))
			.then(this.registry.rollback(tenant))
			.map((version) -> new ActiveView(version.version()))
			.defaultIfEmpty(new ActiveView(null)));
	}

	private Mono<String> admin() {
		return AuthenticatedUser.current().map((user) -> {
			if (user.role() != Role.ADMIN) {
				throw ProblemException.forbidden("Only tenant admins manage models.");
			}
			return user.tenant().value();
		});
	}

	private ModelView view(ModelVersion version) {
		return new ModelView(version.version(), version.corpusSize(), this.json.readTree(version.parameters()),
				this.json.readTree(version.metrics()), version.createdAt(), version.active(), version.activatedAt());
	}

	/**
	 * One model version.
	 *
	 * @param version increasing per tenant
	 * @param corpusSize solved tickets when it was trained
	 * @param parameters Word2Vec parameters
	 * @param metrics held-out MRR@10 of this, the then active and keyword-only retrieval;
	 * training figures
	 * @param createdAt when it was trained
	 * @param active whether answers use it
	 * @param activatedAt when it was last activated
	 */
	record ModelView(int version, int corpusSize, JsonNode parameters, JsonNode metrics, Instant createdAt,
			boolean active, Instant activatedAt) {
	}

	/**
	 * @param activeVersion the version active after the rollback, {@code null} for none
	 */
	record ActiveView(Integer activeVersion) {
	}

}
