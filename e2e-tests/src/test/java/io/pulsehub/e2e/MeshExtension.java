package io.pulsehub.e2e;

import java.util.List;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands test classes the one running {@link Mesh}: started by the first class that asks,
 * shared by every later one, stopped by JUnit when the whole run ends (the store closes
 * it) or, failing that, by the JVM's shutdown hook.
 */
public class MeshExtension implements ParameterResolver {

	/** The apps the end-to-end tests run: all nine. */
	static final List<String> APPS = List.of("config-server", "eureka-server", "admin-server", "gateway",
			"ingestion-service", "profile-service", "stream-processor", "sync-service", "points-service");

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		return parameter.getParameter().getType() == Mesh.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		return context.getRoot()
			.getStore(ExtensionContext.Namespace.GLOBAL)
			.computeIfAbsent(Mesh.class, (key) -> Mesh.started(APPS), Mesh.class);
	}

}
