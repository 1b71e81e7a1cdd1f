package com.healthcontent.exercises.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.healthcontent.servicedefaults.problem.InvalidInputException;
import java.util.Map;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Dose validation: every value inside the bounds is accepted and maps one-to-one onto FHIR Timing; every value
 * outside is refused, naming the field a client has to fix.
 */
class DoseProperties {

    @Property(tries = 2000)
    void everyDoseWithinTheBoundsIsAcceptedAndMapsOntoFhirTiming(
            @ForAll @IntRange(min = 1, max = Dose.MAX_HOLD_SECONDS) int hold,
            @ForAll @IntRange(min = 1, max = Repetitions.LIMIT) int repMin,
            @ForAll @IntRange(min = 0, max = Repetitions.LIMIT) int repExtra,
            @ForAll @IntRange(min = 1, max = Dose.MAX_SETS) int sets,
            @ForAll Frequency.Per per,
            @ForAll @IntRange(min = 1, max = 50) int freqMin,
            @ForAll @IntRange(min = 0, max = 49) int freqExtra) {
        int repMax = Math.min(Repetitions.LIMIT, repMin + repExtra);
        int limit = per == Frequency.Per.DAY ? 24 : 50;
        Assume.that(freqMin <= limit);
        int freqMax = Math.min(limit, freqMin + freqExtra);

        Dose dose = new Dose(hold, new Repetitions(repMin, repMax), sets, null, new Frequency(freqMin, freqMax, per));

        @SuppressWarnings("unchecked")
        Map<String, Object> repeat = (Map<String, Object>) dose.fhirTiming().get("repeat");
        assertThat(repeat)
                .containsEntry("duration", hold)
                .containsEntry("durationUnit", "s")
                .containsEntry("frequency", freqMin)
                .containsEntry("frequencyMax", freqMax)
                .containsEntry("period", 1)
                .containsEntry("periodUnit", per == Frequency.Per.DAY ? "d" : "wk");
        assertThat(dose.maxSessionSeconds()).isEqualTo(sets * repMax * hold);
    }

    @Property(tries = 1000)
    void aHoldOutsideTheBoundsIsRefusedNamingItsField(@ForAll int hold) {
        Assume.that(hold < 0 || hold > Dose.MAX_HOLD_SECONDS);
        assertThatThrownBy(() -> new Dose(hold, new Repetitions(1, 1), null, null, null))
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).violations().get(0).field())
                .isEqualTo("holdSeconds");
    }

    @Property(tries = 1000)
    void repetitionsOutOfOrderOrTooManyAreRefusedNamingTheField(
            @ForAll @IntRange(min = 1, max = Repetitions.LIMIT) int min,
            @ForAll @IntRange(min = 0, max = Repetitions.LIMIT) int shortBy,
            @ForAll @IntRange(min = Repetitions.LIMIT + 1, max = 1_000_000) int tooMany) {
        // every maximum from 0 to one under the minimum, without discarding tries (an assumption on two independent
        // numbers discarded most of them, and jqwik gave up on the property when a seed discarded too many)
        int max = min - 1 - shortBy % min;
        assertThatThrownBy(() -> new Repetitions(min, max))
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).violations().get(0).field())
                .isEqualTo("max");
        assertThatThrownBy(() -> new Repetitions(tooMany, tooMany))
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).violations().get(0).field())
                .isEqualTo("min");
    }

    @Property(tries = 500)
    void moreThan24TimesADayIsRefused(@ForAll @IntRange(min = 25, max = 10_000) int perDay) {
        assertThatThrownBy(() -> new Frequency(1, perDay, Frequency.Per.DAY))
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).violations().get(0).field())
                .isEqualTo("max");
    }
}
