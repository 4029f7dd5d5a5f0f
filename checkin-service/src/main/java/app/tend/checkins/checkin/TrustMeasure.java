package app.tend.checkins.checkin;

import java.util.function.ToIntFunction;

/** What a check-in measures: the four trust acts (0–4) and how connected the partner felt (1–5). */
public enum TrustMeasure {
  FOLLOW_THROUGH(CheckinView::followThrough),
  EMPATHIC_LISTENING(CheckinView::empathicListening),
  HONESTY(CheckinView::honesty),
  MATTERING(CheckinView::mattering),
  CONNECTED(CheckinView::connected);

  private final ToIntFunction<CheckinView> value;

  TrustMeasure(ToIntFunction<CheckinView> value) {
    this.value = value;
  }

  int of(CheckinView checkin) {
    return value.applyAsInt(checkin);
  }
}
