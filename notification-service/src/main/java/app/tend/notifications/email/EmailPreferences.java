package app.tend.notifications.email;

import app.tend.notifications.feed.NotificationGroup;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Which groups each person wants by e-mail, as they chose; the group's default where they did not. */
@Repository
public class EmailPreferences {

  private final DatabaseClient database;

  EmailPreferences(DatabaseClient database) {
    this.database = database;
  }

  /**
   * One choice as the person sees it.
   *
   * @param changeable false for safety alerts, which are always e-mailed
   */
  public record Choice(NotificationGroup group, String description, boolean emailed, boolean changeable) {}

  /** The person's choices for the groups that reach people in their position. */
  public Flux<Choice> of(UUID personId, boolean staff) {
    return database.sql("select subject, emailed from email_preference where person_id = :p")
        .bind("p", personId)
        .map(row -> Map.entry(row.get("subject", String.class), row.get("emailed", Boolean.class)))
        .all()
        .collectMap(Map.Entry::getKey, Map.Entry::getValue)
        .flatMapMany(chosen -> Flux.fromStream(Arrays.stream(NotificationGroup.values())
            .filter(group -> group.forStaff() == staff)
            .map(group -> new Choice(group, group.description(),
                group.alwaysEmailed() || chosen.getOrDefault(group.name(), group.emailedByDefault()), !group.alwaysEmailed()))));
  }

  public Mono<Void> choose(UUID personId, NotificationGroup group, boolean emailed) {
    return database
        .sql(
            """
            insert into email_preference (person_id, subject, emailed) values (:p, :subject, :emailed)
            on conflict (person_id, subject) do update set emailed = excluded.emailed, changed_at = now()
            """)
        .bind("p", personId)
        .bind("subject", group.name())
        .bind("emailed", emailed)
        .then();
  }

  /** Forgets a person who erased their account. */
  public Mono<Void> eraseAllOf(UUID personId) {
    return database.sql("delete from email_preference where person_id = :p").bind("p", personId).then();
  }
}
