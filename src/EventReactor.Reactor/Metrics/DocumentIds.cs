using System.Security.Cryptography;
using System.Text;

namespace EventReactor.Reactor.Metrics;

/// <summary>
/// Document ids derived from what identifies a sample or a result, never random: a batch the minion or the bus
/// delivers twice yields the same ids, and Elasticsearch answers the second <c>create</c> with 409, not a copy.
/// </summary>
internal static class DocumentIds
{
    public static string Container(string minion, string container, DateTimeOffset time) => Hash($"c\n{minion}\n{container}\n{UnixMicros.From(time)}");

    public static string Host(string minion, DateTimeOffset time) => Hash($"h\n{minion}\n{UnixMicros.From(time)}");

    public static string Benchmark(string run, string? minion, string? metric) => Hash($"b\n{run}\n{minion}\n{metric}");

    /// <summary>128 bits of SHA-256, hex: short enough for an _id, collisions out of reach.</summary>
    private static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)), 0, 16);
}
