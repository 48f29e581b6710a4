package dev.deskflow.realtime.replay;

import java.util.List;
import java.util.Map;
import java.util.Objects;

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

	/**
	 * One round trip per event: the directory write the event implies, the assignee's
	 * lookup, and the append deduplicated on the event id. KEYS: seen marker, stream,
	 * assignee, directory key to write; ARGV: retention, event, seen TTL, {@code set},
	 * {@code del} or empty, the value to set.
	 */
	private static final RedisScript<List> APPEND = RedisScript.of("""
			if ARGV[4] == 'set' then redis.call('SET', KEYS[4], ARGV[5])
			elseif ARGV[4] == 'del' then redis.call('DEL', KEYS[4]) end
			local assignee = redis.call('GET', KEYS[3]) or ''
			local existing = redis.call('GET', KEYS[1])
			if existing then return {existing, assignee} end
			local id = redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[1], '*', 'e', ARGV[2], 'a', assignee)
			redis.call('SET', KEYS[1], id, 'EX', ARGV[3])
			return {id, assignee}
			""", List.class);

	private final ReactiveStringRedisTemplate redis;

	private final RealtimeProperties properties;

	EventStream(ReactiveStringRedisTemplate redis, RealtimeProperties properties) {
		this.redis = redis;
		this.properties = properties;
	}

	/**
	 * Appends an event unless another instance already has, after making the directory
	 * write it implies, and reads the ticket's assignee, all in one script call. Calls
	 * made one after another on the shared connection run in that order, so a consumer
	 * may issue a whole batch without waiting for each answer.
	 * @param append the event and its directory write
	 * @return the event's stream id and the ticket's assignee (empty when none)
	 */
	public Mono<Appended> append(Append append) {
		String prefix = this.properties.redisKeyPrefix();
		String writeKey = (append.writeKey() != null) ? append.writeKey() : append.assigneeKey();
		String mode = (append.writeKey() == null) ? "" : (append.writeValue() != null) ? "set" : "del";
		return this.redis
			.execute(APPEND,
					List.of(prefix + "seen:" + append.tenant() + ":" + append.eventId(), key(append.tenant()),
							append.assigneeKey(), writeKey),
					List.of(Long.toString(this.properties.replay().retention()), append.json(),
							Long.toString(this.properties.replay().dedupTtl().toSeconds()), mode,
							Objects.requireNonNullElse(append.writeValue(), "")))
			.next()
			.map((reply) -> new Appended((String) reply.get(0), (String) reply.get(1)));
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
	 * An event to append, and the directory write it implies.
	 *
	 * @param tenant the event's tenant
	 * @param eventId the CloudEvent id
	 * @param json the CloudEvent as received
	 * @param assigneeKey the key of the ticket's assignee, read after the write
	 * @param writeKey the directory key the event sets or deletes, or {@code null}
	 * @param writeValue the value to set, or {@code null} to delete {@code writeKey}
	 */
	public record Append(TenantId tenant, String eventId, String json, String assigneeKey, String writeKey,
			String writeValue) {
	}

	/**
	 * @param streamId the event's id in the tenant's stream
	 * @param assignee the ticket's assignee after the event, or empty
	 */
	public record Appended(String streamId, String assignee) {
	}

	/**
	 * @param id the stream id
	 * @param json the CloudEvent
	 * @param assignee the assignee at the time, or empty
	 */
	public record Entry(String id, String json, String assignee) {
	}

}
