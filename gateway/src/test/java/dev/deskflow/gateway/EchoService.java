package dev.deskflow.gateway;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.handler.codec.http.HttpResponseStatus;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.LoopResources;

/**
 * A real HTTP and WebSocket server standing in for the services behind the gateway. HTTP:
 * answers with the request line, every header it got ({@code name: value}, lower-case
 * names) and the body's size. {@code /flaky/} paths fail with 503 the first time, then
 * succeed; {@code /slow} answers after 10 s; {@code /trickle} answers at once and sends
 * {@value #TRICKLE_LINES} lines over 3 s. WebSocket {@code /ws}: echoes each text message
 * as {@code echo:<text>}.
 */
public final class EchoService {

	static final int TRICKLE_LINES = 12;

	private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

	private final DisposableServer server;

	public EchoService(int port) {
		this.server = HttpServer.create()
			// its own event loops: a gateway context that closes may dispose the global
			// ones
			.runOn(LoopResources.create("stub", 1, true))
			.host("127.0.0.1")
			.port(port)
			// as the services are configured (server.netty.max-initial-line-length)
			.httpRequestDecoder((decoder) -> decoder.maxInitialLineLength(16 * 1024))
			.route((routes) -> routes
				.ws("/ws", (in, out) -> out.sendString(in.receive().asString().map((text) -> "echo:" + text)))
				.route((request) -> true, (request, response) -> {
					int call = this.calls
						.computeIfAbsent(request.method() + " " + request.uri(), (key) -> new AtomicInteger())
						.incrementAndGet();
					Mono<String> echo = request.receive().aggregate().asString().defaultIfEmpty("").map((body) -> {
						StringBuilder text = new StringBuilder(request.method() + " " + request.uri() + "\n");
						request.requestHeaders()
							.forEach((header) -> text.append(header.getKey().toLowerCase())
								.append(": ")
								.append(header.getValue())
								.append('\n'));
						return text.append("body-bytes: ").append(body.length()).append('\n').toString();
					});
					if (request.uri().contains("/flaky/") && call == 1) {
						return response.status(HttpResponseStatus.SERVICE_UNAVAILABLE)
							.sendString(Mono.just("try again"));
					}
					if (request.uri().endsWith("/trickle")) {
						// the head at once, then a line every 250 ms: a long export
						return response.header("Content-Type", "text/plain")
							.sendString(Flux.range(1, TRICKLE_LINES)
								.delayElements(Duration.ofMillis(250))
								.map((line) -> "line " + line + "\n"));
					}
					if (request.uri().endsWith("/slow")) {
						echo = echo.delayElement(Duration.ofSeconds(10));
					}
					return response.header("Content-Type", "text/plain").sendString(echo);
				}))
			.bindNow();
	}

	int port() {
		return this.server.port();
	}

	public String uri() {
		return "http://127.0.0.1:" + port();
	}

	int calls(String requestLine) {
		AtomicInteger count = this.calls.get(requestLine);
		return (count != null) ? count.get() : 0;
	}

	public void stop() {
		this.server.disposeNow();
	}

}
