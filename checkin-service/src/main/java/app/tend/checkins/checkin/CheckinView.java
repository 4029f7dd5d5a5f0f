package app.tend.checkins.checkin;

import app.tend.contracts.checkin.TrustRatings;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A check-in as its own partner sees it.
 *
 * @param id the check-in
 * @param day the partner's local day it is for
 * @param followThrough 0–4
 * @param empathicListening 0–4
 * @param honesty 0–4
 * @param mattering 0–4
 * @param connected 1–5
 * @param appreciation what its author wrote for their partner, or null
 * @param privateReflection what its author wrote for themself, or null; only ever sent to them
 * @param submittedAt when it was first submitted
 * @param updatedAt when it was last changed
 */
public record CheckinView(
    UUID id, LocalDate day, int followThrough, int empathicListening, int honesty, int mattering, int connected,
    String appreciation, String privateReflection, Instant submittedAt, Instant updatedAt) {

  TrustRatings ratings() {
    return new TrustRatings(followThrough, empathicListening, honesty, mattering, connected);
  }
}
