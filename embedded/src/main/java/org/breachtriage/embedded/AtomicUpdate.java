package org.breachtriage.embedded;

import java.util.Optional;
import java.util.function.UnaryOperator;
import org.h2.mvstore.MVMap;

/**
 * Read-modify-write of one MVMap entry as a single atomic operation. MVMap.operate may run the
 * decision several times when writers race, so {@code change} must be a pure function of the value
 * it is given; it returns null to leave the entry as it is.
 */
final class AtomicUpdate<V> extends MVMap.DecisionMaker<V> {
    private final UnaryOperator<V> change;
    private V next;

    private AtomicUpdate(UnaryOperator<V> change) {
        this.change = change;
    }

    /** @return the value written, or empty if {@code change} declined */
    static <K, V> Optional<V> apply(MVMap<K, V> map, K key, UnaryOperator<V> change) {
        AtomicUpdate<V> update = new AtomicUpdate<>(change);
        map.operate(key, null, update);
        return Optional.ofNullable(update.next);
    }

    @Override
    public MVMap.Decision decide(V existingValue, V providedValue) {
        next = change.apply(existingValue);
        return next == null ? MVMap.Decision.ABORT : MVMap.Decision.PUT;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T extends V> T selectValue(T existingValue, T providedValue) {
        return (T) next;
    }

    @Override
    public void reset() {
        next = null;
    }
}
