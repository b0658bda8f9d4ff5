package org.breachtriage.embedded;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.breachtriage.core.incident.CaseFigure;
import org.breachtriage.core.incident.IncidentPerson;
import org.breachtriage.core.incident.ManifestExposure;
import org.breachtriage.core.incident.Hold;
import org.breachtriage.core.incident.S68Restriction;
import org.breachtriage.core.manifest.PersonKeys;
import org.breachtriage.core.model.SubjectType;
import org.breachtriage.core.incident.NoticeApproval;
import org.breachtriage.core.incident.NoticeKind;
import org.breachtriage.core.incident.NoticeState;
import org.breachtriage.core.incident.PersonChange;
import org.breachtriage.core.incident.PersonFigure;
import org.breachtriage.core.incident.PersonNotice;
import org.breachtriage.core.model.Band;
import org.breachtriage.core.model.Categories;
import org.breachtriage.core.model.ContactChannel;
import org.breachtriage.core.model.StaffType;
import org.breachtriage.core.scoring.Art34Exemption;
import org.breachtriage.core.scoring.Assessment;
import org.breachtriage.core.scoring.CircumstancesOfBreach;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;

/**
 * Compact binary form of an {@link IncidentPerson}: a run writes one per person, so JSON with field
 * names would multiply the file size. Each incident has its own persons map, so the incident id is a
 * property of this type rather than repeated in every value. Enums are stored by ordinal ({@link
 * StoreSchema} checks the file's constants line up); instants keep nanoseconds.
 *
 * <p>The log keeps records in this form in memory too ({@link #pack}, {@link PackedPersonType}), byte for
 * byte what the log's value type wrote before records were kept packed, so older files read unchanged.
 */
final class IncidentPersonCodec {
    /** 3: repeated strings by number ({@link StringTable}); 2, still read: every string inline. */
    private static final byte FORMAT = 3;
    private static final byte INLINE_STRINGS_FORMAT = 2;
    private static final int MATCHED = 1;
    private static final int HAS_CB = 1 << 1;
    /** An Art. 34(3) exemption follows the reasons; records written before it existed have none. */
    private static final int HAS_EXEMPTION = 1 << 2;
    private static final Art34Exemption[] EXEMPTIONS = Art34Exemption.values();

    private static final Band[] BANDS = Band.values();
    private static final ContactChannel[] CHANNELS = ContactChannel.values();
    private static final StaffType[] STAFF_TYPES = StaffType.values();
    private static final NoticeKind[] KINDS = NoticeKind.values();
    private static final NoticeState[] STATES = NoticeState.values();
    private static final S68Restriction[] RESTRICTIONS = S68Restriction.values();
    /** The hold byte: 0 none, 1 a hold, 2 a hold that is a DPA 2018 s.68(7) restriction (its ground follows). */
    private static final int HOLD_WITH_RESTRICTION = 2;

    /** Each writer thread's buffer for {@link #pack}: a record is encoded where it is written, not at commit. */
    private static final ThreadLocal<WriteBuffer> PACKING = ThreadLocal.withInitial(() -> new WriteBuffer(1024));

    private final String incidentId;
    private final StringTable strings;

    IncidentPersonCodec(String incidentId, StringTable strings) {
        this.incidentId = incidentId;
        this.strings = strings;
    }

    /** Reads one string field: by number or inline (format 3), or always inline (format 2); also notice ids. */
    private interface StringField {
        String read(ByteBuffer buff);
    }

    /**
     * Adds the strings of every field this type may write by number to the table: the record's writer
     * calls it before the record is put (see {@link StringTable}). Pay numbers, the unique part of notice
     * ids and claim tokens stay inline: a token is new with every release round, and a new string costs
     * a commit before it is written by number.
     */
    static void addStrings(IncidentPerson p, StringTable table) {
        table.add(p.force());
        p.assessment().reasons().forEach(table::add);
        for (ManifestExposure m : p.manifests()) {
            table.add(m.caseId());
            table.add(m.echoedRank());
            table.add(m.echoedVettingLevel());
        }
        String own = noticePrefix(p);
        for (PersonNotice n : p.notices()) {
            table.add(suffix(n.noticeId(), own));
            table.add(n.templateId());
            table.add(n.caseId());
            for (NoticeApproval yes : n.approvals()) {
                table.add(yes.approvalId());
                table.add(yes.approverKey());
                table.add(yes.name());
                table.add(yes.identity());
            }
            table.add(suffix(n.withdrawnBy(), own));
        }
        p.changes().forEach(c -> table.add(c.caseId()));
        p.reviewNotes().forEach(table::add);
        if (p.hold() != null) {
            table.add(p.hold().by());
            table.add(p.hold().identity());
            table.add(p.hold().reason());
        }
    }

    /** What every notice id of this person starts with ({@code PersonNotice.id}): kept out of the record. */
    private static String noticePrefix(IncidentPerson p) {
        return p.incidentId() + "-notice-" + p.payNumber() + "-";
    }

    /** The part of a notice id after the person's own prefix ("initial-HIGH"), or the whole id if it has none. */
    private static String suffix(String noticeId, String prefix) {
        return noticeId != null && noticeId.startsWith(prefix) ? noticeId.substring(prefix.length()) : noticeId;
    }

    /** A notice id as a byte (1: the person's prefix is left out) and its rest by number. */
    private void putNoticeId(WriteBuffer buff, String noticeId, String prefix) {
        boolean own = noticeId != null && noticeId.startsWith(prefix);
        buff.put((byte) (own ? 1 : 0));
        strings.put(buff, own ? noticeId.substring(prefix.length()) : noticeId);
    }

    private String getNoticeId(ByteBuffer buff, String prefix) {
        boolean own = buff.get() != 0;
        String rest = strings.get(buff);
        return own ? prefix + rest : rest;
    }

    /**
     * The record as the log keeps it ({@link PackedPerson}). Its strings are written by number or inline as
     * {@link StringTable#put} decides now; since the table's entries only ever become durable, a number
     * written now names an entry already on disk whenever the record reaches it.
     */
    PackedPerson pack(IncidentPerson p) {
        WriteBuffer buff = PACKING.get().clear();
        write(buff, p);
        ByteBuffer written = buff.getBuffer();
        byte[] bytes = new byte[written.position()];
        written.get(0, bytes);
        return new PackedPerson(bytes);
    }

    IncidentPerson unpack(PackedPerson packed) {
        return read(ByteBuffer.wrap(packed.bytes()));
    }

    void write(WriteBuffer buff, IncidentPerson p) {
        Assessment a = p.assessment();
        buff.put(FORMAT).put((byte) ((p.matched() ? MATCHED : 0) | (a.cb() != null ? HAS_CB : 0)
                | (a.exempt() ? HAS_EXEMPTION : 0)));
        Bin.putString(buff, p.payNumber());
        String own = noticePrefix(p);
        Bin.putEnum(buff, p.staffType());
        strings.put(buff, p.force());
        buff.putVarInt(Categories.mask(p.exposed()));
        writeAssessment(buff, a, strings);
        buff.putVarInt(p.manifests().size());
        for (ManifestExposure m : p.manifests()) {
            strings.put(buff, m.caseId());
            buff.putVarInt(Categories.mask(m.categories()));
            strings.put(buff, m.echoedRank());
            strings.put(buff, m.echoedVettingLevel());
            Bin.putEnum(buff, m.band());
            buff.put((byte) (m.matched() ? 1 : 0));
        }
        buff.putVarInt(p.notices().size());
        for (PersonNotice n : p.notices()) {
            putNoticeId(buff, n.noticeId(), own);
            Bin.putEnum(buff, n.kind());
            Bin.putEnum(buff, n.band());
            Bin.putEnum(buff, n.channel());
            strings.put(buff, n.templateId());
            buff.put((byte) (n.art34() ? 1 : 0));
            strings.put(buff, n.caseId());
            buff.putVarLong(n.batchNo());
            Bin.putInstant(buff, n.plannedAt());
            Bin.putEnum(buff, n.state());
            buff.putVarInt(n.approvalsNeeded());
            buff.putVarInt(n.approvals().size());
            for (NoticeApproval yes : n.approvals()) {
                strings.put(buff, yes.approvalId());
                strings.put(buff, yes.approverKey());
                strings.put(buff, yes.name());
                strings.put(buff, yes.identity());
                Bin.putInstant(buff, yes.at());
            }
            Bin.putInstant(buff, n.releasedAt());
            strings.put(buff, n.claimedBy());
            Bin.putInstant(buff, n.claimedAt());
            Bin.putInstant(buff, n.publishedAt());
            putNoticeId(buff, n.withdrawnBy(), own);
        }
        buff.putVarInt(p.changes().size());
        for (PersonChange c : p.changes()) {
            strings.put(buff, c.caseId());
            buff.putVarLong(c.batchNo());
            putFigure(buff, c.before());
            putFigure(buff, c.after());
            putCaseFigure(buff, c.caseBefore());
            putCaseFigure(buff, c.caseAfter());
        }
        buff.putVarInt(p.reviewNotes().size());
        for (String note : p.reviewNotes()) {
            strings.put(buff, note);
        }
        Hold hold = p.hold();
        buff.put((byte) (hold == null ? 0 : hold.restriction() != null ? HOLD_WITH_RESTRICTION : 1));
        if (hold != null) {
            strings.put(buff, hold.by());
            strings.put(buff, hold.identity());
            strings.put(buff, hold.reason());
            Bin.putInstant(buff, hold.at());
            if (hold.restriction() != null) {
                Bin.putEnum(buff, hold.restriction());
            }
        }
        buff.putVarInt(p.version());
    }

    /** The record's format byte, refused unless this version reads it. */
    private static byte format(ByteBuffer buff) {
        byte format = buff.get();
        if (format != FORMAT && format != INLINE_STRINGS_FORMAT) {
            throw new IllegalStateException("stored incident person has format " + format + ", this version reads "
                    + INLINE_STRINGS_FORMAT + " and " + FORMAT);
        }
        return format;
    }

    IncidentPerson read(ByteBuffer buff) {
        byte format = format(buff);
        StringField field = format == FORMAT ? strings::get : Bin::getString;
        int flags = buff.get();
        String payNumber = Bin.getString(buff);
        String own = incidentId + "-notice-" + payNumber + "-";
        StringField noticeId = format == FORMAT ? b -> getNoticeId(b, own) : Bin::getString;
        StaffType staffType = Bin.getEnum(buff, STAFF_TYPES);
        String force = field.read(buff);
        var exposed = Categories.ofMask(DataUtils.readVarInt(buff));
        Assessment assessment = readAssessment(buff, field, (flags & HAS_CB) != 0, (flags & HAS_EXEMPTION) != 0);
        int manifestCount = DataUtils.readVarInt(buff);
        List<ManifestExposure> manifests = new ArrayList<>(manifestCount);
        for (int i = 0; i < manifestCount; i++) {
            manifests.add(new ManifestExposure(field.read(buff), Categories.ofMask(DataUtils.readVarInt(buff)),
                    field.read(buff), field.read(buff), Bin.getEnum(buff, BANDS), buff.get() != 0));
        }
        int noticeCount = DataUtils.readVarInt(buff);
        List<PersonNotice> notices = new ArrayList<>(noticeCount);
        for (int i = 0; i < noticeCount; i++) {
            notices.add(readNotice(buff, field, noticeId));
        }
        int changeCount = DataUtils.readVarInt(buff);
        List<PersonChange> changes = new ArrayList<>(changeCount);
        // Figures do not store the subject type: the person's key says it (PersonKeys), and it never changes.
        SubjectType subjectType = PersonKeys.subjectType(payNumber);
        for (int i = 0; i < changeCount; i++) {
            changes.add(new PersonChange(field.read(buff), DataUtils.readVarLong(buff), getFigure(buff, subjectType),
                    getFigure(buff, subjectType), getCaseFigure(buff, subjectType), getCaseFigure(buff, subjectType)));
        }
        int noteCount = DataUtils.readVarInt(buff);
        List<String> notes = new ArrayList<>(noteCount);
        for (int i = 0; i < noteCount; i++) {
            notes.add(field.read(buff));
        }
        int holdTag = buff.get();
        Hold hold = holdTag == 0 ? null
                : new Hold(field.read(buff), field.read(buff), field.read(buff), Bin.getInstant(buff),
                        holdTag == HOLD_WITH_RESTRICTION ? Bin.getEnum(buff, RESTRICTIONS) : null);
        int version = DataUtils.readVarInt(buff);
        return new IncidentPerson(incidentId, payNumber, (flags & MATCHED) != 0, staffType, force, exposed, assessment,
                manifests, notices, changes, notes, hold, version);
    }

    /** Moves past one string field, as {@link StringField} reads it, without making the string. */
    private interface StringSkip {
        void skip(ByteBuffer buff);
    }

    /**
     * Moves past one record without building it: the field walk of {@link #read}, each string, list and
     * object passed over. It is what finding a record's end costs when a page of them is read from disk
     * ({@link PackedPersonType}); decoding them all was a sixth of a million-row run's samples. The two
     * walks are kept in step by a test that skips records of every shape {@link #write} makes.
     */
    void skip(ByteBuffer buff) {
        byte format = format(buff);
        StringSkip field = format == FORMAT ? StringTable::skip : Bin::skipString;
        StringSkip noticeId = format == FORMAT ? b -> {
            b.get();
            StringTable.skip(b);
        } : Bin::skipString;
        int flags = buff.get();
        Bin.skipString(buff); // pay number
        DataUtils.readVarInt(buff); // staff type
        field.skip(buff); // force
        DataUtils.readVarInt(buff); // exposed
        skipAssessment(buff, field, (flags & HAS_CB) != 0, (flags & HAS_EXEMPTION) != 0);
        for (int i = DataUtils.readVarInt(buff); i > 0; i--) { // manifests
            field.skip(buff);
            DataUtils.readVarInt(buff);
            field.skip(buff);
            field.skip(buff);
            DataUtils.readVarInt(buff);
            buff.get();
        }
        for (int i = DataUtils.readVarInt(buff); i > 0; i--) {
            skipNotice(buff, field, noticeId);
        }
        for (int i = DataUtils.readVarInt(buff); i > 0; i--) { // changes
            field.skip(buff);
            DataUtils.readVarLong(buff);
            skipFigure(buff);
            skipFigure(buff);
            skipCaseFigure(buff);
            skipCaseFigure(buff);
        }
        for (int i = DataUtils.readVarInt(buff); i > 0; i--) { // review notes
            field.skip(buff);
        }
        int holdTag = buff.get();
        if (holdTag != 0) {
            field.skip(buff);
            field.skip(buff);
            field.skip(buff);
            Bin.skipInstant(buff);
            if (holdTag == HOLD_WITH_RESTRICTION) {
                DataUtils.readVarInt(buff);
            }
        }
        DataUtils.readVarInt(buff); // version
    }

    private static void skipNotice(ByteBuffer buff, StringSkip field, StringSkip noticeId) {
        noticeId.skip(buff);
        DataUtils.readVarInt(buff); // kind
        DataUtils.readVarInt(buff); // band
        DataUtils.readVarInt(buff); // channel
        field.skip(buff); // template
        buff.get(); // art34
        field.skip(buff); // case
        DataUtils.readVarLong(buff); // batch
        Bin.skipInstant(buff); // planned
        DataUtils.readVarInt(buff); // state
        DataUtils.readVarInt(buff); // approvals needed
        for (int i = DataUtils.readVarInt(buff); i > 0; i--) {
            field.skip(buff);
            field.skip(buff);
            field.skip(buff);
            field.skip(buff);
            Bin.skipInstant(buff);
        }
        Bin.skipInstant(buff); // released
        field.skip(buff); // claimed by
        Bin.skipInstant(buff); // claimed
        Bin.skipInstant(buff); // published
        noticeId.skip(buff); // withdrawn by
    }

    private static void skipAssessment(ByteBuffer buff, StringSkip field, boolean hasCb, boolean hasExemption) {
        buff.position(buff.position() + (hasCb ? 7 : 3) * Double.BYTES); // dpc, ei, [cb's four], score
        DataUtils.readVarInt(buff); // band
        for (int i = DataUtils.readVarInt(buff); i > 0; i--) {
            field.skip(buff);
        }
        if (hasExemption) {
            DataUtils.readVarInt(buff);
        }
    }

    private static void skipFigure(ByteBuffer buff) {
        if (buff.get() != 0) {
            DataUtils.readVarInt(buff);
            DataUtils.readVarInt(buff);
            DataUtils.readVarInt(buff);
        }
    }

    private static void skipCaseFigure(ByteBuffer buff) {
        if (buff.get() != 0) {
            DataUtils.readVarInt(buff);
        }
    }

    private static PersonNotice readNotice(ByteBuffer buff, StringField field, StringField noticeIds) {
        String noticeId = noticeIds.read(buff);
        NoticeKind kind = Bin.getEnum(buff, KINDS);
        Band band = Bin.getEnum(buff, BANDS);
        ContactChannel channel = Bin.getEnum(buff, CHANNELS);
        String templateId = field.read(buff);
        boolean art34 = buff.get() != 0;
        String caseId = field.read(buff);
        long batchNo = DataUtils.readVarLong(buff);
        Instant plannedAt = Bin.getInstant(buff);
        NoticeState state = Bin.getEnum(buff, STATES);
        int approvalsNeeded = DataUtils.readVarInt(buff);
        int approvalCount = DataUtils.readVarInt(buff);
        List<NoticeApproval> approvals = new ArrayList<>(approvalCount);
        for (int i = 0; i < approvalCount; i++) {
            approvals.add(new NoticeApproval(field.read(buff), field.read(buff), field.read(buff),
                    field.read(buff), Bin.getInstant(buff)));
        }
        return new PersonNotice(noticeId, kind, band, channel, templateId, art34, caseId, batchNo, plannedAt, state,
                approvalsNeeded, approvals, Bin.getInstant(buff), field.read(buff), Bin.getInstant(buff),
                Bin.getInstant(buff), noticeIds.read(buff));
    }

    private static void writeAssessment(WriteBuffer buff, Assessment a, StringTable strings) {
        buff.putDouble(a.dpc()).putDouble(a.ei());
        CircumstancesOfBreach cb = a.cb();
        if (cb != null) {
            buff.putDouble(cb.confidentiality()).putDouble(cb.integrity()).putDouble(cb.availability())
                    .putDouble(cb.malicious());
        }
        buff.putDouble(a.score());
        Bin.putEnum(buff, a.band());
        buff.putVarInt(a.reasons().size());
        for (String reason : a.reasons()) {
            strings.put(buff, reason);
        }
        if (a.exempt()) {
            Bin.putEnum(buff, a.art34Exemption());
        }
    }

    private static Assessment readAssessment(ByteBuffer buff, StringField field, boolean hasCb, boolean hasExemption) {
        double dpc = buff.getDouble();
        double ei = buff.getDouble();
        CircumstancesOfBreach cb = hasCb
                ? new CircumstancesOfBreach(buff.getDouble(), buff.getDouble(), buff.getDouble(), buff.getDouble()) : null;
        double score = buff.getDouble();
        Band band = Bin.getEnum(buff, BANDS);
        int count = DataUtils.readVarInt(buff);
        List<String> reasons = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            reasons.add(field.read(buff));
        }
        Art34Exemption exemption = hasExemption ? Bin.getEnum(buff, EXEMPTIONS) : Art34Exemption.NONE;
        return new Assessment(dpc, ei, cb, score, band, reasons, exemption);
    }

    /** A present/absent byte, then the figure. */
    private static void putFigure(WriteBuffer buff, PersonFigure f) {
        if (f == null) {
            buff.put((byte) 0);
            return;
        }
        buff.put((byte) (f.matched() ? 2 : 1));
        Bin.putEnum(buff, f.band());
        Bin.putEnum(buff, f.staffType());
        buff.putVarInt(f.categories());
    }

    private static PersonFigure getFigure(ByteBuffer buff, SubjectType subjectType) {
        int tag = buff.get();
        if (tag == 0) {
            return null;
        }
        return new PersonFigure(Bin.getEnum(buff, BANDS), tag == 2, Bin.getEnum(buff, STAFF_TYPES), DataUtils.readVarInt(buff),
                subjectType);
    }

    private static void putCaseFigure(WriteBuffer buff, CaseFigure f) {
        buff.put((byte) (f == null ? 0 : f.matched() ? 2 : 1));
        if (f != null) {
            Bin.putEnum(buff, f.band());
        }
    }

    private static CaseFigure getCaseFigure(ByteBuffer buff, SubjectType subjectType) {
        int tag = buff.get();
        return tag == 0 ? null : new CaseFigure(Bin.getEnum(buff, BANDS), tag == 2, subjectType);
    }
}
