package org.fedgate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.fedgate.mapping.NationalDocument;
import org.fedgate.mapping.TranslationResult;
import org.fedgate.mapping.Translator;
import org.fedgate.mapping.io.Limits;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code fedgate translate}: national document to canonical ACR ({@code --profile TH --to canonical
 * FILE}) or back ({@code --from canonical --profile ID FILE}). The result goes to stdout, the
 * unmapped report to stderr. Exit 0 on success, 2 with the FG code for invalid input.
 */
@Command(
    name = "translate",
    mixinStandardHelpOptions = true,
    description = {
      "Translate a record between a national profile (TH, KH, ID) and the canonical ACR model.",
      "The result is printed on stdout, the unmapped report (locations only) on stderr."
    })
public final class TranslateCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--profile",
      required = true,
      paramLabel = "ID",
      description = "National profile: TH, KH or ID.")
  String profile;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Direction direction;

  static final class Direction {
    @Option(
        names = "--to",
        paramLabel = "canonical",
        description = "Translate the national FILE to canonical (value must be 'canonical').")
    String to;

    @Option(
        names = "--from",
        paramLabel = "canonical",
        description = "Translate the canonical FILE to the national profile (value 'canonical').")
    String from;
  }

  @Option(
      names = "--max-bytes",
      paramLabel = "N",
      description = "Largest accepted input in bytes (default ${DEFAULT-VALUE}).")
  int maxBytes = Limits.DEFAULT_MAX_BYTES;

  @Parameters(index = "0", paramLabel = "FILE", description = "Input file, or - for stdin.")
  String file;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String dir = direction.to != null ? direction.to : direction.from;
    if (!"canonical".equals(dir)) {
      err.println("fedgate translate: --to and --from take the value 'canonical'");
      return 1;
    }
    byte[] input = read(file, maxBytes);
    if (input == null) {
      err.println("fedgate translate: cannot read the input file");
      return 1;
    }
    Translator translator =
        Translator.builder()
            .limits(new Limits(maxBytes, Limits.DEFAULT_MAX_DEPTH))
            .checkOutputs(true)
            .build();
    String pid = profile.toUpperCase(java.util.Locale.ROOT);
    if (direction.to != null) {
      TranslationResult r = translator.toCanonical(pid, input);
      out.print(new String(translator.writeJson(r.canonical()), StandardCharsets.UTF_8));
      out.println();
      out.flush();
      report(err, r.unmapped(), r.profileVersion(), r.mappingVersion());
    } else {
      JsonNode canonical = translator.parseCanonical(input);
      NationalDocument d = translator.fromCanonical(pid, canonical);
      out.print(new String(d.content(), StandardCharsets.UTF_8));
      out.println();
      out.flush();
      report(err, d.unmapped(), d.profileVersion(), d.mappingVersion());
    }
    return 0;
  }

  private static void report(PrintWriter err, List<String> unmapped, String prof, String map) {
    err.println("profile " + prof + ", mapping " + map);
    err.println("unmapped: " + unmapped.size());
    for (String u : unmapped) {
      err.println("  " + u);
    }
    err.flush();
  }

  /** Reads at most limit + 1 bytes, so an over-size input is refused without reading it all. */
  private static byte[] read(String file, int limit) throws IOException {
    try (InputStream in = "-".equals(file) ? System.in : Files.newInputStream(Path.of(file))) {
      return in.readNBytes(limit + 1);
    } catch (NoSuchFileException e) {
      return null;
    }
  }
}
