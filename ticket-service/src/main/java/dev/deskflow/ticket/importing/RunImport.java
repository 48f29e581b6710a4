package dev.deskflow.ticket.importing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import dev.deskflow.common.event.EventEnvelope;
import dev.deskflow.common.event.TicketChannel;
import dev.deskflow.common.event.TicketCreated;
import dev.deskflow.ticket.identity.Caller;
import dev.deskflow.ticket.importing.CsvRows.Accepted;
import dev.deskflow.ticket.importing.CsvRows.Malformed;
import dev.deskflow.ticket.importing.CsvRows.Outcome;
import dev.deskflow.ticket.importing.CsvRows.Rejected;
import dev.deskflow.ticket.outbox.OutboxWriter;
import dev.deskflow.ticket.sla.ImportedClocks;
import dev.deskflow.ticket.tenancy.TenantTransactions;
import dev.deskflow.ticket.ticket.Ticket;
import dev.deskflow.ticket.ticket.TicketHistory;
import org.apache.commons.csv.CSVParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.stereotype.Component;

/**
 * Runs an import: the upload is checked before the job exists (a file that is not UTF-8
 * CSV with the layout's columns is refused with 400 and nothing is imported); the job
 * then reads the file in the background, batch by batch. Each batch is one transaction
 * holding its tickets, their history, their {@code ticket.created} events and the job's
 * progress, so a row is imported whole or not at all and the counts always match the
 * data. A re-uploaded row (same external id) is counted as a duplicate and skipped. A
 * ticket imported open gets its SLA clocks in the same transaction
 * ({@link ImportedClocks}).
 */
@Component
class RunImport {

	private static final Logger logger = LoggerFactory.getLogger(RunImport.class);

	private static final String SOURCE = "/ticket-service";

	private final CsvUpload upload;

	private final ImportRepository imports;

	private final TenantTransactions transactions;

	private final OutboxWriter outbox;

	private final ImportProperties properties;

	private final TicketHistory history;

	private final ImportedClocks clocks;

	private final TimeBasedEpochGenerator ids = Generators.timeBasedEpochGenerator();

	RunImport(CsvUpload upload, ImportRepository imports, TenantTransactions transactions, OutboxWriter outbox,
			ImportProperties properties, TicketHistory history, ImportedClocks clocks) {
		this.upload = upload;
		this.imports = imports;
		this.transactions = transactions;
		this.outbox = outbox;
		this.properties = properties;
		this.history = history;
		this.clocks = clocks;
	}

	Mono<ImportJob> start(Caller caller, ImportPlan plan, Flux<DataBuffer> body) {
		return this.upload.store(body)
			.flatMap((file) -> Mono.fromCallable(() -> plan.forHeader(this.upload.header(file)))
				.subscribeOn(Schedulers.boundedElastic())
				.onErrorResume((ex) -> CsvUpload.delete(file).then(Mono.error(ex)))
				.flatMap((settled) -> this.transactions
					.inTenant(caller.tenantId(),
							() -> this.imports.create(this.ids.generate(), caller.tenantId(), caller.userId(),
									settled.layout().parameter(), now()))
					.doOnNext((job) -> run(caller, job, settled, file))));
	}

	Mono<ImportJob> find(Caller caller, UUID id) {
		return this.transactions.inTenant(caller.tenantId(), () -> this.imports.find(caller.tenantId(), id));
	}

	Mono<List<ImportViews.RejectedRowView>> rejections(Caller caller, UUID id) {
		return this.transactions
			.inTenantMany(caller.tenantId(),
					() -> this.imports.rejections(caller.tenantId(), id, this.properties.maxRejectionsKept()))
			.collectList();
	}

	private void run(Caller caller, ImportJob job, ImportPlan plan, Path file) {
		UUID tenantId = caller.tenantId();
		AtomicLong kept = new AtomicLong();
		AtomicReference<String> failure = new AtomicReference<>();
		RowMapping mapping = new RowMapping(plan.columns());
		Flux.using(() -> CSVParser.parse(CsvUpload.reader(file), CsvUpload.FORMAT),
				(parser) -> Flux.<Outcome>fromIterable(
						() -> new CsvRows(parser, mapping, plan.columns().get(ImportField.EXTERNAL_ID))),
				(parser) -> close(parser, file))
			.subscribeOn(Schedulers.boundedElastic())
			.buffer(this.properties.batchSize())
			.concatMap((batch) -> this.transactions.inTenant(tenantId,
					() -> write(caller, job.id(), batch, kept, failure).thenReturn(batch.size())))
			.then(Mono.defer(() -> this.transactions.inTenant(tenantId,
					() -> this.imports.finish(tenantId, job.id(), failure.get()).thenReturn(true))))
			.onErrorResume((ex) -> {
				logger.error("Import {} of tenant {} stopped", job.id(), caller.tenant().value(), ex);
				return this.transactions.inTenant(tenantId,
						() -> this.imports
							.finish(tenantId, job.id(),
									"stopped by an internal error; rows counted as accepted are imported")
							.thenReturn(false));
			})
			.subscribe(
					(succeeded) -> logger.info("Import {} of tenant {} finished", job.id(), caller.tenant().value()));
	}

	private Mono<Void> write(Caller caller, UUID jobId, List<Outcome> batch, AtomicLong kept,
			AtomicReference<String> failure) {
		return Mono.defer(() -> {
			long[] counts = new long[3]; // accepted, duplicates, rejected
			return Flux.fromIterable(batch).concatMap((outcome) -> {
				if (outcome instanceof Accepted accepted) {
					return importTicket(caller, jobId, accepted.ticket())
						.doOnNext((inserted) -> counts[inserted ? 0 : 1]++)
						.then();
				}
				counts[2]++;
				if (outcome instanceof Malformed malformed) {
					failure.set("The file is not valid CSV from line " + malformed.line() + ": " + malformed.reason()
							+ "; the rows before it were imported.");
					return reject(caller, jobId, malformed.line(), null, malformed.reason(), kept);
				}
				Rejected rejected = (Rejected) outcome;
				return reject(caller, jobId, rejected.line(), rejected.externalId(), rejected.reason(), kept);
			})
				.then(Mono.defer(() -> this.imports.progress(caller.tenantId(), jobId, batch.size(), counts[0],
						counts[1], counts[2])));
		});
	}

	private Mono<Void> reject(Caller caller, UUID jobId, long line, String externalId, String reason, AtomicLong kept) {
		if (kept.getAndIncrement() >= this.properties.maxRejectionsKept()) {
			return Mono.empty();
		}
		return this.imports.reject(caller.tenantId(), jobId, line, externalId, reason);
	}

	private Mono<Boolean> importTicket(Caller caller, UUID jobId, ImportedTicket ticket) {
		UUID id = this.ids.generate();
		Instant now = now();
		Instant createdAt = (ticket.createdAt() != null) ? ticket.createdAt() : now;
		return this.imports.insertTicket(id, caller.tenantId(), caller.userId(), ticket, createdAt, now)
			.flatMap((inserted) -> !inserted ? Mono.just(false) : this.history
				.record(caller.tenantId(), id, caller.userId(), "imported", Map.of("importId", jobId.toString()), now)
				.then(this.outbox.append(EventEnvelope.of(SOURCE, caller.tenant(),
						new TicketCreated(id, caller.userId(), ticket.subject(), ticket.description(), ticket.status(),
								ticket.priority(), ticket.category(), ticket.tags(), TicketChannel.IMPORT, createdAt))))
				.then(this.clocks.start(new Ticket(id, caller.tenantId(), ticket.subject(), ticket.description(),
						ticket.status(), ticket.priority(), ticket.category(), ticket.tags(), caller.userId(), null,
						null, TicketChannel.IMPORT, createdAt, now, null, ticket.solvedAt(), 0), now))
				.thenReturn(true));
	}

	private static void close(CSVParser parser, Path file) {
		try {
			parser.close();
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			logger.warn("Could not remove the import file {}: {}", file, ex.getMessage());
		}
	}

	private static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MICROS);
	}

}
