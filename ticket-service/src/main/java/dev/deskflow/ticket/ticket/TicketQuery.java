package dev.deskflow.ticket.ticket;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import dev.deskflow.common.event.TicketPriority;
import dev.deskflow.common.event.TicketStatus;
import dev.deskflow.common.problem.FieldError;
import dev.deskflow.support.problem.ProblemException;

import org.springframework.util.MultiValueMap;

/**
 * A page of a tenant's tickets: filters, sort and keyset position, parsed from a
 * request's query and turned into one SQL statement. Customers always see only their own
 * tickets.
 */
final class TicketQuery {

	static final int DEFAULT_LIMIT = 25;

	static final int MAX_LIMIT = 100;

	private static final List<String> PARAMETERS = List.of("status", "priority", "category", "assignee", "tag",
			"requester", "createdFrom", "createdTo", "q", "sla", "sort", "limit", "cursor");

	/** The SLA queue views: tickets with an open clock that breached or is at risk. */
	private static final Map<String, String> SLA_VIEWS = Map.of("breached",
			"c.breached_at is not null and c.state <> 'STOPPED'", "at-risk",
			"c.at_risk_notified_at is not null and c.breached_at is null and c.state = 'RUNNING'");

	private final UUID tenantId;

	private final UUID onlyRequester;

	private final List<TicketStatus> statuses = new ArrayList<>();

	private final List<TicketPriority> priorities = new ArrayList<>();

	private String category;

	private String assignee;

	private UUID assigneeId;

	private String tag;

	private String sla;

	private UUID requester;

	private Instant createdFrom;

	private Instant createdTo;

	private String text;

	private Sort sort = Sort.CREATED_DESC;

	private int limit = DEFAULT_LIMIT;

	private Keyset after;

	private TicketQuery(UUID tenantId, UUID onlyRequester) {
		this.tenantId = tenantId;
		this.onlyRequester = onlyRequester;
	}

	/** The orders a list can have; each is a keyset over (its time column, id). */
	enum Sort {

		CREATED_DESC("created_at", true), CREATED_ASC("created_at", false), UPDATED_DESC("updated_at", true),
		UPDATED_ASC("updated_at", false);

		final String column;

		final boolean descending;

		Sort(String column, boolean descending) {
			this.column = column;
			this.descending = descending;
		}

		Instant keyOf(Ticket ticket) {
			return "created_at".equals(this.column) ? ticket.createdAt() : ticket.updatedAt();
		}

		static Sort parse(String value) {
			return switch (value) {
				case "-created", "created,desc" -> CREATED_DESC;
				case "created", "created,asc" -> CREATED_ASC;
				case "-updated", "updated,desc" -> UPDATED_DESC;
				case "updated", "updated,asc" -> UPDATED_ASC;
				default -> throw new IllegalArgumentException("one of -created, created, -updated, updated");
			};
		}

	}

	/**
	 * @param tenantId the caller's tenant
	 * @param caller the caller's user id
	 * @param staff whether the caller is an agent or admin
	 * @param params the request's query parameters
	 * @return the query
	 * @throws ProblemException 400 listing every invalid parameter
	 */
	static TicketQuery parse(UUID tenantId, UUID caller, boolean staff, MultiValueMap<String, String> params) {
		TicketQuery query = new TicketQuery(tenantId, staff ? null : caller);
		List<FieldError> errors = new ArrayList<>();
		for (String name : params.keySet()) {
			if (!PARAMETERS.contains(name)) {
				errors.add(new FieldError(name, "unknown parameter; known: " + String.join(", ", PARAMETERS)));
			}
		}
		each(params, "status", errors,
				(value) -> query.statuses.add(TicketStatus.valueOf(value.toUpperCase(Locale.ROOT))),
				"one of NEW, OPEN, PENDING, SOLVED, CLOSED");
		each(params, "priority", errors,
				(value) -> query.priorities.add(TicketPriority.valueOf(value.toUpperCase(Locale.ROOT))),
				"one of LOW, NORMAL, HIGH, URGENT");
		one(params, "category", errors, (value) -> query.category = bounded(value, 100), "at most 100 characters");
		one(params, "tag", errors, (value) -> query.tag = bounded(value, 50), "at most 50 characters");
		one(params, "assignee", errors, (value) -> {
			if ("me".equals(value)) {
				query.assigneeId = caller;
			}
			else if ("none".equals(value)) {
				query.assignee = "none";
			}
			else {
				query.assigneeId = UUID.fromString(value);
			}
		}, "me, none or a user id");
		one(params, "requester", errors, (value) -> query.requester = UUID.fromString(value), "a user id");
		one(params, "createdFrom", errors, (value) -> query.createdFrom = Instant.parse(value),
				"an ISO-8601 instant such as 2026-01-31T00:00:00Z");
		one(params, "createdTo", errors, (value) -> query.createdTo = Instant.parse(value),
				"an ISO-8601 instant such as 2026-01-31T00:00:00Z");
		one(params, "q", errors, (value) -> query.text = bounded(value, 200), "at most 200 characters");
		one(params, "sla", errors, (value) -> {
			if (!staff || !SLA_VIEWS.containsKey(value)) {
				throw new IllegalArgumentException(value);
			}
			query.sla = value;
		}, "breached or at-risk (agents and admins)");
		one(params, "sort", errors, (value) -> query.sort = Sort.parse(value),
				"one of -created, created, -updated, updated");
		one(params, "limit", errors, (value) -> {
			int limit = Integer.parseInt(value);
			if (limit < 1 || limit > MAX_LIMIT) {
				throw new IllegalArgumentException();
			}
			query.limit = limit;
		}, "a number from 1 to " + MAX_LIMIT);
		if (!errors.isEmpty()) {
			throw ProblemException.invalid("The list has invalid parameters.", errors);
		}
		query.after = Keyset.decode(params.getFirst("cursor"));
		return query;
	}

	private static String bounded(String value, int max) {
		if (value.isBlank() || value.length() > max) {
			throw new IllegalArgumentException();
		}
		return value;
	}

	private interface Parser {

		void parse(String value);

	}

	private static void one(MultiValueMap<String, String> params, String name, List<FieldError> errors, Parser parser,
			String expected) {
		List<String> values = params.get(name);
		if (values == null || values.isEmpty()) {
			return;
		}
		if (values.size() > 1) {
			errors.add(new FieldError(name, "give it once"));
			return;
		}
		parse(values.get(0), name, errors, parser, expected);
	}

	private static void each(MultiValueMap<String, String> params, String name, List<FieldError> errors, Parser parser,
			String expected) {
		for (String value : params.getOrDefault(name, List.of())) {
			for (String part : value.split(",")) {
				parse(part.trim(), name, errors, parser, expected);
			}
		}
	}

	private static void parse(String value, String name, List<FieldError> errors, Parser parser, String expected) {
		try {
			parser.parse(value);
		}
		catch (IllegalArgumentException | DateTimeParseException ex) {
			errors.add(new FieldError(name, "'" + abbreviate(value) + "' is not valid: expected " + expected));
		}
	}

	private static String abbreviate(String value) {
		return (value.length() > 40) ? value.substring(0, 40) + "…" : value;
	}

	int limit() {
		return this.limit;
	}

	/**
	 * Moves the query past a position, for reading a whole list page by page.
	 * @param position the last row read
	 * @return this query
	 */
	TicketQuery after(Keyset position) {
		this.after = position;
		return this;
	}

	/**
	 * @param name a query parameter
	 * @return whether it belongs to paging ({@code limit}, {@code cursor})
	 */
	static boolean isPaging(String name) {
		return "limit".equals(name) || "cursor".equals(name);
	}

	Sort sort() {
		return this.sort;
	}

	/** The statement and its bind values. */
	record Sql(String text, Map<String, Object> binds) {
	}

	Sql toSql(String columns, int fetch) {
		StringBuilder sql = new StringBuilder("select ").append(columns)
			.append(" from tickets t where t.tenant_id = :tenantId");
		Map<String, Object> binds = new LinkedHashMap<>();
		binds.put("tenantId", this.tenantId);
		if (this.onlyRequester != null) {
			sql.append(" and t.requester_id = :onlyRequester");
			binds.put("onlyRequester", this.onlyRequester);
		}
		if (!this.statuses.isEmpty()) {
			sql.append(" and t.status = any(:statuses)");
			binds.put("statuses", this.statuses.stream().map(Enum::name).toArray(String[]::new));
		}
		if (!this.priorities.isEmpty()) {
			sql.append(" and t.priority = any(:priorities)");
			binds.put("priorities", this.priorities.stream().map(Enum::name).toArray(String[]::new));
		}
		if (this.category != null) {
			sql.append(" and t.category = :category");
			binds.put("category", this.category);
		}
		if (this.tag != null) {
			sql.append(" and t.tags @> array[cast(:tag as text)]");
			binds.put("tag", this.tag);
		}
		if (this.sla != null) {
			sql.append(
					" and exists (select 1 from sla_clocks c where c.tenant_id = t.tenant_id and c.ticket_id = t.id and ")
				.append(SLA_VIEWS.get(this.sla))
				.append(")");
		}
		if ("none".equals(this.assignee)) {
			sql.append(" and t.assignee_id is null");
		}
		else if (this.assigneeId != null) {
			sql.append(" and t.assignee_id = :assigneeId");
			binds.put("assigneeId", this.assigneeId);
		}
		if (this.requester != null) {
			sql.append(" and t.requester_id = :requester");
			binds.put("requester", this.requester);
		}
		if (this.createdFrom != null) {
			sql.append(" and t.created_at >= :createdFrom");
			binds.put("createdFrom", this.createdFrom);
		}
		if (this.createdTo != null) {
			sql.append(" and t.created_at < :createdTo");
			binds.put("createdTo", this.createdTo);
		}
		if (this.text != null) {
			sql.append(" and (t.search @@ websearch_to_tsquery('simple', :text) or exists (select 1 from comments c"
					+ " where c.tenant_id = t.tenant_id and c.ticket_id = t.id and not c.internal"
					+ " and c.search @@ websearch_to_tsquery('simple', :text)))");
			binds.put("text", this.text);
		}
		String column = "t." + this.sort.column;
		if (this.after != null) {
			sql.append(" and (")
				.append(column)
				.append(", t.id) ")
				.append(this.sort.descending ? "<" : ">")
				.append(" (:afterAt, :afterId)");
			binds.put("afterAt", this.after.at());
			binds.put("afterId", this.after.id());
		}
		String direction = this.sort.descending ? " desc" : " asc";
		sql.append(" order by ").append(column).append(direction).append(", t.id").append(direction);
		sql.append(" limit :fetch");
		binds.put("fetch", fetch);
		return new Sql(sql.toString(), binds);
	}

}
