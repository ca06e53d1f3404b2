package io.pulsehub.mesh.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Credentials of the mesh: the operator's admin login and the secret the gateway signs
 * internal calls with.
 *
 * @param admin the admin login for actuator, dashboards and {@code /admin/**}
 * @param internal the gateway-to-service call credential
 * @param applicationAccess who may call the paths outside actuator, {@code /api} and
 * {@code /admin}
 */
@ConfigurationProperties("pulsehub.security")
public record MeshSecurityProperties(@DefaultValue Admin admin, @DefaultValue Internal internal,
		@DefaultValue("docs-only") ApplicationAccess applicationAccess) {

	/**
	 * Who may call an application's own paths.
	 */
	public enum ApplicationAccess {

		/**
		 * Only the API documentation is open; a service's features go through the
		 * gateway.
		 */
		DOCS_ONLY,

		/** Everything needs the admin login (registry, config server). */
		ADMIN

	}

	/**
	 * The operator's login.
	 *
	 * @param username admin user name
	 * @param password admin password; no admin login exists while it is unset
	 */
	public record Admin(@DefaultValue("admin") String username, String password) {

		@Override
		public String toString() {
			return "Admin[username=" + this.username + ", password=******]";
		}

	}

	/**
	 * The credential the gateway adds to every call it forwards.
	 *
	 * @param secret HMAC key shared by the gateway and the services; every internal call
	 * is refused while it is unset
	 * @param maxAge how long a signed call stays valid (covers clock skew and queueing)
	 */
	public record Internal(String secret, @DefaultValue("30s") Duration maxAge) {

		@Override
		public String toString() {
			return "Internal[secret=******, maxAge=" + this.maxAge + "]";
		}

	}

}
