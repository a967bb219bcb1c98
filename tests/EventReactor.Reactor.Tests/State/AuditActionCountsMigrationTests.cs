using EventReactor.Reactor.Audit;
using EventReactor.Reactor.State;

namespace EventReactor.Reactor.Tests.State;

/// <summary>Migration 21 fills the action counts of audit records written before it, on both back ends.</summary>
public sealed class AuditActionCountsMigrationTests(PostgresTestDatabase postgres) : IClassFixture<PostgresTestDatabase>
{
    private const string Undo = """
        DROP INDEX audit_by_rule_time;
        ALTER TABLE audit DROP COLUMN actions_run;
        ALTER TABLE audit DROP COLUMN actions_failed;
        DELETE FROM schema_version WHERE version = 21;
        """;

    // Written as before migration 21: no count columns. One record ran two actions and failed one, one skipped a redelivered action.
    private const string OldRows = """
        INSERT INTO audit (event_id, event_tag, rule, location, outcome, detail, actions, at, duration_us) VALUES
          ('e1', 't', 'r', 'r.yaml:1:3', 'failed', NULL, '[{"action":"log","status":"done"},{"action":"http.post","status":"failed"}]', 1000, 1),
          ('e2', 't', 'r', 'r.yaml:1:3', 'acted', NULL, '[{"action":"log","status":"duplicate"},{"action":"http.post","status":"done"}]', 2000, 1),
          ('e3', 't', 'r', 'r.yaml:1:3', 'condition-false', NULL, '[]', 3000, 1);
        """;

    [Fact]
    public async Task Migrate_SqliteAuditWrittenBeforeMigration30_CountsFilledFromTheActions()
    {
        await using var state = new TempReactorDatabase();
        await state.Database.ExecuteAsync(Undo + OldRows, CancellationToken.None);

        Assert.Equal([21], state.Database.Migrate(TimeProvider.System).Select(m => m.Version));

        AssertCounted(await new SqliteAuditStore(state.Database).TallyAsync(DateTimeOffset.FromUnixTimeMilliseconds(0), CancellationToken.None));
    }

    [Fact]
    public async Task Migrate_PostgresAuditWrittenBeforeMigration30_CountsFilledFromTheActions()
    {
        await using var database = postgres.OpenEmpty();
        await database.ExecuteAsync(Undo + OldRows, CancellationToken.None);

        Assert.Equal([21], database.Migrate(TimeProvider.System).Select(m => m.Version));

        AssertCounted(await new PostgresAuditStore(database).TallyAsync(DateTimeOffset.FromUnixTimeMilliseconds(0), CancellationToken.None));
    }

    private static void AssertCounted(AuditTally tally)
    {
        Assert.Equal(new RuleAuditTally("r", 3, 2, 0, 0, ActionsRun: 3, ActionFailures: 1, DateTimeOffset.FromUnixTimeMilliseconds(2000)), Assert.Single(tally.Rules));
        Assert.Equal(new ActionFailureTally("r", 1, 1), Assert.Single(tally.ActionFailures));
    }
}
