package dev.deskflow.ticket.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.deskflow.ticket.fixture.TenantDesk;

import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * More agents for a {@link TenantDesk}, and the calls of the routing, macro and trigger
 * tests.
 */
public final class DeskAgents {

	private final WebTestClient web;

	private final TenantDesk desk;

	/**
	 * @param web the client of the service
	 * @param desk the tenant
	 */
	public DeskAgents(WebTestClient web, TenantDesk desk) {
		this.web = web;
		this.desk = desk;
	}

	/** An agent and their access token. */
	public record Agent(UUID id, String token) {
	}

	/**
	 * Adds an agent to the tenant and logs them in.
	 * @param name the agent's name (also the start of their e-mail)
	 * @return the agent
	 */
	public Agent add(String name) {
		String email = name + "@" + this.desk.slug + ".test";
		Map<?, ?> user = call(HttpMethod.POST, "/api/admin/users", this.desk.admin,
				Map.of("email", email, "name", name, "role", "AGENT", "password", TenantDesk.PASSWORD))
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		Map<?, ?> tokens = call(HttpMethod.POST, "/api/auth/login", null,
				Map.of("tenant", this.desk.slug, "email", email, "password", TenantDesk.PASSWORD))
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return new Agent(UUID.fromString((String) user.get("id")), (String) tokens.get("accessToken"));
	}

	/**
	 * Creates a group as the admin.
	 * @param name its name
	 * @param routing ROUND_ROBIN or LEAST_LOADED
	 * @param capacity open tickets per agent
	 * @param members the agents
	 * @return the group's id
	 */
	public String group(String name, String routing, int capacity, List<UUID> members) {
		Map<?, ?> group = call(HttpMethod.POST, "/api/admin/groups", this.desk.admin,
				Map.of("name", name, "routing", routing, "capacity", capacity, "members", members))
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return (String) group.get("id");
	}

	/**
	 * @param method the method
	 * @param uri the path
	 * @param token the bearer token, or {@code null}
	 * @param body the JSON body, or {@code null}
	 * @return the response
	 */
	public WebTestClient.ResponseSpec call(HttpMethod method, String uri, String token, Object body) {
		WebTestClient.RequestBodySpec request = this.web.method(method).uri(uri).headers((headers) -> {
			if (token != null) {
				headers.setBearerAuth(token);
			}
		});
		return (body != null) ? request.bodyValue(body).exchange() : request.exchange();
	}

	/**
	 * Reads a ticket as the admin.
	 * @param id the ticket
	 * @return the ticket
	 */
	public Map<?, ?> ticket(Object id) {
		return call(HttpMethod.GET, "/api/tickets/" + id, this.desk.admin, null).expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

	/**
	 * Runs the calls at the same time on several threads.
	 * @param <T> the result type
	 * @param calls the calls
	 * @return their results, in order
	 * @throws Exception if a call failed
	 */
	public static <T> List<T> concurrently(List<Callable<T>> calls) throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(8);
		try {
			List<T> results = new ArrayList<>();
			for (Future<T> result : threads.invokeAll(calls)) {
				results.add(result.get());
			}
			return results;
		}
		finally {
			threads.shutdown();
		}
	}

}
