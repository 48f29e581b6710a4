package dev.deskflow.ticket.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import dev.deskflow.common.event.EventEnvelope;
import dev.deskflow.common.event.TicketChannel;
import dev.deskflow.common.event.TicketCommented;
import dev.deskflow.common.event.TicketCreated;
import dev.deskflow.common.event.TicketPriority;
import dev.deskflow.common.event.TicketStatus;
import dev.deskflow.common.tenant.Role;
import dev.deskflow.common.tenant.TenantId;
import dev.deskflow.ticket.TicketProperties;
import dev.deskflow.ticket.outbox.OutboxWriter;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Seeds the demo tenant at start-up when {@code deskflow.ticket.demo.enabled} is set: an
 * admin, three agents, twenty customers and one ticket per row of the demo data files,
 * all in one transaction. A tenant that already exists keeps its data, so restarts are
 * harmless.
 */
@Component
@ConditionalOnProperty(name = "deskflow.ticket.demo.enabled", havingValue = "true")
class DemoDataSeeder implements ApplicationRunner {

	static final String TENANT_NAME = "Demo Company";

	static final int CUSTOMERS = 20;

	private static final Logger logger = LoggerFactory.getLogger(DemoDataSeeder.class);

	private static final String SOURCE = "/ticket-service";

	private static final List<String> AGENT_NAMES = List.of("Maya Lindqvist", "Tomás Ferreira", "Aisha Okafor");

	private static final List<String> CUSTOMER_NAMES = List.of("Liam Novak", "Sofia Rossi", "Noah Schmidt",
			"Emma Dubois", "Lucas Silva", "Olivia Brown", "Mateo García", "Ava Nielsen", "Ethan Kowalski", "Mia Jansen",
			"Arjun Mehta", "Chloe Martin", "Kenji Sato", "Zara Ahmed", "Leo Horvat", "Isla Murphy", "Omar Haddad",
			"Nora Berg", "Daniel Costa", "Yuki Tanaka");

	private static final String REPLY = """
			Hi, thanks for getting in touch. We have looked into this and applied a fix on our side; \
			please reply to this ticket if the problem comes back.""";

	private static final String INTERNAL_NOTE = """
			Reproduced it. Waiting on the owning team before we reply to the customer.""";

	private static final int BATCH_SIZE = 100;

	private static final String INSERT_USER = """
			insert into users (id, tenant_id, email, name, password_hash, role)
			values ($1, $2, $3, $4, $5, $6)""";

	private static final String INSERT_TICKET = """
			insert into tickets (id, tenant_id, subject, description, status, priority, category, tags,
			    requester_id, assignee_id, channel, created_at, updated_at, first_responded_at, solved_at)
			values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)""";

	private static final String INSERT_COMMENT = """
			insert into comments (id, tenant_id, ticket_id, author_id, body, internal, created_at)
			values ($1, $2, $3, $4, $5, $6, $7)""";

	private static final TimeBasedEpochGenerator ids = Generators.timeBasedEpochGenerator();

	private final TicketProperties.Demo demo;

	private final DatabaseClient database;

	private final TransactionalOperator transactions;

	private final OutboxWriter outbox;

	DemoDataSeeder(TicketProperties properties, DatabaseClient database, TransactionalOperator transactions,
			OutboxWriter outbox) {
		this.demo = properties.demo();
		this.database = database;
		this.transactions = transactions;
		this.outbox = outbox;
	}

	@Override
	public void run(ApplicationArguments args) {
		// Blocking is fine here: runners run on the main thread before the app reports
		// ready, and a failure must stop the start-up.
		seed().block();
	}

	/**
	 * Seeds the demo tenant unless it exists.
	 * @return what was done
	 */
	Mono<Outcome> seed() {
		String slug = this.demo.tenant();
		return Mono.defer(() -> {
			long started = System.nanoTime();
			return tenantExists(slug)
				.flatMap((exists) -> exists ? Mono.empty()
						: Mono.fromCallable(() -> prepare(slug, Instant.now()))
							.subscribeOn(Schedulers.boundedElastic())
							.flatMap(this::insert))
				.map((seeded) -> seeded.took(Duration.ofNanos(System.nanoTime() - started)))
				.doOnNext((outcome) -> logger.info(
						"Seeded demo tenant '{}': {} users, {} tickets, {} comments in {} ms", outcome.tenant(),
						outcome.users(), outcome.tickets(), outcome.comments(), outcome.elapsed().toMillis()))
				.switchIfEmpty(Mono.fromSupplier(() -> {
					logger.info("Demo tenant '{}' exists; kept its data", slug);
					return Outcome.kept(slug);
				}));
		});
	}

	private Mono<Boolean> tenantExists(String slug) {
		return this.database.sql("select exists (select 1 from tenants where slug = :slug)")
			.bind("slug", slug)
			.mapValue(Boolean.class)
			.one();
	}

	// Reads the files and hashes the password (blocking and CPU-bound; off the event
	// loop).
	private Plan prepare(String slug, Instant now) {
		List<DemoTicket> rows = DemoTicketFiles.read(this.demo.dataDirectory());
		String passwordHash = new BCryptPasswordEncoder().encode(this.demo.password());
		UUID tenantId = ids.generate();
		String domain = "@" + slug + ".deskflow.dev";
		List<User> admins = List.of(new User(ids.generate(), "admin" + domain, "Demo Admin", "ADMIN"));
		List<User> agents = new ArrayList<>();
		for (int i = 0; i < AGENT_NAMES.size(); i++) {
			agents.add(new User(ids.generate(), "agent" + (i + 1) + domain, AGENT_NAMES.get(i), "AGENT"));
		}
		List<User> customers = new ArrayList<>();
		for (int i = 0; i < CUSTOMERS; i++) {
			customers.add(new User(ids.generate(), "customer%02d%s".formatted(i + 1, domain),
					CUSTOMER_NAMES.get(i % CUSTOMER_NAMES.size()), "CUSTOMER"));
		}
		List<Ticket> tickets = new ArrayList<>();
		List<Comment> comments = new ArrayList<>();
		int assigned = 0;
		for (int i = 0; i < rows.size(); i++) {
			DemoTicket row = rows.get(i);
			DemoTimeline timeline = DemoTimeline.of(row.sourceKey(), now);
			User assignee = timeline.status().equals("NEW") ? null : agents.get(assigned++ % agents.size());
			Ticket ticket = new Ticket(ids.construct(timeline.createdAt().toEpochMilli()), row, timeline,
					customers.get(i % customers.size()), assignee);
			tickets.add(ticket);
			if (timeline.solvedAt() != null) {
				comments.add(new Comment(ids.construct(timeline.firstRespondedAt().toEpochMilli()), ticket.id(),
						assignee.id(), REPLY, false, timeline.firstRespondedAt()));
			}
			if (timeline.internalNoteAt() != null) {
				comments.add(new Comment(ids.construct(timeline.internalNoteAt().toEpochMilli()), ticket.id(),
						assignee.id(), INTERNAL_NOTE, true, timeline.internalNoteAt()));
			}
		}
		List<User> users = new ArrayList<>(admins);
		users.addAll(agents);
		users.addAll(customers);
		return new Plan(tenantId, slug, passwordHash, users, tickets, comments);
	}

	private Mono<Outcome> insert(Plan plan) {
		// "on conflict do nothing": an instance that seeded concurrently wins, this one
		// keeps its data.
		Mono<UUID> tenant = this.database.sql(
				"insert into tenants (id, slug, name) values (:id, :slug, :name) on conflict (slug) do nothing returning id")
			.bind("id", plan.tenantId())
			.bind("slug", plan.slug())
			.bind("name", TENANT_NAME)
			.mapValue(UUID.class)
			.one();
		return tenant
			.flatMap((tenantId) -> insertInBatches(INSERT_USER, plan.users(),
					(statement, user) -> statement.bind(0, user.id())
						.bind(1, tenantId)
						.bind(2, user.email())
						.bind(3, user.name())
						.bind(4, plan.passwordHash())
						.bind(5, user.role()))
				.then(insertInBatches(INSERT_TICKET, plan.tickets(),
						(statement, ticket) -> bind(statement, tenantId, ticket)))
				.then(insertInBatches(INSERT_COMMENT, plan.comments(),
						(statement, comment) -> statement.bind(0, comment.id())
							.bind(1, tenantId)
							.bind(2, comment.ticketId())
							.bind(3, comment.authorId())
							.bind(4, comment.body())
							.bind(5, comment.internal())
							.bind(6, comment.createdAt())))
				.then(announce(plan))
				.thenReturn(new Outcome(plan.slug(), true, plan.users().size(), plan.tickets().size(),
						plan.comments().size(), Duration.ZERO)))
			.as(this.transactions::transactional);
	}

	/**
	 * Tells the other services about the demo desk as about any other, through the outbox
	 * in the seeding transaction: every ticket's {@code ticket.created} and every public
	 * reply's {@code ticket.commented}, so ai-service learns from the demo's solved
	 * tickets and recommends them, as it does for imported ones. Internal notes stay
	 * staff-only events too.
	 */
	private Mono<Void> announce(Plan plan) {
		TenantId tenant = TenantId.of(plan.slug());
		Flux<EventEnvelope<?>> created = Flux.fromIterable(plan.tickets())
			.map((ticket) -> EventEnvelope.of(SOURCE, tenant,
					new TicketCreated(ticket.id(), ticket.requester().id(), ticket.row().subject(),
							ticket.row().description(), TicketStatus.valueOf(ticket.timeline().status()),
							TicketPriority.valueOf(ticket.row().priority()), ticket.row().category(),
							ticket.row().tags(), TicketChannel.valueOf(ticket.row().channel()),
							ticket.timeline().createdAt())));
		Flux<EventEnvelope<?>> commented = Flux.fromIterable(plan.comments())
			.map((comment) -> EventEnvelope.of(SOURCE, tenant, new TicketCommented(comment.ticketId(), comment.id(),
					comment.authorId(), Role.AGENT, comment.body(), comment.internal(), comment.createdAt())));
		return created.concatWith(commented).concatMap(this.outbox::append).then();
	}

	private static Statement bind(Statement statement, UUID tenantId, Ticket ticket) {
		DemoTicket row = ticket.row();
		DemoTimeline timeline = ticket.timeline();
		statement.bind(0, ticket.id())
			.bind(1, tenantId)
			.bind(2, row.subject())
			.bind(3, row.description())
			.bind(4, timeline.status())
			.bind(5, row.priority())
			.bind(7, row.tags().toArray(String[]::new))
			.bind(8, ticket.requester().id())
			.bind(10, row.channel())
			.bind(11, timeline.createdAt())
			.bind(12, timeline.updatedAt());
		bindNullable(statement, 6, row.category(), String.class);
		bindNullable(statement, 9, (ticket.assignee() != null) ? ticket.assignee().id() : null, UUID.class);
		bindNullable(statement, 13, timeline.firstRespondedAt(), Instant.class);
		bindNullable(statement, 14, timeline.solvedAt(), Instant.class);
		return statement;
	}

	private static void bindNullable(Statement statement, int index, Object value, Class<?> type) {
		if (value != null) {
			statement.bind(index, value);
		}
		else {
			statement.bindNull(index, type);
		}
	}

	// One prepared statement per batch with a binding per row: the driver pipelines the
	// rows instead of waiting for a round trip each. Runs on the transaction's
	// connection.
	private <T> Mono<Void> insertInBatches(String sql, List<T> rows, BiConsumer<Statement, T> binder) {
		return Flux.fromIterable(rows)
			.buffer(BATCH_SIZE)
			.concatMap((batch) -> this.database.inConnectionMany((connection) -> {
				Statement statement = connection.createStatement(sql);
				for (int i = 0; i < batch.size(); i++) {
					if (i > 0) {
						statement.add();
					}
					binder.accept(statement, batch.get(i));
				}
				return Flux.from(statement.execute()).concatMap(Result::getRowsUpdated);
			}))
			.then();
	}

	/**
	 * What a call of {@link #seed()} did.
	 *
	 * @param tenant the demo tenant's slug
	 * @param seeded whether it seeded the tenant ({@code false}: the tenant existed)
	 * @param users users created
	 * @param tickets tickets created
	 * @param comments comments created
	 * @param elapsed how long seeding took
	 */
	record Outcome(String tenant, boolean seeded, int users, int tickets, int comments, Duration elapsed) {

		static Outcome kept(String tenant) {
			return new Outcome(tenant, false, 0, 0, 0, Duration.ZERO);
		}

		Outcome took(Duration elapsed) {
			return new Outcome(this.tenant, this.seeded, this.users, this.tickets, this.comments, elapsed);
		}

	}

	private record User(UUID id, String email, String name, String role) {
	}

	private record Ticket(UUID id, DemoTicket row, DemoTimeline timeline, User requester, User assignee) {
	}

	private record Comment(UUID id, UUID ticketId, UUID authorId, String body, boolean internal, Instant createdAt) {
	}

	private record Plan(UUID tenantId, String slug, String passwordHash, List<User> users, List<Ticket> tickets,
			List<Comment> comments) {
	}

}
