package dev.deskflow.support.metrics;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Registers {@link TenantTags} with the cap {@code deskflow.metrics.tenant-cap} (100 by
 * default).
 */
@AutoConfiguration
public class MetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	TenantTags tenantTags(Environment environment) {
		return new TenantTags(environment.getProperty("deskflow.metrics.tenant-cap", Integer.class, 100));
	}

}
