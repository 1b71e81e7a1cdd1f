package com.healthcontent.feedback.content;

public enum ContentType {
    ARTICLE,
    EXERCISE
}
