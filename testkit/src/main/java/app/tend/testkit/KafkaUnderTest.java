package app.tend.testkit;

import app.tend.infra.servers.KafkaEndpoint;

/** A real broker that a test can take away and give back, at the same address, with its records. */
public interface KafkaUnderTest extends KafkaEndpoint {

  /** The broker stops answering, as in an outage. */
  void stop();

  /** The broker answers again at the same address. */
  void start();

  /** The broker keeps its connections but answers nothing, as a stuck one does. */
  void hang();

  /** The broker answers again, including what waited. */
  void resume();
}
