package io.pulsehub.stream.status;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What this stream-processor instance is doing.
 *
 * @param state the Kafka Streams state
 * @param threads its stream threads
 */
@Schema(description = "This instance's Kafka Streams state and the partitions it processes")
record StreamStatus(@Schema(example = "RUNNING") String state, List<ThreadStatus> threads) {

	/**
	 * One stream thread.
	 *
	 * @param name the thread
	 * @param state its state
	 * @param activeTasks the tasks it processes, as {@code subtopology_partition}
	 * @param partitions the input partitions of those tasks, as {@code topic-partition}
	 */
	record ThreadStatus(String name, @Schema(example = "RUNNING") String state,
			@Schema(example = "[\"0_1\", \"1_1\"]") List<String> activeTasks,
			@Schema(example = "[\"user-activity-events-1\"]") List<String> partitions) {
	}

}
