package app.tend.checkins.export;

import app.tend.checkins.checkin.CheckinService;
import app.tend.checkins.commitment.CommitmentService;
import app.tend.checkins.measure.MeasureService;
import app.tend.checkins.repair.RepairService;
import app.tend.platform.security.CurrentCaller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** checkin-service's part of "download all my data". */
@RestController
class MyDataController {

  private final CheckinService checkins;
  private final CommitmentService commitments;
  private final RepairService repairs;
  private final MeasureService measures;

  MyDataController(CheckinService checkins, CommitmentService commitments, RepairService repairs, MeasureService measures) {
    this.checkins = checkins;
    this.commitments = commitments;
    this.repairs = repairs;
    this.measures = measures;
  }

  @GetMapping("/api/checkins/me/export")
  Mono<MyDataExport> export() {
    return CurrentCaller.get().flatMap(caller -> Mono.zip(checkins.export(caller), commitments.page(caller),
            repairs.list(caller).collectList(), measures.status(caller))
        .map(parts -> new MyDataExport(parts.getT1(), parts.getT2(), parts.getT3(), parts.getT4())));
  }
}
