package app.tend.web;

import app.tend.testkit.ArchitectureContract;

/** Tend's house rules for web-ui's main code. */
class ArchitectureTest extends ArchitectureContract {

  ArchitectureTest() {
    super("app.tend.web");
  }
}
