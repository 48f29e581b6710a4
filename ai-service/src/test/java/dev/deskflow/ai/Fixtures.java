package dev.deskflow.ai;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The ticket samples under {@code src/test/resources/fixtures} (see its NOTICE.md).
 */
public final class Fixtures {

	private Fixtures() {
	}

	/**
	 * @param name a file name, e.g. {@code endava-tickets-train.csv}
	 * @return its path on disk
	 */
	public static Path path(String name) {
		try {
			return Path.of(Objects.requireNonNull(Fixtures.class.getResource("/fixtures/" + name), name).toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * @param name a file name
	 * @return its rows as column → value
	 */
	public static List<Map<String, String>> rows(String name) {
		CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
		try (Reader reader = new InputStreamReader(Fixtures.class.getResourceAsStream("/fixtures/" + name),
				StandardCharsets.UTF_8); CSVParser parser = CSVParser.parse(reader, format)) {
			List<Map<String, String>> rows = new ArrayList<>();
			for (CSVRecord row : parser) {
				rows.add(row.toMap());
			}
			return rows;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
