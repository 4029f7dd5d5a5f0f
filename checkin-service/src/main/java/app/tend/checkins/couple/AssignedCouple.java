package app.tend.checkins.couple;

import java.util.List;
import java.util.UUID;

/**
 * A couple as its assigned clinician reaches it here.
 *
 * @param coupleId the couple
 * @param clinicId its clinic
 * @param partners the partners who have joined, with their consent
 */
public record AssignedCouple(UUID coupleId, UUID clinicId, List<Member> partners) {

  /**
   * @param partnerId the partner
   * @param reflectionsVisibleToClinician whether this partner lets their clinician read their private reflections
   */
  public record Member(UUID partnerId, boolean reflectionsVisibleToClinician) {}
}
