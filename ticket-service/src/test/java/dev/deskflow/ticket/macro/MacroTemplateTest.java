package dev.deskflow.ticket.macro;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MacroTemplateTest {

	@Test
	void namesEveryUnknownPlaceholderOnce() {
		assertThat(MacroTemplate.unknown("{{ticket.subject}} {{ requester.name }} {{ticket.secret}} {{x}} {{x}}"))
			.containsExactly("ticket.secret", "x");
		assertThat(MacroTemplate.unknown("No placeholders, just {braces}.")).isEmpty();
	}

	@Test
	void fillsInValuesLiterally() {
		assertThat(MacroTemplate.render("Hi {{ requester.name }}, re {{ticket.subject}}: {{agent.name}}",
				Map.of("requester.name", "Ada $1", "ticket.subject", "Refund \\ now")))
			.isEqualTo("Hi Ada $1, re Refund \\ now: ");
	}

}
