package org.breachtriage.core.scoring;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.breachtriage.core.json.Json;
import org.breachtriage.core.model.Band;
import org.breachtriage.core.model.ContactChannel;
import org.breachtriage.core.model.StaffMember;

/**
 * The numbers that are the force's choice, not ENISA's method: from which band a person gets an
 * Art. 34 notice, by which channel and template each band is contacted, who must release a band's
 * notices before they go out, and the general staff communication that covers everyone the policy
 * sends no individual notice. They live in one versioned file ({@code policy/triage-policy.json} by
 * default) so a change is reviewed, dated and quoted in every decision it makes.
 *
 * <p>{@link #decide} runs once per person; every possible decision is built when the policy is
 * loaded, so a decision costs an array look-up and no allocation.
 */
public final class ScoringPolicy {
    /** Where {@link #loadDefault()} finds the policy on the class path. */
    public static final String DEFAULT_RESOURCE = "/policy/triage-policy.json";

    private static final Set<String> TOP_LEVEL_FIELDS = Set.of("version", "description", "noticeAtOrAbove", "bands",
            "generalCommunication");
    private static final Set<String> BAND_FIELDS = Set.of("channel", "templateId", "release");
    private static final Set<String> GENERAL_FIELDS = Set.of("templateId");

    /**
     * How one band is contacted, and who releases its notices. {@code templateId} is null exactly when
     * {@code channel} is NONE.
     */
    public record BandRule(ContactChannel channel, String templateId, ReleaseRule release) {
        public BandRule {
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(release, "release");
        }
    }

    private final String version;
    private final String description;
    private final Band noticeAtOrAbove;
    private final Map<Band, BandRule> bands;
    private final String generalCommunicationTemplate;
    /** [band][channel actually used] → the decision; null where that channel can never be chosen. */
    private final NoticeDecision[][] decisions;
    /** [exemption][band] → the decision for a person exempt under Art. 34(3). */
    private final NoticeDecision[][] exempt;

    /**
     * Builds and checks a policy. Throws {@link PolicyFormatException} naming the field when a band
     * has no rule, a notice band has channel NONE, a higher band gets a less personal channel or a
     * less strict release than a lower one, or a template id is missing (or given for channel NONE).
     *
     * @param generalCommunicationTemplate the template of the general staff communication every incident gets
     */
    public ScoringPolicy(String version, String description, Band noticeAtOrAbove, Map<Band, BandRule> bands,
                         String generalCommunicationTemplate) {
        if (version == null || version.isBlank()) {
            throw new PolicyFormatException("version: missing; every policy needs a version so decisions can quote it");
        }
        if (noticeAtOrAbove == null) {
            throw new PolicyFormatException("noticeAtOrAbove: missing; say from which band an Art. 34 notice is needed"
                    + " (one of " + names(Band.values()) + ")");
        }
        Objects.requireNonNull(bands, "bands");
        if (generalCommunicationTemplate == null || generalCommunicationTemplate.isBlank()) {
            throw new PolicyFormatException("generalCommunication.templateId: missing; every incident gets one general"
                    + " staff communication (advice and the contact point), which needs a template");
        }
        this.generalCommunicationTemplate = generalCommunicationTemplate.trim();
        this.version = version.trim();
        this.description = description == null ? "" : description.trim();
        this.noticeAtOrAbove = noticeAtOrAbove;
        EnumMap<Band, BandRule> copy = new EnumMap<>(Band.class);
        copy.putAll(bands);
        checkBands(noticeAtOrAbove, copy);
        this.bands = Collections.unmodifiableMap(copy);
        this.decisions = buildDecisions();
        this.exempt = buildExemptDecisions();
    }

    private static void checkBands(Band noticeAtOrAbove, Map<Band, BandRule> bands) {
        BandRule previous = null;
        Band previousBand = null;
        for (Band band : Band.values()) {
            BandRule rule = bands.get(band);
            if (rule == null) {
                throw new PolicyFormatException("bands." + band + ": missing; every band (" + names(Band.values())
                        + ") needs a channel");
            }
            boolean silent = rule.channel() == ContactChannel.NONE;
            if (silent && band.atLeast(noticeAtOrAbove)) {
                throw new PolicyFormatException("bands." + band + ".channel: is NONE, but band " + band
                        + " is at or above the notice threshold " + noticeAtOrAbove + ", so it needs a way to reach people");
            }
            if (!silent && (rule.templateId() == null || rule.templateId().isBlank())) {
                throw new PolicyFormatException("bands." + band + ".templateId: missing; channel " + rule.channel()
                        + " sends a message, which needs a template");
            }
            if (silent && rule.templateId() != null) {
                throw new PolicyFormatException("bands." + band + ".templateId: given as '" + rule.templateId()
                        + "', but channel NONE sends nothing; remove it or choose a channel");
            }
            if (previous != null && rule.channel().compareTo(previous.channel()) < 0) {
                throw new PolicyFormatException("bands." + band + ".channel: " + rule.channel()
                        + " is less personal than " + previous.channel() + " for the lower band " + previousBand
                        + "; a higher band must never be contacted less personally (order: "
                        + names(ContactChannel.values()) + ")");
            }
            if (previous != null && rule.release().compareTo(previous.release()) < 0) {
                throw new PolicyFormatException("bands." + band + ".release: " + rule.release().wireName()
                        + " is less strict than " + previous.release().wireName() + " for the lower band " + previousBand
                        + "; a higher band's notices must never need fewer approvers");
            }
            previous = rule;
            previousBand = band;
        }
    }

    /** The policy shipped with Breach Triage ({@value #DEFAULT_RESOURCE}). */
    public static ScoringPolicy loadDefault() {
        try (InputStream in = ScoringPolicy.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("default notice policy " + DEFAULT_RESOURCE
                        + " is not on the class path; the core jar is incomplete");
            }
            return load(DEFAULT_RESOURCE, in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read default notice policy " + DEFAULT_RESOURCE, e);
        }
    }

    /** A custom policy file; errors call it "policy file". */
    public static ScoringPolicy load(InputStream in) {
        return load("policy file", in);
    }

    /**
     * A custom policy file; {@code source} (a path or name) starts every error message. The stream
     * is read to the end but not closed.
     */
    public static ScoringPolicy load(String source, InputStream in) {
        Objects.requireNonNull(in, "in");
        JsonNode root;
        try {
            root = Json.MAPPER.reader().withFeatures(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).readTree(in);
        } catch (JacksonException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new PolicyFormatException(source + ": not valid JSON" + where + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(source + ": cannot read policy", e);
        }
        try {
            return fromJson(root);
        } catch (PolicyFormatException e) {
            throw new PolicyFormatException(source + ": " + e.getMessage(), e);
        }
    }

    private static ScoringPolicy fromJson(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new PolicyFormatException("expected a JSON object with " + TOP_LEVEL_FIELDS);
        }
        rejectUnknownFields(root, TOP_LEVEL_FIELDS, "");
        String version = text(root, "version", "version");
        String description = text(root, "description", "description");
        String threshold = text(root, "noticeAtOrAbove", "noticeAtOrAbove");
        Band noticeAtOrAbove = threshold == null ? null : parseBand(threshold, "noticeAtOrAbove");

        JsonNode bandsNode = root.get("bands");
        if (bandsNode == null || bandsNode.isNull()) {
            throw new PolicyFormatException("bands: missing; give a channel for each of " + names(Band.values()));
        }
        if (!bandsNode.isObject()) {
            throw new PolicyFormatException("bands: expected an object keyed by band, e.g. {\"HIGH\": {\"channel\": \"LETTER\","
                    + " \"templateId\": \"art34-high-v1\"}}");
        }
        EnumMap<Band, BandRule> bands = new EnumMap<>(Band.class);
        Iterator<Map.Entry<String, JsonNode>> fields = bandsNode.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> entry = fields.next();
            String path = "bands." + entry.getKey();
            Band band = parseBand(entry.getKey(), path);
            if (bands.containsKey(band)) {
                throw new PolicyFormatException(path + ": band " + band + " is given twice");
            }
            bands.put(band, bandRule(entry.getValue(), path));
        }
        return new ScoringPolicy(version, description, noticeAtOrAbove, bands, generalCommunication(root));
    }

    private static String generalCommunication(JsonNode root) {
        JsonNode node = root.get("generalCommunication");
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw new PolicyFormatException("generalCommunication: expected an object like {\"templateId\": \"general-staff-v1\"}");
        }
        rejectUnknownFields(node, GENERAL_FIELDS, "generalCommunication.");
        return text(node, "templateId", "generalCommunication.templateId");
    }

    private static BandRule bandRule(JsonNode node, String path) {
        if (!node.isObject()) {
            throw new PolicyFormatException(path + ": expected an object like {\"channel\": \"LETTER\", \"templateId\": \"...\"}");
        }
        rejectUnknownFields(node, BAND_FIELDS, path + ".");
        String channelText = text(node, "channel", path + ".channel");
        if (channelText == null) {
            throw new PolicyFormatException(path + ".channel: missing (one of " + names(ContactChannel.values()) + ")");
        }
        ContactChannel channel = parseChannel(channelText, path + ".channel");
        String releaseText = text(node, "release", path + ".release");
        if (releaseText == null) {
            throw new PolicyFormatException(path + ".release: missing; say who releases this band's notices"
                    + " (auto, one or two approvers)");
        }
        return new BandRule(channel, text(node, "templateId", path + ".templateId"),
                parseRelease(releaseText, path + ".release"));
    }

    private static void rejectUnknownFields(JsonNode node, Set<String> allowed, String prefix) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new PolicyFormatException(prefix + name + ": unknown field (allowed here: "
                        + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        }
    }

    /** A string field, or null when absent or JSON null; anything else is an error. */
    private static String text(JsonNode parent, String field, String path) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new PolicyFormatException(path + ": expected a string, found " + node.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        return node.asText();
    }

    private static Band parseBand(String text, String path) {
        String key = enumKey(text);
        for (Band band : Band.values()) {
            if (band.name().equals(key)) {
                return band;
            }
        }
        throw new PolicyFormatException(path + ": unknown band '" + text + "' (one of " + names(Band.values()) + ")");
    }

    private static ContactChannel parseChannel(String text, String path) {
        String key = enumKey(text);
        for (ContactChannel channel : ContactChannel.values()) {
            if (channel.name().equals(key)) {
                return channel;
            }
        }
        throw new PolicyFormatException(path + ": unknown channel '" + text + "' (one of "
                + names(ContactChannel.values()) + ")");
    }

    private static ReleaseRule parseRelease(String text, String path) {
        String key = enumKey(text);
        for (ReleaseRule rule : ReleaseRule.values()) {
            if (rule.name().equals(key)) {
                return rule;
            }
        }
        throw new PolicyFormatException(path + ": unknown release rule '" + text + "' (auto, one or two)");
    }

    /** "very high", "Very-High" and "VERY_HIGH" all mean VERY_HIGH. */
    private static String enumKey(String text) {
        return text.trim().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    }

    private static String names(Enum<?>[] values) {
        StringBuilder out = new StringBuilder();
        for (Enum<?> value : values) {
            if (!out.isEmpty()) {
                out.append(", ");
            }
            out.append(value.name());
        }
        return out.toString();
    }

    public String version() {
        return version;
    }

    /** A short human description of what this policy version is for; may be empty. */
    public String description() {
        return description;
    }

    /** The lowest band that needs an Art. 34 notice. */
    public Band noticeAtOrAbove() {
        return noticeAtOrAbove;
    }

    /** The rule for every band, in band order. */
    public Map<Band, BandRule> bands() {
        return bands;
    }

    public ContactChannel channelFor(Band band) {
        return bands.get(band).channel();
    }

    /** Who releases the band's notices. */
    public ReleaseRule releaseFor(Band band) {
        return bands.get(band).release();
    }

    /** The template of the general staff communication every incident gets. */
    public String generalCommunicationTemplate() {
        return generalCommunicationTemplate;
    }

    /** The template for the band's message, or null when the band's channel is NONE. */
    public String templateFor(Band band) {
        return bands.get(band).templateId();
    }

    /**
     * The Art. 34 decision for one person. A notice is required iff {@code band} is at or above the
     * threshold. The channel is the policy's channel for the band, unless the person's preferred
     * channel is more personal: people are never contacted less personally than the policy says,
     * and a band the policy does not contact (NONE) stays uncontacted whatever the preference.
     *
     * @param staffOrNull the person, or null when the pay number is not in the staff table
     */
    public NoticeDecision decide(Band band, StaffMember staffOrNull) {
        return decideFor(band, staffOrNull == null ? null : staffOrNull.contactChannel());
    }

    /**
     * The same decision for a person whose preferred channel is known without a staff record (a victim or
     * witness, from the manifest's {@code contact_channel}); null for none.
     */
    public NoticeDecision decideFor(Band band, ContactChannel preferred) {
        Objects.requireNonNull(band, "band");
        ContactChannel policyChannel = bands.get(band).channel();
        ContactChannel chosen = policyChannel;
        if (policyChannel != ContactChannel.NONE) {
            if (preferred != null && preferred.compareTo(policyChannel) > 0) {
                chosen = preferred;
            }
        }
        return decisions[band.ordinal()][chosen.ordinal()];
    }

    /**
     * The Art. 34 decision for one assessment: as {@link #decide(Band, StaffMember)}, unless the scorer
     * found an Art. 34(3) exemption for a band that calls for a notice. Then no individual notice is
     * sent: the general staff communication covers the person (and, under (c), the public
     * communication), and the reason names the ground.
     */
    public NoticeDecision decide(Assessment assessment, StaffMember staffOrNull) {
        return decideFor(assessment, staffOrNull == null ? null : staffOrNull.contactChannel());
    }

    /** As {@link #decide(Assessment, StaffMember)}, for a person whose preferred channel is known without a staff record. */
    public NoticeDecision decideFor(Assessment assessment, ContactChannel preferred) {
        Objects.requireNonNull(assessment, "assessment");
        if (assessment.exempt() && assessment.band().atLeast(noticeAtOrAbove)) {
            return exempt[assessment.art34Exemption().ordinal()][assessment.band().ordinal()];
        }
        return decideFor(assessment.band(), preferred);
    }

    private NoticeDecision[][] buildExemptDecisions() {
        NoticeDecision[][] table = new NoticeDecision[Art34Exemption.values().length][Band.values().length];
        for (Art34Exemption exemption : Art34Exemption.values()) {
            if (exemption == Art34Exemption.NONE) {
                continue;
            }
            for (Band band : Band.values()) {
                String reason = "No Art. 34 notice although band " + band + " is at or above the notice threshold "
                        + noticeAtOrAbove + " (policy " + version + "): exempt under " + exemption.provision()
                        + ", because " + exemption.because() + "; no individual message is sent, and the general staff"
                        + " communication covers them"
                        + (exemption == Art34Exemption.PUBLIC_COMMUNICATION ? " with the public communication" : "") + ".";
                table[exemption.ordinal()][band.ordinal()] = new NoticeDecision(false, ContactChannel.NONE, null,
                        bands.get(band).release(), reason);
            }
        }
        return table;
    }

    private NoticeDecision[][] buildDecisions() {
        ContactChannel[] channels = ContactChannel.values();
        NoticeDecision[][] table = new NoticeDecision[Band.values().length][channels.length];
        for (Band band : Band.values()) {
            BandRule rule = bands.get(band);
            for (ContactChannel chosen : channels) {
                boolean reachable = chosen == rule.channel()
                        || (rule.channel() != ContactChannel.NONE && chosen.compareTo(rule.channel()) > 0);
                if (reachable) {
                    table[band.ordinal()][chosen.ordinal()] = decision(band, rule, chosen);
                }
            }
        }
        return table;
    }

    private NoticeDecision decision(Band band, BandRule rule, ContactChannel chosen) {
        boolean required = band.atLeast(noticeAtOrAbove);
        String why = required
                ? "Notice required because band " + band + " is at or above the notice threshold " + noticeAtOrAbove
                        + " (policy " + version + ")"
                : "No notice because band " + band + " is below the notice threshold " + noticeAtOrAbove
                        + " (policy " + version + ")";
        String what = required ? "the notice" : "an information message (not an Art. 34 notice)";
        String how;
        if (chosen == ContactChannel.NONE) {
            how = required ? "" : "; the policy sends nothing for band " + band;
        } else if (chosen == rule.channel()) {
            how = "; " + what + " goes by " + chosen + " as the policy sets for band " + band
                    + ", template " + rule.templateId();
        } else {
            how = "; " + what + " goes by " + chosen + ", the person's preferred channel, because it is more personal"
                    + " than the policy's " + rule.channel() + " for band " + band + ", template " + rule.templateId();
        }
        String release = chosen == ContactChannel.NONE ? "; the general staff communication covers them"
                : rule.release() == ReleaseRule.AUTO ? "; it goes out without waiting for a release"
                : "; it waits for release by " + (rule.release() == ReleaseRule.ONE ? "one approver" : "two different approvers");
        return new NoticeDecision(required, chosen, rule.templateId(), rule.release(), why + how + release + ".");
    }

    @Override
    public String toString() {
        return "ScoringPolicy[version=" + version + ", noticeAtOrAbove=" + noticeAtOrAbove + ", bands=" + bands
                + ", generalCommunication=" + generalCommunicationTemplate + "]";
    }
}
