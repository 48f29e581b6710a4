package dev.deskflow.ops;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for Zipkin (or Jaeger, Tempo, an OpenTelemetry collector): it accepts the
 * spans the services report to {@code POST /api/v2/spans} in Zipkin's JSON v2 format and
 * keeps them, so a test can follow one trace across the services.
 */
final class TraceCollector implements AutoCloseable {

	private final HttpServer server;

	private final List<ReportedSpan> spans = new CopyOnWriteArrayList<>();

	private TraceCollector(HttpServer server) {
		this.server = server;
	}

	/**
	 * @param port the port the services report to (their {@code DESKFLOW_ZIPKIN_URL})
	 * @return a started collector
	 * @throws IOException when the port cannot be bound
	 */
	static TraceCollector start(int port) throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
		TraceCollector collector = new TraceCollector(server);
		server.createContext("/api/v2/spans", collector::receive);
		server.start();
		return collector;
	}

	private void receive(HttpExchange exchange) throws IOException {
		try (exchange) {
			if (!"POST".equals(exchange.getRequestMethod())) {
				exchange.sendResponseHeaders(405, -1);
				return;
			}
			InputStream body = exchange.getRequestBody();
			if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
				body = new GZIPInputStream(body);
			}
			for (JsonNode span : Project.JSON.readTree(body)) {
				this.spans.add(new ReportedSpan(span.path("traceId").asText(),
						span.path("localEndpoint").path("serviceName").asText(), span.path("name").asText(),
						span.path("kind").asText()));
			}
			exchange.sendResponseHeaders(202, -1);
		}
	}

	/**
	 * @param traceId a trace id
	 * @return the spans of that trace reported so far
	 */
	List<ReportedSpan> trace(String traceId) {
		return this.spans.stream().filter((span) -> span.traceId().equals(traceId)).toList();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	/**
	 * @param traceId the trace
	 * @param service the reporting service ({@code spring.application.name})
	 * @param name the span's name
	 * @param kind {@code SERVER}, {@code CLIENT}, {@code PRODUCER}, {@code CONSUMER} or
	 * empty
	 */
	record ReportedSpan(String traceId, String service, String name, String kind) {
	}

}
