package app.tend.platform.web;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Reads a text field of a request only from a JSON string without a NUL character; anything else
 * is a bad request. Jackson would turn 42 or false into the text "42" or "false", which nobody
 * meant to write. And nobody types a NUL, which PostgreSQL cannot store in text: such a request
 * failed only at the insert, as a 500.
 */
public class StrictText extends SimpleModule {

  StrictText() {
    super("strict-text");
    addDeserializer(String.class, new StringDeserializer() {
      @Override
      public String deserialize(JsonParser parser, DeserializationContext context) {
        if (!parser.hasToken(JsonToken.VALUE_STRING)) {
          return (String) context.handleUnexpectedToken(String.class, parser);
        }
        String text = parser.getString();
        if (text.indexOf('\0') >= 0) {
          return (String) context.handleWeirdStringValue(String.class, text, "a text may not contain a NUL character");
        }
        return text;
      }
    });
  }
}
