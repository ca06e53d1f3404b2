package io.pulsehub.sync.routing;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.pulsehub.sync.strategy.StrategyName;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.cloud.context.environment.EnvironmentChangeEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * The configured routes: bound from {@code pulsehub.sync.routing} at start-up (a bad rule
 * stops the start) and again on every config refresh ({@code /actuator/refresh}, a Spring
 * Cloud Bus refresh), when a bad rule is logged and the previous routes stay.
 */
public class RouteTable implements ApplicationListener<EnvironmentChangeEvent> {

	/** The route id of changes no rule matches. */
	public static final String DEFAULT_ROUTE = "default";

	static final String PREFIX = "pulsehub.sync.routing";

	private static final Log logger = LogFactory.getLog(RouteTable.class);

	private final Environment environment;

	private volatile Routes routes;

	public RouteTable(Environment environment) {
		this.environment = environment;
		this.routes = bind(environment);
	}

	@Override
	public void onApplicationEvent(EnvironmentChangeEvent event) {
		try {
			Routes reloaded = bind(this.environment);
			if (!reloaded.equals(this.routes)) {
				this.routes = reloaded;
				logger.info("Routing rules reloaded: " + reloaded.rules().stream().map(RouteRule::id).toList()
						+ ", default " + reloaded.defaultStrategy());
			}
		}
		catch (RuntimeException ex) {
			logger.error("Routing rules not reloaded, the previous ones stay: " + ex.getMessage());
		}
	}

	/**
	 * The routes in force.
	 * @return the rules and the default
	 */
	Routes routes() {
		return this.routes;
	}

	static Routes bind(Environment environment) {
		RoutingProperties properties = Binder.get(environment).bindOrCreate(PREFIX, RoutingProperties.class);
		List<RouteRule> rules = properties.rules().stream().map(RouteRule::of).toList();
		Set<String> ids = new HashSet<>(Set.of(DEFAULT_ROUTE));
		for (RouteRule rule : rules) {
			if (!ids.add(rule.id())) {
				throw new IllegalArgumentException("Routing rule id " + rule.id() + " is used twice (or is 'default')");
			}
		}
		return new Routes(rules, properties.defaultStrategy());
	}

	/**
	 * Ordered rules and the default strategy.
	 *
	 * @param rules the rules
	 * @param defaultStrategy the default
	 */
	record Routes(List<RouteRule> rules, StrategyName defaultStrategy) {

	}

}
