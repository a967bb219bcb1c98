namespace EventReactor.IntegrationTests.Infrastructure;

/// <summary>The chaos tests' verdict: every published event has exactly one committed reaction (<see cref="CommittedReactions"/>).</summary>
internal static class ExactlyOnce
{
    public static void AssertEach(IEnumerable<string> published, Dictionary<string, HashSet<string>> reactions)
    {
        var missing = published.Where(id => !reactions.ContainsKey(id)).ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} events have no committed reaction: {string.Join(',', missing.Take(20))}");
        var doubled = reactions.Where(r => r.Value.Count != 1).Select(r => $"{r.Key}: {string.Join(',', r.Value)}").ToList();
        Assert.True(doubled.Count == 0, $"{doubled.Count} events were acted on more than once: {string.Join("; ", doubled.Take(20))}");
    }
}
