package dev.deskflow.ticket.sla;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import dev.deskflow.ticket.tenancy.TenantRules;
import dev.deskflow.ticket.ticket.Ticket;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * A tenant's SLA policies and business calendar as ticket writes read them: from
 * {@link TenantRules}, so a write does not query them again while they are unchanged.
 */
@Component
class SlaRules {

	private final SlaRepository sla;

	private final TenantRules rules;

	SlaRules(SlaRepository sla, TenantRules rules) {
		this.sla = sla;
		this.rules = rules;
	}

	/**
	 * @param ticket a ticket
	 * @return the first policy, by position, whose priorities, category (any case) and
	 * tags (all of them) cover the ticket; empty when none does
	 */
	Mono<SlaPolicy> policyFor(Ticket ticket) {
		List<String> tags = ticket.tags().stream().map((tag) -> tag.toLowerCase(Locale.ROOT)).toList();
		return this.rules
			.get("sla-policies", ticket.tenantId(),
					() -> this.sla.policies(ticket.tenantId()).collectList().map(List::copyOf))
			.flatMap((policies) -> Mono
				.justOrEmpty(policies.stream().filter((policy) -> covers(policy, ticket, tags)).findFirst()));
	}

	/**
	 * @param tenantId the tenant
	 * @return its business calendar, or every hour of every day when it has none
	 */
	Mono<BusinessCalendar> calendar(UUID tenantId) {
		return this.rules.get("sla-calendar", tenantId, () -> this.sla.businessCalendar(tenantId));
	}

	private static boolean covers(SlaPolicy policy, Ticket ticket, List<String> lowerCaseTags) {
		return policy.priorities().contains(ticket.priority())
				&& (policy.category() == null || (ticket.category() != null && policy.category()
					.toLowerCase(Locale.ROOT)
					.equals(ticket.category().toLowerCase(Locale.ROOT))))
				&& lowerCaseTags.containsAll(policy.tags());
	}

}
