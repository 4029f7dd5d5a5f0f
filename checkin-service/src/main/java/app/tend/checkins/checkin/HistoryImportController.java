package app.tend.checkins.checkin;

import app.tend.platform.security.Caller;
import app.tend.platform.security.CurrentCaller;
import app.tend.platform.web.NotFoundException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Imports past check-ins, for a clinic moving from another tool and for the local demo. Off unless
 * {@code tend.history-import.enabled} is true, and then only for platform admins.
 */
@RestController
@ConditionalOnProperty(name = "tend.history-import.enabled", havingValue = "true")
class HistoryImportController {

  private final HistoryImport historyImport;

  HistoryImportController(HistoryImport historyImport) {
    this.historyImport = historyImport;
  }

  @PostMapping("/api/checkins/imports")
  Mono<ImportHistoryResponse> importHistory(@RequestBody ImportHistoryRequest request) {
    return CurrentCaller.get()
        .filter(caller -> caller.has(Caller.PLATFORM_ADMIN))
        .switchIfEmpty(Mono.error(() -> new NotFoundException("There is nothing here for you.")))
        .flatMap(caller -> historyImport.importPast(request));
  }
}
