package app.tend.infra.servers;

/** Where an SMTP server accepts Tend's outgoing e-mail, however it was started. */
public interface MailEndpoint {

  String host();

  int smtpPort();
}
