using System.Text.Json;
using EventReactor.Reactor.Audit;
using EventReactor.Reactor.State;

namespace EventReactor.Reactor.Ui.Queries;

/// <summary>Counts over the audit for the dashboard: reactions per minute, and per rule its hits and latest problem.</summary>
internal sealed class AuditStatistics(ReactorDatabase database)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Rules that acted, per minute since <paramref name="since"/>: (minute start, count), minutes without any left out.</summary>
    public async Task<IReadOnlyList<(DateTimeOffset Minute, long Count)>> ReactionsPerMinuteAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT at / 60000, count(*) FROM audit WHERE at >= $since AND outcome = 'acted' GROUP BY at / 60000 ORDER BY 1";
        command.Parameters.AddWithValue("$since", since.ToUnixTimeMilliseconds());
        var minutes = new List<(DateTimeOffset, long)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            minutes.Add((DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(0) * 60000), reader.GetInt64(1)));
        }

        return minutes;
    }

    public async Task<IReadOnlyDictionary<string, RuleHits>> RuleHitsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var counts = new Dictionary<string, Dictionary<string, long>>(StringComparer.Ordinal);
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT rule, outcome, count(*) FROM audit GROUP BY rule, outcome";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var rule = reader.GetString(0);
                if (!counts.TryGetValue(rule, out var byOutcome))
                {
                    counts[rule] = byOutcome = new Dictionary<string, long>(StringComparer.Ordinal);
                }

                byOutcome[reader.GetString(1)] = reader.GetInt64(2);
            }
        }

        var errors = new Dictionary<string, (string Text, DateTimeOffset At)>(StringComparer.Ordinal);
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                SELECT rule, detail, actions, at FROM audit WHERE id IN (
                    SELECT max(id) FROM audit WHERE outcome IN ('failed', 'condition-error') GROUP BY rule)
                """;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var actions = JsonSerializer.Deserialize<List<ActionAudit>>(reader.GetString(2), Json) ?? [];
                var text = actions.FirstOrDefault(a => a.Error is not null)?.Error ?? (reader.IsDBNull(1) ? "failed" : reader.GetString(1));
                errors[reader.GetString(0)] = (text, DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)));
            }
        }

        return counts.ToDictionary(
            c => c.Key,
            c => new RuleHits(c.Key, c.Value, errors.TryGetValue(c.Key, out var e) ? e.Text : null, errors.TryGetValue(c.Key, out var at) ? at.At : null),
            StringComparer.Ordinal);
    }
}
