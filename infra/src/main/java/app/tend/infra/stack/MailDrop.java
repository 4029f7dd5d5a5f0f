package app.tend.infra.stack;

import app.tend.infra.servers.EmbeddedMailServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.Set;

/**
 * Writes every message the local mail catcher receives to a text file and says so on the console,
 * so the person running Tend can open an invitation link as the invited person would.
 */
final class MailDrop implements AutoCloseable {

  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  private final Thread worker;

  private MailDrop(Thread worker) {
    this.worker = worker;
  }

  static MailDrop start(EmbeddedMailServer mail, Path folder) {
    var worker = Thread.ofPlatform().daemon().name("mail-drop").start(() -> {
      // By Message-ID: the server lists messages grouped by recipient, so a new one is not always last.
      Set<String> written = new HashSet<>();
      while (!Thread.currentThread().isInterrupted()) {
        try {
          for (var message : mail.received()) {
            if (!written.add(message.messageId())) {
              continue;
            }
            Files.createDirectories(folder);
            Path file = folder.resolve(STAMP.format(LocalDateTime.now()) + "-" + written.size() + "-" + message.to().replaceAll("[^A-Za-z0-9@._-]", "_") + ".txt");
            Files.writeString(file, "To: " + message.to() + "\nSubject: " + message.subject() + "\n\n" + message.text());
            System.out.println("  ✉  to " + message.to() + ": \"" + message.subject() + "\"  (" + file.getFileName() + ")");
          }
          Thread.sleep(1000);
        } catch (InterruptedException e) {
          return;
        } catch (IOException | RuntimeException e) {
          System.out.println("  could not keep a received e-mail: " + e.getMessage());
        }
      }
    });
    return new MailDrop(worker);
  }

  @Override
  public void close() {
    worker.interrupt();
  }
}
