import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Prints PIT's scores from the mutations.xml files that bin/mutation leaves under each module's
 * target/pit-reports/, per module and per package, the way the targets are stated: killed as a share
 * of all mutants, and of the mutants some test covered. A mutant counts as killed when PIT detected it
 * (KILLED, TIMED_OUT, MEMORY_ERROR), as PIT's own score does.
 *
 * <pre>java bin/MutationSummary.java MODULE_DIR... [--survivors PACKAGE_PREFIX]</pre>
 */
public final class MutationSummary {

    record Tally(int total, int killed, int uncovered) {
        Tally plus(boolean detected, boolean covered) {
            return new Tally(total + 1, killed + (detected ? 1 : 0), uncovered + (covered ? 0 : 1));
        }

        String line(String name) {
            int covered = total - uncovered;
            return String.format("%-40s %6d mutants %6d killed %5.1f%% of all %5.1f%% of covered (%d not covered)",
                    name, total, killed, percent(killed, total), percent(killed, covered), uncovered);
        }

        private static double percent(int part, int whole) {
            return whole == 0 ? 100 : 100.0 * part / whole;
        }
    }

    public static void main(String[] args) throws Exception {
        List<Path> modules = new ArrayList<>();
        String survivorsOf = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--survivors")) {
                survivorsOf = args[++i];
            } else {
                modules.add(Path.of(args[i]));
            }
        }
        for (Path module : modules) {
            Path xml = module.resolve("target/pit-reports/mutations.xml");
            if (!Files.exists(xml)) {
                System.out.println(module + ": no " + xml + " (was it measured?)");
                continue;
            }
            NodeList mutations = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile())
                    .getElementsByTagName("mutation");
            Tally all = new Tally(0, 0, 0);
            Map<String, Tally> byPackage = new TreeMap<>();
            List<String> survivors = new ArrayList<>();
            for (int i = 0; i < mutations.getLength(); i++) {
                Element m = (Element) mutations.item(i);
                String status = m.getAttribute("status");
                boolean detected = Boolean.parseBoolean(m.getAttribute("detected"));
                boolean covered = !status.equals("NO_COVERAGE");
                String mutatedClass = text(m, "mutatedClass");
                String pkg = mutatedClass.substring(0, mutatedClass.lastIndexOf('.'));
                all = all.plus(detected, covered);
                byPackage.merge(pkg, new Tally(0, 0, 0).plus(detected, covered),
                        (a, b) -> new Tally(a.total + b.total, a.killed + b.killed, a.uncovered + b.uncovered));
                if (!detected && survivorsOf != null && mutatedClass.startsWith(survivorsOf)) {
                    survivors.add(String.format("  %-9s %s:%s %s.%s: %s", status, text(m, "sourceFile"),
                            text(m, "lineNumber"), mutatedClass.substring(mutatedClass.lastIndexOf('.') + 1),
                            text(m, "mutatedMethod"), text(m, "description")));
                }
            }
            System.out.println(all.line(module.getFileName() + " (all)"));
            byPackage.forEach((pkg, tally) -> System.out.println(tally.line("  " + pkg)));
            survivors.stream().sorted().forEach(System.out::println);
        }
    }

    private static String text(Element parent, String tag) {
        return parent.getElementsByTagName(tag).item(0).getTextContent();
    }
}
