package io.pulsehub.localstack.spring;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.pulsehub.localstack.junit.LocalStackTest;
import io.pulsehub.localstack.junit.Service;

import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Adds a {@link LocalStackContextCustomizer} to the test contexts of classes annotated
 * with {@link LocalStackTest}; registered in {@code META-INF/spring.factories}.
 */
class LocalStackContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		// Finds the annotation on enclosing classes of @Nested tests and on
		// meta-annotations too, the way Spring finds its own test annotations.
		LocalStackTest test = TestContextAnnotationUtils.findMergedAnnotation(testClass, LocalStackTest.class);
		if (test == null) {
			return null;
		}
		Set<Service> services = EnumSet.noneOf(Service.class);
		services.addAll(List.of(test.services()));
		return new LocalStackContextCustomizer(services, test.database());
	}

}
