package app.tend.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.tend.contracts.EventCodec;
import app.tend.contracts.EventEnvelope;
import app.tend.contracts.TendEvent;
import app.tend.contracts.TendHeaders;
import app.tend.contracts.Topics;
import app.tend.contracts.accounts.ClinicCreated;
import app.tend.contracts.accounts.CoupleEnrolled;
import app.tend.contracts.checkin.TrendDropped;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import reactor.core.publisher.Mono;

class InboxTest {

  private final ConcurrentKafkaListenerContainerFactory<String, byte[]> factory = new ConcurrentKafkaListenerContainerFactory<>();

  InboxTest() {
    factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(Map.of()));
  }

  /** A record waiting for its couple (or the database) must hold up only its own topic's partition. */
  @Test
  void eachTopicOfEachConsumerGroupHasItsOwnContainers() {
    var inbox = new Inbox(List.of(
            new Handler<>(CoupleEnrolled.class, Topics.ACCOUNTS_COUPLE, ""),
            new Handler<>(ClinicCreated.class, Topics.ACCOUNTS_CLINIC, ""),
            new Handler<>(TrendDropped.class, Topics.CHECKIN_CHECKIN, "-digest")),
        factory, new EventCodec(), null, null, "a-service");

    assertThat(inbox.subscriptions()).containsExactlyInAnyOrder(
        "a-service.accounts.couple.v1", "a-service.accounts.clinic.v1", "a-service-digest.checkin.checkin.v1");
  }

  @Test
  void twoHandlersOfOneEventInOneConsumerGroupStopTheServiceFromStarting() {
    assertThatThrownBy(() -> new Inbox(List.of(
            new Handler<>(CoupleEnrolled.class, Topics.ACCOUNTS_COUPLE, ""),
            new Handler<>(CoupleEnrolled.class, Topics.ACCOUNTS_COUPLE, "")),
        factory, new EventCodec(), null, null, "a-service"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("two handlers of CoupleEnrolled");
  }

  @Test
  void aRecordOfATypeNoHandlerTakesIsPassedOverUnreadAndOneWithoutATypeIsStillRead() {
    var dispatch = new Inbox.Dispatch(Map.of("CoupleEnrolled", new Handler<>(CoupleEnrolled.class, Topics.ACCOUNTS_COUPLE, "")),
        new EventCodec(), null);
    var forAnother = new ConsumerRecord<String, byte[]>(Topics.ACCOUNTS_COUPLE, 0, 0, "key", "not json".getBytes(StandardCharsets.UTF_8));
    forAnother.headers().add(TendHeaders.KAFKA_EVENT_TYPE, "PartnerJoined".getBytes(StandardCharsets.UTF_8));
    dispatch.onMessage(forAnother);

    var untyped = new ConsumerRecord<String, byte[]>(Topics.ACCOUNTS_COUPLE, 0, 1, "key", "not json".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> dispatch.onMessage(untyped)).isInstanceOf(EventCodec.MalformedEventException.class);
  }

  private static final class Handler<E extends TendEvent> extends EventHandler<E> {

    private final String groupSuffix;

    Handler(Class<E> event, String topic, String groupSuffix) {
      super(event, topic, "handled");
      this.groupSuffix = groupSuffix;
    }

    @Override
    protected Mono<Void> handle(E event, EventEnvelope envelope) {
      return Mono.empty();
    }

    @Override
    protected String consumerGroupSuffix() {
      return groupSuffix;
    }
  }
}
