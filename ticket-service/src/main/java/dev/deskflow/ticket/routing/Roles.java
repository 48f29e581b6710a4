package dev.deskflow.ticket.routing;

import dev.deskflow.common.tenant.Role;
import dev.deskflow.support.problem.ProblemException;
import dev.deskflow.ticket.identity.Caller;
import reactor.core.publisher.Mono;

/**
 * The role checks of the desk-automation endpoints (groups, availability, macros,
 * triggers): customers are refused with 403.
 */
public final class Roles {

	private Roles() {
	}

	/**
	 * @return the current caller, when an agent or admin
	 */
	public static Mono<Caller> staff() {
		return Caller.current()
			.flatMap((caller) -> caller.isStaff() ? Mono.just(caller)
					: Mono.error(ProblemException.forbidden("Only agents and admins may do this.")));
	}

	/**
	 * @return the current caller, when an admin
	 */
	public static Mono<Caller> admin() {
		return Caller.current()
			.flatMap((caller) -> (caller.role() == Role.ADMIN) ? Mono.just(caller)
					: Mono.error(ProblemException.forbidden("Only admins may do this.")));
	}

}
