package app.tend.contracts.accounts;

import app.tend.contracts.Topics;
import app.tend.contracts.TendEvent;
import java.time.LocalTime;
import java.util.UUID;

/**
 * A partner accepted their invitation: their login exists and they chose their day's settings and
 * their consent. Carries no name or address.
 *
 * @param coupleId the couple, also the record key
 * @param clinicId the clinic
 * @param partnerId the partner's login subject ({@code sub} in their tokens)
 * @param timeZone IANA zone that decides what "today" is for them
 * @param reminderTime local time of their daily reminder
 * @param quietHoursStart local time from which nothing may disturb them
 * @param quietHoursEnd local time until which nothing may disturb them (may be past midnight)
 * @param reflectionsVisibleToClinician whether their clinician may read their private reflections
 */
public record PartnerJoined(
    UUID coupleId,
    UUID clinicId,
    UUID partnerId,
    String timeZone,
    LocalTime reminderTime,
    LocalTime quietHoursStart,
    LocalTime quietHoursEnd,
    boolean reflectionsVisibleToClinician)
    implements TendEvent {

  @Override
  public String topic() {
    return Topics.ACCOUNTS_COUPLE;
  }
}
