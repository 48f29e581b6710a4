package dev.deskflow.gateway.edge;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.NotEmpty;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.util.Assert;
import org.springframework.validation.annotation.Validated;

/**
 * Removes every request header whose name starts with one of the configured prefixes
 * (case-insensitive). The gateway uses it for {@code X-Tenant-} and {@code X-User-}: a
 * service must learn who calls only from the verified token, never from a header a client
 * could set.
 */
@Component
public class StripHeadersByPrefixGatewayFilterFactory
		extends AbstractGatewayFilterFactory<StripHeadersByPrefixGatewayFilterFactory.Config> {

	public StripHeadersByPrefixGatewayFilterFactory() {
		super(Config.class);
	}

	@Override
	public List<String> shortcutFieldOrder() {
		return List.of("prefixes");
	}

	@Override
	public ShortcutType shortcutType() {
		return ShortcutType.GATHER_LIST;
	}

	@Override
	public GatewayFilter apply(Config config) {
		Assert.notEmpty(config.getPrefixes(), "prefixes must not be empty");
		List<String> prefixes = List.copyOf(config.getPrefixes());
		return (exchange, chain) -> {
			if (exchange.getRequest()
				.getHeaders()
				.headerNames()
				.stream()
				.noneMatch((name) -> startsWithAny(name, prefixes))) {
				return chain.filter(exchange); // the usual case: no copy of the headers
			}
			ServerHttpRequest request = exchange.getRequest()
				.mutate()
				.headers((headers) -> new ArrayList<>(headers.headerNames()).stream()
					.filter((name) -> startsWithAny(name, prefixes))
					.forEach(headers::remove))
				.build();
			return chain.filter(exchange.mutate().request(request).build());
		};
	}

	private static boolean startsWithAny(String name, List<String> prefixes) {
		for (String prefix : prefixes) {
			if (name.regionMatches(true, 0, prefix, 0, prefix.length())) {
				return true;
			}
		}
		return false;
	}

	@Validated
	public static class Config {

		@NotEmpty
		private List<String> prefixes = new ArrayList<>();

		public List<String> getPrefixes() {
			return this.prefixes;
		}

		public Config setPrefixes(List<String> prefixes) {
			this.prefixes = prefixes;
			return this;
		}

	}

}
