using System.Globalization;
using EventReactor.Reactor;

namespace EventReactor.EndToEnd;

/// <summary>What one run measures; every value can be given as <c>--name value</c>.</summary>
internal sealed record BenchSettings(
    string Host,
    int Port,
    string VirtualHost,
    int Minions,
    int ContainersPerMinion,
    int Events,
    int WarmupEvents,
    IReadOnlyList<int> LatencyRates,
    int LatencySeconds,
    int Rules,
    int SustainSeconds,
    int SustainSteps,
    int SoakMinutes,
    int SoakRate,
    string Folder,
    int Index,
    int Partitions)
{
    // The reactor under test reads EVENTREACTOR__ variables; the harness counts the partition queues the same way.
    private const string PartitionsVariable = "EVENTREACTOR__Reactor__Partitions";

    public static BenchSettings Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Count; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"argument {i + 1} '{args[i]}' should be an option such as --events");
            }

            values[args[i][2..]] = args[i + 1];
        }

        int Int(string key, int fallback)
        {
            if (!values.TryGetValue(key, out var text))
            {
                return fallback;
            }

            return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= 0
                ? value
                : throw new ArgumentException($"--{key} '{text}' must be a whole number, 0 or more");
        }

        // --rate N (as before issue #10) measures latency at that one rate; --latency-rates takes a list.
        var rates = values.TryGetValue("latency-rates", out var list) ? list
            : values.TryGetValue("rate", out var single) ? single
            : "200,1000,5000";
        return new BenchSettings(
            values.GetValueOrDefault("host", "localhost"),
            Int("port", 5672),
            values.GetValueOrDefault("vhost", "eventreactor-bench"),
            Int("minions", 4),
            Int("containers", 25),
            Int("events", 20_000),
            Int("warmup", 20_000),
            ParseRates(rates),
            Int("latency-seconds", 15),
            Int("rules", 1000),
            Int("sustain-seconds", 30),
            Int("sustain-steps", 5),
            Int("minutes", 10),
            Int("rate", 1000),
            values.GetValueOrDefault("folder", string.Empty),
            Int("index", 0),
            ParsePartitions(Environment.GetEnvironmentVariable(PartitionsVariable)));
    }

    public string BusUrl => $"rabbitmq://guest:guest@{Host}:{Port}/{Uri.EscapeDataString(VirtualHost)}";

    private static int ParsePartitions(string? text) =>
        text is null ? ReactorOptions.DefaultPartitions
        : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value is >= 1 and <= ReactorOptions.MaxPartitions ? value
        : throw new ArgumentException($"{PartitionsVariable} '{text}' must be a whole number from 1 to {ReactorOptions.MaxPartitions}");

    private static int[] ParseRates(string text) =>
        [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(rate =>
            int.TryParse(rate, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0
                ? value
                : throw new ArgumentException($"--latency-rates '{text}': '{rate}' is not a positive number of events per second"))];
}
