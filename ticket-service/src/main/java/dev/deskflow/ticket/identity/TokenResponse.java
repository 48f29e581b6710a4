package dev.deskflow.ticket.identity;

/**
 * What log-in and refresh answer.
 *
 * @param accessToken the RS256 access token, sent as {@code Authorization: Bearer}
 * @param refreshToken the opaque refresh token; usable once
 * @param expiresIn the access token's lifetime in seconds
 * @param tokenType always {@code Bearer}
 */
record TokenResponse(String accessToken, String refreshToken, long expiresIn, String tokenType) {

	static TokenResponse of(AccessTokens.AccessToken access, String refreshToken) {
		return new TokenResponse(access.value(), refreshToken, access.lifetime().toSeconds(), "Bearer");
	}

}
