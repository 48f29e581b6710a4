package dev.deskflow.ops;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PromQlTest {

	@Test
	void findsTheMetricsOfARatioWithMatchersGroupingAndRanges() {
		String expression = "sum by (application) (rate(http_server_requests_seconds_count{status=~\"5..\", uri!~\"/actuator.*\"}[5m]))"
				+ " / on (application) group_left sum by (application) (rate(http_server_requests_seconds_sum[$__rate_interval])) > 0.05";
		assertThat(PromQl.metricNames(expression)).containsExactly("http_server_requests_seconds_count",
				"http_server_requests_seconds_sum");
	}

	@Test
	void ignoresFunctionsKeywordsLabelValuesAndGrafanaVariables() {
		String expression = "max by (name) (resilience4j_circuitbreaker_state{state=\"open\", application=\"$application\"}) == 1"
				+ " and on() up{job=\"gateway\"} offset 5m or vector(0)";
		assertThat(PromQl.metricNames(expression)).containsExactly("resilience4j_circuitbreaker_state", "up");
	}

	@Test
	void readsALabelValuesQueryOfATemplateVariable() {
		assertThat(PromQl.metricNames("label_values(http_server_requests_seconds_count, application)"))
			.containsExactly("http_server_requests_seconds_count");
	}

}
