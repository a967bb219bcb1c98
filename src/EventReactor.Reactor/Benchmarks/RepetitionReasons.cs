namespace EventReactor.Reactor.Benchmarks;

/// <summary>Why a repetition failed, as recorded and fired: <c>exit &lt;code&gt;</c>, <c>oom</c>, <c>timeout</c>, <c>lost: ...</c>, <c>error: ...</c>.</summary>
public static class RepetitionReasons
{
    public const string Oom = "oom";
    public const string Timeout = "timeout";
    public const string Lost = "lost";

    public static string Exit(int code) => $"exit {code}";

    public static string LostBecause(string why) => $"{Lost}: {why}";

    public static string Error(string what) => $"error: {what}";
}
