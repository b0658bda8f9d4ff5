package org.breachtriage.embedded;

/** A worker of an {@link InProcessBatchQueue} failed on a batch; thrown to the producer. */
public final class BatchProcessingException extends RuntimeException {
    private final String caseId;
    private final long batchNo;

    BatchProcessingException(String caseId, long batchNo, Throwable cause) {
        super("batch " + batchNo + " of case " + caseId + " failed: " + cause, cause);
        this.caseId = caseId;
        this.batchNo = batchNo;
    }

    public String caseId() {
        return caseId;
    }

    public long batchNo() {
        return batchNo;
    }
}
