package dev.deskflow.ai.retrieval;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Stores a {@link WordVectors} as one binary file: a header with the parameters and the
 * training figures, then every term with its floats. Plain Java streams, so a model loads
 * without ND4J.
 */
public final class WordVectorsFile {

	private static final int MAGIC = 0x44465756; // "DFWV"

	private static final int FORMAT = 1;

	private WordVectorsFile() {
	}

	/**
	 * @param vectors the model
	 * @param file where to write it; its directory must exist
	 * @throws IOException when the file cannot be written
	 */
	public static void write(WordVectors vectors, Path file) throws IOException {
		Word2VecParameters p = vectors.parameters();
		WordVectors.TrainingStats stats = vectors.stats();
		try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
			out.writeInt(MAGIC);
			out.writeInt(FORMAT);
			out.writeInt(p.dimensions());
			out.writeInt(p.window());
			out.writeInt(p.minCount());
			out.writeInt(p.epochs());
			out.writeDouble(p.learningRate());
			out.writeDouble(p.sampling());
			out.writeLong(p.seed());
			out.writeInt(p.workers());
			out.writeLong(stats.sentences());
			out.writeLong(stats.words());
			out.writeDouble(stats.seconds());
			out.writeDouble(stats.wordsPerSecond());
			out.writeInt(vectors.vocabularySize());
			for (Map.Entry<String, float[]> entry : vectors.entries().entrySet()) {
				out.writeUTF(entry.getKey());
				for (float value : entry.getValue()) {
					out.writeFloat(value);
				}
			}
		}
	}

	/**
	 * @param file a file {@link #write} wrote
	 * @return the model
	 * @throws IOException when the file cannot be read or is not a model file
	 */
	public static WordVectors read(Path file) throws IOException {
		try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
			if (in.readInt() != MAGIC || in.readInt() != FORMAT) {
				throw new IOException(file + " is not a Deskflow model file");
			}
			Word2VecParameters parameters = new Word2VecParameters(in.readInt(), in.readInt(), in.readInt(),
					in.readInt(), in.readDouble(), in.readDouble(), in.readLong(), in.readInt());
			WordVectors.TrainingStats stats = new WordVectors.TrainingStats(in.readLong(), in.readLong(),
					in.readDouble(), in.readDouble());
			int terms = in.readInt();
			Map<String, float[]> vectors = new HashMap<>(terms * 2);
			for (int i = 0; i < terms; i++) {
				String term = in.readUTF();
				float[] vector = new float[parameters.dimensions()];
				for (int d = 0; d < vector.length; d++) {
					vector[d] = in.readFloat();
				}
				vectors.put(term, vector);
			}
			return new WordVectors(vectors, parameters.dimensions(), parameters, stats);
		}
	}

}
