namespace EventReactor.Contracts.Benchmarks;

/// <summary>The tags of a run's lifecycle: <c>bench/&lt;run&gt;/new|started|progress|done|failed|regressed</c>.</summary>
public static class BenchmarkTags
{
    public static string New(string run) => $"bench/{run}/new";

    public static string Started(string run) => $"bench/{run}/started";

    public static string Progress(string run) => $"bench/{run}/progress";

    public static string Finished(string run, bool failed) => failed ? $"bench/{run}/failed" : $"bench/{run}/done";

    public static string Regressed(string run) => $"bench/{run}/regressed";

    /// <summary>Reads <c>bench/&lt;run&gt;/done</c> or <c>bench/&lt;run&gt;/failed</c>: the end of a run, with its results.</summary>
    public static bool TryParseFinished(string tag, out string run, out bool failed)
    {
        (run, failed) = tag.Split('/') switch
        {
            ["bench", { Length: > 0 } r, "done"] => (r, false),
            ["bench", { Length: > 0 } r, "failed"] => (r, true),
            _ => (string.Empty, false),
        };
        return run.Length > 0;
    }
}
