package app.tend.notifications;

import app.tend.testkit.ArchitectureContract;

/** Tend's house rules for notification-service's main code. */
class ArchitectureTest extends ArchitectureContract {

  ArchitectureTest() {
    super("app.tend.notifications");
  }
}
