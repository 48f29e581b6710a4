package dev.deskflow.support.health;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Reports Kafka UP when the cluster answers a metadata request within the timeout, DOWN
 * otherwise. Spring Boot ships no Kafka indicator; readiness groups include this one as
 * {@code kafka}.
 */
public class KafkaHealthIndicator extends AbstractReactiveHealthIndicator implements DisposableBean {

	private final Admin admin;

	private final Duration timeout;

	/**
	 * @param bootstrapServers the cluster to ask
	 * @param timeout how long an answer may take before the cluster counts as down
	 */
	public KafkaHealthIndicator(String bootstrapServers, Duration timeout) {
		super("Kafka health check failed");
		int millis = (int) timeout.toMillis();
		this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				AdminClientConfig.CLIENT_ID_CONFIG, "deskflow-health", AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
				millis, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis,
				AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 5000));
		this.timeout = timeout;
	}

	@Override
	protected Mono<Health> doHealthCheck(Health.Builder builder) {
		return Mono.fromCallable(() -> {
			DescribeClusterResult cluster = this.admin
				.describeCluster(new DescribeClusterOptions().timeoutMs((int) this.timeout.toMillis()));
			String clusterId = cluster.clusterId().get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
			int nodes = cluster.nodes().get(this.timeout.toMillis(), TimeUnit.MILLISECONDS).size();
			return builder.up().withDetail("clusterId", clusterId).withDetail("nodes", nodes).build();
		}).subscribeOn(Schedulers.boundedElastic());
	}

	@Override
	public void destroy() {
		this.admin.close(Duration.ofSeconds(2));
	}

}
