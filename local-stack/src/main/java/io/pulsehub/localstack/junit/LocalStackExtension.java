package io.pulsehub.localstack.junit;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.pulsehub.localstack.kafka.LocalKafka;
import io.pulsehub.localstack.mongo.LocalMongo;
import io.pulsehub.localstack.postgres.LocalPostgres;
import io.pulsehub.localstack.redis.LocalRedis;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Starts the servers a {@link LocalStackTest} class asks for before its first test and
 * resolves {@link LocalKafka}, {@link LocalRedis}, {@link LocalPostgres} and
 * {@link LocalMongo} parameters.
 */
public class LocalStackExtension implements BeforeAllCallback, ParameterResolver {

	private static final List<Class<?>> SERVER_TYPES = List.of(LocalKafka.class, LocalRedis.class, LocalPostgres.class,
			LocalMongo.class);

	@Override
	public void beforeAll(ExtensionContext context) {
		// Also restarts a server that an earlier class stopped for a fault test and left
		// stopped, so every class starts from running servers.
		requested(context).ifPresent((test) -> LocalStack.start(Arrays.asList(test.services())));
	}

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return SERVER_TYPES.contains(parameterContext.getParameter().getType());
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		Class<?> type = parameterContext.getParameter().getType();
		if (type == LocalKafka.class) {
			return LocalStack.kafka();
		}
		if (type == LocalRedis.class) {
			return LocalStack.redis();
		}
		if (type == LocalPostgres.class) {
			return LocalStack.postgres();
		}
		if (type == LocalMongo.class) {
			return LocalStack.mongo();
		}
		throw new ParameterResolutionException("local-stack has no server of type " + type.getName());
	}

	private static Optional<LocalStackTest> requested(ExtensionContext context) {
		// Walk out through @Nested classes to the one that carries the annotation.
		for (Optional<Class<?>> type = context.getTestClass(); type
			.isPresent(); type = Optional.ofNullable(type.get().getEnclosingClass())) {
			Optional<LocalStackTest> found = AnnotationSupport.findAnnotation(type.get(), LocalStackTest.class);
			if (found.isPresent()) {
				return found;
			}
		}
		return Optional.empty();
	}

}
