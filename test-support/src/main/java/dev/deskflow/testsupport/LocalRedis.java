package dev.deskflow.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import redis.embedded.RedisServer;

/**
 * A real Redis server: the {@code redis-server} binary shipped in the
 * {@code com.github.codemonstur:embedded-redis} artifact, run as a child process on
 * loopback.
 */
public final class LocalRedis implements AutoCloseable {

	private final RedisServer server;

	private final int port;

	private LocalRedis(RedisServer server, int port) {
		this.server = server;
		this.port = port;
	}

	/**
	 * Starts a server.
	 * @param port the port to listen on
	 * @param dataDirectory where snapshots and the append-only file live (kept between
	 * starts), or {@code null} for a server that keeps nothing on disk
	 * @return the running server
	 */
	public static LocalRedis start(int port, Path dataDirectory) {
		try {
			var builder = RedisServer.newRedisServer()
				.port(port)
				.bind("127.0.0.1")
				.setting("maxmemory 256mb")
				.setting("maxmemory-policy noeviction")
				.onShutdownForceStop(true);
			if (dataDirectory != null) {
				Files.createDirectories(dataDirectory);
				builder.setting("dir " + dataDirectory.toAbsolutePath()).setting("appendonly yes").setting("save 60 1");
			}
			else {
				builder.setting("save \"\"").setting("appendonly no");
			}
			RedisServer server = builder.build();
			server.start();
			return new LocalRedis(server, port);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Redis did not start on port " + port, ex);
		}
	}

	/**
	 * @return the port the server listens on
	 */
	public int port() {
		return this.port;
	}

	@Override
	public void close() {
		try {
			this.server.stop();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
