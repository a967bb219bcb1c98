namespace EventReactor.Core.Benchmarks;

/// <summary>A host device passed into the container, e.g. <c>/dev/nvidia0</c>.</summary>
public sealed record SuiteDevice(string Host, string Container, string Permissions);
