package dev.deskflow.realtime.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.ConcurrentHistogram;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.http.client.HttpClient;

import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;

/**
 * The load side of {@link RealtimeLoadBenchmark}, in its own JVM (each process may hold
 * 20,000 files here): opens one WebSocket per connect ticket of a file (lines
 * {@code ticket channel}), subscribes, prints {@code READY <sessions>}, then records the
 * delay from each event's {@code createdAt} to its receipt until stdin closes, and prints
 * {@code RESULT frames=… p50=… p99=… max=…} (milliseconds).
 */
public final class LoadClient {

	private LoadClient() {
	}

	public static void main(String[] args) throws Exception {
		int port = Integer.parseInt(args[0]);
		List<String> lines = Files.readAllLines(Path.of(args[1]));
		ConcurrentHistogram delays = new ConcurrentHistogram(3_600_000L, 3);
		AtomicInteger subscribed = new AtomicInteger();
		AtomicInteger failed = new AtomicInteger();
		AtomicLong frames = new AtomicLong();
		// a socket holds its connection for good: no pool (whose default size is 500)
		ReactorNettyWebSocketClient client = new ReactorNettyWebSocketClient(HttpClient.newConnection());
		// at most 200 handshakes in flight: each connection counts once subscribed
		Flux.fromIterable(lines).flatMap((line) -> {
			String[] parts = line.split(" ");
			URI uri = URI.create("ws://127.0.0.1:" + port + "/ws?ticket=" + parts[0]);
			String subscribe = "{\"type\":\"subscribe\",\"channel\":\"" + parts[1] + "\"}";
			Sinks.Empty<Void> ready = Sinks.empty();
			client.execute(uri, (session) -> session.send(Mono.just(session.textMessage(subscribe)))
				.thenMany(session.receive().doOnNext((message) -> {
					// the load client must cost little CPU: frames are read as text, not
					// parsed (the server writes them in a fixed order)
					String text = message.getPayloadAsText();
					if (text.startsWith("{\"type\":\"subscribed\"")) {
						subscribed.incrementAndGet();
						ready.tryEmitEmpty();
					}
					else if (text.startsWith("{\"type\":\"event\"")) {
						frames.incrementAndGet();
						int at = text.indexOf("\"createdAt\":\"") + 13;
						Instant created = Instant.parse(text.substring(at, text.indexOf('"', at)));
						delays.recordValue(Math.max(0, Duration.between(created, Instant.now()).toMillis()));
					}
				}))
				.then()).doOnError((failure) -> {
					failed.incrementAndGet();
					ready.tryEmitEmpty();
				}).onErrorComplete().subscribe();
			return ready.asMono().timeout(Duration.ofSeconds(30)).onErrorComplete();
		}, 200).blockLast();
		System.out.println("READY " + subscribed.get() + " failed=" + failed.get());
		System.out.flush();
		// the benchmark resets the histogram once the warm-up is over, then ends the run
		try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(System.in))) {
			String command;
			while ((command = in.readLine()) != null) {
				if (command.equals("RESET")) {
					delays.reset();
					frames.set(0);
					System.out.println("RESET");
					System.out.flush();
				}
			}
		}
		System.out.printf("RESULT frames=%d p50=%d p99=%d max=%d failed=%d%n", frames.get(),
				delays.getValueAtPercentile(50), delays.getValueAtPercentile(99), delays.getMaxValue(), failed.get());
		System.out.flush();
		System.exit(0);
	}

}
