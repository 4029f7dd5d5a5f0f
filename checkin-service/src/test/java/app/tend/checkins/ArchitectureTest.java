package app.tend.checkins;

import app.tend.testkit.ArchitectureContract;

/** Tend's house rules for checkin-service's main code. */
class ArchitectureTest extends ArchitectureContract {

  ArchitectureTest() {
    super("app.tend.checkins");
  }
}
