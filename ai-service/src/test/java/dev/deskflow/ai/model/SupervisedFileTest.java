package dev.deskflow.ai.model;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.deskflow.ai.classify.Classifiers;
import dev.deskflow.ai.retrieval.Fusion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

class SupervisedFileTest {

	private static final List<List<String>> TERMS = List.of(List.of("printer", "toner"), List.of("printer", "jam"),
			List.of("vpn", "password"), List.of("vpn", "disconnect"));

	private static final Classifiers CLASSIFIERS = Classifiers.train(TERMS,
			Map.of("category", List.of("hardware", "hardware", "network", "network")));

	@TempDir
	Path directory;

	@Test
	void keepsTheFusionWeightsWithTheirDiversity() throws IOException {
		Path file = this.directory.resolve("v1.supervised");
		Fusion fusion = new Fusion(0.4, 0.6, 4, 0.75);
		SupervisedFile.write(new ActiveModel.Supervised(CLASSIFIERS, fusion), file);

		ActiveModel.Supervised read = SupervisedFile.read(file);

		assertThat(read.fusion()).isEqualTo(fusion);
		assertThat(read.classifiers().forField("category").labels()).containsExactlyInAnyOrder("hardware", "network");
	}

	@Test
	void aVersionWrittenBeforeDiversityReadsWithoutIt() throws IOException {
		Path file = this.directory.resolve("v1.supervised");
		try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(file))) {
			out.writeInt(0x44465355);
			out.writeInt(1);
			out.writeDouble(0.5);
			out.writeDouble(0.5);
			out.writeDouble(2);
			CLASSIFIERS.write(out);
		}

		assertThat(SupervisedFile.read(file).fusion()).isEqualTo(new Fusion(0.5, 0.5, 2, 0));
	}

	@Test
	void refusesAFileOfAnotherFormat() throws IOException {
		Path file = this.directory.resolve("v1.supervised");
		try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(file))) {
			out.writeInt(0x44465355);
			out.writeInt(99);
		}
		assertThatIOException().isThrownBy(() -> SupervisedFile.read(file)).withMessageContaining("not a Deskflow");
	}

	@Test
	void noFileMeansAVersionTrainedBeforeClassifiers() throws IOException {
		assertThat(SupervisedFile.read(this.directory.resolve("v0.supervised"))).isNull();
	}

}
