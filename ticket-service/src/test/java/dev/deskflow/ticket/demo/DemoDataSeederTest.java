package dev.deskflow.ticket.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.deskflow.testsupport.RealServers;
import dev.deskflow.ticket.TicketProperties;
import dev.deskflow.ticket.outbox.OutboxWriter;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.util.function.Tuples;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.transaction.reactive.TransactionalOperator;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(
		properties = { "deskflow.ticket.demo.enabled=true", "deskflow.ticket.demo.tenant=" + DemoDataSeederTest.TENANT,
				"deskflow.ticket.demo.data-directory=../deploy/demo-data" })
@RealServers(database = "deskflow_ticket", kafka = true, redis = true)
class DemoDataSeederTest {

	static final String TENANT = "demo-seed-test";

	private static final Path DATA = Path.of("../deploy/demo-data");

	@Autowired
	DatabaseClient database;

	@Autowired
	TransactionalOperator transactions;

	@Autowired
	DemoDataSeeder seeder;

	@Autowired
	TicketProperties properties;

	@Autowired
	OutboxWriter outbox;

	@Test
	void seedsTheDemoTenantAtStartUp() {
		this.database.sql("select name from tenants where slug = :slug")
			.bind("slug", TENANT)
			.mapValue(String.class)
			.all()
			.as(StepVerifier::create)
			.expectNext("Demo Company")
			.verifyComplete();
	}

	@Test
	void announcesEveryTicketAndEveryReplyThroughTheOutbox() {
		// ticket.created per ticket, ticket.commented per reply or note, for the tenant
		this.database
			.sql("""
					select (select count(*) from outbox_events o where o.tenant = :slug
					            and o.payload::jsonb ->> 'type' = 'ticket.created')
					     = (select count(*) from tickets k join tenants t on t.id = k.tenant_id where t.slug = :slug)
					   and (select count(*) from outbox_events o where o.tenant = :slug
					            and o.payload::jsonb ->> 'type' = 'ticket.commented')
					     = (select count(*) from comments c join tenants t on t.id = c.tenant_id where t.slug = :slug)
					   and (select count(*) from tickets k join tenants t on t.id = k.tenant_id where t.slug = :slug) > 0""")
			.bind("slug", TENANT)
			.mapValue(Boolean.class)
			.one()
			.as(StepVerifier::create)
			.expectNext(true)
			.verifyComplete();
	}

	@Test
	void createsOneAdminThreeAgentsAndTwentyCustomers() {
		List<String> emails = new ArrayList<>(List.of("admin@" + TENANT + ".deskflow.dev"));
		for (int i = 1; i <= 3; i++) {
			emails.add("agent" + i + "@" + TENANT + ".deskflow.dev");
		}
		for (int i = 1; i <= 20; i++) {
			emails.add("customer%02d@%s.deskflow.dev".formatted(i, TENANT));
		}
		this.database.sql("""
				select u.role, count(*) as users from users u join tenants t on t.id = u.tenant_id
				where t.slug = :slug and u.active group by u.role order by u.role""")
			.bind("slug", TENANT)
			.map((row) -> row.get("role", String.class) + "=" + row.get("users", Long.class))
			.all()
			.as(StepVerifier::create)
			.expectNext("ADMIN=1", "AGENT=3", "CUSTOMER=20")
			.verifyComplete();
		this.database.sql("""
				select u.email from users u join tenants t on t.id = u.tenant_id
				where t.slug = :slug order by u.email""")
			.bind("slug", TENANT)
			.mapValue(String.class)
			.all()
			.collectList()
			.as(StepVerifier::create)
			.assertNext((stored) -> assertThat(stored).containsExactlyElementsOf(emails))
			.verifyComplete();
	}

	@Test
	void createsOneTicketPerRowOfTheDemoFiles() throws IOException {
		long endava = csvRows(DemoTicketFiles.ENDAVA_FILE);
		long hadoop = csvRows(DemoTicketFiles.HADOOP_FILE);
		assertThat(endava).isPositive();
		assertThat(hadoop).isPositive();
		this.database.sql("""
				select tk.tags[1] as source, count(*) as tickets from tickets tk join tenants t on t.id = tk.tenant_id
				where t.slug = :slug group by tk.tags[1] order by 1""")
			.bind("slug", TENANT)
			.map((row) -> row.get("source", String.class) + "=" + row.get("tickets", Long.class))
			.all()
			.as(StepVerifier::create)
			.expectNext("endava=" + endava, "hadoop=" + hadoop)
			.verifyComplete();
	}

	@Test
	void givesEveryTicketACustomerOfItsTenantAsRequesterAndAnAgentOnceAnswered() {
		this.database.sql("""
				select count(*) from tickets tk join tenants t on t.id = tk.tenant_id
				left join users requester on requester.id = tk.requester_id
				    and requester.tenant_id = tk.tenant_id and requester.role = 'CUSTOMER'
				left join users assignee on assignee.id = tk.assignee_id
				    and assignee.tenant_id = tk.tenant_id and assignee.role = 'AGENT'
				where t.slug = :slug
				  and (requester.id is null or (tk.status = 'NEW') <> (assignee.id is null))""")
			.bind("slug", TENANT)
			.mapValue(Long.class)
			.one()
			.as(StepVerifier::create)
			.expectNext(0L)
			.verifyComplete();
	}

	@Test
	void tellsAConsistentStoryOfEveryTicket() {
		this.database.sql("""
				select tk.status, count(*) as tickets,
				    count(*) filter (where (tk.status = 'NEW') <> (tk.first_responded_at is null)
				        or (tk.status in ('SOLVED', 'CLOSED')) <> (tk.solved_at is not null)
				        or tk.first_responded_at < tk.created_at or tk.solved_at < tk.first_responded_at
				        or tk.updated_at < tk.created_at or tk.updated_at > now()
				        or tk.created_at < now() - interval '61 days'
				        or substr(tk.id::text, 15, 1) <> '7') as inconsistent,
				    count(*) filter (where (select count(*) from comments c where c.ticket_id = tk.id
				        and c.tenant_id = tk.tenant_id and not c.internal and c.author_id = tk.assignee_id)
				        <> (case when tk.status in ('SOLVED', 'CLOSED') then 1 else 0 end)) as without_reply
				from tickets tk join tenants t on t.id = tk.tenant_id
				where t.slug = :slug group by tk.status""")
			.bind("slug", TENANT)
			.map((row) -> Map.entry(row.get("status", String.class),
					List.of(row.get("tickets", Long.class), row.get("inconsistent", Long.class),
							row.get("without_reply", Long.class))))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue)
			.as(StepVerifier::create)
			.assertNext((byStatus) -> {
				assertThat(byStatus).containsOnlyKeys("NEW", "OPEN", "PENDING", "SOLVED", "CLOSED");
				byStatus.forEach((status, counts) -> {
					assertThat(counts.get(0)).as("%s tickets", status).isPositive();
					assertThat(counts.get(1)).as("inconsistent %s tickets", status).isZero();
					assertThat(counts.get(2)).as("%s tickets with a wrong number of replies", status).isZero();
				});
			})
			.verifyComplete();
		this.database.sql("""
				select count(*) from comments c join tenants t on t.id = c.tenant_id
				join tickets tk on tk.id = c.ticket_id
				where t.slug = :slug and c.internal and tk.status = 'OPEN'""")
			.bind("slug", TENANT)
			.mapValue(Long.class)
			.one()
			.as(StepVerifier::create)
			.assertNext((notes) -> assertThat(notes).as("internal notes on open tickets").isPositive())
			.verifyComplete();
	}

	@Test
	void storesTheDemoPasswordHashedWithBcrypt() {
		BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
		this.database.sql("""
				select u.password_hash from users u join tenants t on t.id = u.tenant_id
				where t.slug = :slug and lower(u.email) in (:emails)""")
			.bind("slug", TENANT)
			.bind("emails", List.of("admin@" + TENANT + ".deskflow.dev", "customer07@" + TENANT + ".deskflow.dev"))
			.mapValue(String.class)
			.all()
			.collectList()
			.as(StepVerifier::create)
			.assertNext((hashes) -> assertThat(hashes).hasSize(2).allSatisfy((hash) -> {
				assertThat(hash).startsWith("$2").doesNotContain(this.properties.demo().password());
				assertThat(bcrypt.matches(this.properties.demo().password(), hash)).isTrue();
				assertThat(bcrypt.matches("not-the-password", hash)).isFalse();
			}))
			.verifyComplete();
	}

	@Test
	void addsNothingWhenRunAgain() {
		counts()
			.flatMap((before) -> this.seeder.seed()
				.flatMap((outcome) -> counts().map((after) -> Tuples.of(before, outcome, after))))
			.as(StepVerifier::create)
			.assertNext((result) -> {
				assertThat(result.getT1().get(2)).as("tickets").isPositive();
				assertThat(result.getT2().seeded()).isFalse();
				assertThat(result.getT2().tickets()).isZero();
				assertThat(result.getT3()).isEqualTo(result.getT1());
			})
			.verifyComplete();
	}

	@Test
	void failsNamingThePathAndTheSettingWhenTheDataDirectoryIsMissing() {
		String tenant = "demo-seed-missing-" + UUID.randomUUID().toString().substring(0, 8);
		Path missing = Path.of("no-such-demo-data");
		TicketProperties settings = new TicketProperties(this.properties.redisKeyPrefix(),
				new TicketProperties.Demo(true, tenant, missing, "secret-password"), this.properties.outbox());

		new DemoDataSeeder(settings, this.database, this.transactions, this.outbox).seed()
			.as(StepVerifier::create)
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(IllegalStateException.class)
				.hasMessageContaining(missing.toAbsolutePath().toString())
				.hasMessageContaining("DESKFLOW_TICKET_DEMO_DATA_DIRECTORY"))
			.verify();
		this.database.sql("select count(*) from tenants where slug = :slug")
			.bind("slug", tenant)
			.mapValue(Long.class)
			.one()
			.as(StepVerifier::create)
			.expectNext(0L)
			.verifyComplete();
	}

	private Mono<List<Long>> counts() {
		return this.database.sql("""
				select (select count(*) from tenants where slug = :slug),
				    (select count(*) from users where tenant_id = t.id),
				    (select count(*) from tickets where tenant_id = t.id),
				    (select count(*) from comments where tenant_id = t.id)
				from tenants t where t.slug = :slug""")
			.bind("slug", TENANT)
			.map((row) -> List.of(row.get(0, Long.class), row.get(1, Long.class), row.get(2, Long.class),
					row.get(3, Long.class)))
			.one();
	}

	private static long csvRows(String file) throws IOException {
		CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
		try (CSVParser parser = CSVParser.parse(DATA.resolve(file), StandardCharsets.UTF_8, format)) {
			return parser.stream().count();
		}
	}

}
