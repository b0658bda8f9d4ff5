package org.breachtriage.aws;

/**
 * A batch request kept leaving some entries unprocessed after every allowed retry. The message says
 * how many entries were left and never which ones (they may be pay numbers or personal messages).
 */
public class IncompleteBatchException extends RuntimeException {
    private final int entriesLeft;

    public IncompleteBatchException(String message, int entriesLeft) {
        super(message);
        this.entriesLeft = entriesLeft;
    }

    public int entriesLeft() {
        return entriesLeft;
    }
}
