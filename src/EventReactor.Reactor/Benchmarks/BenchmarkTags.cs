namespace EventReactor.Reactor.Benchmarks;

/// <summary>The tags of a run's lifecycle: <c>bench/&lt;run&gt;/new|started|progress|done|failed|regressed</c>.</summary>
public static class BenchmarkTags
{
    public static string New(string run) => $"bench/{run}/new";

    public static string Started(string run) => $"bench/{run}/started";

    public static string Progress(string run) => $"bench/{run}/progress";

    public static string Regressed(string run) => $"bench/{run}/regressed";

    public static string Finished(string run, bool failed) => failed ? $"bench/{run}/failed" : $"bench/{run}/done";
}
