// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui.common;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.value.ObservableValue;
import javafx.util.Subscription;

/**
 * The listeners a view holds, released together when the view is disposed, so that a
 * replaced view leaves nothing behind on the models it watched.
 */
public final class ViewSubscriptions {
    private final List<Subscription> subscriptions = new ArrayList<>();

    /** Keeps a subscription until {@link #release()}. */
    public void add(Subscription subscription) {
        subscriptions.add(subscription);
    }

    /** Runs the action now and whenever any of the values changes. */
    public void onChange(Runnable action, ObservableValue<?>... values) {
        for (ObservableValue<?> value : values) {
            add(value.subscribe((old, now) -> action.run()));
        }
        action.run();
    }

    /** Removes every listener. */
    public void release() {
        subscriptions.forEach(Subscription::unsubscribe);
        subscriptions.clear();
    }
}
