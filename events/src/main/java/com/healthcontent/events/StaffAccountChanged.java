package com.healthcontent.events;

import java.time.Instant;

/**
 * A staff account changed in a way the services' staff directories show: {@code change} is INVITED, ROLES_CHANGED,
 * DISABLED or ENABLED. The directory itself stays the authorization server's ({@code GET /api/v1/staff}): a consumer
 * fetches it again on this event rather than applying the change, so an event lost or out of order costs nothing.
 */
public record StaffAccountChanged(String username, String change, Instant changedAt) {}
