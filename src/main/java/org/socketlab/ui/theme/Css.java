// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui.theme;

import javafx.css.PseudoClass;
import org.socketlab.ui.language.Languages;

/** Style classes and pseudo-classes, named once; the looks live in socket-lab.css. */
public final class Css {
    /** The stylesheet every scene uses. */
    public static final String STYLESHEET = "/org/socketlab/ui/socket-lab.css";

    public static final PseudoClass FILLED = PseudoClass.getPseudoClass("filled");
    public static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");
    public static final PseudoClass CHANGED = PseudoClass.getPseudoClass("changed");
    public static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");
    public static final PseudoClass DONE = PseudoClass.getPseudoClass("done");
    public static final PseudoClass EMPTY = PseudoClass.getPseudoClass("empty");
    public static final PseudoClass BLANK = PseudoClass.getPseudoClass("blank");
    public static final PseudoClass UNUSABLE = PseudoClass.getPseudoClass("unusable");
    public static final PseudoClass ACTIVE = PseudoClass.getPseudoClass("active");
    public static final PseudoClass KERNEL = PseudoClass.getPseudoClass("kernel");
    public static final PseudoClass LARGE = PseudoClass.getPseudoClass("large");
    /** On the window's root while it speaks Chinese (or another {@link Languages#usesCjkScript CJK} language). */
    public static final PseudoClass CJK = PseudoClass.getPseudoClass("cjk");

    private Css() {
    }
}
