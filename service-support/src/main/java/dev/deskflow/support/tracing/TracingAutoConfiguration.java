package dev.deskflow.support.tracing;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.micrometer.tracing.brave.autoconfigure.BraveAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * Registers {@link TraceContexts} on the service's tracer, or on no-op ones when tracing
 * is switched off ({@code management.tracing.enabled=false}). Switches Spring Security's
 * own observations off (a span and a timer for every filter and authorization decision of
 * every request, about a sixth of a request's CPU in ticket-service's benchmark); the
 * request's {@code http.server.requests} observation and its trace stay. Set
 * {@code deskflow.observability.security-observations=true} to have them back.
 */
@AutoConfiguration(after = BraveAutoConfiguration.class)
public class TracingAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	TraceContexts traceContexts(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
		return new TraceContexts(tracer.getIfAvailable(() -> Tracer.NOOP),
				propagator.getIfAvailable(() -> Propagator.NOOP));
	}

	/**
	 * No Spring Security observations unless asked for.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(SecurityObservationSettings.class)
	@ConditionalOnProperty(name = "deskflow.observability.security-observations", havingValue = "false",
			matchIfMissing = true)
	static class SecurityObservations {

		@Bean
		@ConditionalOnMissingBean
		SecurityObservationSettings deskflowSecurityObservationSettings() {
			return SecurityObservationSettings.noObservations();
		}

	}

}
