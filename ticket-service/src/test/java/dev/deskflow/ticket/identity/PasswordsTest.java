package dev.deskflow.ticket.identity;

import dev.deskflow.ticket.TicketProperties;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordsTest {

	private final Passwords passwords = new Passwords(
			new TicketProperties("ticket:", new TicketProperties.Demo(false, "demo", null, "deskflow-demo"), null));

	@Test
	void hashesWithBcryptAtTheConfiguredStrength() {
		this.passwords.hash("correct horse battery")
			.as(StepVerifier::create)
			.assertNext((hash) -> assertThat(hash).startsWith("$2a$10$"))
			.verifyComplete();
	}

	@Test
	void verifiesHashesWrittenByPlainBcryptLikeTheDemoSeeder() {
		String hash = new BCryptPasswordEncoder().encode("deskflow-demo");
		this.passwords.matches("deskflow-demo", hash).as(StepVerifier::create).expectNext(true).verifyComplete();
		this.passwords.matches("deskflow-demO", hash).as(StepVerifier::create).expectNext(false).verifyComplete();
	}

	@Test
	void tellsApartLongPasswordsThatDifferOnlyAfterByte72() {
		String password = "a".repeat(100) + "1";
		this.passwords.hash(password)
			.flatMap((hash) -> this.passwords.matches(password, hash)
				.zipWith(this.passwords.matches("a".repeat(100) + "2", hash)))
			.as(StepVerifier::create)
			.assertNext((results) -> {
				assertThat(results.getT1()).isTrue();
				assertThat(results.getT2()).isFalse();
			})
			.verifyComplete();
	}

	@Test
	void answersFalseWithoutAStoredHash() {
		this.passwords.matches("anything at all", null).as(StepVerifier::create).expectNext(false).verifyComplete();
	}

}
