package dev.deskflow.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;

/**
 * A WebSocket to {@code /ws} through the gateway, opened with a one-time connect ticket,
 * that records every frame it receives.
 */
final class LiveSocket implements WebSocket.Listener, AutoCloseable {

	final List<JsonNode> frames = new CopyOnWriteArrayList<>();

	private final StringBuilder partial = new StringBuilder();

	private final BiConsumer<JsonNode, Long> eventObserver;

	private WebSocket socket;

	private LiveSocket(BiConsumer<JsonNode, Long> eventObserver) {
		this.eventObserver = eventObserver;
	}

	static LiveSocket open(Api api, String gateway, Api.User user) {
		return open(api, gateway, user, null);
	}

	/**
	 * @param eventObserver when given, gets every event frame with its arrival time
	 * (epoch milliseconds) instead of {@link #frames} keeping it
	 */
	static LiveSocket open(Api api, String gateway, Api.User user, BiConsumer<JsonNode, Long> eventObserver) {
		Api.Answer ticket = api.post("/api/realtime/connect-tickets", user, java.util.Map.of());
		if (ticket.status() != 200) {
			throw new IllegalStateException("no connect ticket: " + ticket.status() + " " + ticket.body());
		}
		LiveSocket live = new LiveSocket(eventObserver);
		URI uri = URI
			.create(gateway.replace("http://", "ws://") + "/ws?ticket=" + ticket.body().path("ticket").asString());
		live.socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(uri, live).join();
		return live;
	}

	void subscribe(String channel) {
		int from = this.frames.size();
		send("{\"type\":\"subscribe\",\"channel\":\"" + channel + "\"}");
		await(from, (frame) -> "subscribed".equals(frame.path("type").asString())
				&& channel.equals(frame.path("channel").asString()));
	}

	/**
	 * Asks to follow a channel.
	 * @return the answer: {@code subscribed} or {@code error}
	 */
	JsonNode trySubscribe(String channel) {
		int from = this.frames.size();
		send("{\"type\":\"subscribe\",\"channel\":\"" + channel + "\"}");
		return await(from, (frame) -> List.of("subscribed", "error").contains(frame.path("type").asString())
				&& channel.equals(frame.path("channel").asString()));
	}

	void send(String text) {
		this.socket.sendText(text, true).join();
	}

	/** Waits for a frame from index {@code from} on that matches. */
	JsonNode await(int from, Predicate<JsonNode> matching) {
		return org.awaitility.Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> this.frames.stream().skip(from).filter(matching).findFirst().orElse(null),
					(frame) -> frame != null);
	}

	/** Waits for an event of the type about the ticket. */
	JsonNode awaitEvent(String eventType, String ticketId) {
		return await(0,
				(frame) -> "event".equals(frame.path("type").asString())
						&& eventType.equals(frame.path("eventType").asString())
						&& ticketId.equals(frame.path("data").path("ticketId").asString()));
	}

	List<JsonNode> events(String ticketId) {
		return this.frames.stream()
			.filter((frame) -> "event".equals(frame.path("type").asString())
					&& ticketId.equals(frame.path("data").path("ticketId").asString()))
			.toList();
	}

	@Override
	public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
		this.partial.append(data);
		if (last) {
			JsonNode frame = Api.JSON.readTree(this.partial.toString());
			if (this.eventObserver != null && "event".equals(frame.path("type").asString())) {
				this.eventObserver.accept(frame, System.currentTimeMillis());
			}
			else {
				this.frames.add(frame);
			}
			this.partial.setLength(0);
		}
		webSocket.request(1);
		return null;
	}

	@Override
	public void close() {
		if (!this.socket.isOutputClosed()) {
			this.socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
		}
	}

}
