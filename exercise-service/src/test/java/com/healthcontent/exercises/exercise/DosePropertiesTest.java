package com.healthcontent.exercises.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.healthcontent.servicedefaults.problem.InvalidInputException;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Properties of doses over many generated values (a fixed seed, so a failure replays): every value inside the
 * bounds is accepted and maps one-to-one onto FHIR Timing; every value outside is refused naming its field.
 */
class DosePropertiesTest {

    static final int CASES = 2_000;
    final Random random = new Random(20261124);

    @Test
    void everyDoseWithinTheBoundsIsAcceptedAndMapsOntoFhirTiming() {
        for (int i = 0; i < CASES; i++) {
            int hold = 1 + random.nextInt(Dose.MAX_HOLD_SECONDS);
            int repMin = 1 + random.nextInt(Repetitions.LIMIT);
            int repMax = repMin + random.nextInt(Repetitions.LIMIT - repMin + 1);
            Frequency.Per per = random.nextBoolean() ? Frequency.Per.DAY : Frequency.Per.WEEK;
            int limit = per == Frequency.Per.DAY ? 24 : 50;
            int freqMin = 1 + random.nextInt(limit);
            int freqMax = freqMin + random.nextInt(limit - freqMin + 1);

            Dose dose = new Dose(hold, new Repetitions(repMin, repMax), 1 + random.nextInt(Dose.MAX_SETS), null,
                    new Frequency(freqMin, freqMax, per));

            @SuppressWarnings("unchecked")
            Map<String, Object> repeat = (Map<String, Object>) dose.fhirTiming().get("repeat");
            assertThat(repeat).containsEntry("duration", hold).containsEntry("durationUnit", "s")
                    .containsEntry("frequency", freqMin).containsEntry("frequencyMax", freqMax)
                    .containsEntry("period", 1).containsEntry("periodUnit", per == Frequency.Per.DAY ? "d" : "wk");
            assertThat(dose.maxSessionSeconds()).isEqualTo(dose.setsOrOne() * repMax * hold);
        }
    }

    @Test
    void everyValueOutsideTheBoundsIsRefusedNamingItsField() {
        for (int i = 0; i < CASES; i++) {
            int badHold = random.nextBoolean() ? -random.nextInt(1000) : Dose.MAX_HOLD_SECONDS + 1 + random.nextInt(1000);
            assertThatThrownBy(() -> new Dose(badHold, new Repetitions(1, 1), null, null, null))
                    .isInstanceOf(InvalidInputException.class)
                    .extracting(e -> ((InvalidInputException) e).violations().get(0).field()).isEqualTo("holdSeconds");

            int min = 1 + random.nextInt(Repetitions.LIMIT);
            int belowMin = min - 1 - random.nextInt(min);
            assertThatThrownBy(() -> new Repetitions(min, belowMin)).isInstanceOf(InvalidInputException.class)
                    .extracting(e -> ((InvalidInputException) e).violations().get(0).field())
                    .isEqualTo("max");
            int tooMany = Repetitions.LIMIT + 1 + random.nextInt(1000);
            assertThatThrownBy(() -> new Repetitions(tooMany, tooMany)).isInstanceOf(InvalidInputException.class)
                    .extracting(e -> ((InvalidInputException) e).violations().get(0).field()).isEqualTo("min");

            int perDay = 25 + random.nextInt(100);
            assertThatThrownBy(() -> new Frequency(1, perDay, Frequency.Per.DAY)).isInstanceOf(InvalidInputException.class)
                    .extracting(e -> ((InvalidInputException) e).violations().get(0).field()).isEqualTo("max");
        }
    }
}
