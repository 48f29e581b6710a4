package dev.deskflow.gateway.edge;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import dev.deskflow.common.problem.ProblemTypes;
import dev.deskflow.support.problem.ProblemException;
import jakarta.validation.constraints.NotNull;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.Assert;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Refuses request bodies larger than {@code maxSize} with 413 problem+json. A declared
 * {@code Content-Length} is checked before anything is forwarded; a streamed (chunked)
 * body is counted while it is forwarded and cut off with a
 * {@link DataBufferLimitException} when it passes the limit, which the problem handler
 * answers with 413. Unlike Spring Cloud Gateway's {@code RequestSize} filter, which
 * checks only the header and answers without a body.
 */
@Component
public class BodySizeLimitGatewayFilterFactory
		extends AbstractGatewayFilterFactory<BodySizeLimitGatewayFilterFactory.Config> {

	public BodySizeLimitGatewayFilterFactory() {
		super(Config.class);
	}

	@Override
	public List<String> shortcutFieldOrder() {
		return List.of("maxSize");
	}

	@Override
	public GatewayFilter apply(Config config) {
		Assert.notNull(config.getMaxSize(), "maxSize must be set");
		long max = config.getMaxSize().toBytes();
		Assert.isTrue(max > 0, "maxSize must be positive");
		return (exchange, chain) -> {
			ServerHttpRequest request = exchange.getRequest();
			long declared = request.getHeaders().getContentLength();
			if (declared > max) {
				return Mono.error(tooLarge(max));
			}
			if (declared >= 0) {
				return chain.filter(exchange); // the server reads no more than declared
			}
			ServerHttpRequest counted = new ServerHttpRequestDecorator(request) {
				@Override
				public Flux<DataBuffer> getBody() {
					AtomicLong seen = new AtomicLong();
					return super.getBody().handle((buffer, sink) -> {
						if (seen.addAndGet(buffer.readableByteCount()) > max) {
							DataBufferUtils.release(buffer);
							sink.error(new DataBufferLimitException("Request body exceeds " + max + " bytes"));
						}
						else {
							sink.next(buffer);
						}
					});
				}
			};
			return chain.filter(exchange.mutate().request(counted).build());
		};
	}

	static ProblemException tooLarge(long max) {
		return new ProblemException(HttpStatus.CONTENT_TOO_LARGE, ProblemTypes.TOO_LARGE, "Request too large",
				"The request body is larger than " + DataSize.ofBytes(max).toKilobytes() + " KB.", List.of(), Map.of());
	}

	@Validated
	public static class Config {

		@NotNull
		private DataSize maxSize = DataSize.ofMegabytes(1);

		public DataSize getMaxSize() {
			return this.maxSize;
		}

		public Config setMaxSize(DataSize maxSize) {
			this.maxSize = maxSize;
			return this;
		}

	}

}
