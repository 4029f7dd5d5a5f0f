package app.tend.checkins.measure;

import ca.uhn.fhir.context.FhirContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;

/**
 * Measures and their responses as FHIR R4 resources (HAPI FHIR), so a clinic can move them into its
 * health record system: the definition as a {@code Questionnaire}, each response as a
 * {@code QuestionnaireResponse} with its answers and total score, both in one collection
 * {@code Bundle}.
 */
final class MeasureFhir {

  /** Identifies Tend's partners in the exported resources; a clinic maps it to its own patient ids. */
  static final String PARTNER_SYSTEM = "urn:tend:partner";

  /** The linkId of the computed total score item. */
  static final String TOTAL = "total";

  private static final FhirContext FHIR = FhirContext.forR4Cached();

  private MeasureFhir() {}

  /** A stored response, with the answers the partner chose. */
  record Response(UUID id, UUID partnerId, String version, LocalDate day, Instant completedAt, Map<String, Integer> answers,
                  double score) {}

  static String canonical(MeasureDefinition definition) {
    return "urn:tend:measure:" + definition.id();
  }

  static Questionnaire questionnaire(MeasureDefinition definition) {
    var questionnaire = new Questionnaire();
    questionnaire.setId(questionnaireId(definition).toString());
    questionnaire.setUrl(canonical(definition));
    questionnaire.setVersion(definition.version());
    questionnaire.setName(definition.id().replaceAll("[^A-Za-z0-9]", "").toUpperCase());
    questionnaire.setTitle(definition.title());
    questionnaire.setStatus(Enumerations.PublicationStatus.ACTIVE);
    questionnaire.setCopyright(definition.citation());
    for (var item : definition.items()) {
      var question = questionnaire.addItem()
          .setLinkId(item.linkId())
          .setText(item.text())
          .setType(Questionnaire.QuestionnaireItemType.CHOICE)
          .setRequired(true);
      item.options().forEach(option -> question.addAnswerOption().setValue(coding(definition, item, option.value())));
    }
    questionnaire.addItem()
        .setLinkId(TOTAL)
        .setText("Total score (" + (int) definition.scoring().min() + "–" + (int) definition.scoring().max() + ")"
            + (definition.cutOff() == null ? "" : "; below " + definition.cutOff().below() + " indicates "
                + definition.cutOff().meaning()))
        .setType(Questionnaire.QuestionnaireItemType.DECIMAL)
        .setReadOnly(true);
    return questionnaire;
  }

  static QuestionnaireResponse response(MeasureDefinition definition, Response response) {
    var resource = new QuestionnaireResponse();
    resource.setId(response.id().toString());
    resource.setQuestionnaire(canonical(definition) + "|" + response.version());
    resource.setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
    resource.setSubject(new Reference().setIdentifier(new Identifier().setSystem(PARTNER_SYSTEM).setValue(response.partnerId().toString())));
    resource.setAuthored(Date.from(response.completedAt()));
    for (var item : definition.items()) {
      Integer value = response.answers().get(item.linkId());
      if (value != null) {
        resource.addItem().setLinkId(item.linkId()).setText(item.text()).addAnswer().setValue(coding(definition, item, value));
      }
    }
    resource.addItem().setLinkId(TOTAL).addAnswer().setValue(new DecimalType(BigDecimal.valueOf(response.score())));
    return resource;
  }

  /** A collection of the questionnaire and the responses, as FHIR JSON. */
  static String bundle(MeasureDefinition definition, List<Response> responses) {
    var bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
    bundle.setTimestamp(new Date());
    var questionnaire = questionnaire(definition);
    bundle.addEntry().setFullUrl("urn:uuid:" + questionnaireId(definition)).setResource(questionnaire);
    responses.forEach(response -> bundle.addEntry().setFullUrl("urn:uuid:" + response.id()).setResource(response(definition, response)));
    return FHIR.newJsonParser().setPrettyPrint(true).encodeResourceToString(bundle);
  }

  /** The same id for the same definition version, in every export. */
  private static UUID questionnaireId(MeasureDefinition definition) {
    return UUID.nameUUIDFromBytes((canonical(definition) + "|" + definition.version()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private static Coding coding(MeasureDefinition definition, MeasureDefinition.Item item, int value) {
    String label = item.options().stream().filter(option -> option.value() == value).findFirst()
        .map(MeasureDefinition.Option::label).orElseThrow();
    return new Coding(canonical(definition) + "/item-" + item.linkId(), String.valueOf(value), label);
  }
}
