package org.breachtriage.embedded;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.breachtriage.core.model.Band;
import org.breachtriage.core.model.Categories;
import org.breachtriage.core.model.ContactChannel;
import org.breachtriage.core.model.StaffType;
import org.breachtriage.core.scoring.Assessment;
import org.breachtriage.core.scoring.CircumstancesOfBreach;
import org.breachtriage.core.scoring.NoticeDecision;
import org.breachtriage.core.scoring.PersonResult;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * Compact binary form of a {@link PersonResult}: a run writes one per person, so JSON with field
 * names would multiply the file size. Each case has its own results map, so the case id is a
 * property of this type rather than being repeated in a million values.
 */
final class PersonResultType extends BasicDataType<PersonResult> {
    private static final byte FORMAT = 1;
    private static final int MATCHED = 1;
    private static final int NOTICE_SENT = 1 << 1;
    private static final int HAS_ASSESSMENT = 1 << 2;
    private static final int HAS_CB = 1 << 3;
    private static final int HAS_NOTICE = 1 << 4;
    private static final int NOTICE_REQUIRED = 1 << 5;

    private static final Band[] BANDS = Band.values();
    private static final ContactChannel[] CHANNELS = ContactChannel.values();
    private static final StaffType[] STAFF_TYPES = StaffType.values();

    private final String caseId;

    PersonResultType(String caseId) {
        this.caseId = caseId;
    }

    @Override
    public void write(WriteBuffer buff, PersonResult r) {
        Assessment a = r.assessment();
        NoticeDecision n = r.notice();
        int flags = (r.matched() ? MATCHED : 0)
                | (r.noticeSent() ? NOTICE_SENT : 0)
                | (a != null ? HAS_ASSESSMENT : 0)
                | (a != null && a.cb() != null ? HAS_CB : 0)
                | (n != null ? HAS_NOTICE : 0)
                | (n != null && n.required() ? NOTICE_REQUIRED : 0);
        buff.put(FORMAT).put((byte) flags);
        Bin.putString(buff, r.payNumber());
        buff.putVarInt(Categories.mask(r.exposed()));
        if (a != null) {
            buff.putDouble(a.dpc()).putDouble(a.ei());
            CircumstancesOfBreach cb = a.cb();
            if (cb != null) {
                buff.putDouble(cb.confidentiality()).putDouble(cb.integrity())
                        .putDouble(cb.availability()).putDouble(cb.malicious());
            }
            buff.putDouble(a.score());
            Bin.putEnum(buff, a.band());
            buff.putVarInt(a.reasons().size());
            for (String reason : a.reasons()) {
                Bin.putString(buff, reason);
            }
        }
        if (n != null) {
            Bin.putEnum(buff, n.channel());
            Bin.putString(buff, n.templateId());
            Bin.putString(buff, n.reason());
        }
        Bin.putEnum(buff, r.staffType());
        Bin.putString(buff, r.force());
        buff.putVarLong(r.batchNo());
        buff.putVarInt(r.version());
    }

    @Override
    public PersonResult read(ByteBuffer buff) {
        Bin.checkFormat(buff, FORMAT, "person result");
        int flags = buff.get();
        String payNumber = Bin.getString(buff);
        var exposed = Categories.fromMask(DataUtils.readVarInt(buff));
        Assessment assessment = null;
        if ((flags & HAS_ASSESSMENT) != 0) {
            double dpc = buff.getDouble();
            double ei = buff.getDouble();
            CircumstancesOfBreach cb = (flags & HAS_CB) == 0 ? null
                    : new CircumstancesOfBreach(buff.getDouble(), buff.getDouble(), buff.getDouble(), buff.getDouble());
            double score = buff.getDouble();
            Band band = Bin.getEnum(buff, BANDS);
            int count = DataUtils.readVarInt(buff);
            List<String> reasons = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                reasons.add(Bin.getString(buff));
            }
            assessment = new Assessment(dpc, ei, cb, score, band, reasons);
        }
        NoticeDecision notice = null;
        if ((flags & HAS_NOTICE) != 0) {
            notice = new NoticeDecision((flags & NOTICE_REQUIRED) != 0, Bin.getEnum(buff, CHANNELS),
                    Bin.getString(buff), Bin.getString(buff));
        }
        StaffType staffType = Bin.getEnum(buff, STAFF_TYPES);
        String force = Bin.getString(buff);
        long batchNo = DataUtils.readVarLong(buff);
        int version = DataUtils.readVarInt(buff);
        return new PersonResult(caseId, payNumber, (flags & MATCHED) != 0, exposed, assessment, notice, staffType,
                force, batchNo, (flags & NOTICE_SENT) != 0, version);
    }

    @Override
    public int getMemory(PersonResult r) {
        int memory = 200 + Bin.memory(r.payNumber()) + Bin.memory(r.force());
        if (r.assessment() != null) {
            memory += 120;
            for (String reason : r.assessment().reasons()) {
                memory += Bin.memory(reason);
            }
        }
        if (r.notice() != null) {
            memory += 40 + Bin.memory(r.notice().templateId()) + Bin.memory(r.notice().reason());
        }
        return memory;
    }

    @Override
    public PersonResult[] createStorage(int size) {
        return new PersonResult[size];
    }
}
