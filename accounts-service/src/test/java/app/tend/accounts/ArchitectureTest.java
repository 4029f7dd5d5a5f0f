package app.tend.accounts;

import app.tend.testkit.ArchitectureContract;

/** Tend's house rules for accounts-service's main code. */
class ArchitectureTest extends ArchitectureContract {

  ArchitectureTest() {
    super("app.tend.accounts");
  }
}
