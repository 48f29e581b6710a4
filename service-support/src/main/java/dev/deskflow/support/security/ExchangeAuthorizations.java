package dev.deskflow.support.security;

import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;

/**
 * A service's own access rules, added to the default chain of
 * {@link ResourceServerAutoConfiguration} after the public paths and before the catch-all
 * rules ({@code /api/**} and everything else need a valid token). Declare one as a bean,
 * for example to open a path that authenticates in its own way.
 */
@FunctionalInterface
public interface ExchangeAuthorizations {

	/**
	 * @param exchanges the rules to add to
	 */
	void customize(AuthorizeExchangeSpec exchanges);

}
