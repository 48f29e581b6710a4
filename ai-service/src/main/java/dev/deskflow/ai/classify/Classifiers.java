package dev.deskflow.ai.classify;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleConsumer;

/**
 * A tenant's label classifiers, one per field (category, priority), over one shared
 * TF-IDF feature space, trained from its labelled tickets and stored in binary beside its
 * Word2Vec (plain Java streams: loading needs no LIBLINEAR). Immutable.
 */
public final class Classifiers {

	private static final int MAGIC = 0x4446434C; // "DFCL"

	/**
	 * Format 3 adds whether each classifier reads pairs of terms, format 2 each label's
	 * training documents; formats 1 and 2 are still read (terms alone).
	 */
	private static final int FORMAT = 3;

	private static final int FORMAT_WITHOUT_BIGRAMS = 2;

	private static final int FORMAT_WITHOUT_EXAMPLES = 1;

	private final TfIdfFeatures features;

	private final Map<String, LinearClassifier> byField;

	private Classifiers(TfIdfFeatures features, Map<String, LinearClassifier> byField) {
		this.features = features;
		this.byField = byField;
	}

	/**
	 * @param documents the documents' terms
	 * @param labelsByField per field, each document's label ({@code null} where it has
	 * none), aligned with {@code documents}
	 * @return the classifiers; a field with fewer than two labels gets none
	 */
	public static Classifiers train(List<List<String>> documents, Map<String, List<String>> labelsByField) {
		return train(documents, labelsByField, (done) -> {
		});
	}

	/**
	 * @param documents the documents' terms
	 * @param labelsByField per field, each document's label ({@code null} where it has
	 * none), aligned with {@code documents}
	 * @param progress told the share of the training done (up to 1), each field an equal
	 * part
	 * @return the classifiers; a field with fewer than two labels gets none
	 */
	public static Classifiers train(List<List<String>> documents, Map<String, List<String>> labelsByField,
			DoubleConsumer progress) {
		TfIdfFeatures features = TfIdfFeatures.fit(documents);
		Map<String, LinearClassifier> byField = new LinkedHashMap<>();
		int fields = labelsByField.size();
		int done = 0;
		for (Map.Entry<String, List<String>> field : labelsByField.entrySet()) {
			int before = done;
			LinearClassifier classifier = LinearClassifier.train(features, documents, field.getValue(),
					(share) -> progress.accept((before + share) / fields));
			if (classifier != null) {
				byField.put(field.getKey(), classifier);
			}
			progress.accept(++done / (double) fields);
		}
		return new Classifiers(features, byField);
	}

	/**
	 * @param field a field, e.g. {@code category}
	 * @return its classifier, or {@code null} when it has none
	 */
	public LinearClassifier forField(String field) {
		return this.byField.get(field);
	}

	TfIdfFeatures features() {
		return this.features;
	}

	/**
	 * @return the fields that have a classifier
	 */
	public List<String> fields() {
		return List.copyOf(this.byField.keySet());
	}

	/**
	 * @param out where to write
	 * @throws IOException when it cannot be written
	 */
	public void write(DataOutputStream out) throws IOException {
		out.writeInt(MAGIC);
		out.writeInt(FORMAT);
		out.writeInt(this.features.size());
		for (int f = 0; f < this.features.size(); f++) {
			out.writeUTF(this.features.term(f));
			out.writeFloat(this.features.idf(f));
		}
		out.writeInt(this.byField.size());
		for (Map.Entry<String, LinearClassifier> entry : this.byField.entrySet()) {
			LinearClassifier classifier = entry.getValue();
			out.writeUTF(entry.getKey());
			out.writeBoolean(classifier.bigrams());
			out.writeInt(classifier.labels().size());
			for (int c = 0; c < classifier.labels().size(); c++) {
				out.writeUTF(classifier.labels().get(c));
				out.writeFloat(classifier.bias()[c]);
				out.writeInt((classifier.examples() != null) ? classifier.examples()[c] : -1);
				for (float weight : classifier.weights()[c]) {
					out.writeFloat(weight);
				}
			}
		}
	}

	/**
	 * @param in what {@link #write(DataOutputStream)} wrote
	 * @return the classifiers
	 * @throws IOException when it cannot be read or is not classifiers
	 */
	public static Classifiers read(DataInputStream in) throws IOException {
		if (in.readInt() != MAGIC) {
			throw new IOException("not Deskflow classifiers");
		}
		int format = in.readInt();
		if (format != FORMAT && format != FORMAT_WITHOUT_BIGRAMS && format != FORMAT_WITHOUT_EXAMPLES) {
			throw new IOException("Deskflow classifiers of an unknown format " + format);
		}
		boolean withExamples = format != FORMAT_WITHOUT_EXAMPLES;
		int dims = in.readInt();
		String[] terms = new String[dims];
		float[] idf = new float[dims];
		for (int f = 0; f < dims; f++) {
			terms[f] = in.readUTF();
			idf[f] = in.readFloat();
		}
		TfIdfFeatures features = new TfIdfFeatures(terms, idf);
		int fields = in.readInt();
		Map<String, LinearClassifier> byField = new LinkedHashMap<>();
		for (int i = 0; i < fields; i++) {
			String field = in.readUTF();
			boolean bigrams = (format == FORMAT) && in.readBoolean();
			int classes = in.readInt();
			List<String> labels = new ArrayList<>(classes);
			float[][] weights = new float[classes][dims];
			float[] bias = new float[classes];
			int[] examples = withExamples ? new int[classes] : null;
			for (int c = 0; c < classes; c++) {
				labels.add(in.readUTF());
				bias[c] = in.readFloat();
				if (withExamples) {
					examples[c] = in.readInt();
				}
				for (int f = 0; f < dims; f++) {
					weights[c][f] = in.readFloat();
				}
			}
			byField.put(field,
					new LinearClassifier(features, labels.toArray(String[]::new), weights, bias, examples, bigrams));
		}
		return new Classifiers(features, byField);
	}

}
