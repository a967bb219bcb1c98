namespace EventReactor.Reactor.Benchmarks;

/// <summary>A run that cannot start as asked (unknown or invalid suite, a target that names no suitable minion); the message says why.</summary>
public sealed class BenchmarkRequestException(string message) : Exception(message);
