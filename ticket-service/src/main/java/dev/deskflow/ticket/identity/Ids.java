package dev.deskflow.ticket.identity;

import java.util.UUID;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

/**
 * Time-ordered (v7) ids: new rows land at the end of the primary key index, and the user
 * list pages on them in creation order.
 */
final class Ids {

	private static final TimeBasedEpochGenerator generator = Generators.timeBasedEpochGenerator();

	private Ids() {
	}

	static UUID next() {
		return generator.generate();
	}

}
