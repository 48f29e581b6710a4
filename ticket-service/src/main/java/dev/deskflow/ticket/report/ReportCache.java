package dev.deskflow.ticket.report;

import java.util.Map;
import java.util.function.Supplier;

import dev.deskflow.ticket.TicketProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Computed reports kept in Redis for {@code deskflow.ticket.reports.cache-ttl}, under
 * {@code <prefix>report:<tenant>:<name>:<from>:<to>:<tz>}. Redis being away costs speed,
 * never the report: it is computed again.
 */
@Component
class ReportCache {

	private static final Logger logger = LoggerFactory.getLogger(ReportCache.class);

	private final ReactiveStringRedisTemplate redis;

	private final JsonMapper json;

	private final String prefix;

	private final ReportProperties properties;

	ReportCache(ReactiveStringRedisTemplate redis, JsonMapper json, TicketProperties ticket,
			ReportProperties properties) {
		this.redis = redis;
		this.json = json;
		this.prefix = ticket.redisKeyPrefix() + "report:";
		this.properties = properties;
	}

	/** A report and whether it came from the cache. */
	record Cached(Map<String, Object> report, boolean hit) {
	}

	Mono<Cached> get(String tenant, ReportName name, ReportRange range, Supplier<Mono<Map<String, Object>>> compute) {
		String key = this.prefix + tenant + ":" + name.path() + ":" + range.key();
		return this.redis.opsForValue().get(key).map((text) -> new Cached(read(text), true)).onErrorResume((ex) -> {
			logger.warn("Report cache unavailable for tenant {}: {}", tenant, ex.getMessage());
			return Mono.empty();
		})
			.switchIfEmpty(Mono.defer(compute)
				.flatMap((report) -> this.redis.opsForValue()
					.set(key, this.json.writeValueAsString(report), this.properties.cacheTtl())
					.onErrorResume((ex) -> Mono.just(false))
					.thenReturn(new Cached(report, false))));
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> read(String text) {
		return this.json.readValue(text, Map.class);
	}

}
