package dev.deskflow.ticket.importing;

import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.deskflow.common.problem.ProblemTypes;
import dev.deskflow.support.problem.ProblemException;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

class CsvUploadTest {

	private final CsvUpload upload = new CsvUpload(new ImportProperties(DataSize.ofBytes(64), 10, 10));

	@Test
	void refusesAFileBeyondTheSizeLimitWith413() {
		Flux<DataBuffer> body = Flux.range(0, 10).map((i) -> buffer("ticket_id,text,category\n"));

		this.upload.store(body)
			.as(StepVerifier::create)
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(ProblemException.class, (problem) -> {
				assertThat(problem.status()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
				assertThat(problem.type()).isEqualTo(ProblemTypes.TOO_LARGE);
			}))
			.verify();
	}

	@Test
	void readsTheHeaderPastAByteOrderMark() {
		this.upload.store(Flux.just(buffer("\uFEFFticket_id,text,category\nx,y,z\n")))
			.flatMap((file) -> Mono.fromCallable(() -> this.upload.header(file))
				.flatMap((header) -> CsvUpload.delete(file).thenReturn(header)))
			.as(StepVerifier::create)
			.expectNextMatches((header) -> header.equals(List.of("ticket_id", "text", "category")))
			.verifyComplete();
	}

	private static DataBuffer buffer(String text) {
		return DefaultDataBufferFactory.sharedInstance.wrap(text.getBytes(StandardCharsets.UTF_8));
	}

}
