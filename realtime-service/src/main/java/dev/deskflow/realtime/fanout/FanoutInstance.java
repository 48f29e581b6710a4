package dev.deskflow.realtime.fanout;

import java.util.UUID;

import dev.deskflow.realtime.RealtimeProperties;

import org.springframework.stereotype.Component;

/**
 * This instance's consumer group, {@code <consumer-group>-<random instance id>}: a group
 * per instance means every instance receives every event (and starts at the latest
 * offset, since a socket cannot have missed what happened before the instance started;
 * replay covers reconnects).
 */
@Component("fanoutInstance")
class FanoutInstance {

	private final String consumerGroup;

	FanoutInstance(RealtimeProperties properties) {
		this.consumerGroup = properties.consumerGroup() + "-" + UUID.randomUUID();
	}

	public String consumerGroup() {
		return this.consumerGroup;
	}

}
