package dev.deskflow.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Points a Spring test context at the JVM's real servers ({@link SharedServers}): the
 * standard {@code spring.r2dbc.*}, {@code spring.flyway.*}, {@code spring.kafka.*} and
 * {@code spring.data.redis.*} properties are set before the context starts. Nothing is
 * mocked and nothing is skipped: a server that cannot start fails the test.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface RealServers {

	/**
	 * @return the service's own database on the shared PostgreSQL, or empty for a service
	 * that uses none
	 */
	String database() default "";

	/**
	 * @return whether the service uses Kafka
	 */
	boolean kafka() default false;

	/**
	 * @return whether the service uses Redis
	 */
	boolean redis() default false;

}
