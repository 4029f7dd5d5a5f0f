package app.tend.contracts.accounts;

import app.tend.contracts.Topics;
import app.tend.contracts.TendEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * A person was invited to join a couple. The event names no one: the address, the name and the
 * link stay in accounts-service, which sends the invitation itself, because the link is a
 * credential and Kafka keeps what it is given.
 *
 * @param coupleId the couple, also the record key
 * @param clinicId the clinic
 * @param invitationId the invitation; a renewed invitation has a new id
 * @param expiresAt when the link stops working
 */
public record PartnerInvited(UUID coupleId, UUID clinicId, UUID invitationId, Instant expiresAt) implements TendEvent {

  @Override
  public String topic() {
    return Topics.ACCOUNTS_COUPLE;
  }
}
