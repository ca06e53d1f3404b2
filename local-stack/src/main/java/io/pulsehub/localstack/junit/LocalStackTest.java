package io.pulsehub.localstack.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against local-stack servers: they are started before the class (once
 * per JVM), test methods can take them as parameters, and a Spring test context gets
 * their addresses as {@code spring.kafka.bootstrap-servers},
 * {@code spring.data.redis.url}, {@code spring.datasource.*} and
 * {@code spring.mongodb.uri}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(LocalStackExtension.class)
public @interface LocalStackTest {

	/**
	 * The servers the test needs.
	 * @return the servers, all four unless narrowed
	 */
	Service[] services() default { Service.KAFKA, Service.REDIS, Service.POSTGRES, Service.MONGO };

	/**
	 * The PostgreSQL database that {@code spring.datasource.*} points at; a service
	 * database such as {@code pulsehub_points} is reached as its own role, any other as
	 * the superuser.
	 * @return the database name
	 */
	String database() default "postgres";

}
