package app.tend.checkins.measure;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import org.hl7.fhir.instance.model.api.IBaseResource;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.junit.jupiter.api.Test;

/** The FHIR export, checked by HAPI's validator against the base R4 specification and against the questionnaire itself. */
class MeasureFhirTest {

  private static final FhirContext FHIR = FhirContext.forR4Cached();

  private final MeasureDefinition csi4 = new MeasureDefinitions("").defaultMeasure();
  private final UUID partner = UUID.randomUUID();

  MeasureFhirTest() throws Exception {}

  private MeasureFhir.Response response(int happiness, double score) {
    return new MeasureFhir.Response(UUID.randomUUID(), partner, "1", LocalDate.of(2026, 11, 30), Instant.parse("2026-11-30T19:30:00Z"),
        Map.of("1", happiness, "2", 3, "3", 3, "4", 4), score);
  }

  private static List<SingleValidationMessage> problems(FhirValidator validator, org.hl7.fhir.instance.model.api.IBaseResource resource) {
    return validator.validateWithResult(resource).getMessages().stream()
        .filter(message -> message.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
        .toList();
  }

  @SuppressWarnings("unchecked")
  private FhirValidator validator(Questionnaire questionnaire) {
    // Finds the questionnaire by its canonical URL, with or without the version.
    var known = new IValidationSupport() {
      @Override
      public FhirContext getFhirContext() {
        return FHIR;
      }

      @Override
      public <T extends IBaseResource> T fetchResource(Class<T> type, String url) {
        boolean ours = questionnaire != null && url != null && url.split("\\|")[0].equals(questionnaire.getUrl());
        return ours && (type == null || type.isInstance(questionnaire)) ? (T) questionnaire : null;
      }
    };
    var support = new ValidationSupportChain(known, new DefaultProfileValidationSupport(FHIR),
        new InMemoryTerminologyServerValidationSupport(FHIR), new CommonCodeSystemsTerminologyService(FHIR));
    var validator = FHIR.newValidator();
    validator.registerValidatorModule(new FhirInstanceValidator(support));
    return validator;
  }

  @Test
  void theBundleIsValidR4AndCarriesTheQuestionnaireAndEachResponse() {
    String json = MeasureFhir.bundle(csi4, List.of(response(3, 13), response(5, 15)));
    var bundle = FHIR.newJsonParser().parseResource(Bundle.class, json);

    assertThat(problems(validator(null), bundle)).isEmpty();
    assertThat(bundle.getEntry()).hasSize(3);
    var questionnaire = (Questionnaire) bundle.getEntry().get(0).getResource();
    assertThat(questionnaire.getUrl()).isEqualTo("urn:tend:measure:csi-4");
    assertThat(questionnaire.getItem()).extracting(Questionnaire.QuestionnaireItemComponent::getLinkId)
        .containsExactly("1", "2", "3", "4", "total");
    assertThat(questionnaire.getItem().get(0).getAnswerOption()).hasSize(7);

    var first = (QuestionnaireResponse) bundle.getEntry().get(1).getResource();
    assertThat(first.getQuestionnaire()).isEqualTo("urn:tend:measure:csi-4|1");
    assertThat(first.getSubject().getIdentifier().getValue()).isEqualTo(partner.toString());
    assertThat(((Coding) first.getItem().get(0).getAnswerFirstRep().getValue()).getDisplay()).isEqualTo("Happy");
    assertThat(first.getItem().getLast().getAnswerFirstRep().getValueDecimalType().getValue()).isEqualByComparingTo("13");
  }

  @Test
  void eachResponseIsValidAgainstItsQuestionnaire() {
    var questionnaire = MeasureFhir.questionnaire(csi4);
    var validator = validator(questionnaire);
    assertThat(problems(validator, questionnaire)).isEmpty();
    assertThat(problems(validator, MeasureFhir.response(csi4, response(6, 18)))).isEmpty();

    // The validator does look: an answer that is not one of the item's options is an error.
    var wrong = MeasureFhir.response(csi4, response(3, 13));
    wrong.getItem().get(1).getAnswerFirstRep().setValue(new Coding("urn:tend:measure:csi-4/item-2", "9", "Nine"));
    assertThat(problems(validator, wrong)).extracting(SingleValidationMessage::getMessage)
        .anySatisfy(message -> assertThat(message).contains("is not in the set of permitted values"));
  }
}
