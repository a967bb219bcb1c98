using System.Data.Common;

namespace EventReactor.Reactor.Audit;

/// <summary>One rule's audit over a window, counted by the store (see <see cref="Contracts.Api.RuleStats"/> for what each count means).</summary>
internal sealed record RuleAuditTally(
    string Rule,
    long Matched,
    long Fired,
    long ConditionErrors,
    long Throttled,
    long ActionsRun,
    long ActionFailures,
    DateTimeOffset? LastFired)
{
    /// <summary>A row of <see cref="AuditTallySql.PerRule"/>, the same on both back ends.</summary>
    public static RuleAuditTally Read(DbDataReader reader) => new(
        reader.GetString(0),
        reader.GetInt64(1),
        reader.GetInt64(2),
        reader.GetInt64(3),
        reader.GetInt64(4),
        reader.GetInt64(5),
        reader.GetInt64(6),
        reader.IsDBNull(7) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(7)));
}
