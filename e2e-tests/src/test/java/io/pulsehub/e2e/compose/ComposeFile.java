package io.pulsehub.e2e.compose;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A docker-compose file read as data, accepting both the short and the long syntax of
 * each field (environment as map or list, depends_on as list or map, ports as string or
 * map).
 */
final class ComposeFile {

	private final Map<String, Object> document;

	private ComposeFile(Map<String, Object> document) {
		this.document = document;
	}

	static ComposeFile load(Path file) {
		return new ComposeFile(YamlFiles.load(file));
	}

	Set<String> serviceNames() {
		return services().keySet();
	}

	Object get(String service, String... path) {
		String[] keys = new String[path.length + 2];
		keys[0] = "services";
		keys[1] = service;
		System.arraycopy(path, 0, keys, 2, path.length);
		return YamlFiles.at(this.document, keys);
	}

	/** The service's environment; values as written, before interpolation. */
	Map<String, String> environment(String service) {
		Map<String, String> environment = new LinkedHashMap<>();
		Object declared = get(service, "environment");
		if (declared instanceof Map<?, ?> map) {
			map.forEach((name, value) -> environment.put(name.toString(), (value != null) ? value.toString() : ""));
		}
		else if (declared instanceof List<?> list) {
			for (Object entry : list) {
				String[] pair = entry.toString().split("=", 2);
				environment.put(pair[0], (pair.length > 1) ? pair[1] : "");
			}
		}
		return environment;
	}

	/** The services this one waits for, each with its condition. */
	Map<String, String> dependsOn(String service) {
		Map<String, String> dependencies = new LinkedHashMap<>();
		Object declared = get(service, "depends_on");
		if (declared instanceof Map<?, ?> map) {
			map.forEach((target, options) -> {
				Object condition = YamlFiles.at(options, "condition");
				dependencies.put(target.toString(), (condition != null) ? condition.toString() : "service_started");
			});
		}
		else if (declared instanceof List<?> list) {
			list.forEach((target) -> dependencies.put(target.toString(), "service_started"));
		}
		return dependencies;
	}

	/** Host-to-container port mappings; ports without a fixed host port are left out. */
	List<PortMapping> publishedPorts(String service) {
		Object declared = get(service, "ports");
		if (!(declared instanceof List<?> list)) {
			return List.of();
		}
		return list.stream().map(PortMapping::parse).filter((mapping) -> mapping.published() > 0).toList();
	}

	/** The health check command as one string, or {@code null} when there is none. */
	String healthcheck(String service) {
		Object healthcheck = get(service, "healthcheck");
		Object test = YamlFiles.at(healthcheck, "test");
		if (test == null || Boolean.TRUE.equals(YamlFiles.at(healthcheck, "disable"))) {
			return null;
		}
		String command = (test instanceof List<?> list) ? String.join(" ", list.stream().map(Object::toString).toList())
				: test.toString();
		return command.equals("NONE") ? null : command;
	}

	/** The host path mounted at the container path, or {@code null}. */
	String mountSource(String service, String containerPath) {
		Object volumes = get(service, "volumes");
		if (volumes instanceof List<?> list) {
			for (Object volume : list) {
				String[] parts = volume.toString().split(":");
				if (parts.length >= 2 && parts[1].equals(containerPath)) {
					return parts[0];
				}
			}
		}
		return null;
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> services() {
		Object services = this.document.get("services");
		if (!(services instanceof Map<?, ?>)) {
			throw new IllegalStateException("The compose file has no services");
		}
		return (Map<String, Object>) services;
	}

	/**
	 * One port mapping.
	 *
	 * @param published the host port, 0 when Docker picks one
	 * @param target the container port
	 */
	record PortMapping(int published, int target) {

		static PortMapping parse(Object declared) {
			if (declared instanceof Map<?, ?> map) {
				Object published = map.get("published");
				return new PortMapping((published != null) ? Integer.parseInt(published.toString()) : 0,
						Integer.parseInt(map.get("target").toString()));
			}
			// [host-ip:][host-port:]container-port[/protocol]
			String[] parts = declared.toString().split("/")[0].split(":");
			int target = Integer.parseInt(parts[parts.length - 1]);
			return new PortMapping((parts.length > 1) ? Integer.parseInt(parts[parts.length - 2]) : 0, target);
		}

	}

}
