package io.pulsehub.e2e.browser;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The one shared running mesh as seen from this package: the same instance
 * {@code MeshExtension} hands {@code MeshEndToEndIntegrationTests}, so a run of both
 * starts the apps once.
 * <p>
 * {@code Mesh}, {@code MeshApp} and {@code MeshExtension} are package-private in
 * {@code io.pulsehub.e2e}, so until they are made public this reaches them reflectively:
 * it creates a {@code MeshExtension} and lets it resolve the mesh (its store key is
 * {@code Mesh.class}, the shared one). Once they are public, use
 * {@code @ExtendWith(MeshExtension.class)} and {@code Mesh} directly and delete this
 * class.
 */
final class RunningMesh {

	private static final String MESH_PACKAGE = "io.pulsehub.e2e.";

	private final Object mesh;

	private RunningMesh(Object mesh) {
		this.mesh = mesh;
	}

	/**
	 * The address of a path on one app of the mesh.
	 * @param app the app's name, e.g. {@code gateway}
	 * @param path the path, starting with {@code /}
	 * @return the absolute URI
	 */
	URI uri(String app, String path) {
		Object meshApp = call(this.mesh, "app", app);
		if (meshApp == null) {
			throw new IllegalArgumentException(app + " is not started by the mesh: " + names());
		}
		return (URI) call(meshApp, "uri", path);
	}

	/**
	 * The apps the mesh started, in start order.
	 * @return their names, e.g. {@code config-server}
	 */
	@SuppressWarnings("unchecked")
	List<String> names() {
		return (List<String>) call(this.mesh, "names");
	}

	String adminUser() {
		return constant("ADMIN_USER");
	}

	String adminPassword() {
		return constant("ADMIN_PASSWORD");
	}

	private String constant(String name) {
		try {
			Field field = this.mesh.getClass().getDeclaredField(name);
			field.setAccessible(true);
			return (String) field.get(null);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("Mesh." + name + " is gone: update RunningMesh", ex);
		}
	}

	private static Object call(Object target, String name, Object... arguments) {
		try {
			for (Method method : target.getClass().getDeclaredMethods()) {
				if (method.getName().equals(name) && method.getParameterCount() == arguments.length) {
					method.setAccessible(true);
					return method.invoke(target, arguments);
				}
			}
			throw new NoSuchMethodException(target.getClass().getName() + "." + name);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex.getMessage() + ": update RunningMesh", ex);
		}
	}

	/**
	 * Resolves a {@link RunningMesh} parameter of a {@code @BeforeAll} method, starting
	 * the mesh if no test class did yet.
	 */
	static final class Resolver implements ParameterResolver {

		@Override
		public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
			return parameter.getParameter().getType() == RunningMesh.class;
		}

		@Override
		public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
			return new RunningMesh(meshExtension().resolveParameter(parameter, context));
		}

		private static ParameterResolver meshExtension() {
			try {
				Constructor<?> constructor = Class.forName(MESH_PACKAGE + "MeshExtension").getDeclaredConstructor();
				constructor.setAccessible(true);
				return (ParameterResolver) constructor.newInstance();
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalStateException("MeshExtension is gone: update RunningMesh", ex);
			}
		}

	}

}
