package org.fedgate.gateway.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.fedgate.model.error.FedgateException;
import org.fedgate.model.error.GatewayError;

/**
 * Reads a {@link GatewayConfig} from YAML. Unknown keys are refused (a typo must not silently fall
 * back to a default), {@code ${NAME}} and {@code ${NAME:-default}} are replaced from the
 * environment (so that passwords need not sit in the file), and relative paths are resolved against
 * the file's directory. Errors name the key, never its value.
 */
public final class GatewayConfigLoader {

  private static final Pattern VARIABLE =
      Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(:-([^}]*))?}");

  private final Function<String, String> environment;

  public GatewayConfigLoader() {
    this(System::getenv);
  }

  public GatewayConfigLoader(Function<String, String> environment) {
    this.environment = environment;
  }

  /** Loads and validates the configuration file. */
  public GatewayConfig load(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new FedgateException(GatewayError.CONFIG_INVALID, "configuration file not found");
    } catch (IOException e) {
      throw new FedgateException(GatewayError.CONFIG_INVALID, "configuration file unreadable");
    }
    Path base = file.toAbsolutePath().getParent();
    return parse(text, base);
  }

  /** Parses YAML text; relative paths resolve against {@code base}. */
  public GatewayConfig parse(String yaml, Path base) {
    String substituted = substitute(yaml);
    ObjectMapper mapper = mapper(base);
    GatewayConfig config;
    try {
      config = mapper.readValue(substituted, GatewayConfig.class);
    } catch (JsonMappingException e) {
      throw new FedgateException(
          GatewayError.CONFIG_INVALID, "invalid or unknown key at " + location(e), null);
    } catch (JsonProcessingException e) {
      throw new FedgateException(
          GatewayError.CONFIG_INVALID,
          "not valid YAML near line "
              + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()));
    }
    if (config == null) {
      throw new FedgateException(GatewayError.CONFIG_INVALID, "empty configuration");
    }
    validate(config);
    return config;
  }

  private static String location(JsonMappingException e) {
    String path =
        e.getPath().stream()
            .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
            .collect(Collectors.joining("."));
    return path.isEmpty() ? "(root)" : path;
  }

  private String substitute(String yaml) {
    Matcher m = VARIABLE.matcher(yaml);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = environment.apply(m.group(1));
      if (value == null) {
        value = m.group(3);
      }
      if (value == null) {
        throw new FedgateException(
            GatewayError.CONFIG_INVALID, "environment variable " + m.group(1) + " is not set");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static ObjectMapper mapper(Path base) {
    SimpleModule paths = new SimpleModule();
    paths.addDeserializer(
        Path.class,
        new JsonDeserializer<>() {
          @Override
          public Path deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            Path path = Path.of(p.getValueAsString());
            return path.isAbsolute() || base == null ? path : base.resolve(path).normalize();
          }
        });
    return new ObjectMapper(new YAMLFactory())
        .registerModule(new JavaTimeModule())
        .registerModule(paths)
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
        .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, false);
  }

  private static final Pattern METRIC_LABEL = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]{0,62}");

  /** Tag names the gateway's own meters use; a common tag must not shadow them. */
  private static final java.util.Set<String> RESERVED_LABELS =
      java.util.Set.of("agency", "partner", "direction", "outcome", "step", "code", "target");

  private static void validate(GatewayConfig c) {
    Map<String, Object> required = new java.util.LinkedHashMap<>();
    required.put("agency", c.agency());
    required.put("profile", c.profile());
    required.put("agencyApi", c.agencyApi());
    required.put("federationApi", c.federationApi());
    required.put("tls", c.tls());
    required.put("signing", c.signing());
    required.put("directory", c.directory());
    required.put("store", c.store());
    required.forEach(
        (key, value) -> {
          if (value == null) {
            throw new FedgateException(GatewayError.CONFIG_INVALID, "missing key " + key);
          }
        });
    if (c.store().url() == null || !c.store().url().startsWith("jdbc:")) {
      throw new FedgateException(GatewayError.CONFIG_INVALID, "store.url must be a JDBC URL");
    }
    if (c.directory().source() == null) {
      throw new FedgateException(GatewayError.CONFIG_INVALID, "missing key directory.source");
    }
    if (c.backend() != null
        && c.backend().type() != GatewayConfig.BackendType.INBOX
        && c.backend().url() == null) {
      throw new FedgateException(GatewayError.CONFIG_INVALID, "missing key backend.url");
    }
    if (c.agreements().pseudonymSecret() != null
        && c.agreements().pseudonymSecret().value() != null
        && c.agreements()
                .pseudonymSecret()
                .value()
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)
                .length
            < 32) {
      throw new FedgateException(
          GatewayError.CONFIG_INVALID, "agreements.pseudonymSecret needs at least 32 bytes");
    }
    if (!"/metrics".equals(c.metrics().path())) {
      // the scrape endpoint is a fixed JAX-RS path; refuse rather than silently serve elsewhere
      throw new FedgateException(
          GatewayError.CONFIG_INVALID, "metrics.path: only /metrics is supported in this version");
    }
    c.metrics()
        .commonTags()
        .forEach(
            (name, value) -> {
              if (!METRIC_LABEL.matcher(name).matches() || RESERVED_LABELS.contains(name)) {
                throw new FedgateException(
                    GatewayError.CONFIG_INVALID,
                    "metrics.commonTags: invalid or reserved tag name (letters, digits, _; not"
                        + " agency, partner, direction, outcome, step, code, target)");
              }
              if (value == null || value.isBlank() || value.length() > 64) {
                throw new FedgateException(
                    GatewayError.CONFIG_INVALID,
                    "metrics.commonTags: each tag needs a value of 1 to 64 characters");
              }
            });
    var d = c.delivery();
    if (d.claimLease().compareTo(d.maxBackoff().plus(d.requestTimeout())) <= 0) {
      throw new FedgateException(
          GatewayError.CONFIG_INVALID,
          "delivery.claimLease must be longer than delivery.maxBackoff + delivery.requestTimeout");
    }
    if (c.retention().sentEnvelopes().isNegative() || c.retention().sentEnvelopes().isZero()) {
      throw new FedgateException(
          GatewayError.CONFIG_INVALID, "retention.sentEnvelopes must be a positive duration");
    }
    if (c.store().groupCommitWait().isNegative()
        || c.store().groupCommitWait().compareTo(Duration.ofMillis(100)) > 0) {
      throw new FedgateException(
          GatewayError.CONFIG_INVALID, "store.groupCommitWait must be between PT0S and PT0.1S");
    }
    if (c.retention().idempotencyKeys().isNegative() || c.retention().idempotencyKeys().isZero()) {
      throw new FedgateException(
          GatewayError.CONFIG_INVALID, "retention.idempotencyKeys must be a positive duration");
    }
    if (c.instance() != null && !c.instance().matches("[A-Za-z0-9._:@-]{1,128}")) {
      throw new FedgateException(
          GatewayError.CONFIG_INVALID, "instance: 1 to 128 of letters, digits and . _ : @ -");
    }
    checkPort("agencyApi.port", c.agencyApi().port());
    checkPort("federationApi.port", c.federationApi().port());
    if (c.agencyApi().port() != 0 && c.agencyApi().port() == c.federationApi().port()) {
      throw new FedgateException(
          GatewayError.CONFIG_INVALID, "agencyApi.port and federationApi.port must differ");
    }
    if (c.federationApi().tls() != null) {
      throw new FedgateException(
          GatewayError.CONFIG_INVALID,
          "federationApi.tls is not a key: the federation API uses the top-level tls section");
    }
    if (c.agencyApi().tls() != null && c.agencyApi().tls().keystore() == null) {
      throw new FedgateException(GatewayError.CONFIG_INVALID, "missing key agencyApi.tls.keystore");
    }
  }

  private static void checkPort(String key, int port) {
    if (port < 0 || port > 65535) {
      throw new FedgateException(GatewayError.CONFIG_INVALID, key + " out of range");
    }
  }
}
