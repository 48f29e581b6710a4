package dev.deskflow.testsupport;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Turns {@link RealServers} on a test class into connection properties of the shared
 * servers. Registered in {@code META-INF/spring.factories}.
 */
class RealServersContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		MergedAnnotation<RealServers> annotation = MergedAnnotations.from(testClass, SearchStrategy.TYPE_HIERARCHY)
			.get(RealServers.class);
		if (!annotation.isPresent()) {
			return null;
		}
		RealServers servers = annotation.synthesize();
		return new Customizer(servers.database(), servers.kafka(), servers.redis());
	}

	private record Customizer(String database, boolean kafka, boolean redis) implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
			Map<String, Object> properties = new LinkedHashMap<>();
			// a broker of the test JVM (shared or a test's own) logs through the same
			// Logback
			properties.put("logging.level.kafka", "WARN");
			properties.put("logging.level.org.apache.kafka", "WARN");
			properties.put("logging.level.state.change.logger", "WARN");
			if (!this.database.isEmpty()) {
				LocalPostgres postgres = SharedServers.postgres();
				postgres.createDatabaseIfMissing(this.database);
				properties.put("spring.r2dbc.url", postgres.r2dbcUrl(this.database));
				properties.put("spring.r2dbc.username", LocalPostgres.USER);
				properties.put("spring.r2dbc.password", "");
				properties.put("spring.flyway.url", postgres.jdbcUrl(this.database));
				properties.put("spring.flyway.user", LocalPostgres.USER);
				properties.put("spring.flyway.password", "");
			}
			if (this.kafka) {
				properties.put("spring.kafka.bootstrap-servers", SharedServers.kafka().bootstrapServers());
			}
			if (this.redis) {
				properties.put("spring.data.redis.host", "127.0.0.1");
				properties.put("spring.data.redis.port", SharedServers.redis().port());
			}
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("deskflowRealServers", properties));
		}

	}

}
