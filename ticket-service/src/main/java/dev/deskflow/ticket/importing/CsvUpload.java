package dev.deskflow.ticket.importing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import dev.deskflow.common.problem.FieldError;
import dev.deskflow.common.problem.ProblemTypes;
import dev.deskflow.support.problem.ProblemException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * An uploaded CSV: streamed to a temporary file (never held in memory) up to the size
 * limit, then checked before any job starts: UTF-8 throughout, not empty, a header.
 */
@Component
class CsvUpload {

	/** RFC 4180 with a header; quoted fields may span lines. */
	static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
		.setHeader()
		.setSkipHeaderRecord(true)
		.setIgnoreEmptyLines(true)
		.get();

	private final ImportProperties properties;

	CsvUpload(ImportProperties properties) {
		this.properties = properties;
	}

	/**
	 * @param body the request body
	 * @return the file holding it; 413 beyond the size limit, 400 when empty
	 */
	Mono<Path> store(Flux<DataBuffer> body) {
		long max = this.properties.maxFileSize().toBytes();
		AtomicLong size = new AtomicLong();
		return Mono.fromCallable(() -> Files.createTempFile("deskflow-import-", ".csv"))
			.subscribeOn(Schedulers.boundedElastic())
			.flatMap((file) -> DataBufferUtils.write(body.doOnNext((buffer) -> {
				if (size.addAndGet(buffer.readableByteCount()) > max) {
					throw new ProblemException(HttpStatus.CONTENT_TOO_LARGE, ProblemTypes.TOO_LARGE, "Too large",
							"The CSV is larger than " + this.properties.maxFileSize().toMegabytes()
									+ " MB; split it into several imports.",
							List.of(), java.util.Map.of());
				}
			}), file)
				.then(Mono.defer(() -> (size.get() == 0) ? Mono.error(empty()) : Mono.just(file)))
				.onErrorResume((ex) -> delete(file).then(Mono.error(ex))));
	}

	/**
	 * Checks the whole file's encoding and reads its header.
	 * @param file an uploaded file
	 * @return the header's column names
	 * @throws ProblemException 400 when the file is not UTF-8 text or has no header
	 */
	List<String> header(Path file) {
		checkEncoding(file);
		try (CSVParser parser = CSVParser.parse(reader(file), FORMAT)) {
			List<String> header = parser.getHeaderNames();
			if (header.isEmpty() || header.stream().allMatch(String::isBlank)) {
				throw empty();
			}
			return header;
		}
		catch (IOException | UncheckedIOException | IllegalArgumentException ex) {
			throw ProblemException.invalid("The CSV's header cannot be read: " + ex.getMessage(),
					List.of(new FieldError("body", "a CSV file whose first line names its columns")));
		}
	}

	/**
	 * @param file an uploaded file
	 * @return a UTF-8 reader of it, past a byte-order mark
	 * @throws IOException when the file cannot be read
	 */
	static BufferedReader reader(Path file) throws IOException {
		BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
		reader.mark(1);
		if (reader.read() != '\uFEFF') {
			reader.reset();
		}
		return reader;
	}

	static Mono<Void> delete(Path file) {
		return Mono.fromCallable(() -> Files.deleteIfExists(file)).subscribeOn(Schedulers.boundedElastic()).then();
	}

	// Decodes the bytes strictly, counting lines, so that the first bad byte is named by
	// its line.
	private static void checkEncoding(Path file) {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.allocate(64 * 1024);
		CharBuffer out = CharBuffer.allocate(64 * 1024);
		long[] line = { 1 };
		try (ReadableByteChannel channel = Files.newByteChannel(file)) {
			boolean end = false;
			while (!end) {
				end = channel.read(in) < 0;
				in.flip();
				CoderResult result;
				do {
					result = decoder.decode(in, out, end);
					scan(out, line);
					if (result.isError()) {
						throw notUtf8("bytes that are not UTF-8 at line " + line[0]);
					}
				}
				while (result.isOverflow());
				in.compact();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void scan(CharBuffer decoded, long[] line) {
		decoded.flip();
		while (decoded.hasRemaining()) {
			char next = decoded.get();
			if (next == '\n') {
				line[0]++;
			}
			else if (next == '\0') {
				throw notUtf8("a NUL character at line " + line[0] + " (is it UTF-16?)");
			}
		}
		decoded.clear();
	}

	private static ProblemException notUtf8(String what) {
		return ProblemException.invalid("The CSV is not UTF-8 text: it has " + what + ". Save it as UTF-8 and upload "
				+ "it again; nothing was imported.", List.of(new FieldError("body", "UTF-8 encoded CSV")));
	}

	private static ProblemException empty() {
		return ProblemException.invalid("The CSV is empty; nothing was imported.",
				List.of(new FieldError("body", "a CSV file with a header line and rows")));
	}

}
