package dev.deskflow.realtime.fanout;

import java.util.UUID;

import dev.deskflow.realtime.RealtimeProperties;

import org.springframework.stereotype.Component;

/**
 * This instance's consumer group, {@code <consumer-group>-<instance id>}: a group per
 * instance means every instance receives every event. A new group starts at the latest
 * offset (a socket cannot have missed what happened before its instance started; replay
 * covers reconnects). With a stable instance id ({@code DESKFLOW_REALTIME_INSTANCE_ID}:
 * the pod's name, which survives a container restart) a restarted instance resumes its
 * group where it stopped, so the events published while it was down still reach the
 * replay stream; without one the id is random.
 */
@Component("fanoutInstance")
class FanoutInstance {

	private final String consumerGroup;

	FanoutInstance(RealtimeProperties properties) {
		this.consumerGroup = properties.consumerGroup() + "-"
				+ (properties.instanceId().isEmpty() ? UUID.randomUUID().toString() : properties.instanceId());
	}

	public String consumerGroup() {
		return this.consumerGroup;
	}

}
