using System.Text.Json;
using EventReactor.Core.Rules;
using EventReactor.Minion.Commands;

namespace EventReactor.Minion.Metrics;

/// <summary>Reads a sampling interval argument: seconds, or a duration such as <c>100ms</c>; never below the minimum.</summary>
internal static class SamplingInterval
{
    public static TimeSpan? Read(FunctionArguments arguments, string name, JsonElement? value)
    {
        TimeSpan? interval = value switch
        {
            null => null,
            { ValueKind: JsonValueKind.Number } seconds => TimeSpan.FromSeconds(seconds.GetDouble()),
            { ValueKind: JsonValueKind.String } text when DurationParser.TryParse(text.GetString()!, out var duration) => duration,
            _ => throw arguments.Bad(name, "must be seconds or a duration such as 100ms"),
        };
        if (interval < MetricsOptions.MinInterval)
        {
            throw arguments.Bad(name, $"must be at least {MetricsOptions.MinInterval.TotalMilliseconds} ms");
        }

        return interval;
    }
}
