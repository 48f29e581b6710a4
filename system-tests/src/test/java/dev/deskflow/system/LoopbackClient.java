package dev.deskflow.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * HTTP/1.1 requests written by hand from a chosen loopback address ({@code 127.x.y.z}),
 * so a test is a client of its own to the gateway's per-address limits, and its path is
 * sent exactly as written (no normalising of case, dots or percent-encoding).
 */
final class LoopbackClient {

	private final InetAddress source;

	private final int port;

	/**
	 * @param source the address to send from, in 127.0.0.0/8
	 * @param port the gateway's port
	 */
	LoopbackClient(String source, int port) {
		try {
			this.source = InetAddress.getByName(source);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.port = port;
	}

	/** A status line and what followed it. */
	record Reply(int status, String head, String body) {

		boolean isJson() {
			return this.head.toLowerCase(Locale.ROOT).contains("content-type: application/json");
		}

	}

	/**
	 * @param method the method
	 * @param target the request target, sent as is
	 * @param body the body (UTF-8), or null for none
	 * @param headers whole header lines ({@code Name: value})
	 * @return the reply
	 */
	Reply send(String method, String target, String body, String... headers) {
		byte[] content = (body != null) ? body.getBytes(StandardCharsets.UTF_8) : new byte[0];
		StringBuilder request = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n");
		request.append("Host: 127.0.0.1:").append(this.port).append("\r\nConnection: close\r\n");
		if (body != null) {
			request.append("Content-Length: ").append(content.length).append("\r\n");
		}
		for (String header : headers) {
			request.append(header).append("\r\n");
		}
		request.append("\r\n");
		try (Socket socket = new Socket()) {
			socket.bind(new InetSocketAddress(this.source, 0));
			socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.port), 5000);
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			try {
				out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
				out.write(content);
				out.flush();
			}
			catch (IOException ex) {
				// the server may have answered before taking the whole body: read its
				// answer
			}
			String reply = readReply(socket.getInputStream());
			int headEnd = reply.indexOf("\r\n\r\n");
			String head = (headEnd < 0) ? reply : reply.substring(0, headEnd);
			String rest = (headEnd < 0) ? "" : reply.substring(headEnd + 4);
			String raw = isChunked(head) ? dechunk(rest) : rest;
			return new Reply(Integer.parseInt(head.substring(9, 12)), head,
					new String(raw.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String dechunk(String chunked) {
		StringBuilder body = new StringBuilder();
		int at = 0;
		while (at < chunked.length()) {
			int lineEnd = chunked.indexOf("\r\n", at);
			int size = Integer.parseInt(chunked.substring(at, lineEnd).split(";")[0].trim(), 16);
			if (size == 0) {
				break;
			}
			body.append(chunked, lineEnd + 2, Math.min(chunked.length(), lineEnd + 2 + size));
			at = lineEnd + 2 + size + 2;
		}
		return body.toString();
	}

	/**
	 * Reads one response as its framing says (Content-Length, chunked, or up to the end
	 * of the stream when it has neither), so a server that answers before reading the
	 * whole request body and then resets the connection still gives its answer.
	 */
	private static String readReply(InputStream in) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		int headEnd = -1;
		byte[] buffer = new byte[8192];
		while (headEnd < 0) {
			int n = in.read(buffer);
			if (n < 0) {
				return latin1(bytes);
			}
			bytes.write(buffer, 0, n);
			headEnd = latin1(bytes).indexOf("\r\n\r\n");
		}
		String head = latin1(bytes).substring(0, headEnd);
		long length = contentLength(head);
		while (!complete(latin1(bytes).substring(headEnd + 4), head, length)) {
			int n = in.read(buffer);
			if (n < 0) {
				break;
			}
			bytes.write(buffer, 0, n);
		}
		// one char per byte, so chunk sizes count right; the body is decoded afterwards
		return latin1(bytes);
	}

	private static boolean complete(String body, String head, long length) {
		if (isChunked(head)) {
			return body.startsWith("0\r\n\r\n") || body.contains("\r\n0\r\n\r\n");
		}
		return length >= 0 && body.length() >= length;
	}

	private static long contentLength(String head) {
		return head.lines()
			.filter((line) -> line.regionMatches(true, 0, "Content-Length:", 0, 15))
			.mapToLong((line) -> Long.parseLong(line.substring(15).trim()))
			.findFirst()
			.orElse(-1);
	}

	private static boolean isChunked(String head) {
		return head.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked");
	}

	private static String latin1(ByteArrayOutputStream bytes) {
		return bytes.toString(StandardCharsets.ISO_8859_1);
	}

}
