package org.breachtriage.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Checks on paths given on the command line, so a typo gets a clear exit-3 line, not a stack trace. */
final class InputFiles {
    private InputFiles() {
    }

    static void requireReadableFile(Path path, String what) {
        if (!Files.exists(path)) {
            throw new InvalidInputException(what + " " + path + ": no such file");
        }
        if (Files.isDirectory(path)) {
            throw new InvalidInputException(what + " " + path + ": is a directory, expected a file");
        }
        if (!Files.isReadable(path)) {
            throw new InvalidInputException(what + " " + path + ": not readable");
        }
    }

    /** A file to write: its folder must exist (it is not created: a typo should not make a tree of folders). */
    static void requireFolderFor(Path path, String what) {
        Path folder = path.toAbsolutePath().normalize().getParent();
        if (folder != null && !Files.isDirectory(folder)) {
            throw new InvalidInputException(what + " " + path + ": the folder " + folder
                    + (Files.exists(folder) ? " is not a folder" : " does not exist"));
        }
        if (Files.isDirectory(path)) {
            throw new InvalidInputException(what + " " + path + ": is a folder, expected a file name");
        }
    }
}
