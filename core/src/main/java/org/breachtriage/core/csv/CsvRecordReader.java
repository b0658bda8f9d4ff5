package org.breachtriage.core.csv;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A hand-written RFC 4180 tokenizer: one record per {@link #next()}.
 *
 * <p>What it accepts: a leading byte-order mark (dropped); CRLF, LF and lone CR line endings, mixed
 * freely; quoted fields holding delimiters, doubled quotes and line breaks (kept as written). It is
 * lenient where real exports are sloppy: a quote inside an unquoted field, or text after a closing
 * quote, is kept as literal text rather than failing the record.
 *
 * <p>Bounded memory, whatever the input: a record is flagged with a {@link Problem} instead of being
 * buffered when a field passes {@link #MAX_FIELD_CHARS}, the record passes {@link #MAX_RECORD_CHARS}
 * or it has more than {@link #MAX_FIELDS} fields; the rest of that record is then read and dropped
 * (still following the quoting, so the next record starts in the right place). The caller rejects
 * flagged records. A quote left open at end of input flags the last record
 * {@link Problem#UNTERMINATED_QUOTE}.
 *
 * <p>Input that is not text at all (a NUL character, or invalid UTF-8 reported by the underlying
 * reader as a {@link CharacterCodingException}) throws {@link MalformedTextException} naming the
 * source and line: such a file is binary, and no row of it can be trusted.
 *
 * <p>Speed: characters are scanned in runs against a lookup table and copied into one reusable
 * record buffer; a field becomes a {@code String} only when {@link #field(int)} asks for it.
 */
public final class CsvRecordReader implements Closeable {
    /** Longest field kept; a longer one flags the record instead of being buffered. */
    public static final int MAX_FIELD_CHARS = 65_536;
    /** Most characters kept for one record, all fields together. */
    public static final int MAX_RECORD_CHARS = 1_048_576;
    /** Most fields kept for one record. */
    public static final int MAX_FIELDS = 4_096;

    private static final int BUFFER_CHARS = 64 * 1024;

    /** Why a record could not be read whole. Anything but {@code NONE} means: reject the record. */
    public enum Problem {
        NONE(""),
        FIELD_TOO_LONG("field too long: a field has more than " + String.format("%,d", MAX_FIELD_CHARS) + " characters"),
        RECORD_TOO_LONG("record too long: more than " + String.format("%,d", MAX_RECORD_CHARS) + " characters"),
        TOO_MANY_FIELDS("too many fields: more than " + String.format("%,d", MAX_FIELDS)),
        UNTERMINATED_QUOTE("unterminated quoted field: the closing quote is missing before the end of the file");

        private final String description;

        Problem(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    private enum FieldEnd { DELIMITER, END_OF_LINE, END_OF_INPUT }

    private final TextInput text;
    private final char delimiter;
    /** Characters that stop a run in an unquoted field: delimiter, quote, CR, LF, NUL. */
    private final boolean[] stopsUnquoted = new boolean[128];

    private final char[] buffer = new char[BUFFER_CHARS];
    private int position;
    private int limit;

    private char[] record = new char[1024];
    private int recordLength;
    private int[] fieldStarts = new int[32];
    private int[] fieldEnds = new int[32];
    private int fieldCount;
    private int currentFieldStart;
    /** The field being read is being kept (no problem had flagged the record when it started). */
    private boolean fieldOpen;
    private boolean anyFieldQuoted;
    private Problem problem = Problem.NONE;

    /** Physical line of the next character to read, 1-based. */
    private long line = 1;
    private long recordStartLine;
    private long recordNumber;
    /** Inside quotes: the last character kept was a CR, so a following LF ends the same line. */
    private boolean quotedCrPending;

    public CsvRecordReader(Reader in, String source, char delimiter) {
        if (delimiter >= 128 || delimiter == '"' || delimiter == '\r' || delimiter == '\n' || delimiter == '\0') {
            throw new IllegalArgumentException("delimiter must be ASCII and not a quote, a line break or NUL");
        }
        this.text = new TextInput(in, source);
        this.delimiter = delimiter;
        stopsUnquoted['"'] = true;
        stopsUnquoted['\r'] = true;
        stopsUnquoted['\n'] = true;
        stopsUnquoted['\0'] = true;
        stopsUnquoted[delimiter] = true;
    }

    /** Comma-separated UTF-8 from a byte stream, refusing invalid UTF-8. */
    public static CsvRecordReader utf8(InputStream in, String source) {
        return new CsvRecordReader(new StrictUtf8Reader(in), source, ',');
    }

    /**
     * Reads the next record.
     *
     * @return false at end of input (no record)
     * @throws MalformedTextException when the input is not text
     */
    public boolean next() throws IOException {
        recordLength = 0;
        fieldCount = 0;
        anyFieldQuoted = false;
        problem = Problem.NONE;
        if (!ensureInput()) {
            return false;
        }
        recordNumber++;
        recordStartLine = line;
        while (true) {
            startField();
            FieldEnd end;
            if (ensureInput() && buffer[position] == '"') {
                position++;
                anyFieldQuoted = true;
                if (!readQuoted()) {
                    problem = Problem.UNTERMINATED_QUOTE;
                    endField();
                    return true;
                }
            }
            end = readUnquoted();
            endField();
            if (end != FieldEnd.DELIMITER) {
                return true;
            }
        }
    }

    /** Fields up to and including a closing quote; false when input ends inside the quotes. */
    private boolean readQuoted() throws IOException {
        quotedCrPending = false;
        while (true) {
            if (!ensureInput()) {
                return false;
            }
            int start = position;
            char c = 0;
            while (position < limit) {
                c = buffer[position];
                if (c == '"' || c == '\n' || c == '\r' || c == '\0') {
                    break;
                }
                position++;
            }
            if (position > start) {
                append(buffer, start, position - start);
                quotedCrPending = false;
            }
            if (position == limit) {
                continue;
            }
            position++;
            switch (c) {
                case '"' -> {
                    if (ensureInput() && buffer[position] == '"') {
                        position++;
                        append('"');
                        continue;
                    }
                    return true;
                }
                case '\n' -> {
                    if (!quotedCrPending) {
                        line++;
                    }
                    quotedCrPending = false;
                    append('\n');
                }
                case '\r' -> {
                    line++;
                    quotedCrPending = true;
                    append('\r');
                }
                default -> throw binary();
            }
        }
    }

    /** An unquoted field, or what follows a closing quote, up to a delimiter or line end. */
    private FieldEnd readUnquoted() throws IOException {
        while (true) {
            if (!ensureInput()) {
                return FieldEnd.END_OF_INPUT;
            }
            int start = position;
            while (position < limit) {
                char c = buffer[position];
                if (c < 128 && stopsUnquoted[c]) {
                    break;
                }
                position++;
            }
            append(buffer, start, position - start);
            if (position == limit) {
                continue;
            }
            char c = buffer[position++];
            if (c == delimiter) {
                return FieldEnd.DELIMITER;
            }
            switch (c) {
                case '\n' -> {
                    line++;
                    return FieldEnd.END_OF_LINE;
                }
                case '\r' -> {
                    line++;
                    if (ensureInput() && buffer[position] == '\n') {
                        position++;
                    }
                    return FieldEnd.END_OF_LINE;
                }
                case '"' -> append('"'); // a stray quote mid-field is kept as text
                default -> throw binary();
            }
        }
    }

    private void startField() {
        fieldOpen = false;
        if (problem != Problem.NONE) {
            return;
        }
        if (fieldCount == MAX_FIELDS) {
            problem = Problem.TOO_MANY_FIELDS;
            return;
        }
        currentFieldStart = recordLength;
        fieldOpen = true;
    }

    /** Records the field's bounds; a field cut short by a problem keeps what was read of it. */
    private void endField() {
        if (!fieldOpen) {
            return;
        }
        fieldOpen = false;
        if (fieldCount == fieldStarts.length) {
            int grown = Math.min(fieldCount * 2, MAX_FIELDS);
            fieldStarts = Arrays.copyOf(fieldStarts, grown);
            fieldEnds = Arrays.copyOf(fieldEnds, grown);
        }
        fieldStarts[fieldCount] = currentFieldStart;
        fieldEnds[fieldCount] = recordLength;
        fieldCount++;
    }

    private void append(char c) {
        if (problem != Problem.NONE || !roomFor(1)) {
            return;
        }
        record[recordLength++] = c;
    }

    private void append(char[] source, int offset, int length) {
        if (length == 0 || problem != Problem.NONE || !roomFor(length)) {
            return;
        }
        System.arraycopy(source, offset, record, recordLength, length);
        recordLength += length;
    }

    /** Makes room or, past a limit, flags the record so nothing more of it is kept. */
    private boolean roomFor(int length) {
        if (recordLength - currentFieldStart + length > MAX_FIELD_CHARS) {
            problem = Problem.FIELD_TOO_LONG;
            return false;
        }
        int needed = recordLength + length;
        if (needed > MAX_RECORD_CHARS) {
            problem = Problem.RECORD_TOO_LONG;
            return false;
        }
        if (needed > record.length) {
            record = Arrays.copyOf(record, Math.min(Math.max(needed, record.length * 2), MAX_RECORD_CHARS));
        }
        return true;
    }

    private boolean ensureInput() throws IOException {
        return position < limit || fill();
    }

    private boolean fill() throws IOException {
        int n = text.read(buffer, line);
        if (n < 0) {
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }

    private MalformedTextException binary() {
        return text.nulCharacter(line);
    }

    /** Fields in the current record; for a flagged record, those read before the problem. */
    public int fieldCount() {
        return fieldCount;
    }

    /** Field {@code index} of the current record, or null when the record is shorter. */
    public String field(int index) {
        if (index < 0 || index >= fieldCount) {
            return null;
        }
        return new String(record, fieldStarts[index], fieldEnds[index] - fieldStarts[index]);
    }

    /** All fields of the current record as a new list. */
    public List<String> fields() {
        List<String> fields = new ArrayList<>(fieldCount);
        for (int i = 0; i < fieldCount; i++) {
            fields.add(field(i));
        }
        return fields;
    }

    /** Why the current record is incomplete, or {@link Problem#NONE}. */
    public Problem problem() {
        return problem;
    }

    /**
     * True when the current record is an empty or whitespace-only line: one unquoted field holding
     * nothing but blanks. Readers skip these; they are not rows.
     */
    public boolean isBlankLine() {
        if (fieldCount != 1 || anyFieldQuoted || problem != Problem.NONE) {
            return false;
        }
        return TextInput.isBlank(record, fieldStarts[0], fieldEnds[0]);
    }

    /** 1-based count of records returned so far, blank lines included. */
    public long recordNumber() {
        return recordNumber;
    }

    /** Physical line on which the current record started, 1-based. */
    public long lineNumber() {
        return recordStartLine;
    }

    public String source() {
        return text.source();
    }

    @Override
    public void close() throws IOException {
        text.close();
    }
}
