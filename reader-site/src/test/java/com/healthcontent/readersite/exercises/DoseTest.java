package com.healthcontent.readersite.exercises;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A dose as a reader reads it, from the numbers exercise-service keeps. */
class DoseTest {

    @Test
    void aHeldStretchReadsAsTheModelPageSaysIt() {
        Dose dose = new Dose(30, new Dose.Range(4, 5), null, null, new Dose.Frequency(1, 2, "DAY"));
        assertThat(dose.inWords()).isEqualTo("Hold for 30 seconds, 4 to 5 times, once or twice a day");
    }

    @Test
    void repetitionsSetsRestAndFrequency() {
        assertThat(new Dose(null, new Dose.Range(10, 10), 3, 60, new Dose.Frequency(3, 3, "WEEK")).inWords())
                .isEqualTo("Repeat 10 times, in 3 sets, with 1 minute of rest between sets, 3 times a week");
        assertThat(new Dose(5, new Dose.Range(8, 12), null, 5, new Dose.Frequency(1, 1, "DAY")).inWords())
                .isEqualTo("Hold for 5 seconds, 8 to 12 times, with 5 seconds of rest between them, once a day");
        assertThat(new Dose(90, null, null, null, null).inWords()).isEqualTo("Hold for 90 seconds");
        assertThat(new Dose(120, new Dose.Range(1, 1), null, null, new Dose.Frequency(2, 2, "DAY")).inWords())
                .isEqualTo("Hold for 2 minutes, once, twice a day");
        assertThat(new Dose(null, null, null, null, null).inWords()).isEmpty();
    }
}
