package dev.deskflow.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL's own load tool, {@code pgbench} (Debian: {@code postgresql-client}), run on
 * the transaction ticket-service makes for a new ticket: the ceiling the benchmarks
 * compare the service's write rate with.
 */
public final class Pgbench {

	private Pgbench() {
	}

	/**
	 * @return whether {@code pgbench} and {@code psql} are on the PATH
	 */
	public static boolean available() {
		return Programs.onPath("pgbench") && Programs.onPath("psql");
	}

	/**
	 * The transaction of a new ticket as ticket-service runs it: the tenant role and id
	 * bound, the requester checked, the ticket, its history row and its outbox row. The
	 * outbox row is an event of a type nobody consumes, on a topic of its own
	 * ({@code deskflow.bench.pgbench}), about 600 bytes like a real one: a running relay
	 * publishes it like any other row.
	 * @param tenantId the tenant's id
	 * @param customerId an active customer of the tenant
	 * @param slug the tenant's slug
	 * @return a pgbench script
	 */
	public static String ticketWriteScript(UUID tenantId, UUID customerId, String slug) {
		return """
				BEGIN;
				SELECT set_config('role', 'deskflow_ticket_tenant', true), set_config('deskflow.tenant_id', '%1$s', true);
				SELECT count(*) FROM users WHERE tenant_id = '%1$s' AND id = '%2$s' AND active;
				WITH ticket AS (INSERT INTO tickets (id, tenant_id, subject, description, status, priority, tags, requester_id, channel, created_at, updated_at, version) VALUES (gen_random_uuid(), '%1$s', 'Bench ticket', 'The laptop shows a black screen after the latest update; restarting did not help.', 'NEW', 'NORMAL', '{}', '%2$s', 'WEB', now(), now(), 0) RETURNING id), history AS (INSERT INTO ticket_history (id, tenant_id, ticket_id, actor_id, action, changes, internal, created_at) SELECT gen_random_uuid(), '%1$s', id, '%2$s', 'created', '{}', false, now() FROM ticket) INSERT INTO outbox_events (event_id, tenant, topic, record_key, payload) SELECT e, '%3$s', 'deskflow.bench.pgbench', id::text, json_build_object('specversion', '1.0', 'id', e, 'source', '/pgbench', 'type', 'pgbench.ticket-written', 'subject', id, 'tenantid', '%3$s', 'data', json_build_object('padding', repeat('x', 400)))::text FROM ticket, gen_random_uuid() AS e;
				COMMIT;
				"""
			.formatted(tenantId, customerId, slug);
	}

	/**
	 * Runs a script as the {@code postgres} user.
	 * @param port the server's port on 127.0.0.1
	 * @param database the database
	 * @param script the pgbench script
	 * @param clients concurrent clients
	 * @param seconds how long
	 * @return transactions per second
	 */
	public static double run(int port, String database, String script, int clients, int seconds) {
		try {
			Path file = Files.createTempFile("deskflow-pgbench-", ".sql");
			Files.writeString(file, script);
			String output = Programs.run("pgbench", "-n", "-c", Integer.toString(clients), "-j", "2", "-T",
					Integer.toString(seconds), "-f", file.toString(), "-h", "127.0.0.1", "-p", Integer.toString(port),
					"-U", "postgres", database);
			Files.deleteIfExists(file);
			Matcher tps = Pattern.compile("tps = ([0-9.]+)").matcher(output);
			if (!tps.find()) {
				throw new IllegalStateException("pgbench printed no tps:\n" + output);
			}
			return Double.parseDouble(tps.group(1));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * @param port the server's port on 127.0.0.1
	 * @param database the database
	 * @param sql a query with one value
	 * @return that value, as {@code psql} prints it
	 */
	public static String queryOne(int port, String database, String sql) {
		return Programs
			.run("psql", "-tA", "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", "postgres", "-c", sql, database)
			.trim();
	}

}
