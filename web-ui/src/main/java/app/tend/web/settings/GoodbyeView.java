package app.tend.web.settings;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/** Where a person lands after erasing their account. */
@Route(value = "goodbye", autoLayout = false)
@PageTitle("Goodbye · Tend")
@AnonymousAllowed
public class GoodbyeView extends VerticalLayout {

  GoodbyeView() {
    addClassName("form-page");
    setPadding(true);
    var brand = new Span("Tend");
    brand.addClassName("brand");
    add(brand, new H1("Your account is erased"),
        new Paragraph("Your data has been removed from Tend. Thank you for the care you put into your practice."),
        new Paragraph("If you would like to come back one day, your clinic can invite you again."));
  }
}
