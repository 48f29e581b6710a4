package dev.deskflow.support.tracing;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.micrometer.tracing.brave.autoconfigure.BraveAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Registers {@link TraceContexts} on the service's tracer, or on no-op ones when tracing
 * is switched off ({@code management.tracing.enabled=false}).
 */
@AutoConfiguration(after = BraveAutoConfiguration.class)
public class TracingAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	TraceContexts traceContexts(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
		return new TraceContexts(tracer.getIfAvailable(() -> Tracer.NOOP),
				propagator.getIfAvailable(() -> Propagator.NOOP));
	}

}
