package com.healthcontent.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RequestIdFilterTest {

    @Test
    void newRequestIdsAreDistinctVersion4Uuids() {
        var ids = IntStream.range(0, 10_000)
                .mapToObj(i -> RequestIdFilter.newRequestId())
                .toList();

        assertThat(ids).doesNotHaveDuplicates().allSatisfy(id -> {
            UUID uuid = UUID.fromString(id);
            assertThat(uuid.version()).isEqualTo(4);
            assertThat(uuid.variant()).isEqualTo(2);
            assertThat(uuid.toString()).isEqualTo(id);
        });
    }
}
