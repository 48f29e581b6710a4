package dev.deskflow.ticket.importing;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import dev.deskflow.support.problem.ProblemException;
import dev.deskflow.ticket.identity.Caller;
import dev.deskflow.ticket.importing.ImportViews.ImportJobView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/admin/imports} (admins only): upload a CSV of historical tickets, then
 * follow the job.
 */
@RestController
@Tag(name = "Import")
@SecurityRequirement(name = "bearer")
class ImportController {

	private final RunImport runImport;

	ImportController(RunImport runImport) {
		this.runImport = runImport;
	}

	@PostMapping("/api/admin/imports")
	@Operation(summary = "Import tickets from CSV (admins)",
			description = "The body is the CSV file (UTF-8, RFC 4180, a header line), streamed. layout: endava, "
					+ "endava-original, hadoop or deskflow (default: recognised by the header), or mapping: "
					+ "field:column pairs, e.g. externalId:Key,subject:Title,description:Text,priority:Prio. 400 when "
					+ "the file is not UTF-8, has no header or lacks the layout's columns; 413 beyond the size limit. "
					+ "202 with the job: rows are then validated one by one; re-imported external ids are skipped.")
	Mono<ResponseEntity<ImportJobView>> start(@RequestParam MultiValueMap<String, String> params,
			@RequestBody(required = false) Flux<DataBuffer> body) {
		ImportPlan plan = ImportPlan.parse(params);
		return Caller.current()
			.flatMap((caller) -> this.runImport.start(caller, plan, (body != null) ? body : Flux.empty()))
			.map((job) -> ResponseEntity.accepted()
				.location(URI.create("/api/admin/imports/" + job.id()))
				.body(ImportJobView.of(job, List.of())));
	}

	@GetMapping("/api/admin/imports/{id}")
	@Operation(summary = "An import's progress and rejected rows (admins)")
	Mono<ImportJobView> read(@PathVariable UUID id) {
		return Caller.current()
			.flatMap((caller) -> this.runImport.find(caller, id)
				.switchIfEmpty(Mono.error(() -> ProblemException.notFound("Import " + id)))
				.flatMap((job) -> this.runImport.rejections(caller, id).map((rows) -> ImportJobView.of(job, rows))));
	}

}
