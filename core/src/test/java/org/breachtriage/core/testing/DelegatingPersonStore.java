package org.breachtriage.core.testing;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.breachtriage.core.incident.IncidentPerson;
import org.breachtriage.core.ports.PersonStore;

/**
 * A {@link PersonStore} that hands every call to another: tests override the one call they watch or
 * break (a lost race, a vanished person, a count of walks), and the rest behaves as the store does.
 */
public class DelegatingPersonStore implements PersonStore {
    private final PersonStore delegate;

    public DelegatingPersonStore(PersonStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public Optional<IncidentPerson> putIfAbsent(IncidentPerson person) {
        return delegate.putIfAbsent(person);
    }

    @Override
    public boolean replace(IncidentPerson updated, int expectedVersion) {
        return delegate.replace(updated, expectedVersion);
    }

    @Override
    public Optional<IncidentPerson> find(String incidentId, String payNumber) {
        return delegate.find(incidentId, payNumber);
    }

    @Override
    public List<IncidentPerson> findAll(String incidentId, Collection<String> payNumbers) {
        return delegate.findAll(incidentId, payNumbers);
    }

    @Override
    public Optional<IncidentPerson> findLocally(String incidentId, String payNumber) {
        return delegate.findLocally(incidentId, payNumber);
    }

    @Override
    public void forEach(String incidentId, Consumer<IncidentPerson> consumer) {
        delegate.forEach(incidentId, consumer);
    }

    @Override
    public void forEachAnyOrder(String incidentId, Consumer<IncidentPerson> consumer) {
        delegate.forEachAnyOrder(incidentId, consumer);
    }

    @Override
    public boolean markPublished(String incidentId, String payNumber, String noticeId, Instant at) {
        return delegate.markPublished(incidentId, payNumber, noticeId, at);
    }
}
