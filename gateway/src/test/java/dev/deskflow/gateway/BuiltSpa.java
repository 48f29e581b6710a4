package dev.deskflow.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A stand-in for {@code web/dist}: an index page, one hashed asset, and a file beside the
 * directory that must never be served.
 */
final class BuiltSpa {

	static final String INDEX = "<!doctype html><title>Deskflow</title><div id=\"root\"></div>";

	static final String ASSET = "console.log('deskflow')";

	static final Path DIRECTORY = create();

	private BuiltSpa() {
	}

	private static Path create() {
		try {
			Path parent = Files.createTempDirectory("deskflow-web");
			Files.writeString(parent.resolve("secret.txt"), "outside the SPA");
			Path dist = Files.createDirectories(parent.resolve("dist"));
			Files.writeString(dist.resolve("index.html"), INDEX);
			Files.writeString(Files.createDirectories(dist.resolve("assets")).resolve("index-3f2a.js"), ASSET);
			return dist;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
