package com.healthcontent.servicedefaults.apidocs;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.http.HttpStatus;

/**
 * The statuses an operation answers beyond its success and those its signature implies ({@link
 * OperationErrorResponses} documents 400, 401, 403, 404, 304, 412/428, 413 and 415 from the parameters): a
 * workflow's 409 and 422, a staff read's 403, a 429. Checked against what the endpoints really answer by each
 * service's {@code DocumentedResponsesTest}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface AlsoAnswers {

    HttpStatus[] value();
}
