package com.healthcontent.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.healthcontent.servicedefaults.problem.InvalidInputException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SearchQueryTest {

    @Test
    void aReadersQueryIsCheckedWithTheParameterNamed() {
        assertThatThrownBy(() -> SearchQuery.of(Map.of("q", List.of(" "))))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        problem -> assertThat(problem.getMessage()).contains("q"));
        assertThatThrownBy(() -> SearchQuery.of(Map.of("q", List.of("x".repeat(201)))))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> SearchQuery.of(Map.of("q", List.of("back"), "colour", List.of("red"))))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        problem -> assertThat(problem.getMessage()).contains("colour"));
        assertThatThrownBy(() -> SearchQuery.of(Map.of("q", List.of("back"), "size", List.of("501"))))
                .isInstanceOf(InvalidInputException.class);
        SearchQuery query = SearchQuery.of(Map.of("q", List.of(" back "), "tag", List.of("back pain,disc")));
        assertThat(query.text()).isEqualTo("back");
        assertThat(query.filters()).containsEntry(SearchFacet.TAG, Set.of("back pain", "disc"));
    }
}
