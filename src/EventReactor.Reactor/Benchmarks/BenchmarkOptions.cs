namespace EventReactor.Reactor.Benchmarks;

/// <summary>Settings of benchmark runs (section <c>Reactor:Benchmarks</c>).</summary>
public sealed class BenchmarkOptions
{
    public const string Section = "Reactor:Benchmarks";

    /// <summary>The folder of suite files (<c>&lt;name&gt;.yaml</c>), read each time a run is requested.</summary>
    public string Path { get; set; } = "config/benchmarks";

    /// <summary>How long past a suite's timeout a repetition's return may take (image start, the return's trip) before the minion counts as lost.</summary>
    public TimeSpan ReturnGrace { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The baseline a finished run is compared against for <c>bench/&lt;run&gt;/regressed</c>.</summary>
    public RegressionBaselineOptions Regression { get; set; } = new();
}
