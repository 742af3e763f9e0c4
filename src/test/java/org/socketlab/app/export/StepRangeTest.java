// SPDX-License-Identifier: Apache-2.0
package org.socketlab.app.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@code --steps}: the forms it accepts and the ones it refuses. */
class StepRangeTest {
    @Test
    void readsOneStepARangeAndOpenEnds() {
        assertThat(StepRange.parse("3")).isEqualTo(new StepRange(3, 3));
        assertThat(StepRange.parse(" 3-5 ")).isEqualTo(new StepRange(3, 5));
        assertThat(StepRange.parse("3-").within(7)).isEqualTo(new StepRange(3, 6));
        assertThat(StepRange.parse("-2")).isEqualTo(new StepRange(0, 2));
        assertThat(StepRange.all().within(7).size()).isEqualTo(7);
    }

    @Test
    void refusesNonsenseAndStepsTheLessonDoesNotHave() {
        for (String bad : new String[] {"", "-", "a", "5-2", "1,2", "3--4", "-1-"}) {
            assertThatThrownBy(() -> StepRange.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> StepRange.parse("7").within(7)).hasMessageContaining("steps 0 to 6");
        assertThatThrownBy(() -> StepRange.parse("2-9").within(7)).hasMessageContaining("steps 0 to 6");
    }
}
