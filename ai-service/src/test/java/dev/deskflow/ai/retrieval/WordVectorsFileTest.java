package dev.deskflow.ai.retrieval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

class WordVectorsFileTest {

	@TempDir
	Path directory;

	@Test
	void readsBackWhatItWrote() throws IOException {
		Word2VecParameters parameters = new Word2VecParameters(3, 5, 1, 2, 0.025, 1e-3, 7, 1);
		WordVectors written = new WordVectors(
				Map.of("vpn", new float[] { 0.5f, -1f, 2f }, "drop", new float[] { 0f, 0.25f, -0.75f }), 3, parameters,
				new WordVectors.TrainingStats(2, 10, 0.5, 40));
		Path file = this.directory.resolve("v1.vectors");

		WordVectorsFile.write(written, file);
		WordVectors read = WordVectorsFile.read(file);

		assertThat(read.vocabularySize()).isEqualTo(2);
		assertThat(read.vector("vpn")).containsExactly(0.5f, -1f, 2f);
		assertThat(read.vector("drop")).containsExactly(0f, 0.25f, -0.75f);
		assertThat(read.parameters()).isEqualTo(parameters);
		assertThat(read.stats()).isEqualTo(written.stats());
	}

	@Test
	void refusesAFileThatIsNoModel() throws IOException {
		Path file = Files.writeString(this.directory.resolve("notes.txt"), "not a model at all");
		assertThatIOException().isThrownBy(() -> WordVectorsFile.read(file))
			.withMessageContaining("not a Deskflow model");
	}

}
