package dev.deskflow.ai.model;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.deskflow.ai.classify.Classifiers;
import dev.deskflow.ai.retrieval.Fusion;

/**
 * Stores what a model version learned from the tenant's labels (its fusion weights and
 * its classifiers) as {@code v<N>.supervised} beside {@code v<N>.vectors}.
 */
final class SupervisedFile {

	private static final int MAGIC = 0x44465355; // "DFSU"

	/** 2 added the fusion's diversity; a format-1 file reads with diversity 0. */
	private static final int FORMAT = 2;

	private SupervisedFile() {
	}

	static Path beside(Path vectorsFile) {
		String name = vectorsFile.getFileName().toString().replaceFirst("\\.vectors$", "");
		return vectorsFile.resolveSibling(name + ".supervised");
	}

	static void write(ActiveModel.Supervised supervised, Path file) throws IOException {
		try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
			out.writeInt(MAGIC);
			out.writeInt(FORMAT);
			out.writeDouble(supervised.fusion().keyword());
			out.writeDouble(supervised.fusion().semantic());
			out.writeDouble(supervised.fusion().topic());
			out.writeDouble(supervised.fusion().diversity());
			supervised.classifiers().write(out);
		}
	}

	/**
	 * @param file a file {@link #write} wrote
	 * @return its content, or {@code null} when there is no such file (a version trained
	 * before classifiers existed)
	 * @throws IOException when it cannot be read
	 */
	static ActiveModel.Supervised read(Path file) throws IOException {
		if (!Files.exists(file)) {
			return null;
		}
		try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
			int format = (in.readInt() == MAGIC) ? in.readInt() : -1;
			if (format != 1 && format != FORMAT) {
				throw new IOException(file + " is not a Deskflow model file");
			}
			Fusion fusion = new Fusion(in.readDouble(), in.readDouble(), in.readDouble(),
					(format >= 2) ? in.readDouble() : 0);
			return new ActiveModel.Supervised(Classifiers.read(in), fusion);
		}
	}

}
