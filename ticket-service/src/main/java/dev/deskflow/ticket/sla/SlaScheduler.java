package dev.deskflow.ticket.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import dev.deskflow.common.event.EventEnvelope;
import dev.deskflow.common.event.SlaAtRisk;
import dev.deskflow.common.event.SlaBreached;
import dev.deskflow.common.tenant.TenantId;
import dev.deskflow.support.lifecycle.Rounds;
import dev.deskflow.ticket.outbox.OutboxWriter;
import dev.deskflow.ticket.sla.SlaRepository.DueClock;
import dev.deskflow.ticket.tenancy.TenantTransactions;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Finds SLA clocks whose at-risk or due time has passed and reports each once: it marks
 * the clock and writes {@code sla.at-risk} or {@code sla.breached} to the outbox in one
 * transaction, then (for a breach) escalates per policy in the same transaction. Safe
 * with several replicas: each takes a small batch of one tenant's due clocks with
 * {@code FOR UPDATE SKIP LOCKED} (the clock and its ticket), so two never handle the same
 * clock, and a ticket being written is simply looked at on the next poll.
 */
@Component
class SlaScheduler extends Rounds {

	private static final Logger log = LoggerFactory.getLogger(SlaScheduler.class);

	private static final String SOURCE = "/ticket-service";

	/** Tenants looked at per round; the next round takes the others. */
	private static final int TENANTS_PER_ROUND = 100;

	private final SlaRepository sla;

	private final TenantTransactions transactions;

	private final OutboxWriter outbox;

	private final BreachEscalation escalation;

	private final SlaProperties settings;

	private final MeterRegistry meters;

	SlaScheduler(SlaRepository sla, TenantTransactions transactions, OutboxWriter outbox, BreachEscalation escalation,
			SlaProperties settings, MeterRegistry meters) {
		super("SLA scheduler round", log, settings.schedulerEnabled(), settings.pollInterval(),
				settings.pollInterval());
		this.sla = sla;
		this.transactions = transactions;
		this.outbox = outbox;
		this.escalation = escalation;
		this.settings = settings;
		this.meters = meters;
	}

	/**
	 * One round: every tenant with due clocks, batch after batch until its due clocks are
	 * handled (or locked by another replica).
	 * @return how many clocks this round reported
	 */
	@Override
	protected Mono<Integer> round() {
		return runOnce();
	}

	Mono<Integer> runOnce() {
		Instant now = now();
		return this.sla.tenantsWithDueClocks(now, TENANTS_PER_ROUND)
			.concatMap((tenantId) -> batch(tenantId, now)
				.expand((handled) -> (handled == this.settings.batchSize()) ? batch(tenantId, now) : Mono.empty())
				.reduce(0, Integer::sum))
			.reduce(0, Integer::sum);
	}

	private Mono<Integer> batch(UUID tenantId, Instant now) {
		return this.transactions.inTenant(tenantId,
				() -> this.sla.lockDue(tenantId, now, this.settings.batchSize())
					.concatMap((due) -> report(tenantId, due))
					.count()
					.map(Long::intValue));
	}

	private Mono<Void> report(UUID tenantId, DueClock due) {
		SlaClock clock = due.clock();
		TenantId tenant = TenantId.of(due.tenantSlug());
		Instant at = now();
		if (clock.breachedAt() == null && !clock.dueAt().isAfter(at)) {
			// a clock found past due is reported as breached only: a warning after the
			// fact
			// helps nobody
			return this.sla.markBreached(tenantId, clock, at)
				.then(this.outbox.append(EventEnvelope.of(SOURCE, tenant,
						new SlaBreached(clock.ticketId(), clock.policyId(), clock.target(), clock.dueAt(), at))))
				.doOnSuccess((done) -> measure("breached", tenant, clock, clock.dueAt(), at))
				.then(this.escalation.escalate(tenantId, tenant, clock));
		}
		if (clock.atRiskNotifiedAt() == null && !clock.atRiskAt().isAfter(at)) {
			return this.sla.markAtRisk(tenantId, clock, at)
				.then(this.outbox.append(EventEnvelope.of(SOURCE, tenant,
						new SlaAtRisk(clock.ticketId(), clock.policyId(), clock.target(), clock.dueAt()))))
				.doOnSuccess((done) -> measure("at-risk", tenant, clock, clock.atRiskAt(), at));
		}
		return Mono.empty();
	}

	private void measure(String kind, TenantId tenant, SlaClock clock, Instant due, Instant at) {
		log.info("tenant={} ticket={} sla.{} target={} due={}", tenant.value(), clock.ticketId(), kind, clock.target(),
				due);
		Timer.builder("deskflow.sla.detection.lag")
			.description("Time from an SLA clock's at-risk or due time to its event being written")
			.tag("tenant", tenant.value())
			.tag("event", kind)
			.register(this.meters)
			.record(Duration.between(due, at));
	}

	private static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MICROS);
	}

}
