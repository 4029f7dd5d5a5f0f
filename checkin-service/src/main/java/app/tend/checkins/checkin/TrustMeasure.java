package app.tend.checkins.checkin;

import app.tend.contracts.checkin.TrustRatings;
import java.util.function.ToIntFunction;

/** What a check-in measures: the four trust acts (0–4) and how connected the partner felt (1–5). */
public enum TrustMeasure {
  FOLLOW_THROUGH(TrustRatings::followThrough),
  EMPATHIC_LISTENING(TrustRatings::empathicListening),
  HONESTY(TrustRatings::honesty),
  MATTERING(TrustRatings::mattering),
  CONNECTED(TrustRatings::connected);

  private final ToIntFunction<TrustRatings> value;

  TrustMeasure(ToIntFunction<TrustRatings> value) {
    this.value = value;
  }

  int of(TrustRatings ratings) {
    return value.applyAsInt(ratings);
  }
}
