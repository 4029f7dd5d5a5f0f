package app.tend.notifications.feed;

import app.tend.contracts.EventEnvelope;
import app.tend.contracts.notification.NotificationType;
import app.tend.notifications.couple.CoupleNotYetKnownException;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Tells partners what the other one did for their shared practice, in the feed. Only the facts
 * travel: the events carry no text, and a notification says nothing about anyone's answers.
 */
@Component
public class PartnerNudges {

  private final CoupleMembers members;
  private final Feed feed;

  PartnerNudges(CoupleMembers members, Feed feed) {
    this.members = members;
    this.feed = feed;
  }

  /**
   * Tells the partners {@code recipient} picks of {@code kind}, unless they turned {@code type} off
   * or have left.
   */
  Mono<Void> nudge(EventEnvelope envelope, UUID coupleId, Predicate<UUID> recipient, NotificationType type, NotificationKind kind) {
    return members.of(coupleId, envelope.clinicId())
        .filter(member -> recipient.test(member.partnerId()) && !member.muted(type))
        .concatMap(member -> feed.create(member.partnerId(), envelope.clinicId(), kind, envelope.eventId()))
        .then();
  }

  /**
   * Tells the other partner that {@code author} checked in or wrote them an appreciation, unless
   * they have not joined yet or turned this kind off. The author must be known here already (their
   * {@code PartnerJoined} travels on another topic); until then the record is retried.
   */
  public Mono<Void> tellOtherPartner(EventEnvelope envelope, UUID coupleId, UUID author, boolean appreciation, boolean checkedIn) {
    return members.of(coupleId, envelope.clinicId())
        .collectList()
        .flatMap(members -> {
          if (members.stream().noneMatch(member -> member.partnerId().equals(author))) {
            return Mono.error(new CoupleNotYetKnownException(coupleId));
          }
          return Flux.fromIterable(members)
              .filter(member -> !member.partnerId().equals(author))
              .concatMap(other -> kindFor(other, appreciation, checkedIn)
                  .map(kind -> feed.create(other.partnerId(), envelope.clinicId(), kind, envelope.eventId()).then())
                  .orElse(Mono.empty()))
              .then();
        });
  }

  /**
   * One notification per event and person: an appreciation says more than "checked in", so it
   * goes first, unless that person turned appreciations off.
   */
  private static Optional<NotificationKind> kindFor(CoupleMembers.Member member, boolean appreciation, boolean checkedIn) {
    if (appreciation && !member.muted(NotificationType.APPRECIATION)) {
      return Optional.of(NotificationKind.APPRECIATION);
    }
    if (checkedIn && !member.muted(NotificationType.PARTNER_CHECKED_IN)) {
      return Optional.of(NotificationKind.PARTNER_CHECKED_IN);
    }
    return Optional.empty();
  }
}
