package app.tend.checkins.export;

import app.tend.checkins.checkin.CheckinExport;
import app.tend.checkins.commitment.CommitmentsView;
import app.tend.checkins.measure.MeasureView;
import app.tend.checkins.repair.RepairView;
import java.util.List;

/**
 * Everything checkin-service holds of a partner, for their download of all their data: their own
 * check-ins with their own texts, the commitments and repairs they share with their partner, and
 * their own measure scores. Safety flags are not in it: a download can be made to be shown, and a
 * flag must never be seen by the other partner; the clinic answers for those on request.
 */
public record MyDataExport(CheckinExport checkins, CommitmentsView commitments, List<RepairView> repairs, MeasureView measures) {}
