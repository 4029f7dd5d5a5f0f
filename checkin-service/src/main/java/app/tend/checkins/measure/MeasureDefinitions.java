package app.tend.checkins.measure;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The measures partners answer: Tend's own definitions ({@code classpath:measures/*.json}) and any a
 * clinic adds at {@code tend.measures.extra-location}. Each is validated when loaded; a broken one
 * stops the service from starting rather than scoring anyone wrongly.
 */
@Component
public class MeasureDefinitions {

  /** The measure a clinic's schedule asks by default. */
  public static final String DEFAULT = "csi-4";

  private final Map<String, MeasureDefinition> byId = new LinkedHashMap<>();

  MeasureDefinitions(@Value("${tend.measures.extra-location:}") String extraLocation) throws IOException {
    var resolver = new PathMatchingResourcePatternResolver();
    var mapper = JsonMapper.builder().build();
    load(mapper, resolver.getResources("classpath:measures/*.json"));
    if (!extraLocation.isBlank()) {
      load(mapper, resolver.getResources(extraLocation));
    }
    if (!byId.containsKey(DEFAULT)) {
      throw new IllegalStateException("the default measure " + DEFAULT + " is not defined");
    }
  }

  private void load(JsonMapper mapper, Resource[] resources) throws IOException {
    for (Resource resource : resources) {
      try (InputStream in = resource.getInputStream()) {
        add(mapper.readValue(in, MeasureDefinition.class), resource.getDescription());
      }
    }
  }

  /** Adds a definition after validating it. */
  void add(MeasureDefinition definition, String from) {
    List<String> problems = definition.problems();
    if (!problems.isEmpty()) {
      throw new IllegalStateException("measure definition in " + from + " is not valid: " + String.join("; ", problems));
    }
    if (byId.putIfAbsent(definition.id(), definition) != null) {
      throw new IllegalStateException("measure " + definition.id() + " is defined twice (again in " + from + ")");
    }
  }

  public Optional<MeasureDefinition> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  public MeasureDefinition defaultMeasure() {
    return byId.get(DEFAULT);
  }
}
