package io.pulsehub.profile.erasure;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Erasure settings.
 *
 * @param retryInterval how often unfinished erasures are retried
 */
@ConfigurationProperties("pulsehub.profile.erasure")
record ErasureProperties(@DefaultValue("30s") Duration retryInterval) {

}
