package app.tend.web.settings;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;

/**
 * The consent in plain words: what the partner and the clinician can see. The same words when
 * joining and in settings (accounts-service records the version a partner accepted).
 */
public class WhoSeesWhat extends Div {

  public WhoSeesWhat() {
    addClassName("who-sees-what");
    var recorded = new Paragraph("Every time your clinic looks at your information, it is recorded.");
    recorded.addClassName("quiet");
    add(new Paragraph("Your partner sees:"),
        new UnorderedList(
            new ListItem("the appreciation you choose to share with them,"),
            new ListItem("the commitments you make to each other, and the repairs you work on together.")),
        new Paragraph("Your partner never sees your ratings, your private reflections, or anything you tell Tend about your safety."),
        new Paragraph("Your clinician sees, so they can support you:"),
        new UnorderedList(
            new ListItem("your daily ratings and how they change over time,"),
            new ListItem("your commitments, repairs and questionnaire scores,"),
            new ListItem("straight away, if you tell Tend you do not feel safe.")),
        recorded,
        new Paragraph("Your private reflections are yours. Your clinician reads them only if you allow it, and you can change "
            + "your mind at any time in Settings."));
  }
}
