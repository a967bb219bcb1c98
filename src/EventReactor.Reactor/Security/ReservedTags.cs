namespace EventReactor.Reactor.Security;

/// <summary>Tags that speak for a minion or the reactor itself; a token publishes them only when a glob names the prefix.</summary>
internal static class ReservedTags
{
    public static readonly IReadOnlyList<string> Prefixes = ["minion/", "job/", "presence/", "pool/", "reactor/"];

    public static string? PrefixOf(string tag) => Prefixes.FirstOrDefault(prefix => tag.StartsWith(prefix, StringComparison.Ordinal));
}
