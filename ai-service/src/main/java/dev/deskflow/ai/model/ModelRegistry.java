package dev.deskflow.ai.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;

import dev.deskflow.ai.retrieval.WordVectorsFile;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import dev.deskflow.ai.tenancy.TenantTransactions;

/**
 * Each tenant's model versions and which one is active (at most one, enforced by a unique
 * index). Activating or rolling back publishes {@link ModelChanged}. Every statement runs
 * in a transaction bound to the tenant ({@link TenantTransactions}).
 */
@Component
public class ModelRegistry {

	private static final String COLUMNS = "version, corpus_size, parameters, metrics, file, created_at, active,"
			+ " activated_at";

	private final DatabaseClient database;

	private final TenantTransactions tenants;

	private final ApplicationEventPublisher events;

	ModelRegistry(DatabaseClient database, TenantTransactions tenants, ApplicationEventPublisher events) {
		this.database = database;
		this.tenants = tenants;
		this.events = events;
	}

	/**
	 * @param tenant the tenant
	 * @return the active model loaded from its file, or empty when the tenant has none
	 */
	public Mono<ActiveModel> active(String tenant) {
		return activeVersion(tenant).publishOn(Schedulers.boundedElastic()).map((version) -> {
			try {
				Path file = Path.of(version.file());
				return ActiveModel.ofTenant(version.version(), WordVectorsFile.read(file),
						SupervisedFile.read(SupervisedFile.beside(file)));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

	Mono<ModelVersion> activeVersion(String tenant) {
		return this.tenants.inTenant(tenant, () -> activeVersionIn(tenant));
	}

	private Mono<ModelVersion> activeVersionIn(String tenant) {
		return this.database.sql("select " + COLUMNS + " from model_versions where tenant_id = :tenant and active")
			.bind("tenant", tenant)
			.map(ModelRegistry::version)
			.one();
	}

	Flux<ModelVersion> list(String tenant) {
		return this.tenants.inTenantMany(tenant,
				() -> this.database
					.sql("select " + COLUMNS + " from model_versions where tenant_id = :tenant order by version desc")
					.bind("tenant", tenant)
					.map(ModelRegistry::version)
					.all());
	}

	Mono<Integer> nextVersion(String tenant) {
		return this.tenants.inTenant(tenant,
				() -> this.database
					.sql("select coalesce(max(version), 0) + 1 as next from model_versions where tenant_id = :tenant")
					.bind("tenant", tenant)
					.map((row) -> row.get("next", Integer.class))
					.one());
	}

	Mono<Void> register(String tenant, ModelVersion version) {
		return this.tenants.inTenant(tenant,
				() -> this.database
					.sql("insert into model_versions (tenant_id, version, corpus_size, parameters, metrics, file)"
							+ " values (:tenant, :version, :size, :parameters, :metrics, :file)")
					.bind("tenant", tenant)
					.bind("version", version.version())
					.bind("size", version.corpusSize())
					.bind("parameters", version.parameters())
					.bind("metrics", version.metrics())
					.bind("file", version.file())
					.then());
	}

	/**
	 * @param tenant the tenant
	 * @param version the version to make active; any other active version steps back
	 * @return completes once committed
	 */
	Mono<Void> activate(String tenant, int version) {
		return this.tenants
			.inTenant(tenant,
					() -> this.database
						.sql("update model_versions set active = false where tenant_id = :tenant and active")
						.bind("tenant", tenant)
						.then()
						.then(this.database
							.sql("update model_versions set active = true, activated_at = now()"
									+ " where tenant_id = :tenant and version = :version")
							.bind("tenant", tenant)
							.bind("version", version)
							.then()))
			.then(Mono.fromRunnable(() -> changed(tenant)));
	}

	/**
	 * @param tenant the tenant
	 * @return the version active now: the newest version activated before the current
	 * one, or empty (keyword-only) when there is none
	 */
	Mono<ModelVersion> rollback(String tenant) {
		return this.tenants.inTenant(tenant,
				() -> activeVersionIn(tenant).flatMap((current) -> this.database
					.sql("update model_versions set active = false where tenant_id = :tenant and version = :version")
					.bind("tenant", tenant)
					.bind("version", current.version())
					.then()
					.then(this.database
						.sql("update model_versions set active = true, activated_at = now() where tenant_id = :tenant"
								+ " and version = (select max(version) from model_versions where tenant_id = :tenant"
								+ " and version < :version and activated_at is not null) returning " + COLUMNS)
						.bind("tenant", tenant)
						.bind("version", current.version())
						.map(ModelRegistry::version)
						.one())))
			.doFinally((signal) -> changed(tenant));
	}

	private void changed(String tenant) {
		this.events.publishEvent(new ModelChanged(tenant));
	}

	private static ModelVersion version(Readable row) {
		OffsetDateTime activated = row.get("activated_at", OffsetDateTime.class);
		return new ModelVersion(row.get("version", Integer.class), row.get("corpus_size", Integer.class),
				row.get("parameters", String.class), row.get("metrics", String.class), row.get("file", String.class),
				row.get("created_at", OffsetDateTime.class).toInstant(),
				Boolean.TRUE.equals(row.get("active", Boolean.class)),
				(activated != null) ? activated.toInstant() : null);
	}

}
