package org.breachtriage.embedded;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.breachtriage.core.incident.NoticeKind;
import org.breachtriage.core.incident.NoticeState;
import org.breachtriage.core.model.Band;
import org.breachtriage.core.model.ContactChannel;
import org.breachtriage.core.model.DataCategory;
import org.breachtriage.core.model.NameRarity;
import org.breachtriage.core.model.RoleFlag;
import org.breachtriage.core.model.StaffType;
import org.breachtriage.core.model.VettingLevel;
import org.breachtriage.core.scoring.Art34Exemption;
import org.h2.mvstore.MVMap;

/**
 * Records, in the store file itself, the layout version and the enum constants whose ordinals the
 * binary value types persist. Opening a file written with a different layout, or with enum constants
 * that were reordered or removed since, fails with a clear message instead of misreading data.
 * Constants appended at the end keep old ordinals valid, so they are accepted.
 */
final class StoreSchema {
    /**
     * 3: notices wait for release, with approvals, holds and claims (2 published them as planned);
     * 2: people belong to incidents (1 kept per-case results).
     */
    static final String LAYOUT_VERSION = "3";
    private static final String LAYOUT_KEY = "layout";
    private static final String ENUM_PREFIX = "enum.";

    private static final List<Class<? extends Enum<?>>> ORDINAL_ENUMS = List.of(
            DataCategory.class, RoleFlag.class, StaffType.class, VettingLevel.class, ContactChannel.class,
            NameRarity.class, Band.class, NoticeKind.class, NoticeState.class, Art34Exemption.class,
            org.breachtriage.core.incident.S68Restriction.class);

    private StoreSchema() {
    }

    static void checkAndRecord(MVMap<String, String> meta, Path file) {
        String layout = meta.get(LAYOUT_KEY);
        if (layout != null && !layout.equals(LAYOUT_VERSION)) {
            throw new IllegalStateException("state file " + file + " has layout version " + layout
                    + (layout.equals("1") ? " (results per case, from before incidents)"
                    : layout.equals("2") ? " (notices published as planned, from before the release step)" : "")
                    + "; this version of triage reads layout " + LAYOUT_VERSION + " and has not changed the file. "
                    + "Use a fresh state directory (--state-dir DIR or TRIAGE_HOME=DIR, then import the staff table "
                    + "again), move " + file.getParent() + " aside, or use the triage version that wrote it.");
        }
        List<String> problems = new ArrayList<>();
        for (Class<? extends Enum<?>> type : ORDINAL_ENUMS) {
            String stored = meta.get(ENUM_PREFIX + type.getSimpleName());
            List<String> current = constants(type);
            if (stored != null) {
                List<String> was = Arrays.asList(stored.split(","));
                if (was.size() > current.size() || !current.subList(0, was.size()).equals(was)) {
                    problems.add(type.getSimpleName() + " was [" + stored + "], is now " + current);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("state file " + file + " was written with different enum constants ("
                    + String.join("; ", problems) + "). Use a fresh state dir (re-import the staff table) "
                    + "or the triage version that wrote it.");
        }
        meta.put(LAYOUT_KEY, LAYOUT_VERSION);
        for (Class<? extends Enum<?>> type : ORDINAL_ENUMS) {
            meta.put(ENUM_PREFIX + type.getSimpleName(), String.join(",", constants(type)));
        }
    }

    private static List<String> constants(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
    }
}
