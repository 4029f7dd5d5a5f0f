package app.tend.web.platform;

import java.time.ZoneId;
import java.util.List;

/** Time zones to choose from: the places people recognise (Europe/Berlin), without legacy aliases. */
public final class TimeZones {

  public static final List<String> CHOICES = ZoneId.getAvailableZoneIds().stream()
      .filter(zone -> zone.contains("/") && Character.isUpperCase(zone.charAt(0))
          && List.of("Etc/", "SystemV/", "US/", "Canada/", "Brazil/", "Mexico/", "Chile/").stream().noneMatch(zone::startsWith))
      .sorted()
      .toList();

  private TimeZones() {}

  /** {@code zone} if it is one of the choices, else null so the person picks one. */
  public static String choiceOrNull(String zone) {
    return CHOICES.contains(zone) ? zone : null;
  }
}
