package dev.deskflow.gateway.edge;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import dev.deskflow.gateway.GatewayProperties;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Serves the built SPA from {@code deskflow.gateway.web.directory} on every path that is
 * not the API's: a file when one exists, {@code index.html} for the SPA's own routes (a
 * path whose last segment has no dot), nothing otherwise. Vite's hashed files under
 * {@code assets/} are cached for a year; {@code index.html} is revalidated on every load
 * so a new release is picked up at once.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${deskflow.gateway.web.directory:}' != ''")
class SinglePageApplication {

	private static final String INDEX = "index.html";

	@Bean
	RouterFunction<ServerResponse> spaPages(GatewayProperties properties) {
		Path root = Path.of(properties.web().directory()).toAbsolutePath().normalize();
		return RouterFunctions.resources((request) -> Mono.justOrEmpty(lookup(root, request)),
				SinglePageApplication::cacheHeaders);
	}

	static boolean isPage(String path) {
		return !(path.equals("/api") || path.startsWith("/api/") || path.equals("/ws") || path.startsWith("/ws/")
				|| path.startsWith("/fallback/"));
	}

	private static Resource lookup(Path root, ServerRequest request) {
		String path = request.requestPath().pathWithinApplication().value();
		if (!isPage(path)) {
			return null;
		}
		Path file = root.resolve(path.substring(1)).normalize();
		if (file.startsWith(root) && Files.isRegularFile(file) && Files.isReadable(file)) {
			return new FileSystemResource(file);
		}
		String last = path.substring(path.lastIndexOf('/') + 1);
		Path index = root.resolve(INDEX);
		return (!last.contains(".") && Files.isRegularFile(index)) ? new FileSystemResource(index) : null;
	}

	private static void cacheHeaders(Resource resource, HttpHeaders headers) {
		CacheControl cache = INDEX.equals(resource.getFilename()) ? CacheControl.noCache()
				: CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();
		headers.setCacheControl(cache);
	}

}
