package dev.deskflow.support.health;

import java.time.Duration;

import org.apache.kafka.clients.admin.Admin;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Registers {@link KafkaHealthIndicator} in every service that talks to Kafka (those that
 * set {@code spring.kafka.bootstrap-servers}).
 */
@AutoConfiguration
@ConditionalOnClass(Admin.class)
@ConditionalOnProperty("spring.kafka.bootstrap-servers")
public class KafkaHealthAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "kafkaHealthIndicator")
	KafkaHealthIndicator kafkaHealthIndicator(Environment environment) {
		return new KafkaHealthIndicator(environment.getRequiredProperty("spring.kafka.bootstrap-servers"),
				environment.getProperty("deskflow.health.kafka-timeout", Duration.class, Duration.ofSeconds(3)));
	}

}
