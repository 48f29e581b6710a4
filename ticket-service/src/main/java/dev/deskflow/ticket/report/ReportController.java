package dev.deskflow.ticket.report;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.deskflow.support.problem.ProblemException;
import dev.deskflow.ticket.identity.Caller;
import dev.deskflow.ticket.tenancy.TenantTransactions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/admin/reports/{name}} (admins only): the report over the caller's tenant,
 * computed in the tenant's transaction and cached briefly.
 */
@RestController
@Tag(name = "Reports")
@SecurityRequirement(name = "bearer")
class ReportController {

	/** Says whether the report came from the cache ({@code HIT}) or was computed. */
	static final String CACHE_HEADER = "X-Report-Cache";

	private final ReportQueries queries;

	private final ReportCache cache;

	private final TenantTransactions transactions;

	private final ReportProperties properties;

	private final Clock clock = Clock.systemUTC();

	ReportController(ReportQueries queries, ReportCache cache, TenantTransactions transactions,
			ReportProperties properties) {
		this.queries = queries;
		this.cache = cache;
		this.transactions = transactions;
		this.properties = properties;
	}

	@GetMapping("/api/admin/reports/{name}")
	@Operation(summary = "A report over the tenant's tickets (admins)",
			description = "name: volume, breakdown, times, backlog, agents, csat. from/to: days (YYYY-MM-DD, both "
					+ "included, default the last 30 days), tz: IANA zone the days are counted in (default UTC). "
					+ "backlog is a snapshot of now. Cached briefly; X-Report-Cache says HIT or MISS.")
	Mono<ResponseEntity<Map<String, Object>>> report(@PathVariable String name,
			@RequestParam MultiValueMap<String, String> params) {
		ReportName report = ReportName.of(name).orElseThrow(() -> ProblemException.notFound("Report " + name));
		return Caller.current().flatMap((caller) -> {
			ReportRange range = ReportRange.parse(params, this.properties.maxDays(), LocalDate.now(this.clock));
			return this.cache
				.get(caller.tenant().value(), report, range,
						() -> this.transactions
							.inTenant(caller.tenantId(), () -> this.queries.run(report, caller.tenantId(), range))
							.map((figures) -> envelope(report, range, figures)))
				.map((cached) -> ResponseEntity.ok()
					.header(CACHE_HEADER, cached.hit() ? "HIT" : "MISS")
					.body(cached.report()));
		});
	}

	private Map<String, Object> envelope(ReportName report, ReportRange range, Map<String, Object> figures) {
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("report", report.path());
		result.put("from", range.from().toString());
		result.put("to", range.to().toString());
		result.put("tz", range.zoneName());
		result.put("generatedAt", Instant.now(this.clock).toString());
		result.putAll(figures);
		return result;
	}

}
