package dev.deskflow.ticket.identity;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Ends a session: revokes the refresh token's family, so neither it nor any token rotated
 * from it works again. Access tokens already issued run out within their short lifetime.
 * An unknown token is not an error: the session is over either way.
 */
@Component
class LogOut {

	private final RefreshTokens refreshTokens;

	LogOut(RefreshTokens refreshTokens) {
		this.refreshTokens = refreshTokens;
	}

	Mono<Void> logOut(String refreshToken) {
		return this.refreshTokens.revokeFamilyOf(refreshToken);
	}

}
