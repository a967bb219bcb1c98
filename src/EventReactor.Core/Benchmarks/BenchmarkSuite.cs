namespace EventReactor.Core.Benchmarks;

/// <summary>
/// A benchmark suite from <c>config/benchmarks/&lt;name&gt;.yaml</c>: what container to run, with which resources, on
/// which hosts, how often, and how to read its results from the container's output.
/// </summary>
public sealed record BenchmarkSuite(
    string Name,
    string? Description,
    string Image,
    IReadOnlyList<string>? Command,
    IReadOnlyDictionary<string, string> Env,
    SuiteResources Resources,
    SuiteTarget? Requirements,
    RepetitionPolicy Repetitions,
    int Retries,
    TimeSpan Timeout,
    TimeSpan? MetricsInterval,
    string Network,
    IReadOnlyList<ResultReader> Results,
    string File);
