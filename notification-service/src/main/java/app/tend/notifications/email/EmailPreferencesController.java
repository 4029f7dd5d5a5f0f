package app.tend.notifications.email;

import app.tend.notifications.email.EmailPreferences.Choice;
import app.tend.notifications.feed.NotificationGroup;
import app.tend.platform.security.Caller;
import app.tend.platform.security.CurrentCaller;
import app.tend.platform.web.NotFoundException;
import app.tend.platform.web.UnprocessableException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Each person's choice of what also comes by e-mail (the feed always has everything), and the
 * unsubscribe link from an e-mail, which works without signing in.
 */
@RestController
@RequestMapping("/api/notifications")
class EmailPreferencesController {

  private final EmailPreferences preferences;
  private final UnsubscribeLinks links;

  EmailPreferencesController(EmailPreferences preferences, UnsubscribeLinks links) {
    this.preferences = preferences;
    this.links = links;
  }

  /** The caller's e-mail choices, for the groups that reach people in their position. */
  @GetMapping("/preferences")
  Flux<Choice> mine() {
    return CurrentCaller.get().map(EmailPreferencesController::someoneNotified)
        .flatMapMany(caller -> preferences.of(caller.subject(), isStaff(caller)));
  }

  record EmailChoice(@NotNull Boolean emailed) {}

  @PutMapping("/preferences/{group}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  Mono<Void> choose(@PathVariable String group, @Valid @RequestBody EmailChoice choice) {
    return CurrentCaller.get().map(EmailPreferencesController::someoneNotified).flatMap(caller -> {
      NotificationGroup chosen = groupFor(group, caller)
          .orElseThrow(() -> new NotFoundException("There is no such kind of notification for you."));
      if (chosen.alwaysEmailed() && !choice.emailed()) {
        throw new UnprocessableException("That cannot be changed", "Alerts that a couple needs your attention always come by e-mail too, so none is missed.");
      }
      return preferences.choose(caller.subject(), chosen, choice.emailed());
    });
  }

  /** What an unsubscribe link stops, so its page can say so before anything changes. */
  @GetMapping("/unsubscribe/{token}")
  Mono<Choice> whatItStops(@PathVariable String token) {
    var unsubscribe = readable(token);
    var group = unsubscribe.group();
    return preferences.of(unsubscribe.personId(), group.forStaff())
        .filter(choice -> choice.group() == group)
        .next();
  }

  /** Stops e-mails of the link's group for the link's person; the feed keeps them. */
  @PostMapping("/unsubscribe/{token}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  Mono<Void> unsubscribe(@PathVariable String token) {
    var unsubscribe = readable(token);
    return preferences.choose(unsubscribe.personId(), unsubscribe.group(), false);
  }

  private UnsubscribeLinks.Unsubscribe readable(String token) {
    return links.read(token)
        .filter(unsubscribe -> !unsubscribe.group().alwaysEmailed())
        .orElseThrow(() -> new NotFoundException("This link does not work. You can choose your e-mails in Tend's settings."));
  }

  private static Optional<NotificationGroup> groupFor(String name, Caller caller) {
    return Arrays.stream(NotificationGroup.values())
        .filter(group -> group.name().equals(name) && group.forStaff() == isStaff(caller))
        .findFirst();
  }

  /**
   * Only partners and clinic staff are ever notified, so only they have e-mail choices; the
   * platform admin has none (they were shown, and could change, a partner's).
   */
  private static Caller someoneNotified(Caller caller) {
    if (!caller.has(Caller.PARTNER) && !isStaff(caller)) {
      throw new NotFoundException("There is nothing here for you.");
    }
    return caller;
  }

  private static boolean isStaff(Caller caller) {
    return caller.has(Caller.CLINICIAN) || caller.has(Caller.CLINIC_ADMIN);
  }
}
