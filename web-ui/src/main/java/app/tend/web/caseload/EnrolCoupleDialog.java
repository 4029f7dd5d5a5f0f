package app.tend.web.caseload;

import app.tend.web.caseload.CoupleApi.Clinician;
import app.tend.web.caseload.CoupleApi.Enrolment;
import app.tend.web.caseload.CoupleApi.NewPartner;
import app.tend.web.caseload.CoupleApi.NewPerson;
import app.tend.web.platform.StatusLine;
import app.tend.web.platform.TimeZones;
import app.tend.web.platform.api.ApiProblem;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;

/** Enrolling a couple: both partners' names, addresses and time zones; an admin also picks the clinician. */
class EnrolCoupleDialog extends Dialog {

  private final StatusLine status = new StatusLine();

  /** The fields of one partner. */
  private record PartnerFields(TextField firstName, TextField lastName, EmailField email, ComboBox<String> zone) {
    static PartnerFields create(int number) {
      var zone = new ComboBox<String>("Time zone of partner " + number);
      zone.setItems(TimeZones.CHOICES);
      zone.setValue(TimeZones.choiceOrNull(ZoneId.systemDefault().getId()));
      return new PartnerFields(new TextField("First name of partner " + number), new TextField("Last name of partner " + number),
          new EmailField("E-mail of partner " + number), zone);
    }

    NewPartner value() {
      return new NewPartner(new NewPerson(email.getValue(), firstName.getValue(), lastName.getValue()), zone.getValue());
    }
  }

  EnrolCoupleDialog(List<Clinician> clinicians, boolean choosesClinician, Consumer<Enrolment> enrol) {
    setHeaderTitle("Enrol a couple");
    var first = PartnerFields.create(1);
    var second = PartnerFields.create(2);
    var form = new FormLayout();
    form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
    var clinician = new ComboBox<Clinician>("Clinician");
    if (choosesClinician) {
      clinician.setItems(clinicians.stream().filter(Clinician::active).toList());
      clinician.setItemLabelGenerator(Clinician::name);
      form.add(clinician, 2);
    }
    form.add(new H3("Partner 1"), 2);
    form.add(first.firstName(), first.lastName(), first.email(), first.zone());
    form.add(new H3("Partner 2"), 2);
    form.add(second.firstName(), second.lastName(), second.email(), second.zone());
    var explanation = new Paragraph("Each partner gets an e-mail with a link that works once, for 7 days. They choose their own "
        + "password and settings, and read what you and their partner can see, before they join.");
    explanation.addClassName("quiet");
    add(explanation, form, status);

    var send = new Button("Enrol and send invitations", click -> {
      try {
        enrol.accept(new Enrolment(choosesClinician && clinician.getValue() != null ? clinician.getValue().id() : null,
            List.of(first.value(), second.value())));
        close();
      } catch (ApiProblem.Exception e) {
        status.setText(e.problem().detail());
      }
    });
    send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    var cancel = new Button("Cancel", click -> close());
    getFooter().add(cancel, send);
    setWidth("min(48rem, 100vw)");
  }
}
