package com.healthcontent.exercises.exercise;

import com.healthcontent.servicedefaults.web.PublicViews;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param publicViews public exercise pages held ready on each instance */
@ConfigurationProperties("platform.exercises")
public record ExerciseProperties(PublicViews.Settings publicViews) {}
