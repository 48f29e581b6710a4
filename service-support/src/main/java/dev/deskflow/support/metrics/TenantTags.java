package dev.deskflow.support.metrics;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code tenant} tag of business metrics, with a cap on how many distinct values a
 * service exports: the first tenants seen keep their own series, every later one is
 * counted under {@value #OTHER}. Prometheus keeps one series per tag value, so a platform
 * with many small tenants must not create a series per tenant per metric; raise the cap
 * ({@code deskflow.metrics.tenant-cap}) for a few large tenants, or look at a single
 * tenant through the desk's own reports.
 */
public class TenantTags {

	/** The tag value of every tenant past the cap. */
	public static final String OTHER = "other";

	private final int cap;

	private final Set<String> tagged = ConcurrentHashMap.newKeySet();

	/**
	 * @param cap how many tenants get their own series (0: none)
	 */
	public TenantTags(int cap) {
		if (cap < 0) {
			throw new IllegalArgumentException("The tenant cap must not be negative: " + cap);
		}
		this.cap = cap;
	}

	/**
	 * @param tenant a tenant id
	 * @return the value to tag its metrics with: the id, or {@value #OTHER} past the cap
	 */
	public String of(String tenant) {
		if (this.tagged.contains(tenant)) {
			return tenant;
		}
		synchronized (this.tagged) {
			if (this.tagged.size() < this.cap) {
				this.tagged.add(tenant);
				return tenant;
			}
		}
		return OTHER;
	}

}
