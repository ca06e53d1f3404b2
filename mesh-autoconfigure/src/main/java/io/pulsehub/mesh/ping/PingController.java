package io.pulsehub.mesh.ping;

import java.security.Principal;
import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers the routing probe on {@code pulsehub.ping.path}: proves a call travelled
 * gateway → Eureka → this instance before any feature of the service exists.
 */
@RestController
public class PingController {

	private final String service;

	private final String instance;

	PingController(String service, String instance) {
		this.service = service;
		this.instance = instance;
	}

	@Operation(summary = "Routing probe",
			description = "Names the service and instance that answered and the caller the gateway authenticated.")
	@GetMapping(path = "${pulsehub.ping.path}", produces = "application/json")
	PingResponse ping(Principal principal) {
		return new PingResponse(this.service, this.instance, (principal != null) ? principal.getName() : null,
				Instant.now());
	}

}
