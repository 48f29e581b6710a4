package dev.deskflow.support.security;

import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;

/**
 * The part every Deskflow security chain shares: bearer tokens only, so no CSRF (no
 * cookies), no basic or form log-in, no log-out page, no saved requests and no session
 * holding the security context.
 */
public final class StatelessSecurity {

	private StatelessSecurity() {
	}

	/**
	 * @param http the chain being built
	 * @return the same chain, stateless
	 */
	public static ServerHttpSecurity apply(ServerHttpSecurity http) {
		return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.requestCache((cache) -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance());
	}

}
