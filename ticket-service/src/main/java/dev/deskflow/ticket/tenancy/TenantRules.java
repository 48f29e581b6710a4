package dev.deskflow.ticket.tenancy;

import java.util.UUID;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

import org.springframework.stereotype.Component;

/**
 * Keeps in memory the rules that every ticket write reads (a tenant's SLA policies, its
 * business calendar, its triggers), exactly: each tenant-bound transaction reads the
 * tenant's rules version together with its binding ({@link TenantTransactions}), and a
 * copy is used only when it was read at that version; a change to a rule bumps the
 * version in its own transaction (migration V24), so the next transaction of any replica
 * reads the rules again. A copy is read after the version it is kept at, so it is never
 * older than what its transaction may see.
 * <p>
 * A transaction that changes rules and then reads them must read them from the database:
 * it bound the version before its own change. No transaction does so today (rules are
 * changed by admin requests of their own).
 */
@Component
public class TenantRules {

	private final Cache<Key, Versioned> copies = Caffeine.newBuilder().maximumSize(20_000).build();

	/**
	 * @param name which rules, e.g. {@code triggers}
	 * @param tenantId the tenant
	 * @param load reads them from the database (a non-empty {@code Mono} of an immutable
	 * value), in the caller's transaction
	 * @param <T> the rules' type
	 * @return the rules, from memory when the copy is at the transaction's version
	 */
	@SuppressWarnings("unchecked")
	public <T> Mono<T> get(String name, UUID tenantId, Supplier<Mono<T>> load) {
		return Mono.deferContextual((context) -> {
			Binding binding = context.getOrDefault(Binding.class, null);
			if (binding == null || !binding.tenantId().equals(tenantId)) {
				return load.get(); // not in a transaction bound to this tenant
			}
			Key key = new Key(name, tenantId);
			Versioned copy = this.copies.getIfPresent(key);
			if (copy != null && copy.version() == binding.rulesVersion()) {
				return Mono.just((T) copy.rules());
			}
			return load.get().doOnNext((rules) -> this.copies.put(key, new Versioned(binding.rulesVersion(), rules)));
		});
	}

	/**
	 * @param context the Reactor context of a transaction's work
	 * @param tenantId the tenant the transaction is bound to
	 * @param rulesVersion the tenant's rules version its binding read
	 * @return the context with the binding
	 */
	static Context bound(Context context, UUID tenantId, long rulesVersion) {
		return context.put(Binding.class, new Binding(tenantId, rulesVersion));
	}

	private record Binding(UUID tenantId, long rulesVersion) {
	}

	private record Key(String name, UUID tenantId) {
	}

	private record Versioned(long version, Object rules) {
	}

}
