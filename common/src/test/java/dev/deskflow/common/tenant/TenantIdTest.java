package dev.deskflow.common.tenant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.exc.ValueInstantiationException;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TenantIdTest {

	private final JsonMapper mapper = JsonMapper.builder().build();

	@ParameterizedTest
	@ValueSource(strings = { "acme", "a1", "42", "north-wind-2",
			"abcdefghijklmnopqrstuvwxyz0123456789-abcdefghijklmnopqrstuvwxyz" })
	void acceptsLowercaseSlugs(String slug) {
		assertThat(TenantId.of(slug).value()).isEqualTo(slug);
	}

	@ParameterizedTest
	@NullSource
	@ValueSource(strings = { "", " ", "   ", "a", "Acme", "ACME", "-acme", "acme_corp", "acme corp", "acmé",
			"abcdefghijklmnopqrstuvwxyz0123456789-abcdefghijklmnopqrstuvwxyz0" })
	void rejectsBlankUppercaseTooShortTooLongAndOddCharacters(String value) {
		assertThatIllegalArgumentException().isThrownBy(() -> new TenantId(value))
			.withMessageStartingWith("Invalid tenant id");
	}

	@Test
	void printsAsTheBareSlug() {
		assertThat(TenantId.of("acme")).hasToString("acme");
		assertThat("tenant:" + TenantId.of("acme") + ":tickets").isEqualTo("tenant:acme:tickets");
	}

	@Test
	void isAPlainStringInJson() {
		assertThat(this.mapper.writeValueAsString(TenantId.of("acme"))).isEqualTo("\"acme\"");
		assertThat(this.mapper.readValue("\"acme\"", TenantId.class)).isEqualTo(TenantId.of("acme"));
	}

	@Test
	void rejectsAnInvalidSlugInJson() {
		assertThatExceptionOfType(ValueInstantiationException.class)
			.isThrownBy(() -> this.mapper.readValue("\"ACME\"", TenantId.class))
			.withMessageContaining("Invalid tenant id");
	}

}
