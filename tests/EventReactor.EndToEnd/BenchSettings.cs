using System.Globalization;

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
    int Rate,
    int LatencySeconds,
    int Rules)
{
    public static BenchSettings Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }

        int Int(string key, int fallback) => values.TryGetValue(key, out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
        return new BenchSettings(
            values.GetValueOrDefault("host", "localhost"),
            Int("port", 5672),
            values.GetValueOrDefault("vhost", "eventreactor-bench"),
            Int("minions", 4),
            Int("containers", 25),
            Int("events", 20_000),
            Int("warmup", 20_000),
            Int("rate", 200),
            Int("latency-seconds", 15),
            Int("rules", 1000));
    }

    public string BusUrl => $"rabbitmq://guest:guest@{Host}:{Port}/{Uri.EscapeDataString(VirtualHost)}";
}
