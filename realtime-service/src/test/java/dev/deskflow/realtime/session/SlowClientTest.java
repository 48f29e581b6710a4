package dev.deskflow.realtime.session;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;

import dev.deskflow.common.event.EventEnvelope;
import dev.deskflow.common.tenant.Role;
import dev.deskflow.common.tenant.TenantId;
import dev.deskflow.common.topic.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A client that stops reading is closed with 1013 once its outbound queue overflows,
 * while a client on the same queue that reads keeps getting every event.
 */
class SlowClientTest extends RealtimeTestBase {

	@Autowired
	MeterRegistry meters;

	@Autowired
	Sessions sessions;

	@Test
	void aClientThatStopsReadingIsDroppedWith1013WhileOthersGetEveryEvent() throws Exception {
		String tenant = tenant("acme");
		Client reader = connect(UUID.randomUUID(), tenant, Role.AGENT);
		reader.subscribe("queue");
		try (RawSocket stalled = RawSocket.open(this.port, connectTicket(UUID.randomUUID(), tenant, Role.AGENT))) {
			stalled.sendText("{\"type\":\"subscribe\",\"channel\":\"queue\"}");
			int openBefore = this.sessions.size();
			double closedBefore = tooSlowCloses();

			// publish until the stalled socket's queue overflows (socket buffers first
			// absorb some), then a last batch that must still reach the reader
			int published = 0;
			while (tooSlowCloses() == closedBefore && published < 200_000) {
				published += publishBatch(tenant, 2_000);
				int expected = published;
				await().atMost(Duration.ofMinutes(1))
					.until(() -> reader.events().size() >= expected || tooSlowCloses() > closedBefore);
			}
			assertThat(tooSlowCloses()).isEqualTo(closedBefore + 1);
			assertThat(this.sessions.size()).isEqualTo(openBefore - 1);
			published += publishBatch(tenant, 100);
			int all = published;
			await().atMost(Duration.ofMinutes(1)).until(() -> reader.events().size() >= all);
			assertThat(reader.events()).hasSize(all);

			// reading now drains what was queued and ends with the close frame
			assertThat(stalled.readUntilClose()).isEqualTo(1013);
		}
		reader.close();
	}

	private double tooSlowCloses() {
		var counter = this.meters.find("deskflow.realtime.closes").tag("code", "1013").counter();
		return (counter != null) ? counter.count() : 0;
	}

	private int publishBatch(String tenant, int count) throws InterruptedException, ExecutionException {
		List<java.util.concurrent.Future<?>> sent = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			EventEnvelope<?> envelope = EventEnvelope.of("/ticket-service", TenantId.of(tenant),
					RealtimeSessionsTest.created(UUID.randomUUID(), UUID.randomUUID()));
			sent.add(this.kafka.send(Topics.of(envelope.data()), envelope.subject(), EVENTS.writeString(envelope)));
		}
		for (var future : sent) {
			future.get();
		}
		return count;
	}

	/**
	 * A WebSocket client on a plain socket with a small receive buffer, which reads only
	 * when asked to: the way to be a slow reader.
	 */
	static final class RawSocket implements AutoCloseable {

		private final Socket socket;

		private final DataInputStream in;

		private final OutputStream out;

		private RawSocket(Socket socket) throws IOException {
			this.socket = socket;
			this.in = new DataInputStream(socket.getInputStream());
			this.out = socket.getOutputStream();
		}

		static RawSocket open(int port, String ticket) throws IOException {
			Socket socket = new Socket();
			socket.setReceiveBufferSize(4096);
			socket.connect(new InetSocketAddress("127.0.0.1", port));
			RawSocket raw = new RawSocket(socket);
			byte[] nonce = new byte[16];
			ThreadLocalRandom.current().nextBytes(nonce);
			raw.out.write(("GET /ws?ticket=" + ticket + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
					+ "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: "
					+ Base64.getEncoder().encodeToString(nonce) + "\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			raw.out.flush();
			String status = raw.readHeaders();
			assertThat(status).startsWith("HTTP/1.1 101");
			return raw;
		}

		/** Sends one masked text frame (clients must mask, RFC 6455 5.3). */
		void sendText(String text) throws IOException {
			byte[] payload = text.getBytes(StandardCharsets.UTF_8);
			assertThat(payload.length).isLessThan(126);
			byte[] mask = new byte[4];
			ThreadLocalRandom.current().nextBytes(mask);
			ByteArrayOutputStream frame = new ByteArrayOutputStream();
			frame.write(0x81);
			frame.write(0x80 | payload.length);
			frame.write(mask);
			for (int i = 0; i < payload.length; i++) {
				frame.write(payload[i] ^ mask[i % 4]);
			}
			this.out.write(frame.toByteArray());
			this.out.flush();
		}

		/** Reads frames until a close frame and answers its status code. */
		int readUntilClose() throws IOException {
			while (true) {
				int opcode = this.in.readUnsignedByte() & 0x0F;
				long length = this.in.readUnsignedByte() & 0x7F;
				if (length == 126) {
					length = this.in.readUnsignedShort();
				}
				else if (length == 127) {
					length = this.in.readLong();
				}
				byte[] payload = this.in.readNBytes((int) length);
				if (payload.length < length) {
					throw new EOFException("the socket ended inside a frame");
				}
				if (opcode == 0x8) {
					return ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
				}
			}
		}

		private String readHeaders() throws IOException {
			InputStream stream = this.in;
			StringBuilder headers = new StringBuilder();
			while (!headers.toString().endsWith("\r\n\r\n")) {
				int next = stream.read();
				if (next < 0) {
					throw new EOFException("no handshake answer");
				}
				headers.append((char) next);
			}
			return headers.toString();
		}

		@Override
		public void close() throws IOException {
			this.socket.close();
		}

	}

}
