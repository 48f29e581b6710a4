package dev.deskflow.support.metrics;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TenantTagsTest {

	@Test
	void theFirstTenantsKeepTheirOwnTagAndLaterOnesShareOne() {
		TenantTags tags = new TenantTags(2);
		assertThat(tags.of("acme")).isEqualTo("acme");
		assertThat(tags.of("globex")).isEqualTo("globex");
		assertThat(tags.of("initech")).isEqualTo(TenantTags.OTHER);
		assertThat(tags.of("acme")).as("still its own").isEqualTo("acme");
		assertThat(tags.of("initech")).isEqualTo(TenantTags.OTHER);
	}

	@Test
	void concurrentFirstSightingsNeverExceedTheCap() {
		TenantTags tags = new TenantTags(10);
		List<String> values = IntStream.range(0, 1_000)
			.parallel()
			.mapToObj((i) -> tags.of("tenant-" + i))
			.filter((tag) -> !tag.equals(TenantTags.OTHER))
			.distinct()
			.toList();
		assertThat(values).hasSize(10);
	}

	@Test
	void aNegativeCapIsRefusedAndZeroTagsNoTenant() {
		assertThatIllegalArgumentException().isThrownBy(() -> new TenantTags(-1));
		assertThat(new TenantTags(0).of("acme")).isEqualTo(TenantTags.OTHER);
	}

}
