package dev.deskflow.ai.retrieval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleConsumer;

import org.deeplearning4j.models.sequencevectors.SequenceVectors;
import org.deeplearning4j.models.sequencevectors.enums.ListenerEvent;
import org.deeplearning4j.models.sequencevectors.interfaces.VectorsListener;
import org.deeplearning4j.models.word2vec.VocabWord;
import org.deeplearning4j.models.word2vec.Word2Vec;
import org.deeplearning4j.text.sentenceiterator.CollectionSentenceIterator;
import org.deeplearning4j.text.tokenization.tokenizerfactory.DefaultTokenizerFactory;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Trains a tenant's Word2Vec (deeplearning4j) on its analysed documents and copies the
 * vectors out of ND4J, so that nothing but training holds native memory.
 */
public final class Word2VecTrainer {

	/**
	 * @param documents the analysed terms of each training document
	 * @param parameters how to train
	 * @return the model, or {@code null} when the corpus has no term frequent enough
	 */
	public WordVectors train(List<List<String>> documents, Word2VecParameters parameters) {
		return train(documents, parameters, (done) -> {
		});
	}

	/**
	 * @param documents the analysed terms of each training document
	 * @param parameters how to train
	 * @param progress told after each epoch the share of the epochs done, 0..1
	 * @return the model, or {@code null} when the corpus has no term frequent enough
	 */
	public WordVectors train(List<List<String>> documents, Word2VecParameters parameters, DoubleConsumer progress) {
		List<String> sentences = new ArrayList<>(documents.size());
		long words = 0;
		for (List<String> terms : documents) {
			if (!terms.isEmpty()) {
				// the analyzer already produced whitespace-free terms: DL4J only splits
				// on spaces
				sentences.add(String.join(" ", terms));
				words += terms.size();
			}
		}
		if (sentences.isEmpty()) {
			return null;
		}
		// load ND4J's native backend before the clock starts: its one-off start-up is not
		// training
		Nd4j.getBackend();
		Nd4j.scalar(0f);
		long started = System.nanoTime();
		Word2Vec word2Vec = new Word2Vec.Builder().layerSize(parameters.dimensions())
			.windowSize(parameters.window())
			.minWordFrequency(parameters.minCount())
			.epochs(parameters.epochs())
			.iterations(1)
			.learningRate(parameters.learningRate())
			.minLearningRate(parameters.learningRate() / 100)
			.sampling(parameters.sampling())
			.seed(parameters.seed())
			.workers(parameters.workers())
			.batchSize(512)
			.allowParallelTokenization(false)
			.iterate(new CollectionSentenceIterator(sentences))
			.tokenizerFactory(new DefaultTokenizerFactory())
			.setVectorsListeners(List.of(new EpochProgress(parameters.epochs(), progress)))
			.build();
		word2Vec.fit();
		double seconds = (System.nanoTime() - started) / 1e9;
		Map<String, float[]> vectors = new HashMap<>();
		INDArray weights = word2Vec.lookupTable().getWeights();
		for (VocabWord word : word2Vec.vocab().vocabWords()) {
			INDArray row = weights.getRow(word.getIndex());
			vectors.put(word.getLabel(), row.toFloatVector());
		}
		if (vectors.isEmpty()) {
			return null;
		}
		WordVectors.TrainingStats stats = new WordVectors.TrainingStats(sentences.size(), words, seconds,
				words * (double) parameters.epochs() / Math.max(seconds, 1e-9));
		return new WordVectors(vectors, parameters.dimensions(), parameters, stats);
	}

	/**
	 * Tells the share of epochs done each time DL4J finishes one. It counts the events
	 * itself: the epoch number DL4J passes is not the count (1.0.0-M2.1 passes 1 after
	 * the first epoch).
	 */
	private static final class EpochProgress implements VectorsListener<VocabWord> {

		private final int epochs;

		private final DoubleConsumer progress;

		private final AtomicInteger done = new AtomicInteger();

		EpochProgress(int epochs, DoubleConsumer progress) {
			this.epochs = epochs;
			this.progress = progress;
		}

		@Override
		public boolean validateEvent(ListenerEvent event, long argument) {
			return event == ListenerEvent.EPOCH;
		}

		@Override
		public void processEvent(ListenerEvent event, SequenceVectors<VocabWord> vectors, long argument) {
			this.progress.accept(Math.min(1, this.done.incrementAndGet() / (double) this.epochs));
		}

	}

}
