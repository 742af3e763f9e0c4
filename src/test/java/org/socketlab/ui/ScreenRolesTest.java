// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

/** The laptop is where the window is; the projector is the largest other screen. */
class ScreenRolesTest {
    private static final Rectangle2D LAPTOP = new Rectangle2D(0, 0, 1920, 1080);
    private static final Rectangle2D PROJECTOR = new Rectangle2D(1920, 0, 1280, 720);
    private static final Rectangle2D BIG_TV = new Rectangle2D(-3840, 0, 3840, 2160);

    @Test
    void oneScreenHasNoProjector() {
        ScreenRoles roles = ScreenRoles.of(List.of(LAPTOP), new Rectangle2D(100, 100, 1280, 800));

        assertThat(roles.laptop()).isEqualTo(LAPTOP);
        assertThat(roles.projector()).isEmpty();
    }

    @Test
    void theProjectorIsTheOtherScreenWhicheverIsPrimary() {
        Rectangle2D window = new Rectangle2D(100, 100, 1280, 800);

        assertThat(ScreenRoles.of(List.of(LAPTOP, PROJECTOR), window).projector()).contains(PROJECTOR);
        assertThat(ScreenRoles.of(List.of(PROJECTOR, LAPTOP), window).projector()).contains(PROJECTOR);
    }

    @Test
    void theLaptopIsTheScreenMostOfTheWindowIsOn() {
        Rectangle2D mostlyOnTheProjector = new Rectangle2D(1800, 50, 1000, 600);

        ScreenRoles roles = ScreenRoles.of(List.of(LAPTOP, PROJECTOR), mostlyOnTheProjector);

        assertThat(roles.laptop()).isEqualTo(PROJECTOR);
        assertThat(roles.projector()).contains(LAPTOP);
    }

    @Test
    void withThreeScreensTheLargestOtherOneIsTheProjector() {
        ScreenRoles roles = ScreenRoles.of(List.of(PROJECTOR, LAPTOP, BIG_TV), new Rectangle2D(0, 0, 800, 600));

        assertThat(roles.laptop()).isEqualTo(LAPTOP);
        assertThat(roles.projector()).contains(BIG_TV);
    }

    @Test
    void pretendedScreensAreReadFromTheirBoundsAndNonsenseIsIgnored() {
        assertThat(ScreenRoles.parse("0,0,1920,1080; 1920,0,1280,720")).containsExactly(LAPTOP, PROJECTOR);
        assertThat(ScreenRoles.parse("0,0,1920")).isEmpty();
        assertThat(ScreenRoles.parse("0,0,wide,1080")).isEmpty();
        assertThat(ScreenRoles.parse("0,0,0,1080")).isEmpty();
        assertThat(ScreenRoles.parse(null)).isEmpty();
    }
}
