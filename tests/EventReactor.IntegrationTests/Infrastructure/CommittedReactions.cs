using System.Globalization;

namespace EventReactor.IntegrationTests.Infrastructure;

/// <summary>
/// Every event a reaction fired, as the reactors committed it, kept by the test database itself: a trigger on
/// <c>reactor_outbox</c> copies each stored event's id, its cause and the time into a table of the test's own. A fired
/// event enters the outbox in the transaction that completes its claim, and leaves it once published, so this is the
/// durable record of every reaction that was done, whichever reactor did it and whether or not it was published or
/// audited before that reactor was killed. Two ids for one cause would be two reactions.
/// </summary>
internal sealed class CommittedReactions
{
    private readonly TestPostgresDatabase _database;

    private CommittedReactions(TestPostgresDatabase database)
    {
        _database = database;
    }

    /// <summary>Installs the trigger; the reactors' migrations must have created <c>reactor_outbox</c> already.</summary>
    public static async Task<CommittedReactions> InstallAsync(TestPostgresDatabase database)
    {
        await database.QueryAsync("""
            CREATE TABLE test_reactions (id TEXT NOT NULL, cause TEXT, tag TEXT NOT NULL, at BIGINT NOT NULL, owner TEXT);
            CREATE FUNCTION test_record_reaction() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                INSERT INTO test_reactions VALUES (NEW.event_id, convert_from(NEW.json, 'UTF8')::jsonb ->> 'causedby', NEW.tag,
                    (extract(epoch from clock_timestamp()) * 1000)::bigint, NEW.owner);
                RETURN NEW;
            END $$;
            CREATE TRIGGER test_record_reaction AFTER INSERT ON reactor_outbox FOR EACH ROW EXECUTE FUNCTION test_record_reaction();
            """);
        return new CommittedReactions(database);
    }

    /// <summary>The distinct ids of the events fired under <paramref name="tag"/>, by the event that caused them.</summary>
    public async Task<Dictionary<string, HashSet<string>>> ByCauseAsync(string tag)
    {
        var byCause = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var row in await _database.QueryAsync($"SELECT DISTINCT cause, id FROM test_reactions WHERE tag = '{tag}'"))
        {
            if (!byCause.TryGetValue(row[0], out var ids))
            {
                byCause[row[0]] = ids = new HashSet<string>(StringComparer.Ordinal);
            }

            ids.Add(row[1]);
        }

        return byCause;
    }

    /// <summary>The reactors (holder ids, host/pid/random) that committed a reaction under <paramref name="tag"/> to each of <paramref name="causes"/>.</summary>
    public async Task<Dictionary<string, HashSet<string>>> OwnersAsync(string tag, IEnumerable<string> causes)
    {
        var owners = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var list = string.Join(',', causes.Select(c => $"'{c}'"));
        if (list.Length == 0)
        {
            return owners;
        }

        foreach (var row in await _database.QueryAsync($"SELECT DISTINCT cause, owner FROM test_reactions WHERE tag = '{tag}' AND cause IN ({list})"))
        {
            if (!owners.TryGetValue(row[0], out var set))
            {
                owners[row[0]] = set = new HashSet<string>(StringComparer.Ordinal);
            }

            set.Add(row[1]);
        }

        return owners;
    }

    /// <summary>How many reactions under <paramref name="tag"/> have been committed so far.</summary>
    public async Task<int> CountAsync(string tag) =>
        int.Parse((await _database.QueryAsync($"SELECT count(DISTINCT cause) FROM test_reactions WHERE tag = '{tag}'"))[0][0], CultureInfo.InvariantCulture);
}
