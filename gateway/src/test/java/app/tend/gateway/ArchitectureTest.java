package app.tend.gateway;

import app.tend.testkit.ArchitectureContract;

/** Tend's house rules for gateway's main code. */
class ArchitectureTest extends ArchitectureContract {

  ArchitectureTest() {
    super("app.tend.gateway");
  }
}
