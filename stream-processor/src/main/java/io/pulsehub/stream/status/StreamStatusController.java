package io.pulsehub.stream.status;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.ThreadMetadata;

import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Shows which partitions this instance processes: with several instances running, each
 * lists its share of the source's partitions.
 */
@RestController
@RequestMapping("/admin/stream")
@Tag(name = "Stream processor admin", description = "Admin login required (through the gateway)")
class StreamStatusController {

	private final StreamsBuilderFactoryBean factory;

	StreamStatusController(StreamsBuilderFactoryBean factory) {
		this.factory = factory;
	}

	@GetMapping("/status")
	@Operation(summary = "Kafka Streams state, threads and the partitions this instance processes")
	StreamStatus status() {
		KafkaStreams streams = this.factory.getKafkaStreams();
		if (streams == null) {
			return new StreamStatus("NOT_STARTED", List.of());
		}
		List<StreamStatus.ThreadStatus> threads = streams.metadataForLocalThreads()
			.stream()
			.map(StreamStatusController::threadStatus)
			.toList();
		return new StreamStatus(streams.state().name(), threads);
	}

	private static StreamStatus.ThreadStatus threadStatus(ThreadMetadata thread) {
		List<String> tasks = thread.activeTasks().stream().map((task) -> task.taskId().toString()).sorted().toList();
		List<String> partitions = thread.activeTasks()
			.stream()
			.flatMap((task) -> task.topicPartitions().stream())
			.map(Object::toString)
			.sorted()
			.toList();
		return new StreamStatus.ThreadStatus(thread.threadName(), thread.threadState(), tasks, partitions);
	}

}
