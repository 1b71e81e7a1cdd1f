package com.healthcontent.feedback.alerts.channel;

import com.healthcontent.servicedefaults.apidocs.AlsoAnswers;
import com.healthcontent.servicedefaults.security.Actor;
import com.healthcontent.servicedefaults.web.PagedResponse;
import com.healthcontent.servicedefaults.web.Paging;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admins see deliveries that failed for good (PARKED) and send them again. Each operation takes the caller
 * ({@code actor}: signed in, 401 otherwise); the admin gate is the service's.
 */
@RestController
@Tag(name = "Alert deliveries", description = "E-mails and webhooks that failed, for admins to resend")
@RequestMapping("/api/v1/feedback/deliveries")
class DeliveryController {

    private final Deliveries deliveries;

    DeliveryController(Deliveries deliveries) {
        this.deliveries = deliveries;
    }

    @AlsoAnswers({HttpStatus.FORBIDDEN})
    @GetMapping
    PagedResponse<DeliveryView> list(
            @RequestParam(defaultValue = "PARKED") Delivery.Status status,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            Actor actor) {
        return PagedResponse.of(
                deliveries.withStatus(status, Paging.of(page, size, Sort.by("nextAttemptAt"))), DeliveryView::of);
    }

    @PostMapping("/{id}/retry")
    DeliveryView retry(@PathVariable String id, Actor actor) {
        return DeliveryView.of(deliveries.retry(id));
    }
}
