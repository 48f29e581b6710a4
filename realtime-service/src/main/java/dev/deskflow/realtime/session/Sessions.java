package dev.deskflow.realtime.session;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.deskflow.common.tenant.TenantId;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;
import org.springframework.web.reactive.socket.CloseStatus;

/**
 * The sockets open on this instance, by tenant, and the delivery of live events to them.
 */
@Component
public class Sessions {

	private final Map<TenantId, Set<ClientSession>> byTenant = new ConcurrentHashMap<>();

	private final MeterRegistry meters;

	Sessions(MeterRegistry meters) {
		this.meters = meters;
		Gauge.builder("deskflow.realtime.sessions", this, Sessions::size)
			.description("WebSocket sessions open on this instance")
			.register(meters);
	}

	/**
	 * Counts a socket the server closed, by close code (1013: too slow, 4001: token
	 * expired, 4002: heartbeat missed, 1008: another user).
	 * @param status why
	 */
	void closedByServer(CloseStatus status) {
		Counter.builder("deskflow.realtime.closes")
			.description("WebSocket sessions the server closed, by close code")
			.tag("code", Integer.toString(status.getCode()))
			.register(this.meters)
			.increment();
	}

	/**
	 * Hands an event to every socket of its tenant whose subscriptions match and who may
	 * see it. Called on the consumer thread of the event's partition, so the events of a
	 * ticket reach each socket in order.
	 * @param event the event
	 */
	public void deliver(LiveEvent event) {
		Set<ClientSession> sessions = this.byTenant.get(event.tenant());
		if (sessions != null) {
			sessions.forEach((session) -> session.deliver(event));
		}
	}

	/**
	 * @return how many sockets are open
	 */
	public int size() {
		return this.byTenant.values().stream().mapToInt(Set::size).sum();
	}

	void forEachOf(TenantId tenant, java.util.function.Consumer<ClientSession> action) {
		Set<ClientSession> sessions = this.byTenant.get(tenant);
		if (sessions != null) {
			sessions.forEach(action);
		}
	}

	void add(ClientSession session) {
		this.byTenant.computeIfAbsent(session.identity().tenant(), (tenant) -> ConcurrentHashMap.newKeySet())
			.add(session);
	}

	void remove(ClientSession session) {
		Set<ClientSession> sessions = this.byTenant.get(session.identity().tenant());
		if (sessions != null) {
			sessions.remove(session);
		}
	}

}
