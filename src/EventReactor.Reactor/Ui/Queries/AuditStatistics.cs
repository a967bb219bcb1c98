using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using EventReactor.Contracts.Api;
using EventReactor.Reactor.Audit;
using EventReactor.Reactor.State;

namespace EventReactor.Reactor.Ui.Queries;

/// <summary>
/// Counts over the audit for the dashboard: reactions per minute, and per rule its hits and latest problem. The audit
/// only grows, so both are kept and brought up to date from the rows added since the last look: the first look reads
/// the whole audit, later ones a few rows, and a page stays fast on hundreds of thousands of evaluations.
/// </summary>
internal sealed class AuditStatistics(IStateDatabase database, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly SemaphoreSlim _update = new(1, 1);
    private readonly Dictionary<string, Dictionary<string, long>> _counts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Text, DateTimeOffset At)> _errors = new(StringComparer.Ordinal);
    private readonly Dictionary<long, long> _finalMinutes = [];
    private long _countedUpTo;
    private long _minutesFinalBefore;

    /// <summary>Rules that acted, per minute since <paramref name="since"/>: (minute start, count), minutes without any left out.</summary>
    public async Task<IReadOnlyList<(DateTimeOffset Minute, long Count)>> ReactionsPerMinuteAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var first = since.ToUnixTimeMilliseconds() / 60000;

        // Minutes that ended more than a minute ago no longer change (records are written within moments of their time).
        var settled = (time.GetUtcNow().ToUnixTimeMilliseconds() / 60000) - 1;
        await _update.WaitAsync(cancellationToken);
        try
        {
            var from = Math.Max(first, _minutesFinalBefore);
            var fresh = await database.ReadAsync(
                async connection =>
                {
                    await using var command = Command(connection, $"SELECT at / 60000, count(*) FROM audit WHERE at >= @from AND outcome = '{RuleOutcome.Acted.ToWire()}' GROUP BY at / 60000", ("@from", from * 60000));
                    await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                    var minutes = new Dictionary<long, long>();
                    while (await reader.ReadAsync(cancellationToken))
                    {
                        minutes[reader.GetInt64(0)] = reader.GetInt64(1);
                    }

                    return minutes;
                },
                cancellationToken);

            foreach (var (minute, count) in fresh.Where(m => m.Key < settled))
            {
                _finalMinutes[minute] = count;
            }

            foreach (var old in _finalMinutes.Keys.Where(m => m < first).ToList())
            {
                _finalMinutes.Remove(old);
            }

            _minutesFinalBefore = Math.Max(_minutesFinalBefore, settled);
            return _finalMinutes.Where(m => m.Key >= first && m.Key < from).Concat(fresh.Where(m => m.Key >= from))
                .OrderBy(m => m.Key)
                .Select(m => (DateTimeOffset.FromUnixTimeMilliseconds(m.Key * 60000), m.Value))
                .ToList();
        }
        finally
        {
            _update.Release();
        }
    }

    public async Task<IReadOnlyDictionary<string, RuleHits>> RuleHitsAsync(CancellationToken cancellationToken)
    {
        await _update.WaitAsync(cancellationToken);
        try
        {
            var top = await database.ReadAsync(
                async connection =>
                {
                    long last;
                    await using (var command = Command(connection, "SELECT coalesce(max(id), 0) FROM audit"))
                    {
                        last = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
                    }

                    await using (var command = Command(connection, "SELECT rule, outcome, count(*) FROM audit WHERE id > @after AND id <= @top GROUP BY rule, outcome", ("@after", _countedUpTo), ("@top", last)))
                    {
                        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                        while (await reader.ReadAsync(cancellationToken))
                        {
                            var rule = reader.GetString(0);
                            if (!_counts.TryGetValue(rule, out var byOutcome))
                            {
                                _counts[rule] = byOutcome = new Dictionary<string, long>(StringComparer.Ordinal);
                            }

                            var outcome = reader.GetString(1);
                            byOutcome[outcome] = byOutcome.GetValueOrDefault(outcome) + reader.GetInt64(2);
                        }
                    }

                    var problems = $"""
                        SELECT rule, detail, actions, at FROM audit
                        WHERE outcome IN ('{RuleOutcome.Failed.ToWire()}', '{RuleOutcome.ConditionError.ToWire()}') AND id > @after AND id <= @top ORDER BY id
                        """;
                    await using (var command = Command(connection, problems, ("@after", _countedUpTo), ("@top", last)))
                    {
                        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                        while (await reader.ReadAsync(cancellationToken))
                        {
                            var actions = JsonSerializer.Deserialize<List<ActionAudit>>(reader.GetString(2), Json) ?? [];
                            var text = actions.FirstOrDefault(a => a.Error is not null)?.Error ?? (reader.IsDBNull(1) ? "failed" : reader.GetString(1));
                            _errors[reader.GetString(0)] = (text, DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)));
                        }
                    }

                    return last;
                },
                cancellationToken);

            _countedUpTo = top;
            return _counts.ToDictionary(
                c => c.Key,
                c => new RuleHits(c.Key, new Dictionary<string, long>(c.Value, StringComparer.Ordinal), _errors.TryGetValue(c.Key, out var e) ? e.Text : null, _errors.TryGetValue(c.Key, out var at) ? at.At : null),
                StringComparer.Ordinal);
        }
        finally
        {
            _update.Release();
        }
    }

    // The same SQL runs on SQLite and PostgreSQL: both take @name parameters.
    private static DbCommand Command(DbConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        return command;
    }
}
