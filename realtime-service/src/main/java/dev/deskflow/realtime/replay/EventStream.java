package dev.deskflow.realtime.replay;

import java.util.List;
import java.util.Map;

import dev.deskflow.common.tenant.TenantId;
import dev.deskflow.realtime.RealtimeProperties;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.Limit;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Each tenant's recent events, in a Redis stream ({@code <prefix>stream:<tenant>}) capped
 * at about the retention setting, for replay after a reconnect.
 * <p>
 * Every instance consumes every event, so every instance asks to append it; a Lua script
 * keyed on the CloudEvent id appends it once and answers every instance with the same
 * stream id. Because an instance delivers an event only after this answer, an event a
 * socket has seen is always in the stream already, which is what makes replay gap-free.
 */
@Component
public class EventStream {

	private static final RedisScript<String> APPEND = RedisScript.of("""
			local existing = redis.call('GET', KEYS[1])
			if existing then return existing end
			local id = redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[1], '*', 'e', ARGV[2], 'a', ARGV[3])
			redis.call('SET', KEYS[1], id, 'EX', ARGV[4])
			return id
			""", String.class);

	private final ReactiveStringRedisTemplate redis;

	private final RealtimeProperties properties;

	EventStream(ReactiveStringRedisTemplate redis, RealtimeProperties properties) {
		this.redis = redis;
		this.properties = properties;
	}

	/**
	 * Appends an event unless another instance already has.
	 * @param tenant the event's tenant
	 * @param eventId the CloudEvent id
	 * @param json the CloudEvent as received
	 * @param assignee the ticket's assignee when the event happened, or empty
	 * @return the event's stream id
	 */
	public Mono<String> append(TenantId tenant, String eventId, String json, String assignee) {
		String prefix = this.properties.redisKeyPrefix();
		return this.redis.execute(APPEND, List.of(prefix + "seen:" + tenant + ":" + eventId, key(tenant)),
				List.of(Long.toString(this.properties.replay().retention()), json, assignee,
						Long.toString(this.properties.replay().dedupTtl().toSeconds())))
			.next();
	}

	/**
	 * @param tenant the tenant
	 * @return the oldest retained stream id, empty when the stream is empty
	 */
	public Mono<String> oldestId(TenantId tenant) {
		return this.redis.opsForStream()
			.range(key(tenant), Range.unbounded(), Limit.limit().count(1))
			.next()
			.map((record) -> record.getId().getValue());
	}

	/**
	 * @param tenant the tenant
	 * @param after a stream id
	 * @return the retained events after it, oldest first
	 */
	public Flux<Entry> after(TenantId tenant, String after) {
		return this.redis.opsForStream()
			.range(key(tenant), Range.rightUnbounded(Range.Bound.exclusive(after)),
					Limit.limit().count((int) Math.min(Integer.MAX_VALUE, this.properties.replay().retention() * 2)))
			.map((record) -> {
				Map<Object, Object> fields = record.getValue();
				return new Entry(record.getId().getValue(), (String) fields.get("e"), (String) fields.get("a"));
			});
	}

	private String key(TenantId tenant) {
		return this.properties.redisKeyPrefix() + "stream:" + tenant;
	}

	/**
	 * @param id the stream id
	 * @param json the CloudEvent
	 * @param assignee the assignee at the time, or empty
	 */
	public record Entry(String id, String json, String assignee) {
	}

}
