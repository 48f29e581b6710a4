package dev.deskflow.support.problem;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.deskflow.common.problem.FieldError;
import dev.deskflow.common.problem.ProblemDetailBody;
import dev.deskflow.common.problem.ProblemTypes;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.PropertyBindingException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.Ordered;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.validation.BindingResult;
import org.springframework.validation.method.MethodValidationResult;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.WebExceptionHandler;

/**
 * Answers every failure of a Deskflow service as RFC 9457 problem+json with a stable
 * {@code type} from {@link ProblemTypes}, the rejected fields where there are any, and
 * the request's trace id; never a stack trace or an exception message of an unexpected
 * error. Runs before Spring Boot's own error handler.
 */
public class ProblemWebExceptionHandler implements WebExceptionHandler, Ordered {

	private static final Logger log = LoggerFactory.getLogger(ProblemWebExceptionHandler.class);

	private static final MediaType PROBLEM_JSON = MediaType.parseMediaType(ProblemTypes.MEDIA_TYPE);

	private final JsonMapper json;

	/**
	 * @param json the mapper that writes the body
	 */
	public ProblemWebExceptionHandler(JsonMapper json) {
		this.json = json;
	}

	@Override
	public int getOrder() {
		return -2; // before Boot's DefaultErrorWebExceptionHandler (-1)
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
		ServerHttpResponse response = exchange.getResponse();
		if (response.isCommitted()) {
			return Mono.error(failure);
		}
		ProblemException problem = toProblem(failure, exchange);
		ProblemDetailBody body = new ProblemDetailBody(problem.type(), problem.title(), problem.status().value(),
				problem.getMessage(), URI.create(exchange.getRequest().getPath().value()),
				problem.errors().isEmpty() ? null : problem.errors(), exchange.getRequest().getId());
		response.setStatusCode(problem.status());
		response.getHeaders().setContentType(PROBLEM_JSON);
		problem.headers().forEach((name, value) -> response.getHeaders().set(name, value));
		byte[] bytes = this.json.writeValueAsBytes(body);
		DataBuffer buffer = response.bufferFactory().wrap(bytes);
		return response.writeWith(Mono.just(buffer));
	}

	private ProblemException toProblem(Throwable failure, ServerWebExchange exchange) {
		if (failure instanceof ProblemException problem) {
			return problem;
		}
		if (failure instanceof WebExchangeBindException bind) {
			return ProblemException.invalid("The request has invalid fields.", fieldErrors(bind.getBindingResult()));
		}
		if (failure instanceof MethodValidationResult validation) {
			List<FieldError> errors = new ArrayList<>();
			validation.getParameterValidationResults()
				.forEach((result) -> result.getResolvableErrors()
					.forEach((error) -> errors.add(new FieldError(result.getMethodParameter().getParameterName(),
							error.getDefaultMessage()))));
			return ProblemException.invalid("The request has invalid parameters.", errors);
		}
		if (failure instanceof ConstraintViolationException violations) {
			return ProblemException.invalid("The request has invalid fields.", violations.getConstraintViolations()
				.stream()
				.map((violation) -> new FieldError(fieldName(violation.getPropertyPath()), violation.getMessage()))
				.toList());
		}
		if (causedBy(failure, DataBufferLimitException.class)) {
			return new ProblemException(HttpStatus.CONTENT_TOO_LARGE, ProblemTypes.TOO_LARGE, "Request too large",
					"The request body is larger than this endpoint accepts.", List.of(), Map.of());
		}
		if (failure instanceof ServerWebInputException input) {
			if (causedBy(failure, DecodingException.class)) {
				return ProblemException.invalid("The request body is not valid JSON for this endpoint.",
						jsonFieldErrors(failure));
			}
			String detail = input.getReason();
			return ProblemException.invalid((detail != null) ? detail : "The request is malformed.", List.of());
		}
		if (failure instanceof ResponseStatusException status) {
			return fromStatus(status.getStatusCode(), status.getReason());
		}
		if (DependencyUnavailable.causes(failure)) {
			log.warn("{} {} (request {}) failed: a server it needs is unavailable: {}",
					exchange.getRequest().getMethod(), exchange.getRequest().getPath(), exchange.getRequest().getId(),
					failure.toString());
			return new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.SERVICE_UNAVAILABLE,
					"Service unavailable", "A server this service needs is unavailable. Try again shortly.", List.of(),
					Map.of());
		}
		if (UnstorableText.causes(failure)) {
			return ProblemException
				.invalid("The request contains a character that cannot be stored, such as a NUL character.", List.of());
		}
		log.error("Unexpected failure of {} {} (request {})", exchange.getRequest().getMethod(),
				exchange.getRequest().getPath(), exchange.getRequest().getId(), failure);
		return new ProblemException(HttpStatus.INTERNAL_SERVER_ERROR, ProblemTypes.INTERNAL, "Internal error",
				"Something went wrong on our side. Quote the trace id when you report it.", List.of(), Map.of());
	}

	private static ProblemException fromStatus(HttpStatusCode code, String reason) {
		HttpStatus status = HttpStatus.resolve(code.value());
		if (status == null) {
			status = HttpStatus.INTERNAL_SERVER_ERROR;
		}
		URI type = switch (status) {
			case BAD_REQUEST -> ProblemTypes.VALIDATION;
			case UNAUTHORIZED -> ProblemTypes.UNAUTHORIZED;
			case FORBIDDEN -> ProblemTypes.FORBIDDEN;
			case NOT_FOUND -> ProblemTypes.NOT_FOUND;
			case METHOD_NOT_ALLOWED -> ProblemTypes.METHOD_NOT_ALLOWED;
			case CONFLICT -> ProblemTypes.CONFLICT;
			case PRECONDITION_FAILED -> ProblemTypes.PRECONDITION_FAILED;
			case PRECONDITION_REQUIRED -> ProblemTypes.PRECONDITION_REQUIRED;
			case CONTENT_TOO_LARGE -> ProblemTypes.TOO_LARGE;
			case UNSUPPORTED_MEDIA_TYPE -> ProblemTypes.UNSUPPORTED_MEDIA_TYPE;
			case TOO_MANY_REQUESTS -> ProblemTypes.RATE_LIMITED;
			case SERVICE_UNAVAILABLE, GATEWAY_TIMEOUT, BAD_GATEWAY -> ProblemTypes.SERVICE_UNAVAILABLE;
			default -> status.is4xxClientError() ? ProblemTypes.VALIDATION : ProblemTypes.INTERNAL;
		};
		String detail = switch (status) {
			case NOT_FOUND -> "There is nothing at this address.";
			case METHOD_NOT_ALLOWED -> "This address does not accept that method.";
			case UNSUPPORTED_MEDIA_TYPE -> "Send the body as application/json.";
			default -> (reason != null) ? reason : status.getReasonPhrase();
		};
		return new ProblemException(status, type, status.getReasonPhrase(), detail, List.of(), Map.of());
	}

	/**
	 * The field as the client named it: {@code limit} rather than {@code list.limit},
	 * {@code title} rather than {@code create.note.title}.
	 */
	private static String fieldName(Path path) {
		List<String> names = new ArrayList<>();
		List<Path.Node> nodes = new ArrayList<>();
		path.forEach(nodes::add);
		for (int i = 0; i < nodes.size(); i++) {
			Path.Node node = nodes.get(i);
			boolean parameterOfBean = node.getKind() == ElementKind.PARAMETER && i < nodes.size() - 1;
			if (node.getKind() != ElementKind.METHOD && node.getKind() != ElementKind.CONSTRUCTOR && !parameterOfBean
					&& node.getName() != null) {
				names.add(node.getName());
			}
		}
		return names.isEmpty() ? path.toString() : String.join(".", names);
	}

	/**
	 * The field Jackson stopped at: an unknown field by its name, a wrong value by its
	 * path ({@code tags[2]}); nothing when the JSON itself is broken.
	 */
	private static List<FieldError> jsonFieldErrors(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof PropertyBindingException unknown) {
				return List.of(new FieldError(path(unknown, unknown.getPropertyName()), "unknown field"));
			}
			if (cause instanceof DatabindException mismatch && !mismatch.getPath().isEmpty()) {
				return List.of(new FieldError(path(mismatch, null), "has the wrong type or format"));
			}
		}
		return List.of();
	}

	private static String path(DatabindException failure, String leaf) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : failure.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		if (leaf != null && !path.toString().endsWith(leaf)) {
			path.append(path.isEmpty() ? "" : ".").append(leaf);
		}
		return path.toString();
	}

	private static List<FieldError> fieldErrors(BindingResult result) {
		List<FieldError> errors = new ArrayList<>();
		result.getFieldErrors()
			.forEach((error) -> errors.add(new FieldError(error.getField(), error.getDefaultMessage())));
		result.getGlobalErrors()
			.forEach((error) -> errors.add(new FieldError(error.getObjectName(), error.getDefaultMessage())));
		return errors;
	}

	private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return true;
			}
		}
		return false;
	}

}
