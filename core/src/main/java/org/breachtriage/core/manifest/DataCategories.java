package org.breachtriage.core.manifest;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.breachtriage.core.model.Categories;
import org.breachtriage.core.model.DataCategory;

/**
 * Parses lists of {@link DataCategory} spellings, with the error wording shared by manifests and
 * incident metadata. Keeps a small cache of whole lists: a manifest usually repeats the same few
 * {@code exposed_fields} values on every row, and a million rows should not parse them a million times.
 */
final class DataCategories {
    private static final int CACHE_LIMIT = 1024;
    static final String VALID_LIST = Arrays.stream(DataCategory.values())
            .map(c -> c.aliases().isEmpty() ? c.wireName() : c.wireName() + " (or " + String.join(", ", c.aliases()) + ")")
            .collect(Collectors.joining(", "));

    private final Map<String, Set<DataCategory>> cache = new HashMap<>();

    /** A parsed list, or the first item that is not a category. */
    record Parsed(Set<DataCategory> categories, String unknownItem) {
        boolean ok() {
            return unknownItem == null;
        }

        String reason() {
            return "unknown category " + RowRejection.quotedToken(unknownItem).orElse(RowRejection.NOT_QUOTED)
                    + "; valid categories: " + VALID_LIST;
        }
    }

    /**
     * @param cacheKey the raw text the items come from
     * @param items    splits that text into trimmed spellings; only called on a cache miss
     */
    Parsed parse(String cacheKey, Supplier<List<String>> items) {
        Set<DataCategory> cached = cache.get(cacheKey);
        if (cached != null) {
            return new Parsed(cached, null);
        }
        Parsed parsed = parse(items.get());
        if (parsed.ok() && cache.size() < CACHE_LIMIT) {
            cache.put(cacheKey, parsed.categories());
        }
        return parsed;
    }

    static Parsed parse(List<String> items) {
        EnumSet<DataCategory> categories = EnumSet.noneOf(DataCategory.class);
        for (String item : items) {
            Optional<DataCategory> category = DataCategory.parse(item);
            if (category.isEmpty()) {
                return new Parsed(Set.of(), item);
            }
            categories.add(category.get());
        }
        return new Parsed(Categories.immutable(categories), null);
    }
}
