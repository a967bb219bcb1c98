namespace EventReactor.Core.Benchmarks;

/// <summary>
/// Limits and pass-through for a suite's containers, in <c>container.run</c>'s terms: <see cref="Memory"/> as written
/// (<c>512m</c>), <see cref="Gpus"/> as the plain value of the suite's <c>gpus</c> (<c>all</c> or a map with <c>count</c> or <c>ids</c>).
/// </summary>
public sealed record SuiteResources(double? Cpus, string? Memory, IReadOnlyList<SuiteDevice> Devices, object? Gpus)
{
    public static SuiteResources None { get; } = new(null, null, [], null);
}
