package com.healthcontent.gateway.instances;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param ejectionTime how long an instance that refused a connection is left out of the rotation */
@ConfigurationProperties("platform.instances")
public record InstanceProperties(@DefaultValue("5s") Duration ejectionTime) {}
