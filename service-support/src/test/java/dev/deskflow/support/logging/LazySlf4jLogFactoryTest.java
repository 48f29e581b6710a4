package dev.deskflow.support.logging;

import java.util.concurrent.atomic.AtomicInteger;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Commons Logging, which Spring logs through, reaches SLF4J through this module's
 * factory, which renders a message only when its level is enabled.
 */
class LazySlf4jLogFactoryTest {

	private static final String NAME = "dev.deskflow.support.logging.sample";

	private final Logger logback = (Logger) LoggerFactory.getLogger(NAME);

	private final ListAppender<ILoggingEvent> events = new ListAppender<>() {

		@Override
		protected void append(ILoggingEvent event) {
			event.getCallerData(); // while the caller is still on the stack
			super.append(event);
		}

	};

	@BeforeEach
	void capture() {
		this.events.start();
		this.logback.addAppender(this.events);
		this.logback.setLevel(Level.INFO);
	}

	@AfterEach
	void release() {
		this.logback.detachAppender(this.events);
		this.logback.setLevel(null);
	}

	@Test
	void commonsLoggingUsesThisFactory() {
		assertThat(LogFactory.getFactory()).isInstanceOf(LazySlf4jLogFactory.class);
		assertThat(LogFactory.getLog(NAME)).isInstanceOf(LazySlf4jLog.class);
	}

	@Test
	void rendersAMessageOnlyWhenItsLevelIsEnabled() {
		Log log = LogFactory.getLog(NAME);
		CountingMessage message = new CountingMessage();

		log.debug(message);
		log.trace(message, new IllegalStateException("ignored"));
		assertThat(message.rendered).as("disabled levels").hasValue(0);

		log.info(message);
		log.error(message, new IllegalStateException("boom"));
		assertThat(message.rendered).hasValue(2);
		assertThat(this.events.list).extracting(ILoggingEvent::getLevel, ILoggingEvent::getFormattedMessage)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(Level.INFO, "message"),
					org.assertj.core.groups.Tuple.tuple(Level.ERROR, "message"));
		assertThat(this.events.list.get(1).getThrowableProxy().getMessage()).isEqualTo("boom");
		assertThat(this.events.list.get(0).getCallerData()[0].getClassName())
			.as("the caller, not the adapter, is the location")
			.isEqualTo(LazySlf4jLogFactoryTest.class.getName());
	}

	private static final class CountingMessage {

		final AtomicInteger rendered = new AtomicInteger();

		@Override
		public String toString() {
			this.rendered.incrementAndGet();
			return "message";
		}

	}

}
